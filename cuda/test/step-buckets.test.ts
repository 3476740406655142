import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Engine, SamplingParams } from '@llorch/native';
import { SeqCollector, loadEngine, params } from './model-fixture.js';
import { TWIN_MODELS, twinEngines } from './loaded-test.js';

// Decode steps padded to row buckets (1, 2, 4 ... 64) must be invisible in the output: with the
// padding forced on the CPU (where it is off by default: nothing is recorded there), concurrent
// greedy and seeded-sampling sequences produce exactly what each produces alone on an engine that
// does not pad, and the padding rows' scratch KV block is never one a sequence owns.

/** Prompts longer than the recorded-step limit (8 rows), so that no prefill step is recordable. */
function prompts(count: number, vocab: number): number[][] {
  return Array.from({ length: count }, (_, s) =>
    Array.from({ length: 9 + ((s * 7) % 13) }, (_, i) => 1 + ((s * 37 + i * 11) % (vocab - 1))),
  );
}

/** Greedy for even sequences, seeded sampling for odd ones. */
function mixed(s: number, maxTokens: number): SamplingParams {
  return params(
    s % 2 === 0 ? { maxTokens } : { maxTokens, temperature: 0.9, topK: 40, seed: 1000 + s },
  );
}

async function runTogether(
  engine: Engine,
  collector: SeqCollector,
  firstSeq: number,
  ps: number[][],
  paramsOf: (s: number) => SamplingParams,
): Promise<number[][]> {
  ps.forEach((p, s) => engine.submit(firstSeq + s, p, paramsOf(s)));
  return (await Promise.all(ps.map((_, s) => collector.result(firstSeq + s)))).map((r) => r.tokens);
}

async function runAlone(
  engine: Engine,
  collector: SeqCollector,
  firstSeq: number,
  ps: number[][],
  paramsOf: (s: number) => SamplingParams,
): Promise<number[][]> {
  const out: number[][] = [];
  for (let s = 0; s < ps.length; s++) {
    engine.submit(firstSeq + s, ps[s]!, paramsOf(s));
    out.push((await collector.result(firstSeq + s)).tokens);
  }
  return out;
}

for (const model of TWIN_MODELS) {
  describe(`decode steps padded to row buckets on ${model.name}`, () => {
    const twins = twinEngines(model.file, { ctx: 256, maxSeqs: 32 }, { padDecodeSteps: true });
    const maybe = twins.test;

    for (const count of [3, 5, 9, 17]) {
      maybe(`${count} concurrent greedy and sampled sequences equal each run alone`, async () => {
        const { variant: padded, plain, variantEvents, plainEvents, vocab } = twins.get();
        const ps = prompts(count, vocab);
        const base = count * 1000;
        const alone = await runAlone(plain, plainEvents, base, ps, (s) => mixed(s, 12 + s));
        const together = await runTogether(padded, variantEvents, base, ps, (s) =>
          mixed(s, 12 + s),
        );
        expect(together).toEqual(alone);
        expect(padded.stats().kvBlocksUsed).toBe(0);
      });
    }
  });

  describe(`row buckets' step shapes and scratch block on ${model.name}`, () => {
    let file: string | undefined;
    beforeAll(async () => {
      file = await model.file();
    }, 120_000);

    const maybe = (name: string, fn: (file: string) => Promise<void>) =>
      test(
        name,
        async () => {
          if (file === undefined) return; // model file unavailable outside CI
          await fn(file);
        },
        120_000,
      );

    // Seven greedy sequences ending three tokens apart: the decode steps shrink through 7, 6 ... 1
    // rows, which pad to the buckets 8, 4, 2 and 1 (every prefill step has more than 8 rows and is
    // never recorded); unpadded, each row count is a shape of its own.
    maybe('decode steps of 1..7 rows take 4 shapes padded, 7 unpadded', async (f) => {
      const shapes: number[] = [];
      for (const padDecodeSteps of [true, false]) {
        const engine = await loadEngine(f, { ctx: 256, padDecodeSteps });
        try {
          const collector = new SeqCollector(engine);
          const ps = prompts(7, 256);
          await runTogether(engine, collector, 1, ps, (s) => params({ maxTokens: 30 + 3 * s }));
          shapes.push(engine.stats().stepShapes);
        } finally {
          await engine.unload();
        }
      }
      expect(shapes).toEqual([4, 7]);
    });

    // A pool with exactly the blocks three sequences come to hold: if the padding rows' K/V went
    // to a block a sequence owns, that sequence's cache would change under it.
    maybe('the scratch block is never handed to a sequence', async (f) => {
      const kvBlocks = 6;
      const engine = await loadEngine(f, {
        ctx: 256,
        kvBlocks,
        kvBlockSize: 16,
        padDecodeSteps: true,
      });
      const reference = await loadEngine(f, { ctx: 256 });
      try {
        expect(engine.stats().kvBlocksTotal).toBe(kvBlocks);
        const ps = prompts(3, 256).map((p) => p.slice(0, 10));
        const maxTokens = 22; // 10 + 22 tokens: two blocks of 16 each
        const alone = await runAlone(reference, new SeqCollector(reference), 1, ps, (s) =>
          mixed(s, maxTokens),
        );
        const together = await runTogether(engine, new SeqCollector(engine), 1, ps, (s) =>
          mixed(s, maxTokens),
        );
        expect(together).toEqual(alone);
        expect(engine.stats().kvBlocksUsed).toBe(0);
        expect(engine.stats().kvBlocksTotal).toBe(kvBlocks);
      } finally {
        await engine.unload();
        await reference.unload();
      }
    });
  });
}
