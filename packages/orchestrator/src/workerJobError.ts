import { OrchError, type OrchErrorCode } from './errors.js';

// A worker's JobFailed carries the worker's own code (WORKER_ERR_*, NATIVE_ERR_*,
// TOKENIZER_ERR_*). Bad input the worker detected (a prompt longer than the context, say) is
// the client's fault and gets a 400; a worker that is going away asks for a retry (503).
function orchCode(code: string): OrchErrorCode {
  if (code.endsWith('DEADLINE_EXCEEDED')) return 'ORCH_ERR_DEADLINE_EXCEEDED';
  if (/DRAINING|SHUTTING_DOWN/.test(code)) return 'ORCH_ERR_MODEL_NOT_READY';
  if (/INVALID|TOO_LONG|CONTEXT|OUT_OF_RANGE|BAD_ARGUMENT|BAD_REQUEST/.test(code)) {
    return 'ORCH_ERR_INVALID_REQUEST';
  }
  return 'ORCH_ERR_JOB_FAILED';
}

/**
 * The orchestrator error for a job the worker failed; the worker's code stays in the message. A
 * prompt over the context names the request's input field (`inputParam`: messages or prompt), as
 * OpenAI's context_length_exceeded error does.
 */
export function workerJobError(code: string, message: string, inputParam?: string): OrchError {
  const c = orchCode(code);
  if (c === 'ORCH_ERR_MODEL_NOT_READY')
    return new OrchError(c, `${code}: ${message}`, { retryAfterS: 1 });
  return new OrchError(c, `${code}: ${message}`, {
    param: code.endsWith('CONTEXT_OVERFLOW') ? inputParam : undefined,
  });
}
