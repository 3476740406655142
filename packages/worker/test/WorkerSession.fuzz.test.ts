import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readGguf } from '@llorch/gguf';
import { v1, type EnvelopeInit, type Submit } from '@llorch/protocol';
import { Tokenizer } from '@llorch/tokenizer';
import { pino } from 'pino';
import { createJobTokenizer } from '../src/createJobTokenizer.js';
import type { JobTokenizer } from '../src/JobTokenizer.js';
import { WorkerSession } from '../src/WorkerSession.js';
import { FakeEngine } from './FakeEngine.js';
import { sharedFile } from '../../../test/support/sharedFile.js';

const stories = sharedFile('models/stories260K.gguf');
let jobTokenizer: JobTokenizer;

beforeAll(async () => {
  if (stories) jobTokenizer = createJobTokenizer(Tokenizer.fromGguf(await readGguf(stories)));
});

const jobId = fc.constantFrom('a', 'b', 'c', 'd', '', 'x'.repeat(200));
/** Mostly a sensible value, now and then anything at all (negative, huge, NaN). */
const mostly = (sensible: fc.Arbitrary<number>) =>
  fc.oneof(
    { arbitrary: sensible, weight: 9 },
    { arbitrary: fc.oneof(fc.double(), fc.constant(NaN)), weight: 1 },
  );
const tokenId = mostly(fc.integer({ min: 0, max: 511 }));

const submitArb: fc.Arbitrary<Submit> = fc.record(
  {
    jobId,
    prompt: fc.string({ minLength: 1, maxLength: 30 }),
    tokens: fc.record({ ids: fc.array(tokenId, { maxLength: 10 }) }),
    chat: fc.record({
      messages: fc.array(fc.record({ role: fc.constantFrom('user', 'x'), content: fc.string() }), {
        maxLength: 2,
      }),
    }),
    sampling: fc.record(
      {
        temperature: mostly(fc.double({ min: 0, max: 2, noNaN: true })),
        topP: mostly(fc.double({ min: 0.1, max: 1, noNaN: true })),
        minP: mostly(fc.double({ min: 0, max: 1, noNaN: true })),
        repetitionPenalty: mostly(fc.double({ min: 0.5, max: 2, noNaN: true })),
        seed: fc.nat(),
      },
      { requiredKeys: [] },
    ),
    stop: fc.record(
      {
        maxTokens: fc.nat({ max: 300 }),
        stop: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
        stopTokenIds: fc.array(tokenId, { maxLength: 2 }),
        ignoreEos: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    topLogprobs: mostly(fc.nat({ max: 20 })),
    deadlineUnixMs: fc.constantFrom(0, 1),
    resumeTokens: fc.array(tokenId, { maxLength: 5 }),
  },
  { requiredKeys: ['jobId'] },
);

type Action =
  | { kind: 'frame'; envelope: EnvelopeInit }
  | {
      kind: 'step';
      picks: number[];
      tokens: number[];
      finish: 'stop' | 'length' | 'error' | undefined;
    };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: submitArb.map((submit) => ({ kind: 'frame' as const, envelope: { submit } })),
    weight: 4,
  },
  {
    arbitrary: jobId.map((id) => ({ kind: 'frame' as const, envelope: { cancel: { jobId: id } } })),
    weight: 2,
  },
  { arbitrary: fc.constant({ kind: 'frame' as const, envelope: { drain: {} } }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'frame' as const, envelope: { hello: {} } }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('step' as const),
      picks: fc.array(fc.nat(), { maxLength: 3 }),
      tokens: fc.array(fc.integer({ min: 0, max: 511 }), { maxLength: 3 }),
      finish: fc.constantFrom(undefined, 'stop' as const, 'length' as const, 'error' as const),
    }),
    weight: 4,
  },
);

(stories ? describe : describe.skip)('WorkerSession (fuzz)', () => {
  it('never throws and ends every accepted job exactly once, whatever it is sent', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (actions) => {
        const engine = new FakeEngine();
        const sent: EnvelopeInit[] = [];
        const exits: number[] = [];
        const session = new WorkerSession({
          engine,
          tokenizer: jobTokenizer,
          send: (e) => sent.push(e),
          logger: pino({ level: 'silent' }),
          onExit: (code) => exits.push(code),
        });
        const stepLive = (
          picks: number[],
          tokens: number[],
          finish: Extract<Action, { kind: 'step' }>['finish'],
        ) => {
          const live = [...engine.live];
          if (live.length === 0) return;
          const seqs = [...new Set(picks.map((p) => live[p % live.length]!))];
          engine.step(
            seqs.map((seq) => ({
              seq,
              tokens,
              ...(finish && { finish }),
              ...(finish === 'error' && {
                error: { code: 'NATIVE_ERR_OOM', message: 'no memory' },
              }),
            })),
          );
        };
        for (const action of actions) {
          if (action.kind === 'frame') session.handle(v1.Envelope.fromObject(action.envelope));
          else stepLive(action.picks, action.tokens, action.finish);
        }
        // The engine finishes whatever it still runs: cancelled sequences as cancelled.
        const cancelled = new Set(engine.cancelCalls);
        engine.step(
          [...engine.live].map((seq) => ({
            seq,
            tokens: [],
            finish: cancelled.has(seq) ? 'cancelled' : 'length',
          })),
        );
        session.close();

        expect(exits).toEqual([]);
        expect(session.activeJobs).toBe(0);
        // Every Submit gets exactly one answer: JobDone or JobFailed, or FrameRejected when its
        // job id was unusable (invalid, or a live job's).
        const submits = actions.filter((a) => a.kind === 'frame' && a.envelope.submit).length;
        const ends = sent.filter((e) => e.jobDone || e.jobFailed).length;
        const refused = sent.filter(
          (e) =>
            e.frameRejected?.code === 'WORKER_ERR_INVALID_JOB_ID' ||
            e.frameRejected?.code === 'WORKER_ERR_DUPLICATE_JOB',
        ).length;
        expect(ends + refused).toBe(submits);
      }),
      { numRuns: 400 },
    );
  });
});
