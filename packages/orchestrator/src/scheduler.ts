import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { ModelConfig } from './config.js';
import { OrchError } from './errors.js';
import type { Job, TokenLogprob } from './job.js';
import type { Metrics } from './metrics.js';
import type {
  DeviceProbe,
  DoneInfo,
  DownReason,
  ReplicaHandle,
  ReplicaInfo,
  ReplicaSpawner,
  ReplicaSpec,
  ReplicaStats,
} from './replica.js';
import { SchedulerMetrics } from './SchedulerMetrics.js';
import type { Command, ModelEntry, ModelView, ReplicaEntry } from './schedulerState.js';
import { workerJobError } from './workerJobError.js';

export interface SchedulerOptions {
  clock: Clock;
  spawner: ReplicaSpawner;
  probe: DeviceProbe;
  metrics: Metrics;
  log: Logger;
  loadWaitMs: number;
  maxResumes: number;
  /** Called once for every job that reaches a final state. */
  onJobFinished?: (job: Job) => void;
  tickMs?: number;
}

// A finished job's duration feeds the Retry-After estimate; a moving average follows load
// changes without keeping history.
const DURATION_EWMA = 0.2;

/**
 * The scheduler actor. Every state change goes through `post`, which runs commands one at a
 * time in arrival order; replica callbacks and HTTP handlers only post. Per model it owns a
 * bounded FIFO queue and the replicas, and routes each job to the ready replica with the most
 * free sequence slots.
 */
export class Scheduler {
  private readonly opts: SchedulerOptions;
  private readonly log: Logger;
  private readonly metrics: SchedulerMetrics;
  private readonly models = new Map<string, ModelEntry>();
  private readonly replicas = new Map<string, ReplicaEntry>();
  private readonly active = new Map<string, Job>();
  private readonly inbox: Command[] = [];
  private draining = false;
  private avgJobMs = 1000;
  private idleWaiters: Array<() => void> = [];
  private ticker: { clear(): void } | undefined;

  constructor(opts: SchedulerOptions) {
    this.opts = opts;
    this.log = opts.log.child({ subsys: 'sched' });
    this.metrics = new SchedulerMetrics(opts.metrics);
    this.ticker = opts.clock.setInterval(() => this.post({ type: 'tick' }), opts.tickMs ?? 100);
  }

  // ---- public API: each call posts a command ----

  /** Admits a job. Refusals (unknown model, full queue) fail the job before this returns. */
  submit(job: Job): void {
    this.post({ type: 'submit', job });
  }

  cancel(jobId: string): void {
    this.post({ type: 'cancel', jobId });
  }

  async loadModel(name: string, config: ModelConfig): Promise<void> {
    if (this.models.has(name)) {
      throw new OrchError('ORCH_ERR_MODEL_EXISTS', `model "${name}" is already loaded`, {
        param: 'name',
      });
    }
    const present = new Set((await this.opts.probe()).map((d) => d.device));
    for (const device of config.devices) {
      if (!present.has(device)) {
        throw new OrchError(
          'ORCH_ERR_DEVICE_UNAVAILABLE',
          `model "${name}": device ${device} is not present`,
          {
            param: 'devices',
          },
        );
      }
    }
    if (this.models.has(name)) {
      throw new OrchError('ORCH_ERR_MODEL_EXISTS', `model "${name}" is already loaded`, {
        param: 'name',
      });
    }
    this.post({ type: 'load', name, config });
  }

  /** Stops admitting jobs for the model, lets queued and running ones finish, then stops its workers. */
  unloadModel(name: string): Promise<void> {
    if (!this.models.has(name)) return Promise.reject(unknownModel(name));
    return new Promise((resolve) => this.post({ type: 'unload', name, resolve }));
  }

  drainReplica(id: string): void {
    this.requireReplica(id);
    this.post({ type: 'drain', replicaId: id });
  }

  restartReplica(id: string): void {
    this.requireReplica(id);
    this.post({ type: 'restart', replicaId: id });
  }

