import { describe, expect, test } from '@jest/globals';
import { CODEC_TYPES, GgmlType, dequantize, ggmlTypeName, quantize } from '@llorch/gguf';
import { NativeError, testOps } from '@llorch/native';
import { randomMatrix } from './randomMatrix.js';

// Every weight type the engine supports: the CPU kernels must agree with @llorch/gguf's
// reference dequantizers (exact ggml block layouts) on weights quantized by its quantizers.
const TYPES = [
  GgmlType.F32,
  GgmlType.F16,
  GgmlType.BF16,
  GgmlType.Q8_0,
  GgmlType.Q4_0,
  GgmlType.Q4_1,
  GgmlType.Q5_0,
  GgmlType.Q5_1,
  GgmlType.Q2_K,
  GgmlType.Q3_K,
  GgmlType.Q4_K,
  GgmlType.Q5_K,
  GgmlType.Q6_K,
];

describe('CPU matmul over stored weight types', () => {
  test('the reference codecs cover every engine type', () => {
    for (const t of TYPES) expect(CODEC_TYPES).toContain(t);
  });

  for (const type of TYPES) {
    test(`${ggmlTypeName(type)}: dequantize matches the TS reference, matmul matches f64 dot`, () => {
      const rows = 7;
      const cols = 512;
      const n = 5;
      const w = randomMatrix(rows * cols, 17 + type);
      const bytes = quantize(type, w);
      const ref = dequantize(type, bytes, rows * cols);

      const native = testOps.dequantize(type, bytes, rows, cols);
      expect(native.length).toBe(rows * cols);
      for (let i = 0; i < ref.length; i++) {
        expect(Math.abs(native[i]! - ref[i]!)).toBeLessThanOrEqual(
          1e-6 * Math.max(1, Math.abs(ref[i]!)),
        );
      }

      const x = randomMatrix(n * cols, 99);
      const y = testOps.matmul(type, bytes, rows, cols, x);
      expect(y.length).toBe(n * rows);
      for (let i = 0; i < n; i++) {
        for (let r = 0; r < rows; r++) {
          let want = 0;
          let scale = 0;
          for (let c = 0; c < cols; c++) {
            want += ref[r * cols + c]! * x[i * cols + c]!;
            scale += Math.abs(ref[r * cols + c]! * x[i * cols + c]!);
          }
          expect(Math.abs(y[i * rows + r]! - want)).toBeLessThanOrEqual(1e-5 * scale + 1e-6);
        }
      }
    });
  }

  test('decode rows (fused dequant+dot) give bit-identical results to batched rows', () => {
    // 23 weight rows: two 8-row tiles of the AVX-512 path plus 4 + 2 + 1 rows for the other
    // batched paths; 13 activation rows: two 6-row groups plus an odd one (a half-empty pair).
    const rows = 23;
    const cols = 512;
    const x = randomMatrix(13 * cols, 5);
    for (const type of TYPES) {
      const bytes = quantize(type, randomMatrix(rows * cols, 40 + type));
      const batched = testOps.matmul(type, bytes, rows, cols, x);
      for (const n of [1, 2, 3, 5, 7]) {
        const few = testOps.matmul(type, bytes, rows, cols, x.subarray(0, n * cols));
        expect([ggmlTypeName(type), n, Array.from(few)]).toEqual([
          ggmlTypeName(type),
          n,
          Array.from(batched.subarray(0, n * rows)),
        ]);
      }
    }
  });

  test('bad shapes and types are typed errors', () => {
    const bytes = quantize(GgmlType.Q8_0, new Float32Array(64));
    const x = new Float32Array(64);
    const code = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        return (e as NativeError).code;
      }
      return 'no error';
    };
    expect(code(() => testOps.matmul(GgmlType.Q8_0, bytes, 1, 48, x))).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
    expect(code(() => testOps.matmul(GgmlType.Q8_0, bytes, 3, 64, x))).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
    expect(code(() => testOps.matmul(GgmlType.Q8_0, bytes, 1, 64, new Float32Array(63)))).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
    expect(code(() => testOps.matmul(GgmlType.IQ2_XXS, bytes, 1, 64, x))).toBe(
      'NATIVE_ERR_UNSUPPORTED_TYPE',
    );
  });
});
