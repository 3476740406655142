import type { Job } from './job.js';

export interface JobStoreOptions {
  retentionMs: number;
  maxRetained: number;
}

/**
 * Native jobs by id. Running jobs stay until they finish; finished ones are kept for a bounded
 * time and count so that a client can read the result or resume its event stream late.
 */
export class JobStore {
  private readonly jobs = new Map<string, Job>();
  // Finished job ids in finishing order; the oldest go first.
  private readonly finished: Array<{ id: string; at: number }> = [];
  private readonly opts: JobStoreOptions;

  constructor(opts: JobStoreOptions) {
    this.opts = opts;
  }

  add(job: Job): void {
    this.jobs.set(job.id, job);
  }

  get(id: string, now: number): Job | undefined {
    this.evict(now);
    return this.jobs.get(id);
  }

  /** Called when a stored job finishes. */
  markFinished(job: Job, now: number): void {
    if (!this.jobs.has(job.id)) return;
    this.finished.push({ id: job.id, at: now });
    this.evict(now);
  }

  get size(): number {
    return this.jobs.size;
  }

  evict(now: number): void {
    while (this.finished.length > 0) {
      const oldest = this.finished[0]!;
      const expired = now - oldest.at >= this.opts.retentionMs;
      if (!expired && this.finished.length <= this.opts.maxRetained) break;
      this.finished.shift();
      this.jobs.delete(oldest.id);
    }
  }
}
