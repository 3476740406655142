import { describe, expect, it } from '@jest/globals';
import { encodeFrame } from '../src/encodeFrame.js';
import { ProtocolError } from '../src/errors.js';
import { FrameDecoder } from '../src/FrameDecoder.js';
import { v1 } from '../src/messages.js';

describe('encodeFrame', () => {
  it('prefixes the Envelope bytes with their big-endian length', () => {
    const frame = encodeFrame({ cancel: { jobId: 'job-1' } });
    const body = v1.Envelope.encode({ cancel: { jobId: 'job-1' } }).finish();
    expect(new DataView(frame.buffer, frame.byteOffset).getUint32(0, false)).toBe(body.length);
    expect(Buffer.from(frame.subarray(4))).toEqual(Buffer.from(body));
  });

  it('round-trips 64-bit fields as plain numbers', () => {
    const big = 2 ** 40 + 7;
    const [frame] = new FrameDecoder().push(
      encodeFrame({ stats: { memoryUsedBytes: big, engineSteps: 3 } }),
    );
    expect(frame?.envelope?.stats?.memoryUsedBytes).toBe(big);
    expect(typeof frame?.envelope?.stats?.engineSteps).toBe('number');
  });

  it('refuses a frame over the limit with PROTOCOL_ERR_FRAME_TOO_LARGE', () => {
    const envelope = { jobFailed: { jobId: 'j', code: 'X', message: 'm'.repeat(100) } };
    expect(() => encodeFrame(envelope, 50)).toThrow(ProtocolError);
    try {
      encodeFrame(envelope, 50);
    } catch (error) {
      expect((error as ProtocolError).code).toBe('PROTOCOL_ERR_FRAME_TOO_LARGE');
      expect((error as ProtocolError).fatal).toBe(false);
    }
  });

  it('encodes a frame of exactly the limit', () => {
    const envelope = { ping: { nonce: 5 } };
    const size = v1.Envelope.encode(envelope).finish().length;
    expect(encodeFrame(envelope, size).length).toBe(size + 4);
  });
});
