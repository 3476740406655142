import { OrchError } from './errors.js';
import type { ModelEntry } from './schedulerState.js';

// A finished job's duration feeds the Retry-After estimate; a moving average follows load
// changes without keeping history.
const DURATION_EWMA = 0.2;

/**
 * Admission to a model's bounded FIFO queue: a job is refused only when the queue is full and
 * no ready replica has a free slot. A refusal carries a Retry-After estimated from the queue
 * length, the ready capacity and a moving average of job durations.
 */
export class Admission {
  private avgJobMs = 1000;

  /** The ORCH_ERR_QUEUE_FULL refusal for one more job of `m`, or undefined when it may queue. */
  refusal(m: ModelEntry): OrchError | undefined {
    if (m.queue.length < m.config.maxQueued || freeSlots(m) > 0) return undefined;
    return new OrchError(
      'ORCH_ERR_QUEUE_FULL',
      `model "${m.name}": queue full (${m.config.maxQueued} jobs waiting)`,
      { retryAfterS: this.retryAfterS(m) },
    );
  }

  /** Records how long a job took from submission to its final state. */
  finished(ms: number): void {
    this.avgJobMs += DURATION_EWMA * (ms - this.avgJobMs);
  }

  private retryAfterS(m: ModelEntry): number {
    const slots = Math.max(
      1,
      m.replicas.reduce((n, r) => n + (r.status === 'ready' ? r.capacity : 0), 0),
    );
    const s = ((m.queue.length / slots) * this.avgJobMs) / 1000;
    return Math.min(60, Math.max(1, Math.ceil(s)));
  }
}

function freeSlots(m: ModelEntry): number {
  return m.replicas
    .filter((r) => r.status === 'ready')
    .reduce((n, r) => n + Math.max(0, r.capacity - r.running.size), 0);
}
