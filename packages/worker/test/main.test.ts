import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readGguf } from '@llorch/gguf';
import { FinishReason, type Envelope, type Submit } from '@llorch/protocol';
import { Tokenizer } from '@llorch/tokenizer';
import { EXIT_CODES } from '../src/exitCodes.js';
import { buildWorker } from './buildWorker.js';
import { repoRoot, sharedFile } from '../../../test/support/sharedFile.js';
import { WorkerHarness } from './WorkerHarness.js';

interface OraclePrompt {
  name: string;
  text: string;
  tokens: number[];
  greedy: { tokens: number[]; text: string };
}

const stories = sharedFile('models/stories260K.gguf');
const describeModel = stories ? describe : describe.skip;
const refs = JSON.parse(
  readFileSync(path.resolve(repoRoot, 'test/oracle/refs/stories260K.json'), 'utf8'),
) as { greedyTokens: number; prompts: OraclePrompt[] };
const ref = (name: string): OraclePrompt => refs.prompts.find((p) => p.name === name)!;
const greedyN = refs.greedyTokens;

// HF's greedy references run without stop tokens: ignore_eos keeps the worker going the same way.
const greedy = (jobId: string, input: Partial<Submit>, maxTokens = greedyN): Submit => ({
  jobId,
  ...input,
  sampling: { temperature: 0 },
  stop: { maxTokens, ignoreEos: true },
});

