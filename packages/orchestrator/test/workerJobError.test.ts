import { describe, expect, it } from '@jest/globals';
import { workerJobError } from '../src/workerJobError.js';

describe('workerJobError', () => {
  it.each([
    ['WORKER_ERR_CONTEXT_OVERFLOW', 'ORCH_ERR_INVALID_REQUEST', 400],
    ['WORKER_ERR_DRAINING', 'ORCH_ERR_MODEL_NOT_READY', 503],
    ['WORKER_ERR_INVALID_PARAMS', 'ORCH_ERR_INVALID_REQUEST', 400],
    ['NATIVE_ERR_TOKEN_OUT_OF_RANGE', 'ORCH_ERR_INVALID_REQUEST', 400],
    ['WORKER_ERR_DEADLINE_EXCEEDED', 'ORCH_ERR_DEADLINE_EXCEEDED', 504],
    ['NATIVE_ERR_OOM', 'ORCH_ERR_JOB_FAILED', 500],
  ])('maps %s to %s (%d), keeping the worker code in the message', (code, orch, status) => {
    const e = workerJobError(code, 'details');
    expect(e).toMatchObject({ code: orch, status });
    expect(e.message).toBe(`${code}: details`);
  });

  it('names the input field of a prompt over the context, and no field otherwise', () => {
    expect(workerJobError('WORKER_ERR_CONTEXT_OVERFLOW', 'x', 'messages').param).toBe('messages');
    expect(workerJobError('NATIVE_ERR_CONTEXT_OVERFLOW', 'x', 'prompt').param).toBe('prompt');
    expect(workerJobError('WORKER_ERR_INVALID_PARAMS', 'x', 'prompt').param).toBeUndefined();
  });
});
