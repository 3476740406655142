/** GGUF metadata value types, as numbered in the file format. */
export enum GgufValueType {
  UINT8 = 0,
  INT8 = 1,
  UINT16 = 2,
  INT16 = 3,
  UINT32 = 4,
  INT32 = 5,
  FLOAT32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
  UINT64 = 10,
  INT64 = 11,
  FLOAT64 = 12,
}

export type GgufTypedArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array
  | BigUint64Array
  | BigInt64Array;

/**
 * An array value. Numeric arrays are typed arrays (so a 150k-entry score table costs
 * what the file spends on it); bool arrays are boolean[], string arrays string[],
 * arrays of arrays GgufArray[].
 */
export interface GgufArray {
  readonly kind: 'array';
  readonly itemType: GgufValueType;
  readonly items: GgufTypedArray | readonly boolean[] | readonly string[] | readonly GgufArray[];
}

/** 64-bit integers are bigint; every other number is a JS number. */
export type GgufValue = number | bigint | boolean | string | GgufArray;

export interface GgufMetadataEntry {
  readonly key: string;
  readonly type: GgufValueType;
  readonly value: GgufValue;
}

export interface GgufTensorInfo {
  readonly name: string;
  /** ggml order: dims[0] is the fastest-varying (row length). */
  readonly dims: readonly number[];
  readonly type: number;
  /** Offset of the tensor's data from the start of the data section. */
  readonly offset: number;
  /** Bytes of tensor data. */
  readonly size: number;
}

export interface GgufFile {
  readonly version: 2 | 3;
  readonly alignment: number;
  /** Absolute file offset of the (aligned) tensor data section. */
  readonly dataOffset: number;
  readonly fileSize: number;
  readonly metadata: ReadonlyMap<string, GgufMetadataEntry>;
  readonly tensors: readonly GgufTensorInfo[];
}
