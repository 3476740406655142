import { GgufFormatError } from './errors.js';
import { FIXED_SIZE, HeaderCursor } from './header-cursor.js';
import { ggmlTensorBytes, ggmlTypeInfo } from './ggml-type.js';
import {
  GgufValueType,
  type GgufArray,
  type GgufMetadataEntry,
  type GgufTensorInfo,
  type GgufValue,
} from './types.js';

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
export const GGUF_DEFAULT_ALIGNMENT = 32;
/** ggml's GGML_MAX_DIMS. */
export const GGUF_MAX_DIMS = 4;
/** Arrays nest in practice one level deep; the cap keeps a crafted file from blowing the stack. */
const MAX_ARRAY_NESTING = 16;

export interface ParsedHeader {
  readonly version: 2 | 3;
  readonly metadata: Map<string, GgufMetadataEntry>;
  readonly tensors: GgufTensorInfo[];
  /** Absolute offset where the header (metadata and tensor infos) ends, before padding. */
  readonly headerEnd: number;
}

/** Smallest encoding of one value of each type: the bound used before trusting a count. */
function minValueBytes(type: GgufValueType): number {
  if (type === GgufValueType.STRING) return 8;
  if (type === GgufValueType.ARRAY) return 12;
  return FIXED_SIZE[type] ?? 1;
}

function valueType(cur: HeaderCursor, what: string): GgufValueType {
  const at = cur.pos;
  const t = cur.u32(`type of ${what}`);
  if (!(t in GgufValueType) || typeof GgufValueType[t] !== 'string') {
    throw new GgufFormatError('GGUF_ERR_UNKNOWN_VALUE_TYPE', `${what} has unknown type ${t}`, at);
  }
  return t as GgufValueType;
}

function readArray(cur: HeaderCursor, what: string, depth: number): GgufArray {
  if (depth > MAX_ARRAY_NESTING) {
    throw new GgufFormatError(
      'GGUF_ERR_NESTING_TOO_DEEP',
      `${what} nests arrays more than ${MAX_ARRAY_NESTING} deep`,
      cur.pos,
    );
  }
  const itemType = valueType(cur, `items of ${what}`);
  const n = cur.count(`item count of ${what}`, minValueBytes(itemType));
  const size = FIXED_SIZE[itemType];
  // Item lists grow as items are read (no array presized from the count): a damaged count
  // costs memory only for the bytes actually there.
  if (itemType === GgufValueType.BOOL) {
    const items: boolean[] = [];
    for (let i = 0; i < n; i++) items.push(cur.u8(what) !== 0);
    return { kind: 'array', itemType, items };
  }
  if (size !== undefined) {
    const buf = cur.bytes(n * size, what);
    return { kind: 'array', itemType, items: typedArray(itemType, buf) };
  }
  if (itemType === GgufValueType.STRING) {
    const items: string[] = [];
    for (let i = 0; i < n; i++) items.push(cur.string(what));
    return { kind: 'array', itemType, items };
  }
  const items: GgufArray[] = [];
  // Each nested array carries its own item type and count, with no value-type prefix.
  for (let i = 0; i < n; i++) items.push(readArray(cur, `${what}[${i}]`, depth + 1));
  return { kind: 'array', itemType, items };
}

// Host byte order is little-endian on every platform Node ships for, same as GGUF's.
function typedArray(type: GgufValueType, buf: ArrayBuffer): GgufArray['items'] {
  switch (type) {
    case GgufValueType.UINT8:
      return new Uint8Array(buf);
    case GgufValueType.INT8:
      return new Int8Array(buf);
    case GgufValueType.UINT16:
      return new Uint16Array(buf);
    case GgufValueType.INT16:
      return new Int16Array(buf);
    case GgufValueType.UINT32:
      return new Uint32Array(buf);
    case GgufValueType.INT32:
      return new Int32Array(buf);
    case GgufValueType.FLOAT32:
      return new Float32Array(buf);
    case GgufValueType.UINT64:
      return new BigUint64Array(buf);
    case GgufValueType.INT64:
      return new BigInt64Array(buf);
    default:
      return new Float64Array(buf);
  }
}

function readValue(cur: HeaderCursor, type: GgufValueType, what: string): GgufValue {
  if (type === GgufValueType.STRING) return cur.string(what);
  if (type === GgufValueType.ARRAY) return readArray(cur, what, 1);
  return cur.scalar(type, what);
}

function readPreamble(cur: HeaderCursor): { version: 2 | 3 } {
  const magic = cur.u32('magic');
  if (magic !== GGUF_MAGIC) {
    throw new GgufFormatError(
      'GGUF_ERR_BAD_MAGIC',
      `not a GGUF file: magic is 0x${magic.toString(16).padStart(8, '0')}`,
      0,
    );
  }
  const version = cur.u32('version');
  if (version === 2 || version === 3) return { version };
  // A big-endian file (written by gguf-py with --bigendian) has a byte-swapped version.
  const swapped =
    (((version & 0xff) << 24) |
      ((version & 0xff00) << 8) |
      ((version >>> 8) & 0xff00) |
      (version >>> 24)) >>>
    0;
  if (swapped >= 1 && swapped <= 3) {
    throw new GgufFormatError(
      'GGUF_ERR_BIG_ENDIAN',
      'big-endian GGUF files are not supported; convert the model to little-endian',
      4,
    );
  }
  throw new GgufFormatError(
    'GGUF_ERR_UNSUPPORTED_VERSION',
    `GGUF version ${version} is not supported (only 2 and 3)`,
    4,
  );
}

