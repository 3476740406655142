import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GgufError, parseGguf, readGguf } from '@llorch/gguf';
import { sharedFile } from '../../../test/support/sharedFile.js';

// Damaged files must parse or fail with a GGUF_ERR_* code: never a RangeError from an
// allocation sized by a bogus count, never a TypeError, never a hang.

const targets = [
  sharedFile('models/stories260K.gguf'),
  sharedFile('tokenizer-vectors/ggml-vocab-llama-spm.gguf'),
].filter((f): f is string => f !== undefined);

function parsesOrThrowsGgufError(bytes: Uint8Array): void {
  try {
    parseGguf(bytes);
  } catch (err) {
    if (!(err instanceof GgufError) || !err.code.startsWith('GGUF_ERR_')) throw err;
  }
}

describe.each(targets.map((f) => [path.basename(f), f]))('fuzzing %s', (_name, file) => {
  const original = new Uint8Array(readFileSync(file));
  // Mutations aimed at the header, where every byte is structure; the tensor data is opaque.
  const headerEnd = parseGguf(original).dataOffset;

  it('survives random truncations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: original.length - 1 }), (cut) => {
        parsesOrThrowsGgufError(original.subarray(0, cut));
      }),
      { numRuns: 600 },
    );
  });

  it('survives random byte mutations in the header', () => {
    const mutation = fc.record({
      pos: fc.integer({ min: 0, max: headerEnd - 1 }),
      value: fc.integer({ min: 0, max: 255 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (muts) => {
        const bytes = original.slice();
        for (const { pos, value } of muts) bytes[pos] = value;
        parsesOrThrowsGgufError(bytes);
      }),
      { numRuns: 600 },
    );
  });

  it('survives oversized counts and lengths written over u64 fields', () => {
    // Put huge or off-by-some u64 values at random 8-byte-aligned-or-not positions.
    const big = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
      fc.bigInt({ min: 0n, max: 1n << 24n }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: Math.min(headerEnd, original.length) - 8 }),
        big,
        (pos, value) => {
          const bytes = original.slice();
          new DataView(bytes.buffer).setBigUint64(pos, value, true);
          parsesOrThrowsGgufError(bytes);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('reads truncated copies from disk with typed errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gguf-fuzz-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: original.length - 1 }), async (cut) => {
          const f = path.join(dir, 'cut.gguf');
          writeFileSync(f, original.subarray(0, cut));
          await expect(readGguf(f)).rejects.toBeInstanceOf(GgufError);
        }),
        { numRuns: 40 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
