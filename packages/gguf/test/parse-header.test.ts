import { describe, expect, it } from '@jest/globals';
import { GgmlType, GgufError, GgufValueType, parseGguf } from '@llorch/gguf';
import { GgufBytes, preamble } from './gguf-bytes.js';

function codeOf(bytes: Uint8Array): string {
  try {
    parseGguf(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(GgufError);
    return (err as GgufError).code;
  }
  throw new Error('expected parseGguf to throw');
}

/** A file with the given tensor infos (name, dims, type, offset) and `dataBytes` of data. */
function withTensors(
  tensors: Array<[string, number[], number, number]>,
  dataBytes: number,
  configure?: (b: GgufBytes) => void,
): Uint8Array {
  const b = preamble(3, tensors.length, configure ? 1 : 0);
  configure?.(b);
  for (const [name, dims, type, offset] of tensors) {
    b.str(name).u32(dims.length);
    for (const d of dims) b.u64(d);
    b.u32(type).u64(offset);
  }
  return b.pad(32).raw(new Uint8Array(dataBytes)).bytes();
}

describe('parseGguf rejects malformed headers with typed errors', () => {
  it('bad magic', () => {
    expect(codeOf(new GgufBytes().u32(0x12345678).u32(3).u64(0).u64(0).bytes())).toBe(
      'GGUF_ERR_BAD_MAGIC',
    );
  });

  it('GGUF v1', () => {
    expect(codeOf(preamble(1, 0, 0).bytes())).toBe('GGUF_ERR_UNSUPPORTED_VERSION');
  });

  it('big-endian files', () => {
    const b = new GgufBytes().u32(0x46554747).raw([0, 0, 0, 3]).u64(0).u64(0);
    expect(codeOf(b.bytes())).toBe('GGUF_ERR_BIG_ENDIAN');
  });

  it('truncated header', () => {
    const cut = preamble(3, 0, 1).str('key').u32(GgufValueType.UINT64).raw([1, 2]);
    expect(codeOf(cut.bytes())).toBe('GGUF_ERR_TRUNCATED');
    expect(codeOf(new Uint8Array([0x47, 0x47]))).toBe('GGUF_ERR_TRUNCATED');
  });

  it('counts beyond the file', () => {
    expect(codeOf(preamble(3, 1e6, 0).bytes())).toBe('GGUF_ERR_COUNT_TOO_LARGE');
    expect(codeOf(preamble(3, 0, 2n ** 63n).bytes())).toBe('GGUF_ERR_COUNT_TOO_LARGE');
    const arr = preamble(3, 0, 1).str('a').u32(GgufValueType.ARRAY).u32(GgufValueType.UINT32);
    expect(codeOf(arr.u64(1000).u32(1).bytes())).toBe('GGUF_ERR_COUNT_TOO_LARGE');
  });

  it('string length beyond the file', () => {
    expect(
      codeOf(
        preamble(3, 0, 1)
          .u64(2n ** 40n)
          .raw(new Uint8Array(20))
          .bytes(),
      ),
    ).toBe('GGUF_ERR_STRING_TOO_LONG');
  });

  it('unknown value type', () => {
    expect(codeOf(preamble(3, 0, 1).str('k').u32(13).u32(0).bytes())).toBe(
      'GGUF_ERR_UNKNOWN_VALUE_TYPE',
    );
  });

  it('arrays nested too deep', () => {
    const b = preamble(3, 0, 1).str('k').u32(GgufValueType.ARRAY);
    for (let i = 0; i < 40; i++) b.u32(GgufValueType.ARRAY).u64(1);
    b.u32(GgufValueType.UINT8).u64(0);
    expect(codeOf(b.bytes())).toBe('GGUF_ERR_NESTING_TOO_DEEP');
  });

  it('duplicate keys', () => {
    const b = preamble(3, 0, 2).str('k').u32(GgufValueType.UINT8).u8(1);
    expect(codeOf(b.str('k').u32(GgufValueType.UINT8).u8(2).bytes())).toBe(
      'GGUF_ERR_DUPLICATE_KEY',
    );
  });

  it('bad general.alignment', () => {
    const bad = (b: GgufBytes) => b.str('general.alignment').u32(GgufValueType.UINT32).u32(48);
    expect(codeOf(withTensors([], 0, bad))).toBe('GGUF_ERR_BAD_ALIGNMENT');
    const wrongType = (b: GgufBytes) =>
      b.str('general.alignment').u32(GgufValueType.UINT64).u64(32);
    expect(codeOf(withTensors([], 0, wrongType))).toBe('GGUF_ERR_BAD_ALIGNMENT');
  });

  it('unknown tensor type', () => {
    expect(codeOf(withTensors([['t', [4], 4, 0]], 64))).toBe('GGUF_ERR_UNKNOWN_TENSOR_TYPE');
  });

  it('too many dims and dimension overflow', () => {
    expect(codeOf(withTensors([['t', [1, 1, 1, 1, 1], 0, 0]], 64))).toBe('GGUF_ERR_TOO_MANY_DIMS');
    expect(codeOf(withTensors([['t', [2 ** 30, 2 ** 30, 2 ** 30], 0, 0]], 64))).toBe(
      'GGUF_ERR_DIMENSION_OVERFLOW',
    );
  });

  it('rows that are not whole blocks', () => {
    expect(codeOf(withTensors([['t', [33], GgmlType.Q8_0, 0]], 64))).toBe(
      'GGUF_ERR_BAD_TENSOR_SHAPE',
    );
  });

  it('tensor data out of bounds', () => {
    expect(codeOf(withTensors([['t', [32], GgmlType.F32, 0]], 64))).toBe(
      'GGUF_ERR_TENSOR_OUT_OF_BOUNDS',
    );
  });

  it('misaligned tensor', () => {
    expect(codeOf(withTensors([['t', [4], GgmlType.F32, 8]], 64))).toBe(
      'GGUF_ERR_MISALIGNED_TENSOR',
    );
  });

  it('overlapping tensors', () => {
    const tensors: Array<[string, number[], number, number]> = [
      ['a', [16], GgmlType.F32, 0],
      ['b', [16], GgmlType.F32, 32],
    ];
    expect(codeOf(withTensors(tensors, 128))).toBe('GGUF_ERR_OVERLAPPING_TENSORS');
  });

  it('duplicate tensor names', () => {
    const tensors: Array<[string, number[], number, number]> = [
      ['a', [8], GgmlType.F32, 0],
      ['a', [8], GgmlType.F32, 32],
    ];
    expect(codeOf(withTensors(tensors, 64))).toBe('GGUF_ERR_DUPLICATE_TENSOR');
  });

  it('accepts adjacent tensors that share no bytes', () => {
    const tensors: Array<[string, number[], number, number]> = [
      ['a', [8], GgmlType.F32, 0],
      ['b', [8], GgmlType.F32, 32],
    ];
    expect(parseGguf(withTensors(tensors, 64)).tensors.map((t) => t.name)).toEqual(['a', 'b']);
  });
});
