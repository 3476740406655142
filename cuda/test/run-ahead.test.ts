import { describe, expect, test } from '@jest/globals';
import type { Engine, SamplingParams } from '@llorch/native';
import { SeqCollector, loadEngine, params, stepsReaching } from './model-fixture.js';
import { TWIN_MODELS, twinEngines } from './loaded-test.js';

// Run-ahead (what the CUDA backend does by default, forced here on the CPU): the next greedy
// decode step is launched before the current one's tokens are read, its tokens taken from the
// current step's argmax where it was computed. It must be invisible in the output: the same
// tokens and finishes as an engine that does not run ahead, through stop tokens, length limits,
// cancellation, admission of new sequences, sampled neighbours and a KV pool too small to give
// the step ahead its block.

function prompt(s: number, vocab: number): number[] {
  return Array.from(
    { length: 3 + ((s * 7) % 11) },
    (_, i) => 1 + ((s * 37 + i * 11) % (vocab - 1)),
  );
}

interface Outcome {
  tokens: number[][];
  finishes: string[];
}

async function run(
  engine: Engine,
  collector: SeqCollector,
  firstSeq: number,
  jobs: Array<{ tokens: number[]; params: SamplingParams }>,
): Promise<Outcome> {
  jobs.forEach((j, s) => engine.submit(firstSeq + s, j.tokens, j.params));
  const results = await Promise.all(jobs.map((_, s) => collector.result(firstSeq + s)));
  return { tokens: results.map((r) => r.tokens), finishes: results.map((r) => r.finish) };
}

