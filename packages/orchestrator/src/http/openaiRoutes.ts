import { Router, type Request, type Response } from 'express';
import { toHttpError, toSseError } from '../errors.js';
import type { Job, TokenLogprob } from '../job.js';
import { parseChatRequest, parseCompletionRequest, type GenerationRequest } from '../request.js';
import type { AppContext } from './AppContext.js';
import { rememberBase } from './routeLabel.js';
import { chatCompletion, streamChunk, textCompletion, usageChunk } from './openaiFormat.js';
import { SseStream } from './SseStream.js';

/** The OpenAI-compatible routes, mounted under /v1. */
export function openaiRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(rememberBase);
  r.get('/models', (_req, res) => {
    res.json({
      object: 'list',
      data: ctx.scheduler.modelNames().map((id) => ({
        id,
        object: 'model',
        created: Math.floor(ctx.startedAt / 1000),
        owned_by: 'llorch',
      })),
    });
  });
  r.post('/chat/completions', (req, res) =>
    generate(ctx, req, res, parseChatRequest(req.body), 'chat'),
  );
  r.post('/completions', (req, res) =>
    generate(ctx, req, res, parseCompletionRequest(req.body), 'completions'),
  );
  return r;
}

function generate(
  ctx: AppContext,
  _req: Request,
  res: Response,
  request: GenerationRequest,
  route: 'chat' | 'completions',
): void {
  res.locals.model = request.model;
  const job = ctx.newJob(request, route);
  ctx.scheduler.submit(job);
  if (job.error !== undefined) throw job.error;
  res.locals.log.info(
    { job: job.id, model: request.model, stream: request.stream },
    'job admitted',
  );
  if (request.stream) stream(ctx, res, job);
  else respondWhenDone(ctx, res, job);
}

function respondWhenDone(ctx: AppContext, res: Response, job: Job): void {
  const logprobs: TokenLogprob[] = [];
  // A client that hangs up stops its job at the worker.
  res.on('close', () => {
    if (!job.finished) ctx.scheduler.cancel(job.id);
  });
  job.subscribe(0, (ev) => {
    if (ev.type === 'delta') {
      logprobs.push(...ev.logprobs);
    } else if (ev.type === 'done') {
      logDone(res, job);
      const pieces = ctx.pieces(job.request.model);
      res.json(
        job.route === 'chat'
          ? chatCompletion(job, logprobs, pieces)
          : textCompletion(job, logprobs, pieces),
      );
    } else {
      logDone(res, job);
      const e = toHttpError(ev.error);
      res.status(e.status).set(e.headers).json(e.body);
    }
  });
}

function stream(ctx: AppContext, res: Response, job: Job): void {
  const pieces = ctx.pieces(job.request.model);
  const sse = new SseStream(
    res,
    () => {
      if (!job.finished) ctx.scheduler.cancel(job.id);
    },
    {
      lazy: true,
      onOpen: (opened) => {
        if (job.route === 'chat') {
          opened.send(JSON.stringify(streamChunk(job, { role: true, text: '' }, pieces)));
        }
      },
    },
  );
  const send = (body: unknown) => sse.send(JSON.stringify(body));
  let textOffset = 0;
  job.subscribe(0, (ev) => {
    if (ev.type === 'delta') {
      if (ev.text.length === 0 && (job.request.sampling.logprobs === 0 || ev.logprobs.length === 0))
        return;
      send(streamChunk(job, { text: ev.text, logprobs: ev.logprobs, textOffset }, pieces));
      textOffset += ev.text.length;
    } else if (ev.type === 'done') {
      logDone(res, job);
      const text = job.route === 'chat' ? undefined : '';
      send(streamChunk(job, { finishReason: ev.finishReason, text }, pieces));
      if (job.request.includeUsage) send(usageChunk(job));
      sse.write('data: [DONE]\n\n');
      sse.end();
    } else {
      logDone(res, job);
      // Refused before its first token (by its worker, or queued past its deadline): the
      // client gets the status a non-streamed request would.
      if (sse.relinquish()) {
        const e = toHttpError(ev.error);
        res.status(e.status).set(e.headers).json(e.body);
        return;
      }
      sse.write(toSseError(ev.error, { named: false }));
      sse.end();
    }
  });
}

function logDone(res: Response, job: Job): void {
  res.locals.log.info(
    {
      job: job.id,
      state: job.state,
      finishReason: job.finishReason,
      code: job.error?.code,
      tokens: job.tokens.length,
      resumes: job.resumes,
      ms: (job.finishedAt ?? 0) - job.createdAt,
    },
    'job finished',
  );
}
