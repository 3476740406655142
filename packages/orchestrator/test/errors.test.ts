import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  ORCH_ERROR_CODES,
  OrchError,
  toHttpError,
  toSseError,
  type OrchErrorCode,
} from '../src/errors.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');

describe('errors', () => {
  it.each(Object.entries(ORCH_ERROR_CODES))(
    '%s is documented in the README with status %d',
    (code, status) => {
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`));
    },
  );

  it('documents no code that does not exist', () => {
    const documented = [...readme.matchAll(/`(ORCH_ERR_[A-Z_]+)`/g)].map((m) => m[1]);
    for (const code of documented) expect(Object.keys(ORCH_ERROR_CODES)).toContain(code);
  });

  it('maps an error to an OpenAI-shaped response with its status and Retry-After', () => {
    const r = toHttpError(new OrchError('ORCH_ERR_QUEUE_FULL', 'full', { retryAfterS: 2.2 }));
    expect(r.status).toBe(429);
    expect(r.headers).toEqual({ 'retry-after': '3' });
    expect(r.body).toEqual({
      error: {
        message: 'full',
        type: 'rate_limit_error',
        param: null,
        code: 'ORCH_ERR_QUEUE_FULL',
      },
    });
  });

  it('maps unknown throwables to ORCH_ERR_INTERNAL with 500', () => {
    const r = toHttpError(new TypeError('boom'));
    expect(r.status).toBe(500);
    expect(r.body.error.code).toBe('ORCH_ERR_INTERNAL' satisfies OrchErrorCode);
  });

  it('formats the same error as an SSE event, named or bare', () => {
    const e = new OrchError('ORCH_ERR_INVALID_REQUEST', 'bad', { param: 'top_p' });
    expect(toSseError(e, { id: 7 })).toBe(
      'id: 7\nevent: error\ndata: {"error":{"message":"bad","type":"invalid_request_error","param":"top_p","code":"ORCH_ERR_INVALID_REQUEST"}}\n\n',
    );
    expect(toSseError(e, { named: false })).toMatch(/^data: \{"error":/);
  });
});
