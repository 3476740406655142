import type { ReplicaEvents } from './replica.js';
import type { Command } from './schedulerState.js';

/** A replica's event callbacks as commands for the scheduler's loop; callbacks never touch state. */
export function postReplicaEvents(replicaId: string, post: (c: Command) => void): ReplicaEvents {
  return {
    up: (info) => post({ type: 'up', replicaId, info }),
    down: (reason, detail) => post({ type: 'down', replicaId, reason, detail }),
    delta: (jobId, tokens, text, logprobs) =>
      post({ type: 'delta', replicaId, jobId, tokens, text, logprobs }),
    done: (jobId, info) => post({ type: 'done', replicaId, jobId, info }),
    failed: (jobId, code, message) => post({ type: 'failed', replicaId, jobId, code, message }),
    stats: (stats) => post({ type: 'stats', replicaId, stats }),
  };
}
