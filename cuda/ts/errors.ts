/** Stable error codes of @llorch/native; each is documented in cuda/README.md. */
export const NATIVE_ERROR_CODES = [
  'NATIVE_ERR_BAD_ARGUMENT',
  'NATIVE_ERR_DUPLICATE_SEQ',
  'NATIVE_ERR_TOKEN_OUT_OF_RANGE',
  'NATIVE_ERR_CONTEXT_OVERFLOW',
  'NATIVE_ERR_KV_EXHAUSTED',
  'NATIVE_ERR_LOAD',
  'NATIVE_ERR_IO',
  'NATIVE_ERR_UNSUPPORTED_TYPE',
  'NATIVE_ERR_OOM',
  'NATIVE_ERR_CUDA',
  'NATIVE_ERR_CUDA_FAULT',
  'NATIVE_ERR_UNLOADED',
  'NATIVE_ERR_INTERNAL',
] as const;

export type NativeErrorCode = (typeof NATIVE_ERROR_CODES)[number];

export class NativeError extends Error {
  override readonly name = 'NativeError';
  constructor(
    readonly code: NativeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function isNativeErrorCode(code: unknown): code is NativeErrorCode {
  return typeof code === 'string' && (NATIVE_ERROR_CODES as readonly string[]).includes(code);
}

/** The binding's errors carry a `code`; anything else is an internal error. (No instanceof
 *  Error check: errors made by the addon may come from another realm, e.g. under jest.) */
export function toNativeError(e: unknown): NativeError {
  if (e instanceof NativeError) return e;
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return new NativeError(
    isNativeErrorCode(code) ? code : 'NATIVE_ERR_INTERNAL',
    typeof message === 'string' ? message : String(e),
  );
}
