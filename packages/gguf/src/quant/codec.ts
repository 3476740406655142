import { GgufError } from '../errors.js';
import { GgmlType, ggmlTypeInfo, ggmlTypeName } from '../ggml-type.js';
import {
  dequantizeBf16,
  dequantizeF16,
  dequantizeF32,
  quantizeBf16,
  quantizeF16,
  quantizeF32,
} from './half.js';
import {
  dequantizeQ4_0,
  dequantizeQ4_1,
  dequantizeQ5_0,
  dequantizeQ5_1,
  dequantizeQ8_0,
  quantizeQ4_0,
  quantizeQ4_1,
  quantizeQ5_0,
  quantizeQ5_1,
  quantizeQ8_0,
} from './legacy-quants.js';
import { dequantizeQ2_K, quantizeQ2_K } from './q2-k.js';
import { dequantizeQ3_K, quantizeQ3_K } from './q3-k.js';
import { dequantizeQ4_K, dequantizeQ5_K, quantizeQ4_K, quantizeQ5_K } from './q4-q5-k.js';
import { dequantizeQ6_K, quantizeQ6_K } from './q6-k.js';

interface Codec {
  /** src.length elements (whole blocks) -> the blocks' bytes at the start of dst. */
  quantize(src: Float32Array, dst: Uint8Array): void;
  /** dst.length elements (whole blocks) from the blocks at the start of src. */
  dequantize(src: Uint8Array, dst: Float32Array): void;
}

const CODECS = new Map<GgmlType, Codec>([
  [GgmlType.F32, { quantize: quantizeF32, dequantize: dequantizeF32 }],
  [GgmlType.F16, { quantize: quantizeF16, dequantize: dequantizeF16 }],
  [GgmlType.BF16, { quantize: quantizeBf16, dequantize: dequantizeBf16 }],
  [GgmlType.Q8_0, { quantize: quantizeQ8_0, dequantize: dequantizeQ8_0 }],
  [GgmlType.Q4_0, { quantize: quantizeQ4_0, dequantize: dequantizeQ4_0 }],
  [GgmlType.Q4_1, { quantize: quantizeQ4_1, dequantize: dequantizeQ4_1 }],
  [GgmlType.Q5_0, { quantize: quantizeQ5_0, dequantize: dequantizeQ5_0 }],
  [GgmlType.Q5_1, { quantize: quantizeQ5_1, dequantize: dequantizeQ5_1 }],
  [GgmlType.Q2_K, { quantize: quantizeQ2_K, dequantize: dequantizeQ2_K }],
  [GgmlType.Q3_K, { quantize: quantizeQ3_K, dequantize: dequantizeQ3_K }],
  [GgmlType.Q4_K, { quantize: quantizeQ4_K, dequantize: dequantizeQ4_K }],
  [GgmlType.Q5_K, { quantize: quantizeQ5_K, dequantize: dequantizeQ5_K }],
  [GgmlType.Q6_K, { quantize: quantizeQ6_K, dequantize: dequantizeQ6_K }],
]);

/** Types with a reference quantizer and dequantizer here. */
export const CODEC_TYPES: readonly GgmlType[] = [...CODECS.keys()];

function codecFor(type: GgmlType): Codec {
  const codec = CODECS.get(type);
  if (codec === undefined) {
    throw new GgufError(
      'GGUF_ERR_BAD_QUANT_INPUT',
      `no reference (de)quantizer for ggml type ${ggmlTypeName(type)}`,
    );
  }
  return codec;
}

/** Bytes that `elements` values of `type` occupy; the count must be a whole number of blocks. */
export function quantizedBytes(type: GgmlType, elements: number): number {
  const info = ggmlTypeInfo(type);
  if (info === undefined || elements % info.blockSize !== 0 || elements < 0) {
    throw new GgufError(
      'GGUF_ERR_BAD_QUANT_INPUT',
      `${elements} elements are not a whole number of ${ggmlTypeName(type)} blocks`,
    );
  }
  return (elements / info.blockSize) * info.bytesPerBlock;
}

/**
 * Quantizes `src` into `dst` (or a new buffer). `dst` must hold quantizedBytes(type, src.length)
 * bytes; writing into a caller's buffer lets a streaming writer reuse one per tensor chunk.
 */
export function quantize(type: GgmlType, src: Float32Array, dst?: Uint8Array): Uint8Array {
  const codec = codecFor(type);
  const bytes = quantizedBytes(type, src.length);
  const out = dst ?? new Uint8Array(bytes);
  if (out.length < bytes) {
    throw new GgufError(
      'GGUF_ERR_BAD_QUANT_INPUT',
      `output holds ${out.length} bytes, ${bytes} are needed`,
    );
  }
  codec.quantize(src, out);
  return out.subarray(0, bytes);
}

/** Dequantizes `elements` values from `src` into `dst` (or a new array). */
export function dequantize(
  type: GgmlType,
  src: Uint8Array,
  elements: number,
  dst?: Float32Array,
): Float32Array {
  const codec = codecFor(type);
  const bytes = quantizedBytes(type, elements);
  if (src.length < bytes) {
    throw new GgufError(
      'GGUF_ERR_BAD_QUANT_INPUT',
      `${elements} ${ggmlTypeName(type)} elements need ${bytes} bytes, ${src.length} given`,
    );
  }
  const out = dst ?? new Float32Array(elements);
  if (out.length < elements) {
    throw new GgufError(
      'GGUF_ERR_BAD_QUANT_INPUT',
      `output holds ${out.length} values, ${elements} are needed`,
    );
  }
  codec.dequantize(src, out.subarray(0, elements));
  return out.subarray(0, elements);
}
