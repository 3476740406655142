import { OrchError } from './errors.js';

// A worker's JobFailed carries the worker's own code; bad input the worker detected (a prompt
// longer than the context, say) is the client's fault and gets a 400.
export function workerJobError(code: string, message: string): OrchError {
  if (code.endsWith('DEADLINE_EXCEEDED'))
    return new OrchError('ORCH_ERR_DEADLINE_EXCEEDED', `${code}: ${message}`);
  const clientFault =
    /INVALID|TOO_LONG|CONTEXT|OUT_OF_RANGE|BAD_ARGUMENT|BAD_REQUEST|NO_CHAT_TEMPLATE/.test(code);
  return new OrchError(
    clientFault ? 'ORCH_ERR_INVALID_REQUEST' : 'ORCH_ERR_JOB_FAILED',
    `${code}: ${message}`,
  );
}
