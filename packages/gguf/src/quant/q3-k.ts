import { readF16, writeF16 } from './block-io.js';
import { QK_K, nearest, signedMaxOf } from './k-quant-scales.js';

// Math's functions held in module constants: in a vm context (jest) every access to a global
// such as `Math` goes through an interceptor, which made the hot loops ~50x slower.
const { abs, max } = Math;

/**
 * Q3_K (block_q3_K, 110 bytes per 256 elements): u8 hmask[32] (third bit), u8 qs[64] (low two
 * bits), u8 scales[12] (sixteen 6-bit scales, offset by 32), f16 d. x = d*(scale-32)*(q-4).
 * Element e: scale e>>4; low bits in qs[(e>>7)*32 + (e&31)] at shift 2*((e>>5)&3); high bit
 * in hmask[e&31] at bit (e>>5).
 */

const BLOCK = 110;
const fr = Math.fround;

/** The 6-bit scale i: low nibble from bytes 0..7, top two bits from bytes 8..11. */
export function q3kScale(src: Uint8Array, s: number, i: number): number {
  const lo = i < 8 ? src[s + i]! & 0xf : src[s + i - 8]! >> 4;
  const hi = (src[s + 8 + (i & 3)]! >> (2 * (i >> 2))) & 3;
  return lo | (hi << 4);
}

export function dequantizeQ3_K(src: Uint8Array, dst: Float32Array): void {
  const dl = new Float32Array(16);
  for (let y = 0, o = 0; y < dst.length; y += QK_K, o += BLOCK) {
    const d = readF16(src, o + 108);
    for (let i = 0; i < 16; i++) dl[i] = d * (q3kScale(src, o + 96, i) - 32);
    for (let n = 0; n < 2; n++) {
      const q = o + 32 + n * 32;
      for (let j = 0; j < 4; j++) {
        const shift = 2 * j;
        const bit = 4 * n + j;
        const out = y + n * 128 + j * 32;
        // Two 16-element halves with their own scale; a branch-free q keeps V8's loop fast.
        for (let half = 0; half < 2; half++) {
          const scale = dl[n * 8 + j * 2 + half]!;
          for (let l = half * 16, end = l + 16; l < end; l++) {
            const q3 = ((src[q + l]! >> shift) & 3) | (((src[o + l]! >> bit) & 1) << 2);
            dst[out + l] = scale * (q3 - 4);
          }
        }
      }
    }
  }
}

export function quantizeQ3_K(src: Float32Array, dst: Uint8Array): void {
  const sub = new Float64Array(16);
  for (let i = 0, o = 0; i < src.length; i += QK_K, o += BLOCK) {
    let amax = 0;
    for (let s = 0; s < 16; s++) {
      sub[s] = signedMaxOf(src, i + s * 16, 16) / -4;
      amax = max(amax, abs(sub[s]!));
    }
    const d = writeF16(dst, o + 108, amax / 31);
    dst.fill(0, o, o + 108);
    for (let s = 0; s < 16; s++) {
      const ls = d > 0 ? nearest(sub[s]! / d, -32, 31) : 0;
      const stored = ls + 32;
      if (s < 8) dst[o + 96 + s]! |= stored & 0xf;
      else dst[o + 96 + s - 8]! |= (stored & 0xf) << 4;
      dst[o + 104 + (s & 3)]! |= (stored >> 4) << (2 * (s >> 2));
      const dl = fr(d * ls);
      for (let j = 0; j < 16; j++) {
        const e = s * 16 + j;
        const q = (dl !== 0 ? nearest(src[i + e]! / dl, -4, 3) : 0) + 4;
        dst[o + 32 + (e >> 7) * 32 + (e & 31)]! |= (q & 3) << (2 * ((e >> 5) & 3));
        dst[o + (e & 31)]! |= (q >> 2) << (e >> 5);
      }
    }
  }
}
