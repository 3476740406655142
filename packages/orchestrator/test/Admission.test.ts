import { describe, expect, it } from '@jest/globals';
import { Admission } from '../src/Admission.js';
import { configSchema } from '../src/config.js';
import type { Job } from '../src/job.js';
import type { ReplicaHandle } from '../src/replica.js';
import type { ModelEntry, ReplicaEntry } from '../src/schedulerState.js';

const config = configSchema.parse({ models: { m: { path: '/x.gguf', maxQueued: 2 } } }).models.m!;

function model(queued: number, replicas: Array<{ capacity: number; running: number }>) {
  const entries: ReplicaEntry[] = replicas.map((r, index) => ({
    spec: { id: `m-${index}`, model: 'm', index, device: 'cpu', config },
    handle: {} as ReplicaHandle,
    status: 'ready',
    capacity: r.capacity,
    info: undefined,
    running: new Map(Array.from({ length: r.running }, (_, i) => [`j${i}`, {} as Job])),
  }));
  const m: ModelEntry = {
    name: 'm',
    config,
    unloading: false,
    stopping: false,
    replicas: entries,
    queue: Array.from({ length: queued }, () => ({}) as Job),
    waiters: [],
  };
  return m;
}

describe('Admission', () => {
  it('admits while the queue has room or a ready replica has a free slot', () => {
    const admission = new Admission();
    expect(admission.refusal(model(1, [{ capacity: 1, running: 1 }]))).toBeUndefined();
    expect(admission.refusal(model(2, [{ capacity: 2, running: 1 }]))).toBeUndefined();
  });

  it('refuses a full queue with ORCH_ERR_QUEUE_FULL and a Retry-After from job durations', () => {
    const admission = new Admission();
    const full = model(2, [{ capacity: 1, running: 1 }]);
    expect(admission.refusal(full)).toMatchObject({ code: 'ORCH_ERR_QUEUE_FULL', retryAfterS: 2 });
    // Long jobs raise the estimate: 2 queued per slot times a duration average near 10 s.
    for (let i = 0; i < 50; i++) admission.finished(10_000);
    expect(admission.refusal(full)?.retryAfterS).toBe(20);
  });
});
