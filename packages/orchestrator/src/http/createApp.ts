import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { OrchError, toHttpError } from '../errors.js';
import { adminRoutes } from './adminRoutes.js';
import type { AppContext } from './AppContext.js';
import { bearer } from './bearer.js';
import { jobsRoutes } from './jobsRoutes.js';
import { openaiRoutes } from './openaiRoutes.js';
import { routeLabel } from './routeLabel.js';
import { wellFormedBody } from './wellFormedBody.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The HTTP API: OpenAI-compatible and native routes, admin, metrics and health. */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requestContext(ctx));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const models = ctx.scheduler.views().map((m) => ({
      name: m.name,
      ready: m.replicas.filter((r) => r.status === 'ready').length,
      replicas: m.replicas.length,
    }));
    const ready = !ctx.shuttingDown() && ctx.scheduler.ready();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', models });
  });
  app.get('/metrics', async (_req, res) => {
    res.set('content-type', ctx.metrics.registry.contentType);
    res.send(await ctx.metrics.registry.metrics());
  });

  const json = express.json({ limit: ctx.config.limits.maxBodyBytes });
  const v1 = express.Router();
  v1.use((_req, _res, next) => {
    next(
      ctx.shuttingDown()
        ? new OrchError('ORCH_ERR_SHUTTING_DOWN', 'the server is shutting down', { retryAfterS: 5 })
        : undefined,
    );
  });
  if (ctx.config.apiKeys.length > 0) v1.use(bearer(() => ctx.config.apiKeys, 'the API'));
  v1.use(json, wellFormedBody);
  v1.use('/jobs', jobsRoutes(ctx));
  v1.use(openaiRoutes(ctx));
  app.use('/v1', v1);

  // Without a token the admin API does not exist at all, rather than exist unprotected.
  const token = ctx.config.adminToken;
  if (token !== undefined) app.use('/admin', json, wellFormedBody, adminRoutes(ctx, token));

  app.use((req, _res, next) => {
    next(new OrchError('ORCH_ERR_NOT_FOUND', `no route for ${req.method} ${req.path}`));
  });
  app.use(errorHandler);
  return app;
}

/** A request id and a child logger on every request; one metrics sample when it ends. */
function requestContext(ctx: AppContext): RequestHandler {
  const log = ctx.log.child({ subsys: 'http' });
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const id = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    res.locals.log = log.child({ reqId: id });
    res.locals.model = undefined;
    const started = process.hrtime.bigint();
    res.on('close', () => {
      const route = routeLabel(req, res);
      const m = res.locals.model as string | undefined;
      const model =
        m === undefined
          ? ''
          : ctx.scheduler.hasModel(m) || ctx.config.models[m] !== undefined
            ? m
            : 'unknown';
      const status = res.headersSent ? res.statusCode : 499;
      ctx.metrics.httpRequests.inc({ model, route, status: String(status) });
      res.locals.log.debug(
        {
          method: req.method,
          url: req.originalUrl,
          status,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request finished',
      );
    });
    next();
  };
}

// body-parser reports malformed and oversized bodies with a `type`.
function bodyParserError(err: unknown): OrchError | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return new OrchError(
      'ORCH_ERR_MALFORMED_JSON',
      `the request body is not valid JSON: ${(err as Error).message}`,
    );
  }
  if (type === 'entity.too.large') {
    return new OrchError(
      'ORCH_ERR_PAYLOAD_TOO_LARGE',
      `the request body exceeds ${(err as { limit?: number }).limit} bytes`,
    );
  }
  if (typeof type === 'string') {
    return new OrchError(
      'ORCH_ERR_INVALID_REQUEST',
      `the request body could not be read: ${(err as Error).message}`,
    );
  }
  return undefined;
}

const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const e = bodyParserError(err) ?? err;
  const http = toHttpError(e);
  const log = res.locals.log ?? undefined;
  if (http.status >= 500) log?.error({ err }, 'request failed');
  else log?.info({ code: http.body.error.code }, http.body.error.message);
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(http.status).set(http.headers).json(http.body);
};
