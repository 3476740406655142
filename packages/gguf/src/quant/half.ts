/**
 * IEEE half (F16) and bfloat16 conversions, bit-exact with ggml's: f32 -> f16 and f32 -> bf16
 * round to nearest even; NaN stays NaN.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function f32ToF16Bits(v: number): number {
  f32[0] = v;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  const mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 | (mant >>> 13) : 0);
  const e = exp - 112; // rebias 127 -> 15
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    // Subnormal half: value / 2^-24, from the 24-bit significand with its implicit bit.
    const full = mant | 0x800000;
    const shift = 14 - e;
    let h = full >>> shift;
    const rest = full & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && (h & 1) !== 0)) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  // A carry out of the mantissa correctly bumps the exponent (up to infinity).
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1) !== 0)) h++;
  return sign | h;
}

function f16BitsToF32Slow(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Every half's value, so decoding is one load (the dequantizers' hot path). */
export const F16_TO_F32 = new Float32Array(65536);
for (let h = 0; h < 65536; h++) F16_TO_F32[h] = f16BitsToF32Slow(h);

export function f16BitsToF32(h: number): number {
  return F16_TO_F32[h & 0xffff]!;
}

export function f32ToBf16Bits(v: number): number {
  f32[0] = v;
  const x = u32[0]!;
  if ((x & 0x7fffffff) > 0x7f800000) return (x >>> 16) | 64;
  return ((x + (0x7fff + ((x >>> 16) & 1))) >>> 16) & 0xffff;
}

export function bf16BitsToF32(h: number): number {
  u32[0] = (h & 0xffff) << 16;
  return f32[0]!;
}

export function quantizeF16(src: Float32Array, dst: Uint8Array): void {
  for (let i = 0, o = 0; i < src.length; i++, o += 2) {
    const h = f32ToF16Bits(src[i]!);
    dst[o] = h & 0xff;
    dst[o + 1] = h >>> 8;
  }
}

export function dequantizeF16(src: Uint8Array, dst: Float32Array): void {
  for (let i = 0, o = 0; i < dst.length; i++, o += 2)
    dst[i] = F16_TO_F32[src[o]! | (src[o + 1]! << 8)]!;
}

export function quantizeBf16(src: Float32Array, dst: Uint8Array): void {
  for (let i = 0, o = 0; i < src.length; i++, o += 2) {
    const h = f32ToBf16Bits(src[i]!);
    dst[o] = h & 0xff;
    dst[o + 1] = h >>> 8;
  }
}

export function dequantizeBf16(src: Uint8Array, dst: Float32Array): void {
  const out = new Uint32Array(dst.buffer, dst.byteOffset, dst.length);
  for (let i = 0, o = 0; i < dst.length; i++, o += 2) out[i] = (src[o]! | (src[o + 1]! << 8)) << 16;
}

export function quantizeF32(src: Float32Array, dst: Uint8Array): void {
  dst.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
}

export function dequantizeF32(src: Uint8Array, dst: Float32Array): void {
  new Uint8Array(dst.buffer, dst.byteOffset, dst.byteLength).set(src.subarray(0, dst.byteLength));
}
