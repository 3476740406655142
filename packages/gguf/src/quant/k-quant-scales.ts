// Math's functions held in module constants: in a vm context (jest) every access to a global
// such as `Math` goes through an interceptor, which made the hot loops ~50x slower.
const { abs, round } = Math;

/**
 * Shared pieces of the 256-element "K" formats: super-block size and the per-sub-block scale
 * choice the simple quantizers use.
 */

export const QK_K = 256;

/** Clamp-and-round used by every K quantizer (ggml's nearest_int rounds half to even; any
 *  nearest rounding gives a valid block). */
export function nearest(v: number, lo: number, hi: number): number {
  const r = round(v);
  return r < lo ? lo : r > hi ? hi : r;
}

/** The element of largest magnitude in src[start, start+n), with its sign. */
export function signedMaxOf(src: Float32Array, start: number, n: number): number {
  let amax = 0;
  let max = 0;
  for (let j = 0; j < n; j++) {
    const v = src[start + j]!;
    const a = abs(v);
    if (a > amax) {
      amax = a;
      max = v;
    }
  }
  return max;
}

/** Per sub-block (scale, min) for the affine formats, with min >= 0 meaning x ~ q*scale - min. */
export function affineRanges(
  src: Float32Array,
  start: number,
  subBlocks: number,
  size: number,
  levels: number,
  scales: Float64Array,
  mins: Float64Array,
): void {
  for (let s = 0; s < subBlocks; s++) {
    let lo = 0;
    let hi = -Infinity;
    for (let j = 0, p = start + s * size; j < size; j++, p++) {
      const v = src[p]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    scales[s] = (hi - lo) / levels;
    mins[s] = -lo;
  }
}

export function maxOf(values: Float64Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  return m;
}
