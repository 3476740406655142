import { describe, expect, test } from '@jest/globals';
import { GgmlType, dequantize, f16BitsToF32, ggmlTypeName, quantize } from '@llorch/gguf';
import { NativeError, testOps } from '@llorch/native';
import { randomMatrix } from './randomMatrix.js';

// The CUDA backend rewrites quantized weights into a planar layout at upload
// (src/backend/weight_layout.h). This reads the planar bytes as that header documents them, element
// by element, and checks every value against @llorch/gguf's reference dequantizer of the original
// GGUF blocks, so a misplaced quant, high bit or scale shows up here without a GPU.

const f16At = (r: Uint8Array, o: number): number => f16BitsToF32(r[o]! | (r[o + 1]! << 8));
const i8 = (b: number): number => (b << 24) >> 24;

// Element i of its chunk: byte i of the chunk's 4-byte word (low nibble) for i < 4, else the high
// nibble of byte i - 4.
function nibble(r: Uint8Array, e: number): number {
  const b = r[4 * (e >> 3) + (e & 3)]!;
  return (e & 7) < 4 ? b & 15 : b >> 4;
}

// ggml's get_scale_min_k4 over the 12 scale bytes at `o`.
function scaleMinK4(r: Uint8Array, o: number, j: number): [number, number] {
  if (j < 4) return [r[o + j]! & 63, r[o + j + 4]! & 63];
  return [
    (r[o + j + 4]! & 15) | ((r[o + j - 4]! >> 6) << 4),
    (r[o + j + 4]! >> 4) | ((r[o + j]! >> 6) << 4),
  ];
}

// Element e of one planar row of `cols` elements.
function planarElement(type: GgmlType, r: Uint8Array, cols: number, e: number): number {
  switch (type) {
    case GgmlType.Q8_0:
      return i8(r[e]!) * f16At(r, cols + 2 * (e >> 5));
    case GgmlType.Q4_0:
      return (nibble(r, e) - 8) * f16At(r, cols / 2 + 2 * (e >> 5));
    case GgmlType.Q5_0: {
      const h = (r[cols / 2 + (e >> 3)]! >> (e & 7)) & 1;
      return ((nibble(r, e) | (h << 4)) - 16) * f16At(r, cols / 2 + cols / 8 + 2 * (e >> 5));
    }
    case GgmlType.Q4_K: {
      const head = cols / 2 + 16 * (e >> 8);
      const [sc, mn] = scaleMinK4(r, head + 4, (e & 255) >> 5);
      return f16At(r, head) * sc * nibble(r, e) - f16At(r, head + 2) * mn;
    }
    case GgmlType.Q6_K: {
      const hiWord = r[cols / 2 + 2 * (e >> 3)]! | (r[cols / 2 + 2 * (e >> 3) + 1]! << 8);
      const q = (nibble(r, e) | (((hiWord >> (2 * (e & 7))) & 3) << 4)) - 32;
      return f16At(r, (13 * cols) / 16 + 2 * (e >> 8)) * i8(r[(3 * cols) / 4 + (e >> 4)]!) * q;
    }
    default:
      throw new Error(`no planar layout for ${ggmlTypeName(type)}`);
  }
}

// Row widths: the benchmark model's 896 and 4864, and 3 or 5 blocks (rows starting at only 2- or
// 4-byte aligned offsets).
const CASES: Array<[GgmlType, number[]]> = [
  [GgmlType.Q8_0, [896, 4864, 96, 160]],
  [GgmlType.Q4_0, [896, 96, 160]],
  [GgmlType.Q5_0, [896, 4864, 96, 160]],
  [GgmlType.Q4_K, [4864, 768]],
  [GgmlType.Q6_K, [4864, 1024]],
];

describe('planar weight layout of the CUDA backend', () => {
  for (const [type, widths] of CASES) {
    for (const cols of widths) {
      test(`${ggmlTypeName(type)} rows of ${cols}: every element decodes as the GGUF block did`, () => {
        const rows = 3;
        const bytes = quantize(type, randomMatrix(rows * cols, 7 + cols + type));
        const ref = dequantize(type, bytes, rows * cols);
        const planar = testOps.toPlanar(type, bytes, rows, cols);
        expect(planar.length).toBe(bytes.length);
        const rb = bytes.length / rows;
        let differ = 0;
        for (let row = 0; row < rows; row++) {
          const r = planar.subarray(row * rb, (row + 1) * rb);
          for (let e = 0; e < cols; e++) {
            const want = ref[row * cols + e]!;
            if (
              Math.abs(planarElement(type, r, cols, e) - want) >
              1e-5 * Math.max(1, Math.abs(want))
            ) {
              differ++;
            }
          }
        }
        expect(differ).toBe(0);
        // The rewrite moves bytes; it must not leave the GGUF order in place.
        expect(Buffer.from(planar).equals(Buffer.from(bytes))).toBe(false);
      });
    }
  }

  test('types without a planar layout come back unchanged', () => {
    for (const type of [GgmlType.F16, GgmlType.Q4_1, GgmlType.Q5_K, GgmlType.Q3_K]) {
      const bytes = quantize(type, randomMatrix(2 * 512, 3 + type));
      expect(Buffer.from(testOps.toPlanar(type, bytes, 2, 512)).equals(Buffer.from(bytes))).toBe(
        true,
      );
    }
  });

  test('bad shapes are typed errors', () => {
    const bytes = quantize(GgmlType.Q8_0, new Float32Array(64));
    const code = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        return (e as NativeError).code;
      }
      return 'no error';
    };
    expect(code(() => testOps.toPlanar(GgmlType.Q8_0, bytes, 3, 64))).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
    expect(code(() => testOps.toPlanar(GgmlType.Q4_K, bytes, 1, 64))).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
  });
});
