import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { configSchema } from '../src/config.js';
import type {
  DoneInfo,
  DownReason,
  ReplicaEvents,
  ReplicaInfo,
  SubmitSpec,
} from '../src/replica.js';
import { WorkerProcess } from '../src/WorkerProcess.js';

// The supervisor against a stand-in worker process (test/support/fakeWorker.mjs) that speaks
// the real protocol over a real socket; the real worker is covered by test/e2e.

const fakeWorker = path.resolve(import.meta.dirname, 'support/fakeWorker.mjs');
const socketDir = mkdtempSync(path.join(os.tmpdir(), 'llorch-wp-'));
afterAll(() => rmSync(socketDir, { recursive: true, force: true }));

class Recorder implements ReplicaEvents {
  readonly log: string[] = [];
  readonly ups: ReplicaInfo[] = [];
  readonly downs: Array<{ reason: DownReason; detail: string }> = [];
  readonly deltas: Array<{ jobId: string; text: string }> = [];
  readonly dones: Array<{ jobId: string; info: DoneInfo }> = [];
  readonly fails: Array<{ jobId: string; code: string }> = [];
  private waiters: Array<() => void> = [];

  up(info: ReplicaInfo) {
    this.ups.push(info);
    this.note('up');
  }
  down(reason: DownReason, detail: string) {
    this.downs.push({ reason, detail });
    this.note(`down:${reason}`);
  }
  delta(jobId: string, _tokens: number[], text: string) {
    this.deltas.push({ jobId, text });
  }
  done(jobId: string, info: DoneInfo) {
    this.dones.push({ jobId, info });
    this.note('done');
  }
  failed(jobId: string, code: string) {
    this.fails.push({ jobId, code });
  }
  stats() {}

  private note(what: string) {
    this.log.push(what);
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once `count` entries equal to `what` were logged (bounded by jest's timeout). */
  async until(what: string, count = 1): Promise<void> {
    while (this.log.filter((l) => l === what).length < count) {
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
}

const timing = (over: Record<string, number> = {}) =>
  configSchema.parse({
    supervisor: {
      startStallMs: 2000,
      stallTimeoutMs: 400,
      backoffInitialMs: 50,
      backoffMaxMs: 200,
      drainGraceMs: 500,
      shutdownGraceMs: 300,
      termGraceMs: 300,
      ...over,
    },
  }).supervisor;

const modelConfig = configSchema.parse({ models: { m: { path: '/m.gguf', maxSeqs: 3 } } }).models
  .m!;

function spawn(mode: string, events: ReplicaEvents, over: Record<string, number> = {}) {
  process.env.FAKE_WORKER_MODE = mode;
  return new WorkerProcess(
    { id: 'm-0', model: 'm', index: 0, device: 'cpu', config: modelConfig },
    events,
    {
      command: [process.execPath, fakeWorker],
      socketDir,
      timing: timing(over),
      log: pino({ level: 'silent' }),
    },
  );
}

const submit = (jobId: string, maxTokens: number, resumeTokens: number[] = []): SubmitSpec => ({
  jobId,
  input: { kind: 'text', text: 'hi' },
  sampling: {
    temperature: 0,
    topP: 1,
    topK: 0,
    minP: 0,
    presencePenalty: 0,
    frequencyPenalty: 0,
    repetitionPenalty: 1,
    seed: 1,
    logitBias: [],
    logprobs: 0,
  },
  maxTokens,
  stop: [],
  resumeTokens,
  deadlineUnixMs: 0,
});

describe('WorkerProcess', () => {
  let wp: WorkerProcess | undefined;
  afterEach(async () => {
    await wp?.stop();
    wp = undefined;
  });

  it('is ready on Hello, relays deltas and completion, and stops with exit 0', async () => {
    const ev = new Recorder();
    wp = spawn('normal', ev);
    await ev.until('up');
    expect(ev.ups[0]).toMatchObject({ maxSeqs: 3, ctx: 2048, architecture: 'llama' });
    expect(wp.describe()).toMatchObject({ status: 'ready', restarts: 0 });
    wp.submit(submit('j1', 3, [7]));
    await ev.until('done');
    expect(ev.deltas.map((d) => d.text).join('')).toBe(' w1 w2');
    expect(ev.dones[0]).toMatchObject({
      jobId: 'j1',
      info: { finishReason: 'length', promptTokens: 2 },
    });
    await wp.stop();
    expect(ev.downs).toEqual([
      { reason: 'stopped', detail: expect.stringContaining('exit code 0') },
    ]);
    expect(wp.describe().status).toBe('stopped');
  });

  it('restarts a crashed worker with backoff and keeps its stderr tail', async () => {
    const ev = new Recorder();
    wp = spawn('crash', ev);
    await ev.until('down:crash', 2);
    expect(ev.downs[0]!.detail).toContain('exit code 7');
    expect(ev.downs[0]!.detail).toContain('fatal: engine fault (fake)');
    expect(wp.describe().stderrTail).toContain('fatal: engine fault (fake)');
    expect(wp.describe().restarts).toBeGreaterThanOrEqual(2);
  });

  it('kills a worker whose engine makes no progress while it has a job', async () => {
    const ev = new Recorder();
    wp = spawn('stall', ev);
    await ev.until('up');
    wp.submit(submit('j1', 5));
    await ev.until('down:stall');
    await ev.until('up', 2);
  });

  it('kills a starting worker that stays silent past startStallMs', async () => {
    const ev = new Recorder();
    wp = spawn('silent', ev, { startStallMs: 300 });
    await ev.until('down:start_timeout');
  });

  it('escalates to SIGTERM and SIGKILL when a worker ignores Shutdown', async () => {
    const ev = new Recorder();
    wp = spawn('stubborn', ev);
    await ev.until('up');
    await wp.stop();
    expect(ev.downs.at(-1)).toMatchObject({
      reason: 'stopped',
      detail: expect.stringContaining('SIGKILL'),
    });
  });

  it('restarts on request immediately', async () => {
    const ev = new Recorder();
    wp = spawn('normal', ev);
    await ev.until('up');
    wp.restart();
    await ev.until('up', 2);
    expect(ev.downs.map((d) => d.reason)).toEqual(['restart']);
  });
});
