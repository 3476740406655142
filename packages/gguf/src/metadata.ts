import { GgufMetadataError } from './errors.js';
import { GgufValueType, type GgufArray, type GgufFile, type GgufValue } from './types.js';

/** Typed views of metadata values. Each throws GGUF_ERR_MISSING_KEY or GGUF_ERR_WRONG_KEY_TYPE
 *  naming the key and the type it found; the `find*` variants return undefined when absent. */

function typeName(type: GgufValueType, value: GgufValue): string {
  if (type === GgufValueType.ARRAY && typeof value === 'object') {
    return `ARRAY of ${GgufValueType[value.itemType]}`;
  }
  return GgufValueType[type] ?? String(type);
}

function wrongType(file: GgufFile, key: string, wanted: string): never {
  const entry = file.metadata.get(key)!;
  throw new GgufMetadataError(
    'GGUF_ERR_WRONG_KEY_TYPE',
    key,
    `metadata ${key} should be ${wanted}, found ${typeName(entry.type, entry.value)}`,
  );
}

function required<T>(file: GgufFile, key: string, value: T | undefined): T {
  if (value === undefined) {
    throw new GgufMetadataError('GGUF_ERR_MISSING_KEY', key, `metadata ${key} is missing`);
  }
  return value;
}

export function findString(file: GgufFile, key: string): string | undefined {
  const entry = file.metadata.get(key);
  if (entry === undefined) return undefined;
  if (typeof entry.value !== 'string') wrongType(file, key, 'a STRING');
  return entry.value;
}

export function getString(file: GgufFile, key: string): string {
  return required(file, key, findString(file, key));
}

/** Any numeric type; a 64-bit integer must fit in a JS number exactly. */
export function findNumber(file: GgufFile, key: string): number | undefined {
  const entry = file.metadata.get(key);
  if (entry === undefined) return undefined;
  const v = entry.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new GgufMetadataError(
        'GGUF_ERR_BAD_METADATA_VALUE',
        key,
        `metadata ${key} is ${v}, beyond the range of a JS number`,
      );
    }
    return Number(v);
  }
  return wrongType(file, key, 'a number');
}

export function getNumber(file: GgufFile, key: string): number {
  return required(file, key, findNumber(file, key));
}

/** A non-negative integer (a count, a size, a token id). */
export function findCount(file: GgufFile, key: string): number | undefined {
  const v = findNumber(file, key);
  if (v !== undefined && (!Number.isSafeInteger(v) || v < 0)) {
    throw new GgufMetadataError(
      'GGUF_ERR_BAD_METADATA_VALUE',
      key,
      `metadata ${key} should be a non-negative integer, found ${v}`,
    );
  }
  return v;
}

export function getCount(file: GgufFile, key: string): number {
  return required(file, key, findCount(file, key));
}

export function findBool(file: GgufFile, key: string): boolean | undefined {
  const entry = file.metadata.get(key);
  if (entry === undefined) return undefined;
  if (typeof entry.value !== 'boolean') wrongType(file, key, 'a BOOL');
  return entry.value;
}

export function getBool(file: GgufFile, key: string): boolean {
  return required(file, key, findBool(file, key));
}

export function findArray(file: GgufFile, key: string): GgufArray | undefined {
  const entry = file.metadata.get(key);
  if (entry === undefined) return undefined;
  if (typeof entry.value !== 'object') wrongType(file, key, 'an ARRAY');
  return entry.value;
}

export function getArray(file: GgufFile, key: string): GgufArray {
  return required(file, key, findArray(file, key));
}

export function findStringArray(file: GgufFile, key: string): readonly string[] | undefined {
  const arr = findArray(file, key);
  if (arr === undefined) return undefined;
  if (arr.itemType !== GgufValueType.STRING) wrongType(file, key, 'an ARRAY of STRING');
  return arr.items as readonly string[];
}

export function getStringArray(file: GgufFile, key: string): readonly string[] {
  return required(file, key, findStringArray(file, key));
}

/** Numeric arrays of 8..32-bit ints or floats, as the typed array the file stored. */
export function findNumberArray(file: GgufFile, key: string): ArrayLike<number> | undefined {
  const arr = findArray(file, key);
  if (arr === undefined) return undefined;
  const t = arr.itemType;
  if (
    t === GgufValueType.STRING ||
    t === GgufValueType.ARRAY ||
    t === GgufValueType.BOOL ||
    t === GgufValueType.UINT64 ||
    t === GgufValueType.INT64
  ) {
    wrongType(file, key, 'an ARRAY of numbers');
  }
  return arr.items as ArrayLike<number>;
}

export function getNumberArray(file: GgufFile, key: string): ArrayLike<number> {
  return required(file, key, findNumberArray(file, key));
}
