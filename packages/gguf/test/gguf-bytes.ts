/**
 * Builds GGUF bytes by hand for tests, so that malformed files (wrong counts, bad types,
 * overlapping tensors) can be written exactly as the test means them.
 */
export class GgufBytes {
  private readonly parts: number[] = [];

  u8(v: number): this {
    this.parts.push(v & 0xff);
    return this;
  }

  u32(v: number): this {
    for (let i = 0; i < 4; i++) this.parts.push((v >>> (8 * i)) & 0xff);
    return this;
  }

  u64(v: number | bigint): this {
    let b = BigInt(v);
    for (let i = 0; i < 8; i++) {
      this.parts.push(Number(b & 0xffn));
      b >>= 8n;
    }
    return this;
  }

  f32(v: number): this {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    this.parts.push(...b);
    return this;
  }

  str(s: string): this {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.parts.push(...b);
    return this;
  }

  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.parts.push(bytes[i]!);
    return this;
  }

  /** Zero bytes up to the next multiple of `alignment`. */
  pad(alignment: number): this {
    while (this.parts.length % alignment !== 0) this.parts.push(0);
    return this;
  }

  get length(): number {
    return this.parts.length;
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** Magic, version, tensor count and kv count. */
export function preamble(version: number, tensorCount: number, kvCount: number): GgufBytes {
  return new GgufBytes().u32(0x46554747).u32(version).u64(tensorCount).u64(kvCount);
}
