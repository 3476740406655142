import { F16_TO_F32, f32ToF16Bits } from './half.js';

/** Reads the little-endian F16 at src[o]. */
export function readF16(src: Uint8Array, o: number): number {
  return F16_TO_F32[src[o]! | (src[o + 1]! << 8)]!;
}

/** Stores v as F16 at dst[o] and returns the value actually stored. */
export function writeF16(dst: Uint8Array, o: number, v: number): number {
  const h = f32ToF16Bits(v);
  dst[o] = h & 0xff;
  dst[o + 1] = h >>> 8;
  return F16_TO_F32[h]!;
}
