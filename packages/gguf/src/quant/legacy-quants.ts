import { readF16, writeF16 } from './block-io.js';

// Math's functions held in module constants: in a vm context (jest) every access to a global
// such as `Math` goes through an interceptor, which made the hot loops ~50x slower.
const { abs, max, min, round, trunc } = Math;

/**
 * The 32-element block formats (ggml-common.h): Q8_0, Q4_0, Q4_1, Q5_0, Q5_1. Dequantizers
 * follow ggml's reference code step by step in float32 (Math.fround at each rounding point),
 * so they are the bit-exact reference the native kernels are tested against. Quantizers are
 * ggml's plain reference rounding, not the importance-weighted search.
 */

const QK = 32;
const fr = Math.fround;

/** The element of largest magnitude, with its sign. */
function signedMax(src: Float32Array, start: number): number {
  let amax = 0;
  let best = 0;
  for (let j = 0; j < QK; j++) {
    const v = src[start + j]!;
    const a = abs(v);
    if (a > amax) {
      amax = a;
      best = v;
    }
  }
  return best;
}

// Block: f16 d, int8 qs[32].
export function quantizeQ8_0(src: Float32Array, dst: Uint8Array): void {
  for (let i = 0, o = 0; i < src.length; i += QK, o += 34) {
    let amax = 0;
    for (let j = 0; j < QK; j++) amax = max(amax, abs(src[i + j]!));
    const d = amax / 127;
    const id = d !== 0 ? 1 / d : 0;
    writeF16(dst, o, d);
    for (let j = 0; j < QK; j++) dst[o + 2 + j] = round(src[i + j]! * id) & 0xff;
  }
}

export function dequantizeQ8_0(src: Uint8Array, dst: Float32Array): void {
  for (let i = 0, o = 0; i < dst.length; i += QK, o += 34) {
    const d = readF16(src, o);
    for (let j = 0; j < QK; j++) dst[i + j] = d * ((src[o + 2 + j]! << 24) >> 24);
  }
}

// Block: f16 d, u8 qs[16]; element j in the low nibble of qs[j], element j+16 in the high one.
export function quantizeQ4_0(src: Float32Array, dst: Uint8Array): void {
  for (let i = 0, o = 0; i < src.length; i += QK, o += 18) {
    const d = signedMax(src, i) / -8;
    const id = d !== 0 ? 1 / d : 0;
    writeF16(dst, o, d);
    for (let j = 0; j < 16; j++) {
      const q0 = min(15, trunc(src[i + j]! * id + 8.5));
      const q1 = min(15, trunc(src[i + j + 16]! * id + 8.5));
      dst[o + 2 + j] = q0 | (q1 << 4);
    }
  }
}

export function dequantizeQ4_0(src: Uint8Array, dst: Float32Array): void {
  for (let i = 0, o = 0; i < dst.length; i += QK, o += 18) {
    const d = readF16(src, o);
    for (let j = 0; j < 16; j++) {
      const q = src[o + 2 + j]!;
      dst[i + j] = ((q & 0xf) - 8) * d;
      dst[i + j + 16] = ((q >> 4) - 8) * d;
    }
  }
}

