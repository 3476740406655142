import { GgufFormatError } from './errors.js';
import { GgufValueType } from './types.js';

/**
 * Thrown (internally) when parsing needs bytes past the end of the window the caller gave, but
 * still inside the file: the file reader grows its window to `needed` and parses again.
 */
export class NeedMoreBytes {
  constructor(readonly needed: number) {}
}

export const FIXED_SIZE: Partial<Record<GgufValueType, number>> = {
  [GgufValueType.UINT8]: 1,
  [GgufValueType.INT8]: 1,
  [GgufValueType.BOOL]: 1,
  [GgufValueType.UINT16]: 2,
  [GgufValueType.INT16]: 2,
  [GgufValueType.UINT32]: 4,
  [GgufValueType.INT32]: 4,
  [GgufValueType.FLOAT32]: 4,
  [GgufValueType.UINT64]: 8,
  [GgufValueType.INT64]: 8,
  [GgufValueType.FLOAT64]: 8,
};

const decoder = new TextDecoder('utf-8');

/**
 * A synchronous little-endian reader over `window`, which holds the file's bytes
 * [0, window.length) of a file `fileSize` bytes long. Every length and count is checked
 * against the bytes left in the FILE before anything is allocated; reads past the window but
 * inside the file raise NeedMoreBytes.
 */
export class HeaderCursor {
  pos = 0;
  private readonly view: DataView;

  constructor(
    private readonly window: Uint8Array,
    private readonly fileSize: number,
  ) {
    this.view = new DataView(window.buffer, window.byteOffset, window.byteLength);
  }

  private need(n: number, what: string): void {
    const end = this.pos + n;
    if (end > this.fileSize) {
      throw new GgufFormatError(
        'GGUF_ERR_TRUNCATED',
        `file ends inside ${what}: needs ${n} bytes, ${this.fileSize - this.pos} left`,
        this.pos,
      );
    }
    if (end > this.window.length) throw new NeedMoreBytes(end);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.view.getUint8(this.pos++);
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /**
   * A u64 that describes a size: exact when below 2^53, otherwise Infinity (larger than any
   * file). Avoids a BigInt per string, the bulk of a vocabulary's header.
   */
  u64Size(what: string): number {
    this.need(8, what);
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    return hi < 0x200000 ? hi * 0x100000000 + lo : Infinity;
  }

  /** A u64 count of items, each at least `minItemBytes` long, that must fit in the file. */
  count(what: string, minItemBytes: number): number {
    const at = this.pos;
    const raw = this.u64Size(what);
    const left = this.fileSize - this.pos;
    if (raw * minItemBytes > left) {
      throw new GgufFormatError(
        'GGUF_ERR_COUNT_TOO_LARGE',
        `${what} is ${Number.isFinite(raw) ? raw : 'beyond 2^53'}, but only ${left} bytes are left in the file`,
        at,
      );
    }
    return raw;
  }

  string(what: string): string {
    const at = this.pos;
    const n = this.u64Size(`length of ${what}`);
    const left = this.fileSize - this.pos;
    if (n > left) {
      throw new GgufFormatError(
        'GGUF_ERR_STRING_TOO_LONG',
        `${what} claims ${Number.isFinite(n) ? n : 'over 2^53'} bytes, but only ${left} are left in the file`,
        at,
      );
    }
    this.need(n, what);
    const s = decoder.decode(this.window.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }

  /** Copies n bytes out, so the typed array built on them is aligned and owns its memory. */
  bytes(n: number, what: string): ArrayBuffer {
    this.need(n, what);
    // Not window.slice(): on a Node Buffer that returns a view, not a copy.
    const copy = new Uint8Array(n);
    copy.set(this.window.subarray(this.pos, this.pos + n));
    this.pos += n;
    return copy.buffer;
  }

  scalar(type: GgufValueType, what: string): number | bigint | boolean {
    const size = FIXED_SIZE[type] as number;
    this.need(size, what);
    const p = this.pos;
    this.pos += size;
    const v = this.view;
    switch (type) {
      case GgufValueType.UINT8:
        return v.getUint8(p);
      case GgufValueType.INT8:
        return v.getInt8(p);
      case GgufValueType.BOOL:
        return v.getUint8(p) !== 0;
      case GgufValueType.UINT16:
        return v.getUint16(p, true);
      case GgufValueType.INT16:
        return v.getInt16(p, true);
      case GgufValueType.UINT32:
        return v.getUint32(p, true);
      case GgufValueType.INT32:
        return v.getInt32(p, true);
      case GgufValueType.FLOAT32:
        return v.getFloat32(p, true);
      case GgufValueType.UINT64:
        return v.getBigUint64(p, true);
      case GgufValueType.INT64:
        return v.getBigInt64(p, true);
      default:
        return v.getFloat64(p, true);
    }
  }
}
