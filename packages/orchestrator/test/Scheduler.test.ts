import { beforeEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { configSchema, type ModelConfig } from '../src/config.js';
import { Job } from '../src/job.js';
import { createMetrics, type Metrics } from '../src/metrics.js';
import { parseCompletionRequest } from '../src/request.js';
import { Scheduler } from '../src/Scheduler.js';
import { FakeClock } from './support/FakeClock.js';
import { FakeSpawner } from './support/FakeSpawner.js';

const log = pino({ level: 'silent' });

function model(over: Partial<ModelConfig> = {}): ModelConfig {
  return configSchema.parse({ models: { m: { path: '/x.gguf', ...over } } }).models.m!;
}

describe('Scheduler', () => {
  let clock: FakeClock;
  let spawner: FakeSpawner;
  let metrics: Metrics;
  let sched: Scheduler;
  let finished: Job[];

  const job = (body: Record<string, unknown> = {}, timeoutMs = 0) =>
    new Job(
      parseCompletionRequest({ model: 'm', prompt: 'hi', max_tokens: 10, ...body }),
      'completions',
      {
        now: clock.now(),
        timeoutMs,
        defaultMaxTokens: 16,
      },
    );

  /** Starts an unload and records, without awaiting it, whether it has finished. */
  const unloadFlag = (name: string) => {
    const flag = { done: false };
    void sched.unloadModel(name).then(() => (flag.done = true));
    return flag;
  };
  const nextMacrotask = () => new Promise<void>((r) => setImmediate(r));

  beforeEach(() => {
    clock = new FakeClock();
    spawner = new FakeSpawner();
    metrics = createMetrics();
    finished = [];
    sched = new Scheduler({
      clock,
      spawner,
      probe: () => Promise.resolve([{ device: 'cpu', memoryTotalBytes: 1, memoryFreeBytes: 1 }]),
      metrics,
      log,
      loadWaitMs: 1000,
      maxResumes: 2,
      onJobFinished: (j) => finished.push(j),
    });
  });

  it('refuses a job for an unknown model with ORCH_ERR_UNKNOWN_MODEL', () => {
    const j = job({ model: 'nope' });
    sched.submit(j);
    expect(j.state).toBe('failed');
    expect(j.error?.code).toBe('ORCH_ERR_UNKNOWN_MODEL');
    expect(j.error?.status).toBe(404);
  });

  it('refuses a device the probe does not list', async () => {
    await expect(sched.loadModel('g', model({ devices: ['cuda:3'] }))).rejects.toMatchObject({
      code: 'ORCH_ERR_DEVICE_UNAVAILABLE',
    });
  });

  it('queues jobs while the model loads and dispatches them when a replica is ready', async () => {
    await sched.loadModel('m', model());
    const j = job();
    sched.submit(j);
    expect(j.state).toBe('queued');
    spawner.replicas[0]!.up(4);
    expect(j.state).toBe('running');
    expect(spawner.replicas[0]!.submits[0]).toMatchObject({
      jobId: j.id,
      maxTokens: 10,
      resumeTokens: [],
    });
  });

  it('fails queued jobs with ORCH_ERR_MODEL_NOT_READY when no replica comes up in time', async () => {
    await sched.loadModel('m', model());
    const j = job();
    sched.submit(j);
    clock.advance(999);
    expect(j.state).toBe('queued');
    clock.advance(1);
    expect(j.error?.code).toBe('ORCH_ERR_MODEL_NOT_READY');
    expect(finished).toEqual([j]);
  });

  it('routes each job to the replica with the most free slots', async () => {
    await sched.loadModel('m', model({ replicas: 2, maxSeqs: 4 }));
    const [a, b] = spawner.replicas;
    a!.up(4);
    b!.up(2);
    const jobs = Array.from({ length: 6 }, () => job());
    for (const j of jobs) sched.submit(j);
    // a: 4 free, b: 2 free -> a, a(3) vs b(2) -> a, then a(2) = b(2) -> a ... ties go to the first.
    expect(a!.submits.length + b!.submits.length).toBe(6);
    expect(a!.submits.length).toBe(4);
    expect(b!.submits.length).toBe(2);
    const seventh = job();
    sched.submit(seventh);
    expect(seventh.state).toBe('queued');
    b!.finish(b!.submits[0]!.jobId);
    expect(seventh.state).toBe('running');
    expect(b!.submits.at(-1)!.jobId).toBe(seventh.id);
  });

  it('answers a full queue with ORCH_ERR_QUEUE_FULL and a Retry-After estimate', async () => {
    await sched.loadModel('m', model({ maxSeqs: 1, maxQueued: 2 }));
    spawner.replicas[0]!.up(1);
    const jobs = [job(), job(), job()];
    for (const j of jobs) sched.submit(j);
    expect(jobs.map((j) => j.state)).toEqual(['running', 'queued', 'queued']);
    const over = job();
    sched.submit(over);
    expect(over.error?.code).toBe('ORCH_ERR_QUEUE_FULL');
    expect(over.error?.status).toBe(429);
    expect(over.error?.retryAfterS).toBeGreaterThanOrEqual(1);
  });

  it('relays deltas and completion to the job, with usage', async () => {
    await sched.loadModel('m', model());
    const r = spawner.replicas[0]!;
    r.up();
    const j = job();
    sched.submit(j);
    r.emit(j.id, [5, 6], 'ab');
    r.emit(j.id, [7], 'c');
    r.finish(j.id, { finishReason: 'stop', promptTokens: 4 });
    expect(j.state).toBe('succeeded');
    expect(j.text).toBe('abc');
    expect(j.tokens).toEqual([5, 6, 7]);
    expect(j.usage).toEqual({ promptTokens: 4, completionTokens: 3 });
    expect(finished).toEqual([j]);
  });

  it('resumes the jobs of a dead replica on a sibling with the streamed tokens, ignoring stale events', async () => {
    await sched.loadModel('m', model({ replicas: 2, maxSeqs: 1 }));
    const [a, b] = spawner.replicas;
    a!.up(1);
    const j = job({ seed: 42 });
    sched.submit(j);
    a!.emit(j.id, [1, 2], 'xy');
    b!.up(1);
    a!.events.down('signal', 'killed');
    a!.emit(j.id, [99], 'stale');
    expect(j.resumes).toBe(1);
    const resumed = b!.submits[0]!;
    expect(resumed).toMatchObject({ jobId: j.id, resumeTokens: [1, 2], maxTokens: 10 });
    expect(resumed.sampling.seed).toBe(42);
    b!.emit(j.id, [3], 'z');
    b!.finish(j.id);
    expect(j.text).toBe('xyz');
    expect(j.tokens).toEqual([1, 2, 3]);
    expect(j.lastEventId).toBe(3);
  });

  it('keeps orphans queued for the restarted replica and fails them after maxResumes deaths', async () => {
    await sched.loadModel('m', model());
    const r = spawner.replicas[0]!;
    r.up();
    const j = job();
    sched.submit(j);
    r.emit(j.id, [1], 'a');
    r.events.down('crash', 'x');
    expect(j.state).toBe('queued');
    r.up();
    expect(r.submits.at(-1)!.resumeTokens).toEqual([1]);
    r.events.down('crash', 'x');
    r.up();
    r.events.down('crash', 'x');
    expect(j.error?.code).toBe('ORCH_ERR_WORKER_LOST');
    const restarts = await metrics.registry.getSingleMetricAsString('llorch_worker_restarts_total');
    expect(restarts).toContain('llorch_worker_restarts_total{model="m",reason="crash"} 3');
  });

  it('gives a seedless job a seed of its own that survives resumes', async () => {
    await sched.loadModel('m', model());
    const r = spawner.replicas[0]!;
    r.up();
    const j = job({ temperature: 0.8 });
    sched.submit(j);
    r.events.down('crash', 'x');
    r.up();
    expect(r.submits).toHaveLength(2);
    expect(r.submits[1]!.sampling.seed).toBe(r.submits[0]!.sampling.seed);
  });

  it('cancels a running job at its replica and frees the slot', async () => {
    await sched.loadModel('m', model({ maxSeqs: 1 }));
    const r = spawner.replicas[0]!;
    r.up(1);
    const [j1, j2] = [job(), job()];
    sched.submit(j1);
    sched.submit(j2);
    sched.cancel(j1.id);
    expect(j1.state).toBe('cancelled');
    expect(r.cancels).toEqual([j1.id]);
    expect(j2.state).toBe('running');
  });

  it('fails a job past its deadline and cancels it at the worker', async () => {
    await sched.loadModel('m', model());
    const r = spawner.replicas[0]!;
    r.up();
    const j = job({}, 500);
    sched.submit(j);
    clock.advance(600);
    expect(j.error?.code).toBe('ORCH_ERR_DEADLINE_EXCEEDED');
    expect(r.cancels).toEqual([j.id]);
  });

  it('unloads a model only after its queued and running jobs finish', async () => {
    await sched.loadModel('m', model({ maxSeqs: 1 }));
    const r = spawner.replicas[0]!;
    r.up(1);
    const [j1, j2] = [job(), job()];
    sched.submit(j1);
    sched.submit(j2);
    let unloaded = false;
    const p = sched.unloadModel('m').then(() => (unloaded = true));
    const late = job();
    sched.submit(late);
    expect(late.error?.code).toBe('ORCH_ERR_UNKNOWN_MODEL');
    r.finish(j1.id);
    expect(r.stopped).toBe(false);
    r.finish(j2.id);
    await p;
    expect(unloaded).toBe(true);
    expect(r.stopped).toBe(true);
    expect(sched.modelNames()).toEqual([]);
  });

  // Each way the last job of an unloading model can leave it. The workers' stop and the
  // 'unloaded' command settle on microtasks and a macrotask, so each case waits one macrotask
  // before asking whether the unload finished, instead of awaiting a promise that may never end.
  const lastJobEnds: Array<[string, number, (j: Job) => void, string]> = [
    ['its load wait expires', 0, () => clock.advance(1000), 'ORCH_ERR_MODEL_NOT_READY'],
    ['its deadline passes', 500, () => clock.advance(600), 'ORCH_ERR_DEADLINE_EXCEEDED'],
    ['it is cancelled', 0, (j) => sched.cancel(j.id), 'cancelled'],
  ];
  it.each(lastJobEnds)(
    'completes an unload once the last queued job, with no ready replica, leaves because %s',
    async (_how, timeoutMs, end, outcome) => {
      await sched.loadModel('m', model());
      const r = spawner.replicas[0]!;
      const j = job({}, timeoutMs);
      sched.submit(j);
      const unloaded = unloadFlag('m');
      end(j);
      expect(j.error?.code ?? j.state).toBe(outcome);
      await nextMacrotask();
      expect(unloaded.done).toBe(true);
      expect(r.stopped).toBe(true);
      expect(sched.modelNames()).toEqual([]);
    },
  );

  it('completes an unload once the last running job fails at its worker', async () => {
    await sched.loadModel('m', model());
    const r = spawner.replicas[0]!;
    r.up();
    const j = job();
    sched.submit(j);
    const unloaded = unloadFlag('m');
    r.events.failed(j.id, 'WORKER_ERR_ENGINE', 'boom');
    expect(j.state).toBe('failed');
    await nextMacrotask();
    expect(unloaded.done).toBe(true);
  });

  it('completes an unload when the only replica drains and the queued job stops waiting', async () => {
    await sched.loadModel('m', model());
    const r = spawner.replicas[0]!;
    r.up();
    sched.drainReplica('m-0');
    const j = job();
    sched.submit(j);
    expect(j.state).toBe('queued');
    const unloaded = unloadFlag('m');
    clock.advance(1000);
    expect(j.error?.code).toBe('ORCH_ERR_MODEL_NOT_READY');
    await nextMacrotask();
    expect(unloaded.done).toBe(true);
    expect(r.stopped).toBe(true);
  });

  it('completes an unload asked for after close stopped the workers', async () => {
    await sched.loadModel('m', model());
    const r = spawner.replicas[0]!;
    r.up();
    await sched.close();
    r.events.down('stopped', 'exit code 0');
    const unloaded = unloadFlag('m');
    await nextMacrotask();
    expect(unloaded.done).toBe(true);
    expect(sched.modelNames()).toEqual([]);
  });

  it('completes an unload even when a worker fails to stop', async () => {
    await sched.loadModel('m', model({ replicas: 2 }));
    const [a, b] = spawner.replicas;
    a!.stop = () => Promise.reject(new Error('kill failed'));
    const unloaded = unloadFlag('m');
    await nextMacrotask();
    expect(unloaded.done).toBe(true);
    expect(b!.stopped).toBe(true);
  });

  it('stops routing to a draining replica', async () => {
    await sched.loadModel('m', model({ replicas: 2 }));
    const [a, b] = spawner.replicas;
    a!.up();
    b!.up();
    sched.drainReplica('m-0');
    expect(a!.drains).toBe(1);
    const j = job();
    sched.submit(j);
    expect(b!.submits.map((s) => s.jobId)).toEqual([j.id]);
    expect(() => sched.drainReplica('zz-9')).toThrow(
      expect.objectContaining({ code: 'ORCH_ERR_UNKNOWN_WORKER' }),
    );
  });

  it('exports queue depth and running gauges', async () => {
    await sched.loadModel('m', model({ maxSeqs: 1 }));
    spawner.replicas[0]!.up(1);
    sched.submit(job());
    sched.submit(job());
    const text = await metrics.registry.metrics();
    expect(text).toContain('llorch_scheduler_queue_depth{model="m"} 1');
    expect(text).toContain('llorch_scheduler_running_jobs{model="m"} 1');
    expect(text).toContain('llorch_worker_up{model="m",replica="0",device="cpu"} 1');
  });

  it('does not count a stop at shutdown as a restart', async () => {
    await sched.loadModel('m', model());
    const r = spawner.replicas[0]!;
    r.up();
    r.events.down('stopped', 'exit code 0');
    expect(sched.views()[0]!.replicas[0]!.status).toBe('stopped');
    const text = await metrics.registry.getSingleMetricAsString('llorch_worker_restarts_total');
    expect(text).not.toContain('reason=');
  });
});
