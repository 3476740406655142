import { describe, expect, it } from '@jest/globals';
import { encodeFrame } from '../src/encodeFrame.js';
import { ProtocolError } from '../src/errors.js';
import { FrameDecoder } from '../src/FrameDecoder.js';

function lengthPrefixed(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, body.length, false);
  out.set(body, 4);
  return out;
}

describe('FrameDecoder', () => {
  it('decodes coalesced frames from one chunk', () => {
    const chunk = Buffer.concat([
      encodeFrame({ ping: { nonce: 1 } }),
      encodeFrame({ cancel: { jobId: 'a' } }),
      encodeFrame({ drain: {} }),
    ]);
    const frames = new FrameDecoder().push(chunk);
    expect(frames.map((f) => f.envelope?.payload)).toEqual(['ping', 'cancel', 'drain']);
    expect(frames[1]?.envelope?.cancel?.jobId).toBe('a');
  });

  it('reassembles a frame delivered one byte at a time', () => {
    const frame = encodeFrame({ submit: { jobId: 'j', prompt: 'Once upon a time' } });
    const decoder = new FrameDecoder();
    const frames = [];
    for (const byte of frame) frames.push(...decoder.push(Uint8Array.of(byte)));
    expect(frames).toHaveLength(1);
    expect(frames[0]?.envelope?.submit?.prompt).toBe('Once upon a time');
    expect(decoder.bufferedBytes).toBe(0);
    expect(decoder.end()).toBeUndefined();
  });

  it('reports an empty Envelope without losing the next frame', () => {
    const frames = new FrameDecoder().push(
      Buffer.concat([lengthPrefixed(new Uint8Array(0)), encodeFrame({ ping: { nonce: 2 } })]),
    );
    expect(frames[0]?.error?.code).toBe('PROTOCOL_ERR_EMPTY_ENVELOPE');
    expect(frames[0]?.error?.fatal).toBe(false);
    expect(frames[1]?.envelope?.ping?.nonce).toBe(2);
  });

  it('reports undecodable bytes without losing the next frame', () => {
    // Field 1, wire type 7: no such wire type.
    const frames = new FrameDecoder().push(
      Buffer.concat([lengthPrefixed(Uint8Array.of(0x0f, 0x00)), encodeFrame({ drain: {} })]),
    );
    expect(frames[0]?.error?.code).toBe('PROTOCOL_ERR_UNDECODABLE');
    expect(frames[1]?.envelope?.payload).toBe('drain');
  });

  it('reports a string field holding invalid UTF-8 as undecodable', () => {
    // Envelope.cancel (field 3, len 3) { job_id (field 1, len 1) = 0xff }
    const frames = new FrameDecoder().push(lengthPrefixed(Uint8Array.of(0x1a, 3, 0x0a, 1, 0xff)));
    expect(frames[0]?.error?.code).toBe('PROTOCOL_ERR_UNDECODABLE');
  });

  it('stops at an oversize length prefix and refuses more input', () => {
    const decoder = new FrameDecoder(16);
    const oversize = Uint8Array.of(0, 0, 0, 17, 1, 2, 3);
    const frames = decoder.push(Buffer.concat([encodeFrame({ ping: { nonce: 3 } }), oversize]));
    expect(frames[0]?.envelope?.ping?.nonce).toBe(3);
    expect(frames[1]?.error?.code).toBe('PROTOCOL_ERR_FRAME_TOO_LARGE');
    expect(frames[1]?.error?.fatal).toBe(true);
    expect(frames).toHaveLength(2);
    expect(decoder.failed).toBe(true);
    expect(() => decoder.push(encodeFrame({ ping: {} }))).toThrow(
      expect.objectContaining({ code: 'PROTOCOL_ERR_DECODER_FAILED' }),
    );
  });

  it('reports a stream that ends inside a frame', () => {
    const decoder = new FrameDecoder();
    decoder.push(encodeFrame({ ping: { nonce: 4 } }).subarray(0, 5));
    expect(decoder.end()?.code).toBe('PROTOCOL_ERR_TRUNCATED');
  });

  it('rejects a bad maxFrameBytes', () => {
    expect(() => new FrameDecoder(-1)).toThrow(ProtocolError);
    expect(() => new FrameDecoder(1.5)).toThrow(
      expect.objectContaining({ code: 'PROTOCOL_ERR_BAD_OPTION' }),
    );
  });
});
