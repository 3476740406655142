/**
 * Every error this package throws is a GgufError with a stable `code`. Callers branch on the
 * code, never on the message; packages/gguf/README.md documents each one (a test checks that).
 */
export const GGUF_ERROR_CODES = [
  'GGUF_ERR_IO',
  'GGUF_ERR_BAD_MAGIC',
  'GGUF_ERR_UNSUPPORTED_VERSION',
  'GGUF_ERR_BIG_ENDIAN',
  'GGUF_ERR_TRUNCATED',
  'GGUF_ERR_COUNT_TOO_LARGE',
  'GGUF_ERR_STRING_TOO_LONG',
  'GGUF_ERR_NESTING_TOO_DEEP',
  'GGUF_ERR_UNKNOWN_VALUE_TYPE',
  'GGUF_ERR_UNKNOWN_TENSOR_TYPE',
  'GGUF_ERR_BAD_ALIGNMENT',
  'GGUF_ERR_TOO_MANY_DIMS',
  'GGUF_ERR_DIMENSION_OVERFLOW',
  'GGUF_ERR_BAD_TENSOR_SHAPE',
  'GGUF_ERR_TENSOR_OUT_OF_BOUNDS',
  'GGUF_ERR_MISALIGNED_TENSOR',
  'GGUF_ERR_OVERLAPPING_TENSORS',
  'GGUF_ERR_DUPLICATE_TENSOR',
  'GGUF_ERR_DUPLICATE_KEY',
  'GGUF_ERR_MISSING_KEY',
  'GGUF_ERR_WRONG_KEY_TYPE',
  'GGUF_ERR_BAD_METADATA_VALUE',
  'GGUF_ERR_UNSUPPORTED_ARCHITECTURE',
  'GGUF_ERR_BAD_TENSORS',
  'GGUF_ERR_BAD_QUANT_INPUT',
  'GGUF_ERR_WRITE_MISMATCH',
  'GGUF_ERR_BAD_SYNTH_OPTION',
] as const;

export type GgufErrorCode = (typeof GGUF_ERROR_CODES)[number];

export class GgufError extends Error {
  readonly code: GgufErrorCode;

  constructor(code: GgufErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GgufError';
    this.code = code;
  }
}

/** The file's bytes do not form a valid GGUF header (structure, counts, offsets). */
export class GgufFormatError extends GgufError {
  /** File offset where the problem was found, when there is one. */
  readonly offset: number | undefined;

  constructor(code: GgufErrorCode, message: string, offset?: number) {
    super(code, offset === undefined ? message : `${message} (at byte ${offset})`);
    this.name = 'GgufFormatError';
    this.offset = offset;
  }
}

/** A metadata key is absent, of the wrong type, or holds a value out of range. */
export class GgufMetadataError extends GgufError {
  readonly key: string;

  constructor(code: GgufErrorCode, key: string, message: string) {
    super(code, message);
    this.name = 'GgufMetadataError';
    this.key = key;
  }
}

/** The tensor set does not match what the architecture needs. */
export class GgufTensorError extends GgufError {
  /** One line per missing or mis-shaped tensor. */
  readonly problems: readonly string[];

  constructor(code: GgufErrorCode, problems: readonly string[]) {
    super(code, `${problems.length} tensor problem(s): ${problems.join('; ')}`);
    this.name = 'GgufTensorError';
    this.problems = problems;
  }
}
