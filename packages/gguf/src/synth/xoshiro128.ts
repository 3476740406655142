// Math's functions held in module constants: in a vm context (jest) every access to a global
// such as `Math` goes through an interceptor, which made the hot loops ~50x slower.
const { imul } = Math;

/**
 * xoshiro128** (Blackman & Vigna), seeded through splitmix32: a small, fast generator whose
 * output depends only on its seed, so a synthetic model's bytes are reproducible.
 */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** `seed` is any integer up to 2^53; `stream` selects an independent sequence for it. */
  constructor(seed: number, stream = 0) {
    let x = (seed >>> 0) ^ imul(Math.floor(seed / 2 ** 32) | 0, 0x85ebca6b);
    x = (x ^ imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = imul(z ^ (z >>> 16), 0x85ebca6b);
      z = imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextU32(): number {
    const result = imul(rotl(imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * Fills `out` with values uniform on [-a, a), a = std * sqrt(3), so their standard deviation
   * is `std`. The generator state lives in locals in the loop: this is the synth hot path.
   */
  fillUniform(out: Float32Array, std: number): void {
    const a = std * Math.sqrt(3);
    const scale = (2 * a) / 2 ** 32;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < out.length; i++) {
      const r = imul(rotl(imul(s1, 5), 7), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = r * scale - a;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
