import type { Logger } from 'pino';
import { Admission } from './Admission.js';
import type { Clock } from './clock.js';
import type { ModelConfig } from './config.js';
import { OrchError } from './errors.js';
import type { Job } from './job.js';
import type { Metrics } from './metrics.js';
import { pickReplica } from './pickReplica.js';
import { postReplicaEvents } from './postReplicaEvents.js';
import type {
  DeviceProbe,
  DownReason,
  ReplicaHandle,
  ReplicaInfo,
  ReplicaSpawner,
  ReplicaStats,
} from './replica.js';
import { replicaSpecs } from './replicaSpecs.js';
import { resumeOrphans } from './resumeOrphans.js';
import { SchedulerMetrics } from './SchedulerMetrics.js';
import type { Command, ModelEntry, ReplicaEntry } from './schedulerState.js';
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

/**
 * The scheduler's loop: it owns the models, their queues and replicas, and the active jobs, and
 * changes them only in `handle`, one command at a time in arrival order. Replica callbacks and
 * the `Scheduler` API only post. What enters a model's queue is `Admission`'s call, where a job
 * runs is `pickReplica`'s, and the jobs of a worker that ended go through `resumeOrphans`.
 */
export class SchedulerLoop {
  /** Read by the `Scheduler`'s queries; changed only by this loop. */
  readonly models = new Map<string, ModelEntry>();
  readonly replicas = new Map<string, ReplicaEntry>();
  readonly active = new Map<string, Job>();
  private readonly opts: SchedulerOptions;
  private readonly log: Logger;
  private readonly metrics: SchedulerMetrics;
  private readonly admission = new Admission();
  private readonly inbox: Command[] = [];
  private draining = false;
  private idleWaiters: Array<() => void> = [];
  private ticker: { clear(): void } | undefined;

  constructor(opts: SchedulerOptions) {
    this.opts = opts;
    this.log = opts.log.child({ subsys: 'sched' });
    this.metrics = new SchedulerMetrics(opts.metrics);
    this.ticker = opts.clock.setInterval(() => this.post({ type: 'tick' }), opts.tickMs ?? 100);
  }

  /** Resolves once no job is queued or running. */
  whenIdle(): Promise<void> {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the ticker and every worker. */
  async close(): Promise<void> {
    this.ticker?.clear();
    this.ticker = undefined;
    await Promise.all([...this.replicas.values()].map((r) => r.handle.stop()));
  }

  /** Queues a command; runs it, and any it causes, unless the loop is already running. */
  post(cmd: Command): void {
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
        this.stopEmptiedUnloads();
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
        return this.settle(c.replicaId, c.jobId, now, (job) => {
          job.finish(c.info.finishReason, c.info.promptTokens, now);
          this.metrics.promptTokens(job, c.info.promptTokens);
        });
      case 'failed':
        return this.settle(c.replicaId, c.jobId, now, (job) =>
          job.fail(
            workerJobError(
              c.code,
              c.message,
              job.request.input.kind === 'chat' ? 'messages' : 'prompt',
            ),
            now,
          ),
        );
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
    const refusal = this.admission.refusal(m);
    if (refusal !== undefined) {
      job.fail(refusal, now);
      return;
    }
    this.active.set(job.id, job);
    m.queue.push(job);
    this.pump(m, now);
  }

  private pump(m: ModelEntry, now: number): void {
    while (m.queue.length > 0) {
      const r = pickReplica(m);
      if (r === undefined) break;
      this.dispatch(m.queue.shift()!, r, now);
    }
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
    this.withdraw(job);
    job.finish('cancelled', job.usage.promptTokens, now);
    this.finished(job, now);
    const m = this.models.get(job.request.model);
    if (m !== undefined) this.pump(m, now);
  }

  private load(name: string, config: ModelConfig): void {
    if (this.models.has(name)) return;
    const m: ModelEntry = {
      name,
      config,
      unloading: false,
      stopping: false,
      replicas: [],
      queue: [],
      waiters: [],
    };
    this.models.set(name, m);
    for (const spec of replicaSpecs(name, config)) {
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
      entry.handle = this.opts.spawner.spawn(
        spec,
        postReplicaEvents(spec.id, (c) => this.post(c)),
      );
    }
    this.log.info({ model: name, replicas: m.replicas.length }, 'model loading');
  }

  private beginUnload(name: string, resolve: () => void): void {
    const m = this.models.get(name);
    if (m === undefined) return resolve();
    m.unloading = true;
    m.waiters.push(resolve);
    this.log.info({ model: name }, 'model unloading');
  }

  /**
   * Runs after every command: each unloading model that has no job left, however its last one
   * left (finished, failed, cancelled, expired, gave up waiting for a worker), stops its
   * workers, and 'unloaded' follows once they have ended. Checking here rather than on each
   * path that removes a job is what keeps a path from being missed.
   */
  private stopEmptiedUnloads(): void {
    for (const m of this.models.values()) {
      if (!m.unloading || m.stopping) continue;
      if (m.queue.length > 0 || m.replicas.some((r) => r.running.size > 0)) continue;
      m.stopping = true;
      for (const r of m.replicas) r.status = 'stopped';
      void Promise.allSettled(m.replicas.map((r) => r.handle.stop())).then((results) => {
        for (const res of results) {
          if (res.status === 'rejected') {
            this.log.error({ err: res.reason, model: m.name }, 'worker stop failed');
          }
        }
        this.post({ type: 'unloaded', name: m.name });
      });
    }
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
    const { requeued, lost } = resumeOrphans(
      r.running.values(),
      { replicaId, reason, detail },
      { maxResumes: this.opts.maxResumes, modelGone: m === undefined, now },
    );
    r.running.clear();
    for (const job of lost) this.finished(job, now);
    for (const job of requeued) this.metrics.resumed(job);
    if (m !== undefined) {
      m.queue.unshift(...requeued);
      this.pump(m, now);
    }
  }

  private delta(c: Extract<Command, { type: 'delta' }>, now: number): void {
    const job = this.runningOn(c.replicaId, c.jobId);
    if (job === undefined) return;
    this.metrics.tokens(job, c.tokens.length, now);
    job.appendDelta({ tokens: c.tokens, text: c.text, logprobs: c.logprobs }, now);
  }

  /** A worker ended a job (`end` records how): it leaves the replica, which takes the next. */
  private settle(replicaId: string, jobId: string, now: number, end: (job: Job) => void): void {
    const job = this.runningOn(replicaId, jobId);
    if (job === undefined) return;
    this.replicas.get(replicaId)!.running.delete(jobId);
    end(job);
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
    this.withdraw(job);
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
    this.admission.finished(ms);
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

  /** Takes a job off its replica (cancelling it there) or out of its model's queue. */
  private withdraw(job: Job): void {
    const m = this.models.get(job.request.model);
    const r = m?.replicas.find((e) => e.running.has(job.id));
    if (r !== undefined) {
      r.running.delete(job.id);
      r.handle.cancel(job.id);
    } else {
      this.dequeue(job);
    }
  }

  private dequeue(job: Job): void {
    const m = this.models.get(job.request.model);
    if (m === undefined) return;
    const i = m.queue.indexOf(job);
    if (i >= 0) m.queue.splice(i, 1);
  }
}

export function unknownModel(name: string): OrchError {
  return new OrchError('ORCH_ERR_UNKNOWN_MODEL', `the model "${name}" does not exist`, {
    param: 'model',
  });
}