function minMax(src: Float32Array, start: number): [number, number] {
  let lo = src[start]!;
  let hi = lo;
  for (let j = 1; j < QK; j++) {
    const v = src[start + j]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

// Block: f16 d, f16 m, u8 qs[16]; x = q*d + m.
export function quantizeQ4_1(src: Float32Array, dst: Uint8Array): void {
  for (let i = 0, o = 0; i < src.length; i += QK, o += 20) {
    const [lo, hi] = minMax(src, i);
    const d = (hi - lo) / 15;
    const id = d !== 0 ? 1 / d : 0;
    writeF16(dst, o, d);
    writeF16(dst, o + 2, lo);
    for (let j = 0; j < 16; j++) {
      const q0 = min(15, trunc((src[i + j]! - lo) * id + 0.5));
      const q1 = min(15, trunc((src[i + j + 16]! - lo) * id + 0.5));
      dst[o + 4 + j] = q0 | (q1 << 4);
    }
  }
}

export function dequantizeQ4_1(src: Uint8Array, dst: Float32Array): void {
  for (let i = 0, o = 0; i < dst.length; i += QK, o += 20) {
    const d = readF16(src, o);
    const m = readF16(src, o + 2);
    for (let j = 0; j < 16; j++) {
      const q = src[o + 4 + j]!;
      dst[i + j] = fr((q & 0xf) * d) + m;
      dst[i + j + 16] = fr((q >> 4) * d) + m;
    }
  }
}

/** The 32 fifth bits of a Q5 block: bit j belongs to element j. */
function readQh(src: Uint8Array, o: number): number {
  return (src[o]! | (src[o + 1]! << 8) | (src[o + 2]! << 16) | (src[o + 3]! << 24)) >>> 0;
}

function writeQh(dst: Uint8Array, o: number, qh: number): void {
  dst[o] = qh & 0xff;
  dst[o + 1] = (qh >>> 8) & 0xff;
  dst[o + 2] = (qh >>> 16) & 0xff;
  dst[o + 3] = qh >>> 24;
}

// Block: f16 d, u8 qh[4], u8 qs[16]; 5-bit q = nibble | fifth bit << 4, x = (q - 16) * d.
export function quantizeQ5_0(src: Float32Array, dst: Uint8Array): void {
  for (let i = 0, o = 0; i < src.length; i += QK, o += 22) {
    const d = signedMax(src, i) / -16;
    const id = d !== 0 ? 1 / d : 0;
    writeF16(dst, o, d);
    let qh = 0;
    for (let j = 0; j < 16; j++) {
      const q0 = min(31, trunc(src[i + j]! * id + 16.5));
      const q1 = min(31, trunc(src[i + j + 16]! * id + 16.5));
      dst[o + 6 + j] = (q0 & 0xf) | ((q1 & 0xf) << 4);
      qh |= ((q0 >> 4) << j) | ((q1 >> 4) << (j + 16));
    }
    writeQh(dst, o + 2, qh >>> 0);
  }
}

export function dequantizeQ5_0(src: Uint8Array, dst: Float32Array): void {
  for (let i = 0, o = 0; i < dst.length; i += QK, o += 22) {
    const d = readF16(src, o);
    const qh = readQh(src, o + 2);
    for (let j = 0; j < 16; j++) {
      const q = src[o + 6 + j]!;
      const h0 = ((qh >>> j) & 1) << 4;
      const h1 = ((qh >>> (j + 16)) & 1) << 4;
      dst[i + j] = (((q & 0xf) | h0) - 16) * d;
      dst[i + j + 16] = (((q >> 4) | h1) - 16) * d;
    }
  }
}

// Block: f16 d, f16 m, u8 qh[4], u8 qs[16]; x = q*d + m.
export function quantizeQ5_1(src: Float32Array, dst: Uint8Array): void {
  for (let i = 0, o = 0; i < src.length; i += QK, o += 24) {
    const [lo, hi] = minMax(src, i);
    const d = (hi - lo) / 31;
    const id = d !== 0 ? 1 / d : 0;
    writeF16(dst, o, d);
    writeF16(dst, o + 2, lo);
    let qh = 0;
    for (let j = 0; j < 16; j++) {
      const q0 = min(31, trunc((src[i + j]! - lo) * id + 0.5));
      const q1 = min(31, trunc((src[i + j + 16]! - lo) * id + 0.5));
      dst[o + 8 + j] = (q0 & 0xf) | ((q1 & 0xf) << 4);
      qh |= ((q0 >> 4) << j) | ((q1 >> 4) << (j + 16));
    }
    writeQh(dst, o + 4, qh >>> 0);
  }
}

export function dequantizeQ5_1(src: Uint8Array, dst: Float32Array): void {
  for (let i = 0, o = 0; i < dst.length; i += QK, o += 24) {
    const d = readF16(src, o);
    const m = readF16(src, o + 2);
    const qh = readQh(src, o + 4);
    for (let j = 0; j < 16; j++) {
      const q = src[o + 8 + j]!;
      const h0 = ((qh >>> j) & 1) << 4;
      const h1 = ((qh >>> (j + 16)) & 1) << 4;
      dst[i + j] = fr(((q & 0xf) | h0) * d) + m;
      dst[i + j + 16] = fr(((q >> 4) | h1) * d) + m;
    }
  }
}
