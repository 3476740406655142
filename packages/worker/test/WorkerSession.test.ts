import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readGguf } from '@llorch/gguf';
import { FinishReason, type EnvelopeInit, type JobDelta } from '@llorch/protocol';
import { Tokenizer } from '@llorch/tokenizer';
import { pino } from 'pino';
import { createJobTokenizer } from '../src/createJobTokenizer.js';
import { EXIT_CODES } from '../src/exitCodes.js';
import type { JobTokenizer } from '../src/JobTokenizer.js';
import { WorkerSession } from '../src/WorkerSession.js';
import { v1 } from '@llorch/protocol';
import { FakeEngine } from './FakeEngine.js';
import { sharedFile } from '../../../test/support/sharedFile.js';

const stories = sharedFile('models/stories260K.gguf');
const describeModel = stories ? describe : describe.skip;

let tokenizer: Tokenizer;
let jobTokenizer: JobTokenizer;

beforeAll(async () => {
  if (!stories) return;
  tokenizer = Tokenizer.fromGguf(await readGguf(stories));
  jobTokenizer = createJobTokenizer(tokenizer);
});

function setup(engine = new FakeEngine()) {
  const sent: EnvelopeInit[] = [];
  const exits: number[] = [];
  const session = new WorkerSession({
    engine,
    tokenizer: jobTokenizer,
    send: (e) => sent.push(e),
    logger: pino({ level: 'silent' }),
    onExit: (code) => exits.push(code),
  });
  const deliver = (e: EnvelopeInit) => session.handle(v1.Envelope.fromObject(e));
  const of = <K extends keyof EnvelopeInit>(kind: K) =>
    sent.filter((e) => e[kind]).map((e) => e[kind]!);
  const textOf = (jobId: string) =>
    (of('tokenDelta') as Array<{ deltas?: JobDelta[] }>)
      .flatMap((d) => d.deltas ?? [])
      .filter((d) => d.jobId === jobId)
      .map((d) => d.text)
      .join('');
  return { engine, session, sent, exits, deliver, of, textOf };
}

const ids = (text: string) => tokenizer.encode(text, { addBos: false });

