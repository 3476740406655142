import { describe, expect, it } from '@jest/globals';
import {
  GGML_TYPES,
  GgmlType,
  ggmlTensorBytes,
  ggmlTypeByName,
  ggmlTypeInfo,
  ggmlTypeName,
} from '@llorch/gguf';

describe('ggml type table', () => {
  it('uses the official numbers', () => {
    expect([GgmlType.F32, GgmlType.F16, GgmlType.Q4_0, GgmlType.Q4_1]).toEqual([0, 1, 2, 3]);
    expect([GgmlType.Q5_0, GgmlType.Q5_1, GgmlType.Q8_0, GgmlType.Q8_1]).toEqual([6, 7, 8, 9]);
    expect([GgmlType.Q2_K, GgmlType.Q8_K, GgmlType.IQ2_XXS, GgmlType.IQ4_XS]).toEqual([
      10, 15, 16, 23,
    ]);
    expect([GgmlType.I8, GgmlType.F64, GgmlType.IQ1_M, GgmlType.BF16]).toEqual([24, 28, 29, 30]);
    expect([GgmlType.TQ1_0, GgmlType.TQ2_0, GgmlType.MXFP4]).toEqual([34, 35, 39]);
    expect(GGML_TYPES).toHaveLength(32);
  });

  it.each([
    ['F32', 1, 4],
    ['BF16', 1, 2],
    ['Q4_0', 32, 18],
    ['Q5_1', 32, 24],
    ['Q8_0', 32, 34],
    ['Q8_1', 32, 36],
    ['Q2_K', 256, 84],
    ['Q3_K', 256, 110],
    ['Q4_K', 256, 144],
    ['Q5_K', 256, 176],
    ['Q6_K', 256, 210],
    ['Q8_K', 256, 292],
    ['IQ2_XXS', 256, 66],
    ['IQ2_XS', 256, 74],
    ['IQ3_XXS', 256, 98],
    ['IQ1_S', 256, 50],
    ['IQ4_NL', 32, 18],
    ['IQ3_S', 256, 110],
    ['IQ2_S', 256, 82],
    ['IQ4_XS', 256, 136],
    ['IQ1_M', 256, 56],
    ['TQ1_0', 256, 54],
    ['TQ2_0', 256, 66],
    ['MXFP4', 32, 17],
  ])('%s: %i elements in %i bytes', (name, blockSize, bytes) => {
    const info = ggmlTypeByName(name)!;
    expect(info.blockSize).toBe(blockSize);
    expect(info.bytesPerBlock).toBe(bytes);
    expect(ggmlTypeInfo(info.type)).toBe(info);
    expect(ggmlTypeName(info.type)).toBe(name);
  });

  it('sizes tensors from their dims', () => {
    expect(ggmlTensorBytes(GgmlType.Q4_K, [4864, 896])).toBe((4864 / 256) * 144 * 896);
    expect(ggmlTensorBytes(GgmlType.F16, [896, 151936])).toBe(896 * 151936 * 2);
    expect(ggmlTensorBytes(GgmlType.F32, [])).toBe(4);
  });

  it('rejects unknown types, partial blocks and overflow', () => {
    expect(() => ggmlTensorBytes(4, [32])).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_UNKNOWN_TENSOR_TYPE' }),
    );
    expect(() => ggmlTensorBytes(GgmlType.Q4_K, [896])).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_BAD_TENSOR_SHAPE' }),
    );
    expect(() => ggmlTensorBytes(GgmlType.F32, [2 ** 30, 2 ** 30])).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_DIMENSION_OVERFLOW' }),
    );
    expect(ggmlTypeName(99)).toBe('unknown(99)');
  });
});