  hasModel(name: string): boolean {
    const m = this.models.get(name);
    return m !== undefined && !m.unloading;
  }

  modelNames(): string[] {
    return [...this.models.values()].filter((m) => !m.unloading).map((m) => m.name);
  }

  /** True when every model has at least one ready replica. */
  ready(): boolean {
    for (const m of this.models.values()) {
      if (!m.replicas.some((r) => r.status === 'ready')) return false;
    }
    return true;
  }

  get activeJobs(): number {
    return this.active.size;
  }

  views(): ModelView[] {
    return [...this.models.values()].map((m) => ({
      name: m.name,
      config: m.config,
      unloading: m.unloading,
      queued: m.queue.length,
      running: m.replicas.reduce((n, r) => n + r.running.size, 0),
      replicas: m.replicas.map((r) => ({
        id: r.spec.id,
        status: r.status,
        running: r.running.size,
        capacity: r.capacity,
        info: r.info,
      })),
    }));
  }

  replicaHandles(): ReplicaHandle[] {
    return [...this.replicas.values()].map((r) => r.handle);
  }

  /** Resolves once no job is queued or running. */
  whenIdle(): Promise<void> {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels every job still queued or running (shutdown past its grace period). */
  cancelAll(): void {
    for (const id of [...this.active.keys()]) this.post({ type: 'cancel', jobId: id });
  }

  /** Stops every worker; the scheduler accepts nothing afterwards. */
  async close(): Promise<void> {
    this.ticker?.clear();
    this.ticker = undefined;
    await Promise.all([...this.replicas.values()].map((r) => r.handle.stop()));
  }

  // ---- the loop ----

  private post(cmd: Command): void {
    this.inbox.push(cmd);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let c = this.inbox.shift(); c !== undefined; c = this.inbox.shift()) {
        try {
          this.handle(c);
        } catch (err) {
          this.log.error({ err, command: c.type }, 'scheduler command failed');
        }
      }
    } finally {
      this.draining = false;
    }
    this.metrics.gauges(this.models.values());
  }

  private handle(c: Command): void {
    const now = this.opts.clock.now();
    switch (c.type) {
      case 'submit':
        return this.admit(c.job, now);
      case 'cancel':
        return this.cancelJob(c.jobId, now);
      case 'load':
        return this.load(c.name, c.config);
      case 'unload':
        return this.beginUnload(c.name, c.resolve);
      case 'unloaded':
        return this.finishUnload(c.name);
      case 'drain':
        return this.drain(c.replicaId);
      case 'restart':
        return this.replicas.get(c.replicaId)?.handle.restart();
      case 'up':
        return this.replicaUp(c.replicaId, c.info);
      case 'down':
        return this.replicaDown(c.replicaId, c.reason, c.detail, now);
      case 'delta':
        return this.delta(c, now);
      case 'done':
        return this.done(c.replicaId, c.jobId, c.info, now);
      case 'failed':
        return this.failed(c.replicaId, c.jobId, c.code, c.message, now);
      case 'stats':
        return this.stats(c.replicaId, c.stats);
      case 'tick':
        return this.tick(now);
    }
  }

  private admit(job: Job, now: number): void {
    const m = this.models.get(job.request.model);
    if (m === undefined || m.unloading) {
      job.fail(unknownModel(job.request.model), now);
      return;
    }
    if (m.queue.length >= m.config.maxQueued && this.freeSlots(m) === 0) {
      job.fail(
        new OrchError(
          'ORCH_ERR_QUEUE_FULL',
          `model "${m.name}": queue full (${m.config.maxQueued} jobs waiting)`,
          {
            retryAfterS: this.retryAfterS(m),
          },
        ),
        now,
      );
      return;
    }
    this.active.set(job.id, job);
    m.queue.push(job);
    this.pump(m, now);
  }

  private pump(m: ModelEntry, now: number): void {
    while (m.queue.length > 0) {
      let best: ReplicaEntry | undefined;
      for (const r of m.replicas) {
        if (r.status !== 'ready') continue;
        const free = r.capacity - r.running.size;
        if (free > 0 && (best === undefined || free > best.capacity - best.running.size)) best = r;
      }
      if (best === undefined) break;
      const job = m.queue.shift()!;
      this.dispatch(job, best, now);
    }
    if (m.unloading) this.maybeUnloaded(m);
  }

  private dispatch(job: Job, r: ReplicaEntry, now: number): void {
    if (job.startedAt === undefined) {
      job.startedAt = now;
      this.metrics.started(job, now);
    }
    job.state = 'running';
    r.running.set(job.id, job);
    const { request } = job;
    r.handle.submit({
      jobId: job.id,
      input: request.input,
      sampling: { ...request.sampling, seed: job.seed },
      maxTokens: job.maxTokens,
      stop: request.stop,
      resumeTokens: [...job.tokens],
      deadlineUnixMs: job.deadlineAt ?? 0,
    });
  }

  private cancelJob(jobId: string, now: number): void {
    const job = this.active.get(jobId);
    if (job === undefined) return;
    const r = this.replicaOf(job);
    if (r !== undefined) {
      r.running.delete(jobId);
      r.handle.cancel(jobId);
    } else {
      this.dequeue(job);
    }
    job.finish('cancelled', job.usage.promptTokens, now);
    this.finished(job, now);
    const m = this.models.get(job.request.model);
    if (m !== undefined) this.pump(m, now);
  }

  private load(name: string, config: ModelConfig): void {
    if (this.models.has(name)) return;
    const m: ModelEntry = { name, config, unloading: false, replicas: [], queue: [], waiters: [] };
    this.models.set(name, m);
    let index = 0;
    for (const device of config.devices) {
      for (let k = 0; k < config.replicas; k++, index++) {
        const spec: ReplicaSpec = { id: `${name}-${index}`, model: name, index, device, config };
        const entry: ReplicaEntry = {
          spec,
          status: 'starting',
          capacity: config.maxSeqs,
          info: undefined,
          running: new Map(),
          handle: undefined as unknown as ReplicaHandle,
        };
        this.replicas.set(spec.id, entry);
        m.replicas.push(entry);
        entry.handle = this.opts.spawner.spawn(spec, this.eventsFor(spec.id));
      }
    }
    this.log.info({ model: name, replicas: m.replicas.length }, 'model loading');
  }

  private eventsFor(replicaId: string) {
    return {
      up: (info: ReplicaInfo) => this.post({ type: 'up', replicaId, info }),
      down: (reason: DownReason, detail: string) =>
        this.post({ type: 'down', replicaId, reason, detail }),
      delta: (
        jobId: string,
        tokens: number[],
        text: string,
        logprobs: TokenLogprob[] | undefined,
      ) => this.post({ type: 'delta', replicaId, jobId, tokens, text, logprobs }),
      done: (jobId: string, info: DoneInfo) => this.post({ type: 'done', replicaId, jobId, info }),
      failed: (jobId: string, code: string, message: string) =>
        this.post({ type: 'failed', replicaId, jobId, code, message }),
      stats: (stats: ReplicaStats) => this.post({ type: 'stats', replicaId, stats }),
    };
  }

  private beginUnload(name: string, resolve: () => void): void {
    const m = this.models.get(name);
    if (m === undefined) return resolve();
    m.unloading = true;
    m.waiters.push(resolve);
    this.log.info({ model: name }, 'model unloading');
    this.maybeUnloaded(m);
  }

  private maybeUnloaded(m: ModelEntry): void {
    if (m.queue.length > 0 || m.replicas.some((r) => r.running.size > 0)) return;
    if (m.replicas.every((r) => r.status === 'stopped')) return;
    for (const r of m.replicas) r.status = 'stopped';
    void Promise.all(m.replicas.map((r) => r.handle.stop())).then(() =>
      this.post({ type: 'unloaded', name: m.name }),
    );
  }

  private finishUnload(name: string): void {
    const m = this.models.get(name);
    if (m === undefined) return;
    this.models.delete(name);
    for (const r of m.replicas) this.replicas.delete(r.spec.id);
    this.metrics.forget(m);
    this.log.info({ model: name }, 'model unloaded');
    for (const w of m.waiters) w();
  }

  private drain(replicaId: string): void {
    const r = this.replicas.get(replicaId);
    if (r === undefined || r.status === 'stopped') return;
    r.status = 'draining';
    this.metrics.up(r.spec, false);
    r.handle.drain();
  }

  private replicaUp(replicaId: string, info: ReplicaInfo): void {
    const r = this.replicas.get(replicaId);
    if (r === undefined || r.status === 'stopped') return;
    r.status = 'ready';
    r.capacity = Math.max(1, Math.min(r.spec.config.maxSeqs, info.maxSeqs));
    r.info = info;
    this.metrics.up(r.spec, true);
    this.metrics.loaded(r.spec, info.loadMs);
    this.log.info({ replica: replicaId, capacity: r.capacity }, 'replica ready');
    const m = this.models.get(r.spec.model);
    if (m !== undefined) this.pump(m, this.opts.clock.now());
  }

  private replicaDown(replicaId: string, reason: DownReason, detail: string, now: number): void {
    const r = this.replicas.get(replicaId);
    if (r === undefined) return;
    const m = this.models.get(r.spec.model);
    // A replica that was asked to stop does not come back; any other end means a restart.
    if (reason === 'stopped' || r.status === 'stopped') {
      r.status = 'stopped';
    } else {
      r.status = 'down';
      this.metrics.restarted(r.spec, reason);
    }
    this.metrics.up(r.spec, false);
    const level = reason === 'stopped' ? 'info' : 'warn';
    this.log[level]({ replica: replicaId, reason, detail, jobs: r.running.size }, 'replica down');
    // Jobs of a dead worker go back to the front of the queue, oldest first, carrying the
    // tokens already streamed; they continue on a sibling or on the restarted worker.
    const orphans = [...r.running.values()].sort((a, b) => a.createdAt - b.createdAt);
    r.running.clear();
    const requeue: Job[] = [];
    for (const job of orphans) {
      if (job.resumes >= this.opts.maxResumes || m === undefined) {
        job.fail(
          new OrchError(
            'ORCH_ERR_WORKER_LOST',
            `worker ${replicaId} ended (${reason}) ${job.resumes + 1} times during this job: ${detail}`,
          ),
          now,
        );
        this.finished(job, now);
        continue;
      }
      job.resumes++;
      job.state = 'queued';
      job.queuedAt = now;
      this.metrics.resumed(job);
      requeue.push(job);
    }
    if (m !== undefined) {
      m.queue.unshift(...requeue);
      this.pump(m, now);
    }
  }

  private delta(c: Extract<Command, { type: 'delta' }>, now: number): void {
    const job = this.runningOn(c.replicaId, c.jobId);
    if (job === undefined) return;
    this.metrics.tokens(job, c.tokens.length, now);
    job.appendDelta({ tokens: c.tokens, text: c.text, logprobs: c.logprobs }, now);
  }

  private done(replicaId: string, jobId: string, info: DoneInfo, now: number): void {
    const job = this.runningOn(replicaId, jobId);
    if (job === undefined) return;
    this.replicas.get(replicaId)!.running.delete(jobId);
    job.finish(info.finishReason, info.promptTokens, now);
    this.metrics.promptTokens(job, info.promptTokens);
    this.finished(job, now);
    this.pumpModelOf(replicaId, now);
  }

  private failed(
    replicaId: string,
    jobId: string,
    code: string,
    message: string,
    now: number,
  ): void {
    const job = this.runningOn(replicaId, jobId);
    if (job === undefined) return;
    this.replicas.get(replicaId)!.running.delete(jobId);
    job.fail(workerJobError(code, message), now);
    this.finished(job, now);
    this.pumpModelOf(replicaId, now);
  }

  private stats(replicaId: string, s: ReplicaStats): void {
    const r = this.replicas.get(replicaId);
    if (r === undefined) return;
    this.metrics.stats(r.spec, s);
  }

  private tick(now: number): void {
    for (const job of [...this.active.values()]) {
      if (job.deadlineAt !== undefined && now >= job.deadlineAt) {
        this.expire(job, now);
        continue;
      }
      if (job.state !== 'queued') continue;
      const m = this.models.get(job.request.model);
      const loading = m !== undefined && !m.replicas.some((r) => r.status === 'ready');
      if (loading && now - job.queuedAt >= this.opts.loadWaitMs) {
        this.dequeue(job);
        job.fail(
          new OrchError(
            'ORCH_ERR_MODEL_NOT_READY',
            `model "${job.request.model}" has no ready worker after ${this.opts.loadWaitMs} ms`,
            { retryAfterS: 5 },
          ),
          now,
        );
        this.finished(job, now);
      }
    }
  }

  private expire(job: Job, now: number): void {
    const r = this.replicaOf(job);
    if (r !== undefined) {
      r.running.delete(job.id);
      r.handle.cancel(job.id);
    } else {
      this.dequeue(job);
    }
    job.fail(
      new OrchError(
        'ORCH_ERR_DEADLINE_EXCEEDED',
        `job ${job.id} passed its deadline after ${now - job.createdAt} ms`,
      ),
      now,
    );
    this.finished(job, now);
    const m = this.models.get(job.request.model);
    if (m !== undefined) this.pump(m, now);
  }

  // ---- helpers ----

  private finished(job: Job, now: number): void {
    this.active.delete(job.id);
    const ms = now - job.createdAt;
    this.avgJobMs += DURATION_EWMA * (ms - this.avgJobMs);
    this.metrics.finished(job, ms);
    this.opts.onJobFinished?.(job);
    if (this.active.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private pumpModelOf(replicaId: string, now: number): void {
    const r = this.replicas.get(replicaId);
    const m = r && this.models.get(r.spec.model);
    if (m !== undefined) this.pump(m, now);
  }

  private runningOn(replicaId: string, jobId: string): Job | undefined {
    return this.replicas.get(replicaId)?.running.get(jobId);
  }

  private replicaOf(job: Job): ReplicaEntry | undefined {
    const m = this.models.get(job.request.model);
    return m?.replicas.find((r) => r.running.has(job.id));
  }

  private dequeue(job: Job): void {
    const m = this.models.get(job.request.model);
    if (m === undefined) return;
    const i = m.queue.indexOf(job);
    if (i >= 0) m.queue.splice(i, 1);
  }

  private freeSlots(m: ModelEntry): number {
    return m.replicas
      .filter((r) => r.status === 'ready')
      .reduce((n, r) => n + Math.max(0, r.capacity - r.running.size), 0);
  }

  private retryAfterS(m: ModelEntry): number {
    const slots = Math.max(
      1,
      m.replicas.reduce((n, r) => n + (r.status === 'ready' ? r.capacity : 0), 0),
    );
    const s = ((m.queue.length / slots) * this.avgJobMs) / 1000;
    return Math.min(60, Math.max(1, Math.ceil(s)));
  }

  private requireReplica(id: string): ReplicaEntry {
    const r = this.replicas.get(id);
    if (r === undefined) {
      throw new OrchError('ORCH_ERR_UNKNOWN_WORKER', `no worker with id "${id}"`, { param: 'id' });
    }
    return r;
  }
}

function unknownModel(name: string): OrchError {
  return new OrchError('ORCH_ERR_UNKNOWN_MODEL', `the model "${name}" does not exist`, {
    param: 'model',
  });
}
