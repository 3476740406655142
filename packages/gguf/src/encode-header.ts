import { GgufError } from './errors.js';
import { FIXED_SIZE } from './header-cursor.js';
import { GGUF_MAGIC } from './parse-header.js';
import {
  GgufValueType,
  type GgufArray,
  type GgufMetadataEntry,
  type GgufTensorInfo,
  type GgufValue,
} from './types.js';

const encoder = new TextEncoder();

/** A growable little-endian byte buffer. */
class ByteSink {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }

  u64(v: number | bigint): void {
    this.reserve(8);
    this.view.setBigUint64(this.length, BigInt(v), true);
    this.length += 8;
  }

  string(s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    this.reserve(8 + s.length * 3);
    const { written } = encoder.encodeInto(s, this.buf.subarray(this.length + 8));
    this.view.setBigUint64(this.length, BigInt(written), true);
    this.length += 8 + written;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  scalar(type: GgufValueType, v: number | bigint | boolean, key: string): void {
    this.reserve(8);
    const p = this.length;
    const view = this.view;
    switch (type) {
      case GgufValueType.UINT8:
        view.setUint8(p, v as number);
        this.length += 1;
        return;
      case GgufValueType.INT8:
        view.setInt8(p, v as number);
        this.length += 1;
        return;
      case GgufValueType.BOOL:
        view.setUint8(p, v ? 1 : 0);
        this.length += 1;
        return;
      case GgufValueType.UINT16:
        view.setUint16(p, v as number, true);
        this.length += 2;
        return;
      case GgufValueType.INT16:
        view.setInt16(p, v as number, true);
        this.length += 2;
        return;
      case GgufValueType.UINT32:
        view.setUint32(p, v as number, true);
        this.length += 4;
        return;
      case GgufValueType.INT32:
        view.setInt32(p, v as number, true);
        this.length += 4;
        return;
      case GgufValueType.FLOAT32:
        view.setFloat32(p, v as number, true);
        this.length += 4;
        return;
      case GgufValueType.UINT64:
        view.setBigUint64(p, BigInt(v as bigint), true);
        this.length += 8;
        return;
      case GgufValueType.INT64:
        view.setBigInt64(p, BigInt(v as bigint), true);
        this.length += 8;
        return;
      case GgufValueType.FLOAT64:
        view.setFloat64(p, v as number, true);
        this.length += 8;
        return;
      default:
        throw new GgufError(
          'GGUF_ERR_UNKNOWN_VALUE_TYPE',
          `metadata ${key}: bad value type ${type}`,
        );
    }
  }

  take(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

function checkValue(key: string, type: GgufValueType, value: GgufValue): void {
  const ok =
    type === GgufValueType.STRING
      ? typeof value === 'string'
      : type === GgufValueType.ARRAY
        ? typeof value === 'object'
        : type === GgufValueType.BOOL
          ? typeof value === 'boolean'
          : type === GgufValueType.UINT64 || type === GgufValueType.INT64
            ? typeof value === 'bigint' || typeof value === 'number'
            : typeof value === 'number';
  if (!ok) {
    throw new GgufError(
      'GGUF_ERR_WRONG_KEY_TYPE',
      `metadata ${key} is declared ${GgufValueType[type] ?? type} but holds a ${typeof value}`,
    );
  }
}

function writeArray(sink: ByteSink, key: string, arr: GgufArray): void {
  sink.u32(arr.itemType);
  sink.u64(arr.items.length);
  const items = arr.items;
  if (ArrayBuffer.isView(items)) {
    if (items.BYTES_PER_ELEMENT !== FIXED_SIZE[arr.itemType]) {
      throw new GgufError(
        'GGUF_ERR_WRONG_KEY_TYPE',
        `metadata ${key}: a ${items.constructor.name} cannot hold ${GgufValueType[arr.itemType]} items`,
      );
    }
    // Typed arrays are already in the file's (little-endian) layout.
    sink.bytes(new Uint8Array(items.buffer, items.byteOffset, items.byteLength));
    return;
  }
  for (const item of items as ReadonlyArray<string | boolean | GgufArray | number>) {
    if (arr.itemType === GgufValueType.STRING) sink.string(item as string);
    else if (arr.itemType === GgufValueType.ARRAY) writeArray(sink, key, item as GgufArray);
    else sink.scalar(arr.itemType, item as number | boolean, key);
  }
}

/** GGUF v3 header bytes: preamble, metadata, tensor infos (no padding after them). */
export function encodeHeader(
  metadata: readonly GgufMetadataEntry[],
  tensors: readonly GgufTensorInfo[],
): Uint8Array {
  const sink = new ByteSink();
  sink.u32(GGUF_MAGIC);
  sink.u32(3);
  sink.u64(tensors.length);
  sink.u64(metadata.length);
  for (const { key, type, value } of metadata) {
    checkValue(key, type, value);
    sink.string(key);
    sink.u32(type);
    if (type === GgufValueType.STRING) sink.string(value as string);
    else if (type === GgufValueType.ARRAY) writeArray(sink, key, value as GgufArray);
    else sink.scalar(type, value as number | bigint | boolean, key);
  }
  for (const t of tensors) {
    sink.string(t.name);
    sink.u32(t.dims.length);
    for (const d of t.dims) sink.u64(d);
    sink.u32(t.type);
    sink.u64(t.offset);
  }
  return sink.take();
}
