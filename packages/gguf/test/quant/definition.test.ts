import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { GgmlType, dequantize, f16BitsToF32, ggmlTypeInfo, ggmlTypeName } from '@llorch/gguf';

// Each format's definition written per element, straight from ggml-common.h's block layout,
// checked bit for bit against the dequantizers on random blocks (any byte pattern is a block).
// Values are computed in double and rounded once to float32, which is what ggml's float code
// gives: every product of a stored scale and a quant below is exact in float32, or (Q6_K) the
// only rounding.

const f16 = (b: Uint8Array, o: number) => f16BitsToF32(b[o]! | (b[o + 1]! << 8));
const i8 = (v: number) => (v << 24) >> 24;

/** ggml's get_scale_min_k4, written from the bit layout. */
function k4(b: Uint8Array, s: number, j: number): [number, number] {
  if (j < 4) return [b[s + j]! & 63, b[s + j + 4]! & 63];
  return [
    (b[s + j + 4]! & 15) | ((b[s + j - 4]! >> 6) << 4),
    (b[s + j + 4]! >> 4) | ((b[s + j]! >> 6) << 4),
  ];
}

type Element = (b: Uint8Array, e: number) => number;

const DEFINITIONS: Array<[GgmlType, Element]> = [
  [GgmlType.Q8_0, (b, e) => f16(b, 0) * i8(b[2 + e]!)],
  [GgmlType.Q4_0, (b, e) => f16(b, 0) * (((b[2 + (e & 15)]! >> (e < 16 ? 0 : 4)) & 15) - 8)],
  [GgmlType.Q4_1, (b, e) => f16(b, 0) * ((b[4 + (e & 15)]! >> (e < 16 ? 0 : 4)) & 15) + f16(b, 2)],
  [
    GgmlType.Q5_0,
    (b, e) => {
      const qh = (b[2]! | (b[3]! << 8) | (b[4]! << 16) | (b[5]! << 24)) >>> 0;
      const q = ((b[6 + (e & 15)]! >> (e < 16 ? 0 : 4)) & 15) | (((qh >>> e) & 1) << 4);
      return f16(b, 0) * (q - 16);
    },
  ],
  [
    GgmlType.Q5_1,
    (b, e) => {
      const qh = (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0;
      const q = ((b[8 + (e & 15)]! >> (e < 16 ? 0 : 4)) & 15) | (((qh >>> e) & 1) << 4);
      return f16(b, 0) * q + f16(b, 2);
    },
  ],
  [
    GgmlType.Q2_K,
    (b, e) => {
      const sc = b[e >> 4]!;
      const q = (b[16 + (e >> 7) * 32 + (e & 31)]! >> (2 * ((e >> 5) & 3))) & 3;
      return f16(b, 80) * (sc & 15) * q - f16(b, 82) * (sc >> 4);
    },
  ],
  [
    GgmlType.Q3_K,
    (b, e) => {
      const i = e >> 4;
      const lo = i < 8 ? b[96 + i]! & 15 : b[96 + i - 8]! >> 4;
      const sc = lo | (((b[104 + (i & 3)]! >> (2 * (i >> 2))) & 3) << 4);
      const low = (b[32 + (e >> 7) * 32 + (e & 31)]! >> (2 * ((e >> 5) & 3))) & 3;
      const high = (b[e & 31]! >> (e >> 5)) & 1;
      return f16(b, 108) * (sc - 32) * (low + 4 * high - 4);
    },
  ],
  [
    GgmlType.Q4_K,
    (b, e) => {
      const [sc, m] = k4(b, 4, e >> 5);
      const q = (b[16 + (e >> 6) * 32 + (e & 31)]! >> ((e & 32) === 0 ? 0 : 4)) & 15;
      return f16(b, 0) * sc * q - f16(b, 2) * m;
    },
  ],
  [
    GgmlType.Q5_K,
    (b, e) => {
      const [sc, m] = k4(b, 4, e >> 5);
      const low = (b[48 + (e >> 6) * 32 + (e & 31)]! >> ((e & 32) === 0 ? 0 : 4)) & 15;
      const q = low | (((b[16 + (e & 31)]! >> (e >> 5)) & 1) << 4);
      return f16(b, 0) * sc * q - f16(b, 2) * m;
    },
  ],
  [
    GgmlType.Q6_K,
    (b, e) => {
      const half = e >> 7;
      const g = (e >> 5) & 3;
      const l = e & 31;
      const low = (b[half * 64 + l + 32 * (g & 1)]! >> (g >= 2 ? 4 : 0)) & 15;
      const high = (b[128 + half * 32 + l]! >> (2 * g)) & 3;
      return f16(b, 208) * i8(b[192 + (e >> 4)]!) * ((low | (high << 4)) - 32);
    },
  ],
];

describe.each(DEFINITIONS.map(([t, f]) => [ggmlTypeName(t), t, f] as const))(
  '%s dequantization',
  (_name, type, element) => {
    const info = ggmlTypeInfo(type)!;

    it('matches the per-element definition bit for bit on random blocks', () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: info.bytesPerBlock * 2, maxLength: info.bytesPerBlock * 2 }),
          (bytes) => {
            const n = info.blockSize * 2;
            const got = Array.from(dequantize(type, bytes, n), (v) => v + 0);
            const want = Array.from({ length: n }, (_, e) => {
              const block = bytes.subarray(Math.floor(e / info.blockSize) * info.bytesPerBlock);
              return Math.fround(element(block, e % info.blockSize)) + 0;
            });
            expect(got).toEqual(want);
          },
        ),
        { numRuns: 200 },
      );
    });
  },
);