describeModel('WorkerSession', () => {
  it('runs a prompt: tokenizes, submits, streams text, reports usage', () => {
    const { engine, deliver, of, textOf } = setup();
    deliver({
      submit: {
        jobId: 'a',
        prompt: 'Once upon a time',
        sampling: { temperature: 0 },
        stop: { maxTokens: 4 },
      },
    });
    const { tokens, params } = engine.submitted.get(engine.seqOf(1))!;
    expect(tokens).toEqual(tokenizer.encode('Once upon a time'));
    expect(params).toMatchObject({ temperature: 0, maxTokens: 4, resumedTokens: 0 });
    expect(params.stopTokenIds).toContain(tokenizer.vocab.special.eos);

    const out = ids('there was a girl');
    engine.step([{ seq: engine.seqOf(1), tokens: out.slice(0, 2) }]);
    engine.step([{ seq: engine.seqOf(1), tokens: out.slice(2, 4), finish: 'length' }]);
    expect(textOf('a')).toBe(
      tokenizer.decode([...tokens, ...out.slice(0, 4)]).slice('Once upon a time'.length),
    );
    const [done] = of('jobDone');
    expect(done).toMatchObject({
      jobId: 'a',
      finishReason: FinishReason.FINISH_REASON_LENGTH,
      usage: { promptTokens: tokens.length, completionTokens: 4, resumedTokens: 0 },
    });
  });

  it('puts every job that progressed in one step into one TokenDelta frame', () => {
    const { engine, deliver, of } = setup();
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    deliver({ submit: { jobId: 'b', prompt: 'b' } });
    engine.step([
      { seq: engine.seqOf(1), tokens: ids('cat') },
      { seq: engine.seqOf(2), tokens: ids('dog') },
    ]);
    const frames = of('tokenDelta');
    expect(frames).toHaveLength(1);
    expect(frames[0]!.deltas!.map((d) => d.jobId)).toEqual(['a', 'b']);
    expect(frames[0]!.engineStep).toBe(1);
  });

  it('does not emit the end-of-sequence token and names it in JobDone', () => {
    const { engine, deliver, of } = setup();
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    const eos = tokenizer.vocab.special.eos!;
    engine.step([{ seq: engine.seqOf(1), tokens: [...ids('cat'), eos], finish: 'stop' }]);
    expect(of('tokenDelta')[0]!.deltas![0]!.tokenIds).toEqual(ids('cat'));
    expect(of('jobDone')[0]).toMatchObject({
      finishReason: FinishReason.FINISH_REASON_STOP,
      stopTokenId: eos,
      usage: { completionTokens: ids('cat').length },
    });
  });

  it('cuts a stop string that spans tokens, and stops the engine sequence', () => {
    const { engine, deliver, of, textOf } = setup();
    deliver({ submit: { jobId: 'a', prompt: 'a', stop: { stop: ['was a'] } } });
    const seq = engine.seqOf(1);
    for (const t of ids('there was a girl')) engine.step([{ seq, tokens: [t] }]);
    expect(textOf('a')).toBe(' there ');
    expect(of('jobDone')[0]).toMatchObject({
      finishReason: FinishReason.FINISH_REASON_STOP,
      stopString: 'was a',
    });
    expect(engine.cancelCalls).toContain(seq);
  });

  it('cancels: the engine is told at once, JobDone(CANCELLED) follows its confirmation', () => {
    const { engine, deliver, of } = setup();
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    const seq = engine.seqOf(1);
    deliver({ cancel: { jobId: 'a' } });
    expect(engine.cancelCalls).toEqual([seq]);
    expect(of('jobDone')).toHaveLength(0);
    engine.step([{ seq, tokens: [], finish: 'cancelled' }]);
    expect(of('jobDone')[0]).toMatchObject({
      jobId: 'a',
      finishReason: FinishReason.FINISH_REASON_CANCELLED,
    });
  });

  it('rejects a Cancel of an unknown job and a duplicate job id', () => {
    const { deliver, of } = setup();
    deliver({ cancel: { jobId: 'nope' } });
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    expect(of('frameRejected').map((r) => r.code)).toEqual([
      'WORKER_ERR_UNKNOWN_JOB',
      'WORKER_ERR_DUPLICATE_JOB',
    ]);
  });

  it('fails bad parameters, an overlong prompt and an engine refusal with JobFailed', () => {
    const engine = new FakeEngine();
    engine.ctx = 8;
    const { deliver, of, session } = setup(engine);
    deliver({ submit: { jobId: 'p', prompt: 'a', sampling: { topP: 5 } } });
    deliver({
      submit: { jobId: 'c', prompt: 'Once upon a time there was a little girl named Lily' },
    });
    engine.submitError = Object.assign(new Error('bad'), { code: 'NATIVE_ERR_BAD_ARGUMENT' });
    deliver({ submit: { jobId: 'e', prompt: 'a' } });
    expect(of('jobFailed').map((f) => [f.jobId, f.code])).toEqual([
      ['p', 'WORKER_ERR_INVALID_PARAMS'],
      ['c', 'WORKER_ERR_CONTEXT_OVERFLOW'],
      ['e', 'NATIVE_ERR_BAD_ARGUMENT'],
    ]);
    expect(of('jobFailed')[1]!.message).toMatch(
      /^the maximum context length is 8 tokens and the prompt is \d+ tokens, leaving no room/,
    );
    expect(session.activeJobs).toBe(0);
  });

  it('submits chat for a model without a template as its ChatML tokens', () => {
    const { engine, deliver, of } = setup();
    const messages = [{ role: 'user', content: 'hi' }];
    deliver({ submit: { jobId: 't', chat: { messages, addGenerationPrompt: true } } });
    expect(of('jobFailed')).toEqual([]);
    const chatml = tokenizer.applyChatTemplate(messages, { addGenerationPrompt: true });
    expect(engine.submitted.get(engine.seqOf(1))?.tokens).toEqual(
      tokenizer.encode(chatml, { special: true }),
    );
  });

  it('drains: refuses new jobs, sends Drained when the last job ends', () => {
    const { engine, deliver, of } = setup();
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    deliver({ drain: {} });
    deliver({ submit: { jobId: 'b', prompt: 'b' } });
    expect(of('jobFailed')[0]).toMatchObject({ jobId: 'b', code: 'WORKER_ERR_DRAINING' });
    expect(of('drained')).toHaveLength(0);
    engine.step([{ seq: engine.seqOf(1), tokens: ids('x'), finish: 'length' }]);
    expect(of('drained')).toHaveLength(1);
  });

  it('shuts down: cancels what runs and asks to exit with status 0', () => {
    const { deliver, of, exits } = setup();
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    deliver({ shutdown: {} });
    expect(of('jobDone')[0]).toMatchObject({
      jobId: 'a',
      finishReason: FinishReason.FINISH_REASON_CANCELLED,
    });
    expect(exits).toEqual([EXIT_CODES.OK]);
  });

  it('fails every job and exits DEVICE_LOST on a sticky device error', () => {
    const { engine, deliver, of, exits } = setup();
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    deliver({ submit: { jobId: 'b', prompt: 'b' } });
    engine.step([
      {
        seq: engine.seqOf(1),
        tokens: [],
        finish: 'error',
        error: { code: 'NATIVE_ERR_CUDA_FAULT', message: 'illegal address' },
      },
    ]);
    expect(of('jobFailed').map((f) => [f.jobId, f.code])).toEqual([
      ['a', 'NATIVE_ERR_CUDA_FAULT'],
      ['b', 'NATIVE_ERR_CUDA_FAULT'],
    ]);
    expect(exits).toEqual([EXIT_CODES.DEVICE_LOST]);
  });

  it('sends no more output once a job is cancelled', () => {
    const { engine, deliver, of } = setup();
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    deliver({ cancel: { jobId: 'a' } });
    engine.step([{ seq: engine.seqOf(1), tokens: ids('cat') }]);
    engine.step([{ seq: engine.seqOf(1), tokens: ids('dog'), finish: 'length' }]);
    expect(of('tokenDelta')).toHaveLength(0);
    expect(of('jobDone')[0]?.finishReason).toBe(FinishReason.FINISH_REASON_CANCELLED);
  });

  it('fails a job whose deadline passes, once the engine let it go', async () => {
    const { engine, deliver, of } = setup();
    deliver({ submit: { jobId: 'late', prompt: 'a', deadlineUnixMs: Date.now() - 1 } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(engine.cancelCalls).toEqual([engine.seqOf(1)]);
    engine.step([{ seq: engine.seqOf(1), tokens: [], finish: 'cancelled' }]);
    expect(of('jobFailed')[0]).toMatchObject({
      jobId: 'late',
      code: 'WORKER_ERR_DEADLINE_EXCEEDED',
    });
  });

  it('ends at once a resumed job that already has max_tokens', () => {
    const { engine, deliver, of } = setup();
    deliver({
      submit: { jobId: 'a', prompt: 'a', stop: { maxTokens: 2 }, resumeTokens: ids('cat dog') },
    });
    expect(engine.submitted.size).toBe(0);
    expect(of('jobDone')[0]).toMatchObject({
      finishReason: FinishReason.FINISH_REASON_LENGTH,
      usage: { completionTokens: ids('cat dog').length, resumedTokens: ids('cat dog').length },
    });
  });

  it('fails every job and exits ENGINE_FAULT when an engine call throws', () => {
    const engine = new FakeEngine();
    const { deliver, of, exits } = setup(engine);
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    engine.cancel = () => {
      throw Object.assign(new Error('engine thread is gone'), { code: 'NATIVE_ERR_INTERNAL' });
    };
    deliver({ cancel: { jobId: 'a' } });
    expect(of('jobFailed')[0]).toMatchObject({ jobId: 'a', code: 'NATIVE_ERR_INTERNAL' });
    expect(exits).toEqual([EXIT_CODES.ENGINE_FAULT]);
    deliver({ submit: { jobId: 'b', prompt: 'b' } });
    expect(of('jobFailed')[1]).toMatchObject({ jobId: 'b', code: 'WORKER_ERR_SHUTTING_DOWN' });
  });

  it('exits DEVICE_LOST when a submit meets a dead device', () => {
    const engine = new FakeEngine();
    const { deliver, of, exits } = setup(engine);
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    engine.submitError = Object.assign(new Error('illegal address'), {
      code: 'NATIVE_ERR_CUDA_FAULT',
    });
    deliver({ submit: { jobId: 'b', prompt: 'b' } });
    expect(of('jobFailed').map((f) => [f.jobId, f.code])).toEqual([
      ['b', 'NATIVE_ERR_CUDA_FAULT'],
      ['a', 'NATIVE_ERR_CUDA_FAULT'],
    ]);
    expect(exits).toEqual([EXIT_CODES.DEVICE_LOST]);
  });

  it('fails only the job when the engine reports a recoverable CUDA error', () => {
    const engine = new FakeEngine();
    const { deliver, of, exits } = setup(engine);
    deliver({ submit: { jobId: 'a', prompt: 'a' } });
    engine.step([
      {
        seq: engine.seqOf(1),
        tokens: [],
        finish: 'error',
        error: { code: 'NATIVE_ERR_CUDA', message: 'out of streams' },
      },
    ]);
    expect(of('jobFailed')).toMatchObject([{ jobId: 'a', code: 'NATIVE_ERR_CUDA' }]);
    expect(exits).toEqual([]);
  });

  it('answers Ping and rejects a message only a worker sends', () => {
    const { deliver, of } = setup();
    deliver({ ping: { nonce: 7 } });
    deliver({ hello: { modelName: 'x' } });
    expect(of('pong')[0]).toEqual({ nonce: 7 });
    expect(of('frameRejected')[0]).toMatchObject({ code: 'WORKER_ERR_UNEXPECTED_MESSAGE' });
  });

  it('reports KV blocks and steps in Stats, and heartbeats at most every 100 ms', () => {
    let now = 0;
    const engine = new FakeEngine();
    const sent: EnvelopeInit[] = [];
    const session = new WorkerSession({
      engine,
      tokenizer: jobTokenizer,
      send: (e) => sent.push(e),
      logger: pino({ level: 'silent' }),
      onExit: () => undefined,
      now: () => now,
    });
    session.handle(v1.Envelope.fromObject({ submit: { jobId: 'a', prompt: 'a' } }));
    for (let i = 0; i < 10; i++) {
      now += 30;
      engine.step([{ seq: engine.seqOf(1), tokens: ids('a') }]);
    }
    expect(sent.filter((e) => e.heartbeat).map((e) => e.heartbeat!.engineSteps)).toEqual([1, 5, 9]);
    expect(session.stats()).toMatchObject({
      runningJobs: 1,
      kvBlocksUsed: 2,
      kvBlocksFree: 62,
      engineSteps: 10,
      kvPreemptions: 3,
    });
  });

  it('resumes: a job continued after k tokens emits exactly the rest of the text', () => {
    const vocab = tokenizer.size;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 3, max: vocab - 1 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.array(fc.constantFrom('e', 'th', ' a', 'o.'), { maxLength: 2 }),
        (stream, cut, stop) => {
          const k = cut % (stream.length + 1);
          // `finish`: the attempt ends normally; otherwise it dies after its last token.
          const run = (resumeTokens: number[], tokens: number[], finish: boolean) => {
            const s = setup();
            s.deliver({ submit: { jobId: 'j', prompt: 'Once', stop: { stop }, resumeTokens } });
            const seq = s.engine.seqOf(1);
            tokens.forEach((t, i) =>
              s.engine.step([
                {
                  seq,
                  tokens: [t],
                  ...(finish && i === tokens.length - 1 && { finish: 'length' as const }),
                },
              ]),
            );
            const delivered = (s.of('tokenDelta') as Array<{ deltas?: JobDelta[] }>)
              .flatMap((d) => d.deltas ?? [])
              .flatMap((d) => d.tokenIds ?? []);
            return { text: s.textOf('j'), delivered, done: s.of('jobDone')[0] };
          };
          const full = run([], stream, true);
          // The first attempt dies after its k-th token; the orchestrator resumes with the
          // tokens it was sent (fewer than k only if a stop string ended the job already).
          const first = run([], stream.slice(0, k), false);
          if (first.done || k === stream.length) return;
          const rest = run(first.delivered, stream.slice(k), true);
          expect(first.text + rest.text).toBe(full.text);
          expect(rest.done).toMatchObject({
            finishReason: full.done!.finishReason,
            usage: { completionTokens: full.done!.usage!.completionTokens, resumedTokens: k },
          });
          expect(rest.done!.stopString ?? '').toBe(full.done!.stopString ?? '');
        },
      ),
      { numRuns: 300 },
    );
  });
});