for (const model of TWIN_MODELS) {
  describe(`run-ahead decode steps on ${model.name}`, () => {
    const twins = twinEngines(model.file, { ctx: 256, maxSeqs: 8 }, { runAhead: true });
    const maybe = twins.test;
    const ahead = () => twins.get().variant;
    const plain = () => twins.get().plain;
    let seq = 1;

    /** The jobs on both engines: equal outcomes, and every KV block back in the pool. */
    async function same(
      jobs: Array<{ tokens: number[]; params: SamplingParams }>,
    ): Promise<Outcome> {
      const first = seq;
      seq += jobs.length;
      const want = await run(plain(), twins.get().plainEvents, first, jobs);
      const got = await run(ahead(), twins.get().variantEvents, first, jobs);
      expect(got).toEqual(want);
      expect(ahead().stats().kvBlocksUsed).toBe(0);
      return want;
    }

    maybe('one greedy sequence: the same tokens, and no step beyond its length', async () => {
      const before = [plain().stats().steps, ahead().stats().steps];
      const out = await same([
        { tokens: prompt(1, twins.get().vocab), params: params({ maxTokens: 40 }) },
      ]);
      expect(out.tokens[0]).toHaveLength(40);
      expect(out.finishes).toEqual(['length']);
      const steps = [plain().stats().steps - before[0]!, ahead().stats().steps - before[1]!];
      expect(steps[1]).toBe(steps[0]);
    });

    // The step launched ahead of the stop token computes one more token, which is dropped: one
    // step more than the plain engine shows that it did run ahead.
    maybe('a stop token ends the sequence there; the step run ahead of it is dropped', async () => {
      const tokens = prompt(2, twins.get().vocab);
      const free = await same([{ tokens, params: params({ maxTokens: 30 }) }]);
      const stop = free.tokens[0]![9]!;
      const before = [plain().stats().steps, ahead().stats().steps];
      const out = await same([{ tokens, params: params({ maxTokens: 30, stopTokenIds: [stop] }) }]);
      expect(out.finishes).toEqual(['stop']);
      expect(out.tokens[0]!.at(-1)).toBe(stop);
      const plainSteps = plain().stats().steps - before[0]!;
      const aheadSteps = (await stepsReaching(ahead(), before[1]! + plainSteps + 1)) - before[1]!;
      expect(aheadSteps).toBe(plainSteps + 1);
    });

    maybe('concurrent greedy sequences of different lengths and stops', async () => {
      const jobs = Array.from({ length: 5 }, (_, s) => ({
        tokens: prompt(10 + s, twins.get().vocab),
        params: params({ maxTokens: 8 + 5 * s }),
      }));
      const free = await same(jobs);
      await same(
        jobs.map((j, s) => ({
          ...j,
          params: params({
            maxTokens: j.params.maxTokens,
            stopTokenIds: [free.tokens[s]![4 + s]!],
          }),
        })),
      );
    });

    // Sampled rows keep their steps from running ahead; greedy ones joining while others decode
    // are admitted between steps run ahead.
    maybe(
      'greedy and seeded sampled sequences together, submitted while others decode',
      async () => {
        const jobs = Array.from({ length: 4 }, (_, s) => ({
          tokens: prompt(20 + s, twins.get().vocab),
          params: params(
            s === 2
              ? { maxTokens: 20, temperature: 0.9, topK: 40, seed: 7 }
              : { maxTokens: 12 + 6 * s },
          ),
        }));
        const first = seq;
        seq += 2 * jobs.length;
        const want = await run(plain(), twins.get().plainEvents, first, jobs);
        const steps = ahead().stats().steps;
        ahead().submit(first, jobs[0]!.tokens, jobs[0]!.params);
        await stepsReaching(ahead(), steps + 3);
        jobs.slice(1).forEach((j, s) => ahead().submit(first + 1 + s, j.tokens, j.params));
        const results = await Promise.all(
          jobs.map((_, s) => twins.get().variantEvents.result(first + s)),
        );
        expect(results.map((r) => r.tokens)).toEqual(want.tokens);
        expect(ahead().stats().kvBlocksUsed).toBe(0);
      },
    );

    maybe('a sequence cancelled while a step runs ahead of it', async () => {
      const id = seq++;
      const tokens = prompt(30, twins.get().vocab);
      ahead().submit(id, tokens, params({ maxTokens: 200 }));
      await new Promise<void>((resolve) => {
        let seen = 0;
        const off = ahead().onEvents((events) => {
          for (const e of events) if (e.seq === id) seen += e.tokens?.length ?? 0;
          if (seen < 3) return;
          off();
          resolve();
        });
      });
      expect(ahead().cancel(id)).toBe(true);
      const r = await twins.get().variantEvents.result(id);
      expect(r.finish).toBe('cancelled');
      expect(r.tokens.length).toBeLessThan(200);
      expect(ahead().stats().kvBlocksUsed).toBe(0);
      await same([{ tokens, params: params({ maxTokens: 24 }) }]);
    });
  });

  // A pool with no block to spare: the step ahead cannot take its next block, so the engine waits
  // for the tokens and preempts as it would without running ahead. Each sequence comes to need 6-8
  // of the 8 blocks, so any two running together preempt, whatever the admission timing.
  test(`run-ahead under KV pressure on ${model.name}`, async () => {
    const file = await model.file();
    if (file === undefined) return; // model file unavailable outside CI
    const options = { ctx: 256, maxSeqs: 4, kvBlocks: 8, kvBlockSize: 8 };
    const ahead = await loadEngine(file, { ...options, runAhead: true });
    const plain = await loadEngine(file, options);
    try {
      const vocab = (await plain.forward([1])).length;
      const jobs = Array.from({ length: 3 }, (_, s) => ({
        tokens: prompt(40 + s, vocab),
        params: params({ maxTokens: 40 + 3 * s }),
      }));
      const want = await run(plain, new SeqCollector(plain), 1, jobs);
      const got = await run(ahead, new SeqCollector(ahead), 1, jobs);
      expect(got).toEqual(want);
      expect(ahead.stats().kvBlocksUsed).toBe(0);
      expect(plain.stats().preemptions).toBeGreaterThan(0);
    } finally {
      await ahead.unload();
      await plain.unload();
    }
  }, 120_000);
}
