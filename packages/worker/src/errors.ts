/**
 * Stable codes of everything the worker reports about a job or a frame. The README's
 * "Error codes" table documents each; a test keeps the two in step.
 */
export const WORKER_ERROR_CODES = [
  'WORKER_ERR_BAD_ARGUMENT',
  'WORKER_ERR_INVALID_JOB_ID',
  'WORKER_ERR_DUPLICATE_JOB',
  'WORKER_ERR_UNKNOWN_JOB',
  'WORKER_ERR_INVALID_PARAMS',
  'WORKER_ERR_CONTEXT_OVERFLOW',
  'WORKER_ERR_DRAINING',
  'WORKER_ERR_DEADLINE_EXCEEDED',
  'WORKER_ERR_UNEXPECTED_MESSAGE',
  'WORKER_ERR_TOKENIZER',
  'WORKER_ERR_ENGINE',
  'WORKER_ERR_SHUTTING_DOWN',
  'WORKER_ERR_INTERNAL',
] as const;

export type WorkerErrorCode = (typeof WORKER_ERROR_CODES)[number];

export class WorkerError extends Error {
  override readonly name = 'WorkerError';

  constructor(
    readonly code: WorkerErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The stable `code` of an error thrown by any llorch package, or a worker code for others. */
export function errorCode(error: unknown, fallback: WorkerErrorCode): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return fallback;
}
