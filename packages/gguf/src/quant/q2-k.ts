import { readF16, writeF16 } from './block-io.js';
import { QK_K, affineRanges, maxOf, nearest } from './k-quant-scales.js';

/**
 * Q2_K (ggml-common.h block_q2_K, 84 bytes per 256 elements): u8 scales[16] (low nibble
 * scale, high nibble min, per 16 elements), u8 qs[64] (2-bit quants), f16 d, f16 dmin.
 * x = d*scale*q - dmin*min. Element e: scale e>>4, byte 16 + (e>>7)*32 + (e&31), shift 2*((e>>5)&3).
 */

const BLOCK = 84;
const fr = Math.fround;

export function dequantizeQ2_K(src: Uint8Array, dst: Float32Array): void {
  const dl = new Float32Array(16);
  const ml = new Float32Array(16);
  for (let y = 0, o = 0; y < dst.length; y += QK_K, o += BLOCK) {
    const d = readF16(src, o + 80);
    const dmin = readF16(src, o + 82);
    for (let i = 0; i < 16; i++) {
      const sc = src[o + i]!;
      dl[i] = d * (sc & 0xf);
      ml[i] = dmin * (sc >> 4);
    }
    for (let n = 0; n < 2; n++) {
      const q = o + 16 + n * 32;
      for (let j = 0; j < 4; j++) {
        const shift = 2 * j;
        const out = y + n * 128 + j * 32;
        for (let half = 0; half < 2; half++) {
          const scale = dl[n * 8 + j * 2 + half]!;
          const min = ml[n * 8 + j * 2 + half]!;
          for (let l = half * 16, end = l + 16; l < end; l++) {
            dst[out + l] = scale * ((src[q + l]! >> shift) & 3) - min;
          }
        }
      }
    }
  }
}

export function quantizeQ2_K(src: Float32Array, dst: Uint8Array): void {
  const scales = new Float64Array(16);
  const mins = new Float64Array(16);
  for (let i = 0, o = 0; i < src.length; i += QK_K, o += BLOCK) {
    affineRanges(src, i, 16, 16, 3, scales, mins);
    const d = writeF16(dst, o + 80, maxOf(scales) / 15);
    const dmin = writeF16(dst, o + 82, maxOf(mins) / 15);
    dst.fill(0, o + 16, o + 80);
    for (let s = 0; s < 16; s++) {
      const ls = d > 0 ? nearest(scales[s]! / d, 0, 15) : 0;
      const lm = dmin > 0 ? nearest(mins[s]! / dmin, 0, 15) : 0;
      dst[o + s] = ls | (lm << 4);
      const dl = fr(d * ls);
      const ml = fr(dmin * lm);
      for (let j = 0; j < 16; j++) {
        const e = s * 16 + j;
        const q = dl > 0 ? nearest((src[i + e]! + ml) / dl, 0, 3) : 0;
        dst[o + 16 + (e >> 7) * 32 + (e & 31)]! |= q << (2 * ((e >> 5) & 3));
      }
    }
  }
}