function readTensorInfo(cur: HeaderCursor, index: number): GgufTensorInfo {
  const at = cur.pos;
  const name = cur.string(`name of tensor ${index}`);
  const nDims = cur.u32(`dimension count of tensor ${name}`);
  if (nDims > GGUF_MAX_DIMS) {
    throw new GgufFormatError(
      'GGUF_ERR_TOO_MANY_DIMS',
      `tensor ${name} has ${nDims} dimensions, at most ${GGUF_MAX_DIMS} are allowed`,
      at,
    );
  }
  const dims: number[] = [];
  let elements = 1;
  for (let d = 0; d < nDims; d++) {
    const dim = cur.u64Size(`dimension ${d} of tensor ${name}`);
    if (!Number.isFinite(dim)) {
      throw new GgufFormatError(
        'GGUF_ERR_DIMENSION_OVERFLOW',
        `dimension ${d} of tensor ${name} is beyond 2^53`,
        at,
      );
    }
    elements *= dim;
    if (!Number.isSafeInteger(elements)) {
      throw new GgufFormatError(
        'GGUF_ERR_DIMENSION_OVERFLOW',
        `tensor ${name} has more than 2^53 elements`,
        at,
      );
    }
    dims.push(dim);
  }
  const type = cur.u32(`type of tensor ${name}`);
  if (ggmlTypeInfo(type) === undefined) {
    throw new GgufFormatError(
      'GGUF_ERR_UNKNOWN_TENSOR_TYPE',
      `tensor ${name} has unknown ggml type ${type}`,
      at,
    );
  }
  const offset = cur.u64Size(`offset of tensor ${name}`);
  if (!Number.isFinite(offset)) {
    throw new GgufFormatError(
      'GGUF_ERR_TENSOR_OUT_OF_BOUNDS',
      `tensor ${name} has an offset beyond 2^53`,
      at,
    );
  }
  let size: number;
  try {
    size = ggmlTensorBytes(type, dims);
  } catch (err) {
    const e = err as GgufFormatError;
    throw new GgufFormatError(e.code, `tensor ${name}: ${e.message}`, at);
  }
  return { name, dims, type, offset, size };
}

/**
 * Parses the GGUF header (preamble, metadata, tensor infos) from windows onto the first bytes of
 * a file of `fileSize` bytes. When the header runs past the window, parse() throws NeedMoreBytes
 * and keeps every entry it finished: called again with a larger window, it resumes after the last
 * complete entry instead of starting over (a vocabulary header is megabytes of small strings).
 */
export class HeaderParser {
  private pos = 0;
  private version: 2 | 3 | undefined;
  private tensorCount = 0;
  private kvCount = 0;
  private readonly metadata = new Map<string, GgufMetadataEntry>();
  private readonly tensors: GgufTensorInfo[] = [];

  constructor(private readonly fileSize: number) {}

  parse(window: Uint8Array): ParsedHeader {
    const cur = new HeaderCursor(window, this.fileSize);
    cur.pos = this.pos;
    if (this.version === undefined) {
      const { version } = readPreamble(cur);
      // Smallest tensor info: empty name (8) + n_dims (4) + type (4) + offset (8).
      this.tensorCount = cur.count('tensor count', 24);
      // Smallest key/value: empty key (8) + type (4) + a one-byte value.
      this.kvCount = cur.count('metadata key/value count', 13);
      this.version = version;
      this.pos = cur.pos;
    }
    while (this.metadata.size < this.kvCount) {
      const at = cur.pos;
      const key = cur.string(`key of metadata entry ${this.metadata.size}`);
      const type = valueType(cur, `metadata ${key}`);
      const value = readValue(cur, type, `metadata ${key}`);
      if (this.metadata.has(key)) {
        throw new GgufFormatError(
          'GGUF_ERR_DUPLICATE_KEY',
          `metadata key ${key} appears twice`,
          at,
        );
      }
      this.metadata.set(key, { key, type, value });
      this.pos = cur.pos;
    }
    while (this.tensors.length < this.tensorCount) {
      this.tensors.push(readTensorInfo(cur, this.tensors.length));
      this.pos = cur.pos;
    }
    return {
      version: this.version,
      metadata: this.metadata,
      tensors: this.tensors,
      headerEnd: this.pos,
    };
  }
}

/** Parses a header that lies entirely inside `window` (throws NeedMoreBytes otherwise). */
export function parseHeader(window: Uint8Array, fileSize: number): ParsedHeader {
  return new HeaderParser(fileSize).parse(window);
}