describeModel('llorch-worker process (stories260K, CPU)', () => {
  let worker: WorkerHarness;
  let hello: Envelope;

  beforeAll(async () => {
    buildWorker();
    worker = await WorkerHarness.start([
      '--model',
      stories!,
      '--device',
      'cpu',
      '--threads',
      '2',
      '--max-seqs',
      '8',
      '--ctx',
      '1024',
      '--name',
      'stories',
    ]);
    hello = await worker.waitFor((e) => e.payload === 'hello', 'Hello');
  }, 180_000);

  afterAll(async () => {
    await worker?.dispose();
  });

  it('says Hello with the model and the engine limits', () => {
    expect(hello.hello).toMatchObject({
      protocolVersion: 1,
      modelName: 'stories',
      architecture: 'llama',
      vocabSize: 512,
      device: 'cpu',
      limits: { contextLength: 1024, maxRunningJobs: 8 },
      hasChatTemplate: false,
    });
    // stdout carries pino JSON lines only.
    for (const line of worker.stdout.join('').split('\n').filter(Boolean)) {
      expect(() => JSON.parse(line)).not.toThrow();
    }
  });

  it('runs 8 concurrent jobs with different parameters, one cancelled mid-stream', async () => {
    const once = ref('once-upon-a-time');
    const lily = ref('lily-ball');
    const long = ref('long-story');
    const seeded: Submit = {
      jobId: 'seeded',
      prompt: 'Once upon a time',
      sampling: { temperature: 0.9, topK: 40, topP: 0.95, seed: 1234 },
      stop: { maxTokens: 40, ignoreEos: true },
    };
    const submits: Submit[] = [
      greedy('once', { prompt: once.text }),
      greedy('lily', { prompt: lily.text }),
      greedy('long', { tokens: { ids: long.tokens } }),
      {
        ...greedy('stop', { prompt: once.text }),
        stop: { maxTokens: greedyN, ignoreEos: true, stop: ['Lily'] },
      },
      seeded,
      greedy('short', { prompt: once.text }, 5),
      {
        ...greedy('logprobs', { prompt: lily.text }, 12),
        topLogprobs: 3,
        sampling: { temperature: 0, repetitionPenalty: 1.3, presencePenalty: 0.5 },
      },
      greedy('cancel-me', { prompt: once.text }, 900),
    ];
    for (const submit of submits) worker.send({ submit });
    await worker.waitFor(
      (e) => (e.tokenDelta?.deltas ?? []).some((d) => d.jobId === 'cancel-me'),
      'first cancel-me delta',
    );
    worker.send({ cancel: { jobId: 'cancel-me' } });
    const ends = await Promise.all(submits.map((s) => worker.end(s.jobId!)));
    expect(ends.map((e) => e.payload)).toEqual(Array(8).fill('jobDone'));

    // Greedy outputs equal HF transformers' greedy continuations.
    for (const [jobId, r] of [
      ['once', once],
      ['lily', lily],
      ['long', long],
    ] as const) {
      expect(worker.tokens(jobId)).toEqual(r.greedy.tokens);
      const done = worker.of('jobDone').find((d) => d.jobId === jobId)!;
      expect(done).toMatchObject({
        finishReason: FinishReason.FINISH_REASON_LENGTH,
        usage: { promptTokens: r.tokens.length, completionTokens: greedyN },
      });
    }
    expect(worker.text('once')).toBe(once.greedy.text);
    expect(worker.text('lily')).toBe(lily.greedy.text);

    // A stop string: the text up to it, nothing of it or after it.
    const cut = once.greedy.text.indexOf('Lily');
    expect(worker.text('stop')).toBe(once.greedy.text.slice(0, cut));
    expect(worker.of('jobDone').find((d) => d.jobId === 'stop')).toMatchObject({
      finishReason: FinishReason.FINISH_REASON_STOP,
      stopString: 'Lily',
    });

    // max_tokens: the first 5 greedy tokens.
    expect(worker.tokens('short')).toEqual(once.greedy.tokens.slice(0, 5));

    // logprobs: one per token, with the requested alternatives; greedy picks the top one.
    const lp = worker.deltas('logprobs').flatMap((d) => d.logprobs ?? []);
    expect(lp.map((l) => l.token)).toEqual(worker.tokens('logprobs'));
    for (const l of lp) {
      expect(l.top).toHaveLength(3);
      expect(l.top![0]!.token).toBe(l.token);
      expect(l.logprob).toBeLessThanOrEqual(0);
    }

    // The cancelled job stopped early and said so.
    const cancelled = worker.of('jobDone').find((d) => d.jobId === 'cancel-me')!;
    expect(cancelled.finishReason).toBe(FinishReason.FINISH_REASON_CANCELLED);
    expect(cancelled.usage!.completionTokens).toBeLessThan(900);

    // Once every job has ended, a Stats frame shows nothing running and no KV block held:
    // the cancelled job's blocks came back.
    const after = worker.frames.length;
    const stats = await worker.waitFor(
      (e) => e.payload === 'stats' && worker.frames.indexOf(e) >= after,
      'Stats after the jobs',
    );
    expect(stats.stats).toMatchObject({ runningJobs: 0, waitingJobs: 0, kvBlocksUsed: 0 });

    // A seeded job, run again alone, draws the same tokens as it did among 7 others.
    worker.send({ submit: { ...seeded, jobId: 'seeded-alone' } });
    await worker.end('seeded-alone');
    expect(worker.tokens('seeded-alone')).toEqual(worker.tokens('seeded'));
    expect(worker.tokens('seeded')).toHaveLength(40);
  }, 120_000);

  it('answers bad frames, unknown jobs and bad parameters without dying', async () => {
    const garbage = Uint8Array.of(0, 0, 0, 2, 0x0f, 0x00);
    worker.sendRaw(garbage);
    worker.send({ cancel: { jobId: 'no-such-job' } });
    worker.send({ submit: { jobId: 'bad-temp', prompt: 'x', sampling: { temperature: -1 } } });
    worker.send({ submit: { jobId: 'bad-token', tokens: { ids: [1, 100000] } } });
    worker.send({ submit: { jobId: 'too-long', tokens: { ids: Array(1024).fill(5) } } });
    await worker.waitFor(
      (e) => e.frameRejected?.code === 'PROTOCOL_ERR_UNDECODABLE',
      'undecodable',
    );
    await worker.waitFor((e) => e.frameRejected?.code === 'WORKER_ERR_UNKNOWN_JOB', 'unknown job');
    const codes = await Promise.all(
      ['bad-temp', 'bad-token', 'too-long'].map(
        async (id) => (await worker.end(id)).jobFailed?.code,
      ),
    );
    expect(codes).toEqual([
      'WORKER_ERR_INVALID_PARAMS',
      'WORKER_ERR_INVALID_PARAMS',
      'WORKER_ERR_CONTEXT_OVERFLOW',
    ]);
    worker.send({ ping: { nonce: 99 } });
    await worker.waitFor((e) => e.pong?.nonce === 99, 'Pong');
  }, 60_000);

  it('renders chat for a model without a template in ChatML and runs it', async () => {
    const tokenizer = Tokenizer.fromGguf(await readGguf(stories!));
    const messages = [{ role: 'user', content: 'Tell me a story' }];
    const chatml = tokenizer.applyChatTemplate(messages, { addGenerationPrompt: true });
    expect(chatml).toBe('<|im_start|>user\nTell me a story<|im_end|>\n<|im_start|>assistant\n');
    worker.send({ submit: greedy('chat', { chat: { messages, addGenerationPrompt: true } }, 8) });
    const done = (await worker.end('chat')).jobDone;
    expect(done?.usage?.promptTokens).toBe(tokenizer.encode(chatml, { special: true }).length);
    expect(done?.usage?.completionTokens).toBe(8);
  }, 60_000);

  it('drains, refuses new work, then shuts down with exit status 0', async () => {
    worker.send({ submit: greedy('last', { prompt: 'Once upon a time' }, 30) });
    worker.send({ drain: {} });
    worker.send({ submit: greedy('refused', { prompt: 'x' }) });
    expect((await worker.end('refused')).jobFailed?.code).toBe('WORKER_ERR_DRAINING');
    expect((await worker.end('last')).jobDone?.finishReason).toBe(
      FinishReason.FINISH_REASON_LENGTH,
    );
    await worker.waitFor((e) => e.payload === 'drained', 'Drained');
    worker.send({ shutdown: {} });
    expect(await worker.exited).toBe(EXIT_CODES.OK);
  }, 60_000);
});
