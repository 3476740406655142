import { GgufValueType, type GgufArray, type GgufMetadataEntry } from './types.js';

/**
 * Constructors for metadata entries: GGUF stores an explicit type per value, which a JS number
 * does not carry, so writers name it (`meta.u32('llama.block_count', 22)`).
 */
export const meta = {
  u8: (key: string, value: number): GgufMetadataEntry => ({
    key,
    type: GgufValueType.UINT8,
    value,
  }),
  i32: (key: string, value: number): GgufMetadataEntry => ({
    key,
    type: GgufValueType.INT32,
    value,
  }),
  u32: (key: string, value: number): GgufMetadataEntry => ({
    key,
    type: GgufValueType.UINT32,
    value,
  }),
  u64: (key: string, value: bigint): GgufMetadataEntry => ({
    key,
    type: GgufValueType.UINT64,
    value,
  }),
  f32: (key: string, value: number): GgufMetadataEntry => ({
    key,
    type: GgufValueType.FLOAT32,
    value,
  }),
  bool: (key: string, value: boolean): GgufMetadataEntry => ({
    key,
    type: GgufValueType.BOOL,
    value,
  }),
  string: (key: string, value: string): GgufMetadataEntry => ({
    key,
    type: GgufValueType.STRING,
    value,
  }),
  array: (key: string, value: GgufArray): GgufMetadataEntry => ({
    key,
    type: GgufValueType.ARRAY,
    value,
  }),
  stringArray: (key: string, items: readonly string[]): GgufMetadataEntry => ({
    key,
    type: GgufValueType.ARRAY,
    value: { kind: 'array', itemType: GgufValueType.STRING, items },
  }),
  f32Array: (key: string, items: Float32Array): GgufMetadataEntry => ({
    key,
    type: GgufValueType.ARRAY,
    value: { kind: 'array', itemType: GgufValueType.FLOAT32, items },
  }),
  i32Array: (key: string, items: Int32Array): GgufMetadataEntry => ({
    key,
    type: GgufValueType.ARRAY,
    value: { kind: 'array', itemType: GgufValueType.INT32, items },
  }),
};
