// Every failure the orchestrator reports has a stable code and the HTTP status it maps to.
// The README documents each code; a test keeps the two in sync.

export const ORCH_ERROR_CODES = {
  ORCH_ERR_MALFORMED_JSON: 400,
  ORCH_ERR_INVALID_REQUEST: 400,
  ORCH_ERR_BAD_MODEL: 400,
  ORCH_ERR_PAYLOAD_TOO_LARGE: 413,
  ORCH_ERR_UNAUTHORIZED: 401,
  ORCH_ERR_FORBIDDEN_PATH: 403,
  ORCH_ERR_NOT_FOUND: 404,
  ORCH_ERR_UNKNOWN_MODEL: 404,
  ORCH_ERR_UNKNOWN_JOB: 404,
  ORCH_ERR_UNKNOWN_WORKER: 404,
  ORCH_ERR_MODEL_EXISTS: 409,
  ORCH_ERR_QUEUE_FULL: 429,
  ORCH_ERR_JOB_FAILED: 500,
  ORCH_ERR_INTERNAL: 500,
  ORCH_ERR_WORKER_LOST: 502,
  ORCH_ERR_MODEL_NOT_READY: 503,
  ORCH_ERR_SHUTTING_DOWN: 503,
  ORCH_ERR_DEVICE_UNAVAILABLE: 503,
  ORCH_ERR_DEADLINE_EXCEEDED: 504,
  ORCH_ERR_CONFIG: 500,
} as const;

export type OrchErrorCode = keyof typeof ORCH_ERROR_CODES;

export interface OrchErrorOptions {
  /** The request field the error is about (OpenAI's `param`). */
  param?: string;
  /** Seconds a client should wait before retrying (429/503). */
  retryAfterS?: number;
  cause?: unknown;
}

export class OrchError extends Error {
  readonly code: OrchErrorCode;
  readonly status: number;
  readonly param: string | undefined;
  readonly retryAfterS: number | undefined;

  constructor(code: OrchErrorCode, message: string, options: OrchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OrchError';
    this.code = code;
    this.status = ORCH_ERROR_CODES[code];
    this.param = options.param;
    this.retryAfterS = options.retryAfterS;
  }
}

export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string };
}

export interface HttpErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

// OpenAI's `type` field groups statuses; clients (the openai SDK included) key off the status,
// the type is informative.
function errorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status < 500) return 'invalid_request_error';
  return 'server_error';
}

/** Any thrown value as an OrchError; unknown failures become ORCH_ERR_INTERNAL. */
export function asOrchError(err: unknown): OrchError {
  if (err instanceof OrchError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new OrchError('ORCH_ERR_INTERNAL', `internal error: ${message}`, { cause: err });
}

/** The HTTP response for an error, in OpenAI's error shape. */
export function toHttpError(err: unknown): HttpErrorResponse {
  const e = asOrchError(err);
  const headers: Record<string, string> = {};
  if (e.retryAfterS !== undefined)
    headers['retry-after'] = String(Math.max(1, Math.ceil(e.retryAfterS)));
  return {
    status: e.status,
    headers,
    body: {
      error: {
        message: e.message,
        type: errorType(e.status),
        param: e.param ?? null,
        code: e.code,
      },
    },
  };
}

export interface SseErrorOptions {
  /** Event id, for streams a client may resume (native jobs). */
  id?: number;
  /** Name the event `error`. OpenAI-style streams send a bare `data:` line with an `error`
   *  object instead, which is what the OpenAI clients look for. */
  named?: boolean;
}

/** The same error as one SSE event, for streams whose HTTP status is already sent. */
export function toSseError(err: unknown, options: SseErrorOptions = {}): string {
  const { body } = toHttpError(err);
  const idLine = options.id === undefined ? '' : `id: ${options.id}\n`;
  const eventLine = options.named === false ? '' : 'event: error\n';
  return `${idLine}${eventLine}data: ${JSON.stringify(body)}\n\n`;
}
