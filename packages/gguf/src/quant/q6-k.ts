import { readF16, writeF16 } from './block-io.js';
import { QK_K, nearest, signedMaxOf } from './k-quant-scales.js';

// Math's functions held in module constants: in a vm context (jest) every access to a global
// such as `Math` goes through an interceptor, which made the hot loops ~50x slower.
const { abs, max } = Math;

/**
 * Q6_K (block_q6_K, 210 bytes per 256 elements): u8 ql[128] (low nibbles), u8 qh[64] (top two
 * bits), int8 scales[16], f16 d. x = d*scale*(q-32). Within each half of 128 elements, group
 * g = (e>>5)&3 takes ql[l + 32*(g&1)] (high nibble for g >= 2) and bits 2g..2g+1 of qh[l],
 * l = e&31; scale e>>4.
 */

const BLOCK = 210;
const fr = Math.fround;

export function dequantizeQ6_K(src: Uint8Array, dst: Float32Array): void {
  for (let y = 0, o = 0; y < dst.length; y += QK_K, o += BLOCK) {
    const d = readF16(src, o + 208);
    for (let n = 0; n < 2; n++) {
      const ql = o + n * 64;
      const qh = o + 128 + n * 32;
      const sc = o + 192 + n * 8;
      const out = y + n * 128;
      for (let l = 0; l < 32; l++) {
        const is = l >> 4;
        const h = src[qh + l]!;
        const a = src[ql + l]!;
        const b = src[ql + l + 32]!;
        const q1 = ((a & 0xf) | ((h & 3) << 4)) - 32;
        const q2 = ((b & 0xf) | (((h >> 2) & 3) << 4)) - 32;
        const q3 = ((a >> 4) | (((h >> 4) & 3) << 4)) - 32;
        const q4 = ((b >> 4) | (((h >> 6) & 3) << 4)) - 32;
        dst[out + l] = fr(d * ((src[sc + is]! << 24) >> 24)) * q1;
        dst[out + l + 32] = fr(d * ((src[sc + is + 2]! << 24) >> 24)) * q2;
        dst[out + l + 64] = fr(d * ((src[sc + is + 4]! << 24) >> 24)) * q3;
        dst[out + l + 96] = fr(d * ((src[sc + is + 6]! << 24) >> 24)) * q4;
      }
    }
  }
}

export function quantizeQ6_K(src: Float32Array, dst: Uint8Array): void {
  const sub = new Float64Array(16);
  for (let i = 0, o = 0; i < src.length; i += QK_K, o += BLOCK) {
    let amax = 0;
    for (let s = 0; s < 16; s++) {
      sub[s] = signedMaxOf(src, i + s * 16, 16) / -32;
      amax = max(amax, abs(sub[s]!));
    }
    const d = writeF16(dst, o + 208, amax / 127);
    dst.fill(0, o, o + 208);
    for (let s = 0; s < 16; s++) {
      const ls = d > 0 ? nearest(sub[s]! / d, -128, 127) : 0;
      dst[o + 192 + s] = ls & 0xff;
      const dl = fr(d * ls);
      const inv = dl !== 0 ? 1 / dl : 0;
      for (let j = 0; j < 16; j++) {
        const e = s * 16 + j;
        const q = nearest(src[i + e]! * inv, -32, 31) + 32;
        const half = e >> 7;
        const g = (e >> 5) & 3;
        const l = e & 31;
        dst[o + half * 64 + l + 32 * (g & 1)]! |= (q & 0xf) << (g >= 2 ? 4 : 0);
        dst[o + 128 + half * 32 + l]! |= (q >> 4) << (2 * g);
      }
    }
  }
}
