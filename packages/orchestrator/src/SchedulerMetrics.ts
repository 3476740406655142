import type { Job } from './job.js';
import type { Metrics } from './metrics.js';
import type { DownReason, ReplicaSpec, ReplicaStats } from './replica.js';
import type { ModelEntry } from './schedulerState.js';

const replicaLabels = (spec: ReplicaSpec) => ({
  model: spec.model,
  replica: String(spec.index),
  device: spec.device,
});

/** The scheduler's side of the metrics: what its loop observes, in metric terms. */
export class SchedulerMetrics {
  private readonly m: Metrics;
  /** The last kvPreemptions each replica reported (the counter grows by the difference). */
  private readonly preemptionsSeen = new Map<string, number>();

  constructor(metrics: Metrics) {
    this.m = metrics;
  }

  /** A job goes to a worker for the first time. */
  started(job: Job, now: number): void {
    this.m.queueTime.observe({ model: job.request.model }, (now - job.createdAt) / 1000);
  }

  /** `n` tokens arrived for a job; call before the job records them. */
  tokens(job: Job, n: number, now: number): void {
    if (n === 0) return;
    const model = job.request.model;
    if (job.firstTokenAt === undefined) {
      this.m.timeToFirstToken.observe({ model }, (now - job.createdAt) / 1000);
    } else if (job.lastTokenAt !== undefined) {
      this.m.interTokenLatency.observe({ model }, (now - job.lastTokenAt) / 1000 / n);
    }
    this.m.generatedTokens.inc({ model }, n);
  }

  promptTokens(job: Job, n: number): void {
    this.m.promptTokens.inc({ model: job.request.model }, n);
  }

  finished(job: Job, ms: number): void {
    this.m.e2eLatency.observe(
      { model: job.request.model, finish_reason: job.finishReason ?? 'error' },
      ms / 1000,
    );
  }

  resumed(job: Job): void {
    this.m.jobResumes.inc({ model: job.request.model });
  }

  up(spec: ReplicaSpec, up: boolean): void {
    this.m.workerUp.set(replicaLabels(spec), up ? 1 : 0);
  }

  loaded(spec: ReplicaSpec, loadMs: number): void {
    this.m.modelLoadDuration.observe({ model: spec.model }, loadMs / 1000);
  }

  restarted(spec: ReplicaSpec, reason: DownReason): void {
    this.m.workerRestarts.inc({ model: spec.model, reason });
    this.preemptionsSeen.delete(spec.id);
  }

  stats(spec: ReplicaSpec, s: ReplicaStats): void {
    const labels = replicaLabels(spec);
    this.m.workerMemoryUsed.set(labels, s.memoryUsedBytes);
    this.m.workerKvBlocksUsed.set(labels, s.kvBlocksUsed);
    this.m.workerKvBlocksTotal.set(labels, s.kvBlocksTotal);
    const seen = this.preemptionsSeen.get(spec.id) ?? 0;
    // A restarted worker reports from 0: all of its count is new.
    const added = s.kvPreemptions >= seen ? s.kvPreemptions - seen : s.kvPreemptions;
    if (added > 0) this.m.workerKvPreemptions.inc(labels, added);
    this.preemptionsSeen.set(spec.id, s.kvPreemptions);
  }

  /** Queue depth and running jobs of every model. */
  gauges(models: Iterable<ModelEntry>): void {
    for (const m of models) {
      this.m.queueDepth.set({ model: m.name }, m.queue.length);
      const running = m.replicas.reduce((n, r) => n + r.running.size, 0);
      this.m.runningJobs.set({ model: m.name }, running);
    }
  }

  /** Drops the series of an unloaded model. */
  forget(m: ModelEntry): void {
    for (const r of m.replicas) {
      const labels = replicaLabels(r.spec);
      this.m.workerUp.remove(labels);
      this.m.workerMemoryUsed.remove(labels);
      this.m.workerKvBlocksUsed.remove(labels);
      this.m.workerKvBlocksTotal.remove(labels);
      this.m.workerKvPreemptions.remove(labels);
      this.preemptionsSeen.delete(r.spec.id);
    }
    this.m.queueDepth.remove({ model: m.name });
    this.m.runningJobs.remove({ model: m.name });
  }
}
