import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { TailBuffer } from '../src/TailBuffer.js';

describe('TailBuffer', () => {
  it('keeps exactly the last `limit` bytes of whatever was written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 50 })),
        fc.integer({ min: 1, max: 64 }),
        (chunks, limit) => {
          const t = new TailBuffer(limit);
          for (const c of chunks) t.write(Buffer.from(c));
          const all = Buffer.concat(chunks.map((c) => Buffer.from(c)));
          expect(t.toString()).toBe(all.subarray(Math.max(0, all.length - limit)).toString('utf8'));
        },
      ),
    );
  });
});
