import { readF16, writeF16 } from './block-io.js';
import { QK_K, affineRanges, maxOf, nearest } from './k-quant-scales.js';

/**
 * Q4_K (block_q4_K, 144 bytes) and Q5_K (block_q5_K, 176 bytes) per 256 elements: f16 d,
 * f16 dmin, u8 scales[12] holding eight 6-bit (scale, min) pairs, [Q5_K: u8 qh[32] fifth
 * bits], u8 qs[128] nibbles. x = d*scale*q - dmin*min; sub-block (32 elements) of element e
 * is e>>5; qs byte (e>>6)*32 + (e&31), low nibble when (e&32) == 0; Q5_K's fifth bit is bit
 * e>>5 of qh[e&31].
 */

const fr = Math.fround;

/** ggml's get_scale_min_k4, scale half: the 6-bit scale of sub-block j from the 12 bytes at s. */
export function kScale(src: Uint8Array, s: number, j: number): number {
  return j < 4 ? src[s + j]! & 63 : (src[s + j + 4]! & 0xf) | ((src[s + j - 4]! >> 6) << 4);
}

/** get_scale_min_k4, min half. */
export function kMin(src: Uint8Array, s: number, j: number): number {
  return j < 4 ? src[s + j + 4]! & 63 : (src[s + j + 4]! >> 4) | ((src[s + j]! >> 6) << 4);
}

function packScaleMin(dst: Uint8Array, s: number, j: number, ls: number, lm: number): void {
  if (j < 4) {
    dst[s + j]! |= ls;
    dst[s + j + 4]! |= lm;
  } else {
    dst[s + j + 4] = (ls & 0xf) | ((lm & 0xf) << 4);
    dst[s + j - 4]! |= (ls >> 4) << 6;
    dst[s + j]! |= (lm >> 4) << 6;
  }
}

/** Per sub-block d*scale and dmin*min of one block, rounded to float32 as ggml computes them. */
function blockScales(src: Uint8Array, o: number, dl: Float32Array, ml: Float32Array): void {
  const d = readF16(src, o);
  const dmin = readF16(src, o + 2);
  for (let j = 0; j < 8; j++) {
    dl[j] = d * kScale(src, o + 4, j);
    ml[j] = dmin * kMin(src, o + 4, j);
  }
}

function quantizeK(src: Float32Array, dst: Uint8Array, block: number, levels: number): void {
  const five = levels === 31;
  const qsAt = five ? 48 : 16;
  const scales = new Float64Array(8);
  const mins = new Float64Array(8);
  for (let i = 0, o = 0; i < src.length; i += QK_K, o += block) {
    affineRanges(src, i, 8, 32, levels, scales, mins);
    const d = writeF16(dst, o, maxOf(scales) / 63);
    const dmin = writeF16(dst, o + 2, maxOf(mins) / 63);
    dst.fill(0, o + 4, o + block);
    for (let s = 0; s < 8; s++) {
      const ls = d > 0 ? nearest(scales[s]! / d, 0, 63) : 0;
      const lm = dmin > 0 ? nearest(mins[s]! / dmin, 0, 63) : 0;
      packScaleMin(dst, o + 4, s, ls, lm);
      const dl = fr(d * ls);
      const ml = fr(dmin * lm);
      const inv = dl > 0 ? 1 / dl : 0;
      const shift = (s & 1) * 4;
      const q = o + qsAt + (s >> 1) * 32;
      for (let l = 0; l < 32; l++) {
        const v = nearest((src[i + s * 32 + l]! + ml) * inv, 0, levels);
        dst[q + l]! |= (v & 0xf) << shift;
        if (five) dst[o + 16 + l]! |= (v >> 4) << s;
      }
    }
  }
}

export function dequantizeQ4_K(src: Uint8Array, dst: Float32Array): void {
  const dl = new Float32Array(8);
  const ml = new Float32Array(8);
  for (let y = 0, o = 0; y < dst.length; y += QK_K, o += 144) {
    blockScales(src, o, dl, ml);
    for (let c = 0; c < 4; c++) {
      const q = o + 16 + c * 32;
      const out = y + c * 64;
      const d1 = dl[2 * c]!;
      const m1 = ml[2 * c]!;
      const d2 = dl[2 * c + 1]!;
      const m2 = ml[2 * c + 1]!;
      for (let l = 0; l < 32; l++) {
        const b = src[q + l]!;
        dst[out + l] = d1 * (b & 0xf) - m1;
        dst[out + l + 32] = d2 * (b >> 4) - m2;
      }
    }
  }
}

export function quantizeQ4_K(src: Float32Array, dst: Uint8Array): void {
  quantizeK(src, dst, 144, 15);
}

export function dequantizeQ5_K(src: Uint8Array, dst: Float32Array): void {
  const dl = new Float32Array(8);
  const ml = new Float32Array(8);
  for (let y = 0, o = 0; y < dst.length; y += QK_K, o += 176) {
    blockScales(src, o, dl, ml);
    for (let c = 0; c < 4; c++) {
      const q = o + 48 + c * 32;
      const out = y + c * 64;
      const d1 = dl[2 * c]!;
      const m1 = ml[2 * c]!;
      const d2 = dl[2 * c + 1]!;
      const m2 = ml[2 * c + 1]!;
      const shift = 2 * c;
      for (let l = 0; l < 32; l++) {
        const b = src[q + l]!;
        const h = src[o + 16 + l]! >> shift;
        dst[out + l] = d1 * ((b & 0xf) | ((h & 1) << 4)) - m1;
        dst[out + l + 32] = d2 * ((b >> 4) | ((h & 2) << 3)) - m2;
      }
    }
  }
}

export function quantizeQ5_K(src: Float32Array, dst: Uint8Array): void {
  quantizeK(src, dst, 176, 31);
}
