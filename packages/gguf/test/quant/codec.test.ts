import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  CODEC_TYPES,
  GgmlType,
  GgufError,
  dequantize,
  ggmlTypeInfo,
  ggmlTypeName,
  quantize,
  quantizedBytes,
} from '@llorch/gguf';

/**
 * Error bounds per type, as a fraction of the largest magnitude in the format's block (32 or
 * 256 elements): half a step (or a full step where the format clamps one end) plus the F16
 * rounding of the block scale(s), for values whose scales stay in the normal F16 range (block
 * maxima above ~0.01). `nrmse` bounds the normalised RMS error of a 64-super-block tensor of the
 * heavy-tailed samples below (1% outliers at 8x widen the blocks they land in); it is a statistic,
 * so it is checked on fixed samples large enough to sit near their median, not on the random
 * draws of the property (one 256-element draw of Q2_K reached 0.56 in CI).
 */
const BOUNDS: Record<string, { maxOfBlockAmax: number; nrmse: number }> = {
  F32: { maxOfBlockAmax: 0, nrmse: 0 },
  F16: { maxOfBlockAmax: 2 ** -11, nrmse: 4e-4 },
  BF16: { maxOfBlockAmax: 2 ** -8, nrmse: 3e-3 },
  Q8_0: { maxOfBlockAmax: 1 / 254 + 2 ** -10, nrmse: 0.015 },
  Q4_0: { maxOfBlockAmax: 1 / 8 + 2 ** -9, nrmse: 0.22 },
  Q4_1: { maxOfBlockAmax: 1 / 15 + 2 ** -8, nrmse: 0.15 },
  Q5_0: { maxOfBlockAmax: 1 / 16 + 2 ** -9, nrmse: 0.11 },
  Q5_1: { maxOfBlockAmax: 1 / 31 + 2 ** -8, nrmse: 0.075 },
  Q2_K: { maxOfBlockAmax: 0.45, nrmse: 0.55 },
  Q3_K: { maxOfBlockAmax: 0.3, nrmse: 0.3 },
  Q4_K: { maxOfBlockAmax: 0.09, nrmse: 0.15 },
  Q5_K: { maxOfBlockAmax: 0.05, nrmse: 0.075 },
  // A full step (the signed maximum maps to -32, so +32 clamps to 31) plus the int8 sub-block
  // scale's rounding (at most 16*d = amax/254).
  Q6_K: { maxOfBlockAmax: 1 / 32 + 1 / 254 + 2 ** -9, nrmse: 0.045 },
};

/** Gaussian-ish values with a per-block spread and occasional outliers, from a seed. */
function sample(seed: number, n: number, scale: number): Float32Array {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const g = next() + next() + next() + next() - 2;
    out[i] = g * scale * (next() < 0.01 ? 8 : 1);
  }
  return out;
}

describe.each(CODEC_TYPES.map((t) => [ggmlTypeName(t), t]))('%s round trip', (name, type) => {
  const info = ggmlTypeInfo(type)!;
  const block = Math.max(info.blockSize, 32);
  const bound = BOUNDS[name]!;

  it('stays within the error bound', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(0.01, 0.02, 1, 300),
        fc.integer({ min: 1, max: 4 }),
        (seed, scale, blocks) => {
          const n = 256 * blocks;
          const x = sample(seed, n, scale);
          const bytes = quantize(type, x);
          expect(bytes.length).toBe(quantizedBytes(type, n));
          const y = dequantize(type, bytes, n);
          let worstExcess = -Infinity;
          for (let b = 0; b < n; b += block) {
            let amax = 0;
            for (let j = 0; j < block; j++) amax = Math.max(amax, Math.abs(x[b + j]!));
            for (let j = 0; j < block; j++) {
              const err = Math.abs(x[b + j]! - y[b + j]!);
              const limit =
                info.blockSize === 1
                  ? Math.abs(x[b + j]!) * bound.maxOfBlockAmax + 2 ** -25
                  : amax * bound.maxOfBlockAmax;
              worstExcess = Math.max(worstExcess, err - limit);
            }
          }
          expect(worstExcess).toBeLessThanOrEqual(0);
        },
      ),
      // The first example is a block that a full-step bound below 1/32 once failed in CI.
      { numRuns: 25, examples: [[2057749520, 0.02, 2]] },
    );
  });

  it.each([0.01, 1, 300])(
    'keeps the normalised RMS error of a large tensor (scale %p) bounded',
    (scale) => {
      const n = 256 * 64;
      const x = sample(11, n, scale);
      const y = dequantize(type, quantize(type, x), n);
      let se = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        se += (x[i]! - y[i]!) ** 2;
        ss += x[i]! ** 2;
      }
      expect(Math.sqrt(se / ss)).toBeLessThanOrEqual(bound.nrmse);
    },
  );

  it('maps an all-zero tensor to zeros', () => {
    const y = dequantize(type, quantize(type, new Float32Array(256)), 256);
    expect(y.every((v) => v === 0)).toBe(true);
  });

  it('re-quantizes its own output to the same bytes (decoded values are representable)', () => {
    const x = sample(7, 512, 1);
    const once = dequantize(type, quantize(type, x), 512);
    const twice = dequantize(type, quantize(type, once), 512);
    let worst = 0;
    for (let i = 0; i < 512; i++) worst = Math.max(worst, Math.abs(once[i]! - twice[i]!));
    expect(worst).toBeLessThanOrEqual(bound.maxOfBlockAmax * 4);
  });
});

describe('codec input checks', () => {
  it('rejects partial blocks and short buffers with GGUF_ERR_BAD_QUANT_INPUT', () => {
    expect(() => quantize(GgmlType.Q4_K, new Float32Array(100))).toThrow(GgufError);
    expect(() => dequantize(GgmlType.Q8_0, new Uint8Array(33), 32)).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_BAD_QUANT_INPUT' }),
    );
    expect(() => quantize(GgmlType.IQ2_XXS, new Float32Array(256))).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_BAD_QUANT_INPUT' }),
    );
  });
});
