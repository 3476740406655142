import type { ModelEntry, ReplicaEntry } from './schedulerState.js';

/**
 * Routing: the ready replica of `m` with the most free sequence slots (the first of equals), or
 * undefined when none has a free slot. Spreading by free slots keeps batches even across
 * replicas instead of filling one before the next.
 */
export function pickReplica(m: ModelEntry): ReplicaEntry | undefined {
  let best: ReplicaEntry | undefined;
  for (const r of m.replicas) {
    if (r.status !== 'ready') continue;
    const free = r.capacity - r.running.size;
    if (free > 0 && (best === undefined || free > best.capacity - best.running.size)) best = r;
  }
  return best;
}
