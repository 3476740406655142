import { describe, expect, it } from '@jest/globals';
import {
  GgufMetadataError,
  GgufValueType,
  findString,
  getArray,
  getBool,
  getCount,
  getNumber,
  getNumberArray,
  getString,
  getStringArray,
  parseGguf,
} from '@llorch/gguf';
import { preamble } from './gguf-bytes.js';

const file = parseGguf(
  preamble(3, 0, 6)
    .str('s')
    .u32(GgufValueType.STRING)
    .str('qwen2')
    .str('f')
    .u32(GgufValueType.FLOAT32)
    .f32(0.5)
    .str('big')
    .u32(GgufValueType.UINT64)
    .u64(2n ** 60n)
    .str('b')
    .u32(GgufValueType.BOOL)
    .u8(0)
    .str('toks')
    .u32(GgufValueType.ARRAY)
    .u32(GgufValueType.STRING)
    .u64(2)
    .str('a')
    .str('b')
    .str('ids')
    .u32(GgufValueType.ARRAY)
    .u32(GgufValueType.INT32)
    .u64(1)
    .u32(9)
    .bytes(),
);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GgufMetadataError);
    return (err as GgufMetadataError).code;
  }
  throw new Error('expected an error');
}

describe('metadata accessors', () => {
  it('return typed values', () => {
    expect(getString(file, 's')).toBe('qwen2');
    expect(getNumber(file, 'f')).toBe(0.5);
    expect(getBool(file, 'b')).toBe(false);
    expect(getStringArray(file, 'toks')).toEqual(['a', 'b']);
    expect(Array.from(getNumberArray(file, 'ids'))).toEqual([9]);
    expect(getArray(file, 'ids').itemType).toBe(GgufValueType.INT32);
    expect(findString(file, 'absent')).toBeUndefined();
  });

  it('name the key and the type found when the type is wrong', () => {
    expect(codeOf(() => getString(file, 'f'))).toBe('GGUF_ERR_WRONG_KEY_TYPE');
    expect(() => getString(file, 'f')).toThrow('metadata f should be a STRING, found FLOAT32');
    expect(() => getStringArray(file, 'ids')).toThrow('found ARRAY of INT32');
    expect(codeOf(() => getNumber(file, 's'))).toBe('GGUF_ERR_WRONG_KEY_TYPE');
  });

  it('report missing keys and out-of-range values', () => {
    expect(codeOf(() => getNumber(file, 'nope'))).toBe('GGUF_ERR_MISSING_KEY');
    expect(codeOf(() => getNumber(file, 'big'))).toBe('GGUF_ERR_BAD_METADATA_VALUE');
    expect(codeOf(() => getCount(file, 'f'))).toBe('GGUF_ERR_BAD_METADATA_VALUE');
  });
});
