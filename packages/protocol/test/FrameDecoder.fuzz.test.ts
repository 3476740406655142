import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { encodeFrame } from '../src/encodeFrame.js';
import { ProtocolError } from '../src/errors.js';
import { FrameDecoder, type DecodedFrame } from '../src/FrameDecoder.js';
import { v1, type EnvelopeInit } from '../src/messages.js';

const MAX = 4096;

const jobId = fc.string({ minLength: 1, maxLength: 20 });
const u32 = fc.integer({ min: 0, max: 0xffff_ffff });
const u53 = fc.maxSafeNat();

const envelopeArb: fc.Arbitrary<EnvelopeInit> = fc.oneof(
  fc.record({ ping: fc.record({ nonce: u53 }) }),
  fc.record({ cancel: fc.record({ jobId }) }),
  fc.record({
    submit: fc.record({
      jobId,
      prompt: fc.string({ maxLength: 200 }),
      sampling: fc.record({
        temperature: fc.float({ noNaN: true, noDefaultInfinity: true }),
        seed: u53,
      }),
      stop: fc.record({
        maxTokens: u32,
        stop: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
      }),
      resumeTokens: fc.array(u32, { maxLength: 20 }),
    }),
  }),
  fc.record({
    tokenDelta: fc.record({
      engineStep: u53,
      deltas: fc.array(
        fc.record({ jobId, tokenIds: fc.array(u32, { maxLength: 8 }), text: fc.string() }),
        { maxLength: 4 },
      ),
    }),
  }),
  fc.record({
    jobDone: fc.record({
      jobId,
      finishReason: fc.constantFrom(1, 2, 3),
      usage: fc.record({ promptTokens: u32, completionTokens: u32 }),
    }),
  }),
  fc.record({ drain: fc.constant({}) }),
);

/** Cut `bytes` at the given fractions into consecutive chunks. */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

function decodeAll(chunks: Uint8Array[]): DecodedFrame[] {
  const decoder = new FrameDecoder(MAX);
  const out: DecodedFrame[] = [];
  for (const chunk of chunks) {
    if (decoder.failed) break;
    out.push(...decoder.push(chunk));
  }
  return out;
}

/** A comparable fingerprint of one decode result. */
function fingerprint(frame: DecodedFrame): string {
  if (frame.error) return `error:${frame.error.code}`;
  return `ok:${Buffer.from(v1.Envelope.encode(frame.envelope).finish()).toString('hex')}`;
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

describe('FrameDecoder (fuzz)', () => {
  it('decodes every good frame whatever the chunking', () => {
    fc.assert(
      fc.property(fc.array(envelopeArb, { maxLength: 10 }), cutsArb, (envelopes, cuts) => {
        const frames = envelopes.map((e) => encodeFrame(e, MAX));
        const decoded = decodeAll(split(Buffer.concat(frames), cuts));
        expect(decoded).toHaveLength(envelopes.length);
        decoded.forEach((d, i) => {
          expect(d.error).toBeUndefined();
          const reencoded = v1.Envelope.encode(d.envelope!).finish();
          expect(Buffer.from(reencoded)).toEqual(Buffer.from(frames[i]!.subarray(4)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes, and only ever reports ProtocolErrors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), cutsArb, cutsArb, (bytes, cutsA, cutsB) => {
        const a = decodeAll(split(bytes, cutsA));
        const b = decodeAll(split(bytes, cutsB));
        for (const frame of a) {
          if (frame.error) expect(frame.error).toBeInstanceOf(ProtocolError);
          else expect(frame.envelope.payload).toBeDefined();
        }
        // The result depends on the bytes only, never on where the chunks were cut.
        expect(a.map(fingerprint)).toEqual(b.map(fingerprint));
      }),
      { numRuns: 500 },
    );
  });

  it('reports a corrupted frame and still decodes the good frames around it', () => {
    fc.assert(
      fc.property(
        fc.array(envelopeArb, { maxLength: 4 }),
        fc.uint8Array({ maxLength: 100 }),
        fc.array(envelopeArb, { maxLength: 4 }),
        cutsArb,
        (before, garbage, after, cuts) => {
          const bad = new Uint8Array(4 + garbage.length);
          new DataView(bad.buffer).setUint32(0, garbage.length, false);
          bad.set(garbage, 4);
          const stream = Buffer.concat([
            ...before.map((e) => encodeFrame(e, MAX)),
            bad,
            ...after.map((e) => encodeFrame(e, MAX)),
          ]);
          const decoded = decodeAll(split(stream, cuts));
          expect(decoded).toHaveLength(before.length + 1 + after.length);
          const good = [...decoded.slice(0, before.length), ...decoded.slice(before.length + 1)];
          expect(good.every((d) => d.envelope !== undefined)).toBe(true);
          const middle = decoded[before.length]!;
          // Random bytes may happen to be a valid Envelope; otherwise a non-fatal error.
          if (middle.error) expect(middle.error.fatal).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops with one fatal error at an oversize prefix, keeping the frames before it', () => {
    fc.assert(
      fc.property(
        fc.array(envelopeArb, { maxLength: 4 }),
        fc.integer({ min: MAX + 1, max: 0xffff_ffff }),
        fc.uint8Array({ maxLength: 50 }),
        cutsArb,
        (before, length, tail, cuts) => {
          const prefix = new Uint8Array(4);
          new DataView(prefix.buffer).setUint32(0, length, false);
          const stream = Buffer.concat([...before.map((e) => encodeFrame(e, MAX)), prefix, tail]);
          const decoded = decodeAll(split(stream, cuts));
          expect(decoded).toHaveLength(before.length + 1);
          expect(decoded.at(-1)?.error?.code).toBe('PROTOCOL_ERR_FRAME_TOO_LARGE');
          expect(decoded.at(-1)?.error?.fatal).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
