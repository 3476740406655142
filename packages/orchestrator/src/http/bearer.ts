import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { OrchError } from '../errors.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * Requires `Authorization: Bearer <one of tokens>`. Tokens are compared as SHA-256 digests
 * in constant time, so neither their content nor their length leaks through timing.
 */
export function bearer(tokens: () => readonly string[], what: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const given = m === null ? undefined : digest(m[1]!);
    const ok = given !== undefined && tokens().some((t) => timingSafeEqual(digest(t), given));
    if (!ok) {
      next(
        new OrchError(
          'ORCH_ERR_UNAUTHORIZED',
          m === null
            ? `${what} needs an "Authorization: Bearer" header`
            : `${what}: the bearer token is not valid`,
        ),
      );
      return;
    }
    next();
  };
}
