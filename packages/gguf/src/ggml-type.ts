import { GgufError } from './errors.js';

/** ggml tensor types with the numbers used in GGUF files (ggml.h `enum ggml_type`). */
export enum GgmlType {
  F32 = 0,
  F16 = 1,
  Q4_0 = 2,
  Q4_1 = 3,
  Q5_0 = 6,
  Q5_1 = 7,
  Q8_0 = 8,
  Q8_1 = 9,
  Q2_K = 10,
  Q3_K = 11,
  Q4_K = 12,
  Q5_K = 13,
  Q6_K = 14,
  Q8_K = 15,
  IQ2_XXS = 16,
  IQ2_XS = 17,
  IQ3_XXS = 18,
  IQ1_S = 19,
  IQ4_NL = 20,
  IQ3_S = 21,
  IQ2_S = 22,
  IQ4_XS = 23,
  I8 = 24,
  I16 = 25,
  I32 = 26,
  I64 = 27,
  F64 = 28,
  IQ1_M = 29,
  BF16 = 30,
  TQ1_0 = 34,
  TQ2_0 = 35,
  MXFP4 = 39,
}

export interface GgmlTypeInfo {
  readonly type: GgmlType;
  readonly name: string;
  /** Elements per block; a row's length must be a multiple of it. */
  readonly blockSize: number;
  readonly bytesPerBlock: number;
}

// Block sizes and byte counts follow the block structs of ggml-common.h.
const TABLE: readonly GgmlTypeInfo[] = [
  { type: GgmlType.F32, name: 'F32', blockSize: 1, bytesPerBlock: 4 },
  { type: GgmlType.F16, name: 'F16', blockSize: 1, bytesPerBlock: 2 },
  { type: GgmlType.Q4_0, name: 'Q4_0', blockSize: 32, bytesPerBlock: 18 },
  { type: GgmlType.Q4_1, name: 'Q4_1', blockSize: 32, bytesPerBlock: 20 },
  { type: GgmlType.Q5_0, name: 'Q5_0', blockSize: 32, bytesPerBlock: 22 },
  { type: GgmlType.Q5_1, name: 'Q5_1', blockSize: 32, bytesPerBlock: 24 },
  { type: GgmlType.Q8_0, name: 'Q8_0', blockSize: 32, bytesPerBlock: 34 },
  { type: GgmlType.Q8_1, name: 'Q8_1', blockSize: 32, bytesPerBlock: 36 },
  { type: GgmlType.Q2_K, name: 'Q2_K', blockSize: 256, bytesPerBlock: 84 },
  { type: GgmlType.Q3_K, name: 'Q3_K', blockSize: 256, bytesPerBlock: 110 },
  { type: GgmlType.Q4_K, name: 'Q4_K', blockSize: 256, bytesPerBlock: 144 },
  { type: GgmlType.Q5_K, name: 'Q5_K', blockSize: 256, bytesPerBlock: 176 },
  { type: GgmlType.Q6_K, name: 'Q6_K', blockSize: 256, bytesPerBlock: 210 },
  { type: GgmlType.Q8_K, name: 'Q8_K', blockSize: 256, bytesPerBlock: 292 },
  { type: GgmlType.IQ2_XXS, name: 'IQ2_XXS', blockSize: 256, bytesPerBlock: 66 },
  { type: GgmlType.IQ2_XS, name: 'IQ2_XS', blockSize: 256, bytesPerBlock: 74 },
  { type: GgmlType.IQ3_XXS, name: 'IQ3_XXS', blockSize: 256, bytesPerBlock: 98 },
  { type: GgmlType.IQ1_S, name: 'IQ1_S', blockSize: 256, bytesPerBlock: 50 },
  { type: GgmlType.IQ4_NL, name: 'IQ4_NL', blockSize: 32, bytesPerBlock: 18 },
  { type: GgmlType.IQ3_S, name: 'IQ3_S', blockSize: 256, bytesPerBlock: 110 },
  { type: GgmlType.IQ2_S, name: 'IQ2_S', blockSize: 256, bytesPerBlock: 82 },
  { type: GgmlType.IQ4_XS, name: 'IQ4_XS', blockSize: 256, bytesPerBlock: 136 },
  { type: GgmlType.I8, name: 'I8', blockSize: 1, bytesPerBlock: 1 },
  { type: GgmlType.I16, name: 'I16', blockSize: 1, bytesPerBlock: 2 },
  { type: GgmlType.I32, name: 'I32', blockSize: 1, bytesPerBlock: 4 },
  { type: GgmlType.I64, name: 'I64', blockSize: 1, bytesPerBlock: 8 },
  { type: GgmlType.F64, name: 'F64', blockSize: 1, bytesPerBlock: 8 },
  { type: GgmlType.IQ1_M, name: 'IQ1_M', blockSize: 256, bytesPerBlock: 56 },
  { type: GgmlType.BF16, name: 'BF16', blockSize: 1, bytesPerBlock: 2 },
  { type: GgmlType.TQ1_0, name: 'TQ1_0', blockSize: 256, bytesPerBlock: 54 },
  { type: GgmlType.TQ2_0, name: 'TQ2_0', blockSize: 256, bytesPerBlock: 66 },
  { type: GgmlType.MXFP4, name: 'MXFP4', blockSize: 32, bytesPerBlock: 17 },
];

const BY_NUMBER = new Map<number, GgmlTypeInfo>(TABLE.map((t) => [t.type, t]));
const BY_NAME = new Map<string, GgmlTypeInfo>(TABLE.map((t) => [t.name, t]));

export const GGML_TYPES: readonly GgmlTypeInfo[] = TABLE;

/** The type's table entry, or undefined for a number ggml does not (or no longer) define. */
export function ggmlTypeInfo(type: number): GgmlTypeInfo | undefined {
  return BY_NUMBER.get(type);
}

/** Looks a type up by its ggml name, case-insensitively (`q4_k` -> Q4_K). */
export function ggmlTypeByName(name: string): GgmlTypeInfo | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export function ggmlTypeName(type: number): string {
  return BY_NUMBER.get(type)?.name ?? `unknown(${type})`;
}

/**
 * Bytes a tensor of this type and shape occupies (ggml order, dims[0] is the row length).
 * Throws GGUF_ERR_UNKNOWN_TENSOR_TYPE, GGUF_ERR_BAD_TENSOR_SHAPE (row not a whole number of
 * blocks) or GGUF_ERR_DIMENSION_OVERFLOW (size beyond 2^53).
 */
export function ggmlTensorBytes(type: number, dims: readonly number[]): number {
  const info = BY_NUMBER.get(type);
  if (info === undefined) {
    throw new GgufError('GGUF_ERR_UNKNOWN_TENSOR_TYPE', `unknown ggml tensor type ${type}`);
  }
  const rowLength = dims[0] ?? 1;
  if (rowLength % info.blockSize !== 0) {
    throw new GgufError(
      'GGUF_ERR_BAD_TENSOR_SHAPE',
      `row length ${rowLength} is not a multiple of ${info.name}'s block size ${info.blockSize}`,
    );
  }
  let bytes = (rowLength / info.blockSize) * info.bytesPerBlock;
  for (let i = 1; i < dims.length; i++) {
    bytes *= dims[i] as number;
  }
  if (!Number.isSafeInteger(bytes)) {
    throw new GgufError(
      'GGUF_ERR_DIMENSION_OVERFLOW',
      `tensor of shape [${dims.join(', ')}] is larger than 2^53 bytes`,
    );
  }
  return bytes;
}
