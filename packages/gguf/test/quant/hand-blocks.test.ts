import { describe, expect, it } from '@jest/globals';
import { GgmlType, dequantize } from '@llorch/gguf';

// Blocks written byte by byte from the layouts in ggml-common.h; the expected floats come from
// each format's definition written per element here, independently of the dequantizers' loops.

const F16_ONE = [0x00, 0x3c];
const F16_HALF = [0x00, 0x38];
const F16_QUARTER = [0x00, 0x34];
const F16_TWO = [0x00, 0x40];
const F16_MINUS_ONE = [0x00, 0xbc];

/** Plain numbers with -0 folded into 0, so expectations can be written as literals. */
function values(type: GgmlType, bytes: number[], n: number): number[] {
  return Array.from(dequantize(type, Uint8Array.from(bytes), n), (v) => v + 0);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe('dequantization of hand-built blocks', () => {
  it('F16 and BF16', () => {
    expect(values(GgmlType.F16, [...F16_ONE, 0x00, 0xc0, 0x01, 0x00, 0xff, 0x7b], 4)).toEqual([
      1,
      -2,
      2 ** -24,
      65504,
    ]);
    expect(values(GgmlType.BF16, [0x80, 0x3f, 0xa0, 0xc0], 2)).toEqual([1, -5]);
  });

  it('Q8_0: x = d * q', () => {
    const qs = range(32).map((j) => (j - 16) & 0xff);
    const y = values(GgmlType.Q8_0, [...F16_HALF, ...qs], 32);
    expect(y).toEqual(range(32).map((j) => (j - 16) * 0.5));
    expect(y[0]).toBe(-8);
    expect(y[31]).toBe(7.5);
  });

  it('Q4_0: x = d * (nibble - 8), low nibbles first', () => {
    const qs = range(16).map((j) => j | ((15 - j) << 4));
    const y = values(GgmlType.Q4_0, [...F16_QUARTER, ...qs], 32);
    expect(y.slice(0, 16)).toEqual(range(16).map((j) => (j - 8) * 0.25));
    expect(y.slice(16)).toEqual(range(16).map((j) => (7 - j) * 0.25));
    expect([y[0], y[15], y[16], y[31]]).toEqual([-2, 1.75, 1.75, -2]);
  });

  it('Q4_1: x = d * nibble + m', () => {
    const y = values(GgmlType.Q4_1, [...F16_TWO, ...F16_MINUS_ONE, ...Array(16).fill(0x5a)], 32);
    expect(y).toEqual([...Array(16).fill(19), ...Array(16).fill(9)]);
  });

  it('Q5_0: x = d * ((nibble | fifth bit << 4) - 16)', () => {
    const qh = [0x01, 0x00, 0x00, 0x80]; // fifth bit of element 0 and of element 31
    const qs = [0x3f, ...Array(15).fill(0)];
    const y = values(GgmlType.Q5_0, [...F16_ONE, ...qh, ...qs], 32);
    const expected = Array(32).fill(-16);
    expected[0] = 15; // 15 | 16 = 31, minus 16
    expected[16] = -13; // high nibble 3, no fifth bit
    expected[31] = 0; // 0 | 16
    expect(y).toEqual(expected);
  });

  it('Q5_1: x = d * (nibble | fifth bit << 4) + m', () => {
    const qh = [0x00, 0x00, 0x01, 0x00]; // bit 16: element 16
    const qs = [0x21, ...Array(15).fill(0)];
    const y = values(GgmlType.Q5_1, [...F16_HALF, ...F16_ONE, ...qh, ...qs], 32);
    const expected = Array(32).fill(1);
    expected[0] = 1.5;
    expected[16] = 10; // 2 | 16 = 18 -> 9 + 1
    expect(y).toEqual(expected);
  });

  it('Q2_K: x = d * scale * q - dmin * min, 16-element sub-blocks', () => {
    const scales = [0x23, ...Array(15).fill(0x01)]; // sub-block 0: scale 3, min 2; others 1, 0
    const qs = Array(64).fill(0);
    qs[0] = 0xe4; // elements 0, 32, 64, 96 take 0, 1, 2, 3
    qs[16] = 0x03; // element 16
    qs[32] = 0x02; // element 128
    const y = values(GgmlType.Q2_K, [...scales, ...qs, ...F16_ONE, ...F16_HALF], 256);
    const expected = range(256).map((e) => {
      const q = (qs[(e >> 7) * 32 + (e & 31)]! >> (2 * ((e >> 5) & 3))) & 3;
      const sc = scales[e >> 4]!;
      return 1 * (sc & 0xf) * q - 0.5 * (sc >> 4);
    });
    expect(y).toEqual(expected);
    expect([y[0], y[1], y[16], y[32], y[64], y[96], y[128]]).toEqual([-1, -1, 3, 1, 2, 3, 2]);
  });

  it('Q3_K: x = d * (scale - 32) * (q - 4), q from two low bits and hmask', () => {
    const hmask = Array(32).fill(0xff);
    hmask[0] = 0xfe; // element 0 lacks its high bit
    hmask[31] = 0x7f; // element 255 lacks its high bit
    const qs = Array(64).fill(0x1b); // shift 0,2,4,6 -> 3,2,1,0
    // 6-bit scales: 34 for sub-block 0, 0 for 15, 33 elsewhere (low nibbles, then top bits).
    const scales = [0x12, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x01, 0xaa, 0xaa, 0xaa, 0x2a];
    const y = values(GgmlType.Q3_K, [...hmask, ...qs, ...scales, ...F16_HALF], 256);
    const scale = (i: number) => (i === 0 ? 34 : i === 15 ? 0 : 33);
    const expected = range(256).map((e) => {
      const low = (qs[(e >> 7) * 32 + (e & 31)]! >> (2 * ((e >> 5) & 3))) & 3;
      const high = (hmask[e & 31]! >> (e >> 5)) & 1;
      return 0.5 * (scale(e >> 4) - 32) * (low + 4 * high - 4) + 0;
    });
    expect(y).toEqual(expected);
    expect([y[0], y[1], y[32], y[200], y[255]]).toEqual([-1, 3, 1, 0.5, 64]);
  });

  // Eight (scale, min) pairs of 6 bits; pairs 4..7 exercise the split high bits.
  const KSC = [1, 2, 3, 4, 17, 33, 49, 63];
  const KMIN = [0, 5, 10, 63, 16, 32, 48, 1];
  const KSCALES = [0x41, 0x82, 0xc3, 0xc4, 0x40, 0x85, 0xca, 0x3f, 0x01, 0x01, 0x01, 0x1f];

  it('Q4_K: x = d * scale * nibble - dmin * min, 32-element sub-blocks', () => {
    const y = values(
      GgmlType.Q4_K,
      [...F16_HALF, ...F16_QUARTER, ...KSCALES, ...Array(128).fill(0x7a)],
      256,
    );
    const expected = range(256).map((e) => {
      const q = (e & 32) === 0 ? 10 : 7;
      return 0.5 * KSC[e >> 5]! * q - 0.25 * KMIN[e >> 5]!;
    });
    expect(y).toEqual(expected);
    expect([y[0], y[32], y[255]]).toEqual([5, 5.75, 220.25]);
  });

  it('Q5_K: as Q4_K with a fifth bit per element from qh', () => {
    const qh = Array(32).fill(0x55); // sub-blocks 0, 2, 4, 6 get +16
    const y = values(
      GgmlType.Q5_K,
      [...F16_HALF, ...F16_QUARTER, ...KSCALES, ...qh, ...Array(128).fill(0x7a)],
      256,
    );
    const expected = range(256).map((e) => {
      const s = e >> 5;
      const q = ((e & 32) === 0 ? 10 : 7) + (s % 2 === 0 ? 16 : 0);
      return 0.5 * KSC[s]! * q - 0.25 * KMIN[s]!;
    });
    expect(y).toEqual(expected);
    expect([y[0], y[32], y[64]]).toEqual([13, 5.75, 36.5]);
  });

  it('Q6_K: x = d * scale * (q - 32), q from ql nibble and two qh bits', () => {
    const scales = range(16).map((i) => (i - 8) & 0xff);
    const y = values(
      GgmlType.Q6_K,
      [...Array(128).fill(0x9c), ...Array(64).fill(0xe4), ...scales, ...F16_QUARTER],
      256,
    );
    const expected = range(256).map((e) => {
      const g = (e >> 5) & 3;
      const nibble = g >= 2 ? 9 : 12;
      const q = (nibble | (g << 4)) - 32; // qh byte 0xe4 holds g in bits 2g..2g+1
      return 0.25 * ((e >> 4) - 8) * q + 0;
    });
    expect(y).toEqual(expected);
    expect([y[0], y[32], y[64], y[255]]).toEqual([40, 6, -9, 43.75]);
  });
});
