import { OrchError } from './errors.js';
import type { Job } from './job.js';
import type { DownReason } from './replica.js';

export interface OrphanOutcome {
  /** Back to the queued state, oldest first, for the front of the model's queue. */
  requeued: Job[];
  /** Failed with ORCH_ERR_WORKER_LOST. */
  lost: Job[];
}

export interface WorkerEnd {
  replicaId: string;
  reason: DownReason;
  detail: string;
}

/**
 * Crash resume: the jobs of a worker that ended are queued again, keeping the tokens already
 * streamed, so that they continue on a sibling or on the restarted worker. A job that has
 * already been resumed `maxResumes` times, or whose model is gone, fails instead.
 */
export function resumeOrphans(
  orphans: Iterable<Job>,
  end: WorkerEnd,
  opts: { maxResumes: number; modelGone: boolean; now: number },
): OrphanOutcome {
  const outcome: OrphanOutcome = { requeued: [], lost: [] };
  for (const job of [...orphans].sort((a, b) => a.createdAt - b.createdAt)) {
    if (job.resumes >= opts.maxResumes || opts.modelGone) {
      job.fail(
        new OrchError(
          'ORCH_ERR_WORKER_LOST',
          `worker ${end.replicaId} ended (${end.reason}) ${job.resumes + 1} times during this job: ${end.detail}`,
        ),
        opts.now,
      );
      outcome.lost.push(job);
      continue;
    }
    job.resumes++;
    job.state = 'queued';
    job.queuedAt = opts.now;
    outcome.requeued.push(job);
  }
  return outcome;
}
