import { Router, type Request, type Response } from 'express';
import { OrchError, toSseError } from '../errors.js';
import { jobNotFound, type Job, type JobEvent } from '../job.js';
import { parseJobRequest } from '../request.js';
import type { AppContext } from './AppContext.js';
import { rememberBase } from './routeLabel.js';
import { usageBody } from './openaiFormat.js';
import { SseStream } from './SseStream.js';

/** The native jobs API, mounted under /v1/jobs. Jobs outlive the connections that read them. */
export function jobsRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(rememberBase);
  const find = (req: Request, res: Response): Job => {
    const id = String(req.params.id);
    const job = ctx.jobs.get(id, ctx.clock.now());
    if (job === undefined) throw jobNotFound(id);
    res.locals.model = job.request.model;
    return job;
  };

  r.post('/', (req, res) => {
    const request = parseJobRequest(req.body);
    res.locals.model = request.model;
    const job = ctx.newJob(request, 'jobs');
    ctx.scheduler.submit(job);
    if (job.error !== undefined) throw job.error;
    ctx.jobs.add(job);
    res.locals.log.info({ job: job.id, model: request.model }, 'job admitted');
    res.status(202).location(`/v1/jobs/${job.id}`).json(jobView(job));
  });

  r.get('/:id', (req, res) => {
    res.json(jobView(find(req, res)));
  });

  r.delete('/:id', (req, res) => {
    const job = find(req, res);
    if (!job.finished) ctx.scheduler.cancel(job.id);
    res.json(jobView(job));
  });

  r.get('/:id/events', (req, res) => {
    const job = find(req, res);
    const after = lastEventId(req);
    if (after > job.lastEventId) {
      throw new OrchError(
        'ORCH_ERR_INVALID_REQUEST',
        `Last-Event-ID ${after} is beyond the job's last event ${job.lastEventId}`,
        { param: 'Last-Event-ID' },
      );
    }
    let unsubscribe = (): void => undefined;
    const sse = new SseStream(res, () => unsubscribe());
    unsubscribe = job.subscribe(after, (ev) => {
      sendEvent(sse, ev);
      if (ev.type !== 'delta') sse.end();
    });
  });

  return r;
}

function lastEventId(req: Request): number {
  const raw =
    req.get('last-event-id') ??
    (typeof req.query.last_event_id === 'string' ? req.query.last_event_id : undefined);
  if (raw === undefined || raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw.trim())) {
    throw new OrchError(
      'ORCH_ERR_INVALID_REQUEST',
      `Last-Event-ID must be an event id, got "${raw.slice(0, 40)}"`,
      {
        param: 'Last-Event-ID',
      },
    );
  }
  return Number(raw);
}

function sendEvent(sse: SseStream, ev: JobEvent): void {
  if (ev.type === 'delta') {
    sse.send(JSON.stringify({ text: ev.text, tokens: ev.tokens }), { id: ev.id, event: 'delta' });
  } else if (ev.type === 'done') {
    sse.send(JSON.stringify({ finish_reason: ev.finishReason, usage: usageBody(ev.usage) }), {
      id: ev.id,
      event: 'done',
    });
  } else {
    sse.write(toSseError(ev.error, { id: ev.id }));
  }
}

export function jobView(job: Job) {
  return {
    id: job.id,
    object: 'job',
    model: job.request.model,
    created: Math.floor(job.createdAt / 1000),
    state: job.state,
    text: job.text,
    finish_reason: job.finishReason ?? null,
    usage: usageBody(job.usage),
    last_event_id: job.lastEventId,
    resumes: job.resumes,
    error: job.error === undefined ? null : { code: job.error.code, message: job.error.message },
  };
}
