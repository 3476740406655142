import { describe, expect, it } from '@jest/globals';
import { configSchema } from '../src/config.js';
import { createMetrics } from '../src/metrics.js';
import type { ReplicaSpec, ReplicaStats } from '../src/replica.js';
import { SchedulerMetrics } from '../src/SchedulerMetrics.js';

const spec: ReplicaSpec = {
  id: 'tiny-0',
  model: 'tiny',
  index: 0,
  device: 'cpu',
  config: configSchema.parse({ models: { tiny: { path: '/m.gguf' } } }).models.tiny!,
};

const stats = (kvPreemptions: number): ReplicaStats => ({
  runningJobs: 1,
  waitingJobs: 0,
  kvBlocksUsed: 3,
  kvBlocksTotal: 8,
  kvPreemptions,
  memoryUsedBytes: 0,
  memoryFreeBytes: 0,
});

async function preemptions(metrics: ReturnType<typeof createMetrics>): Promise<number> {
  const m = await metrics.workerKvPreemptions.get();
  return m.values.find((v) => v.labels.replica === '0')?.value ?? 0;
}

describe('SchedulerMetrics', () => {
  it('turns a worker-reported preemption count into a counter, across restarts', async () => {
    const metrics = createMetrics();
    const sm = new SchedulerMetrics(metrics);
    sm.stats(spec, stats(0));
    sm.stats(spec, stats(2));
    sm.stats(spec, stats(5));
    expect(await preemptions(metrics)).toBe(5);
    // A restarted worker counts from 0 again: its 4 are new, not a decrease.
    sm.restarted(spec, 'crash');
    sm.stats(spec, stats(4));
    expect(await preemptions(metrics)).toBe(9);
    // A report that went backwards without a restart seen (a replaced process) adds its count.
    sm.stats(spec, stats(1));
    expect(await preemptions(metrics)).toBe(10);
  });
});
