import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import type { Engine } from '@llorch/native';
import { SeqCollector, loadEngine, params, synthModel } from './model-fixture.js';
import { testWhenLoaded } from './loaded-test.js';
import { sharedFile } from '../../test/support/sharedFile.js';

// Continuous batching must be invisible in the output: 16 sequences of different prompt lengths
// run together (prompts prefilled in small chunks while others decode) produce exactly the tokens
// each produces alone, on the real llama model and on synthetic qwen2 models of several types.
const MODELS: Array<{ name: string; file: () => Promise<string | undefined> }> = [
  { name: 'stories260K (llama, F32)', file: async () => sharedFile('models/stories260K.gguf') },
  { name: 'tiny-qwen2 F32', file: () => synthModel('tiny-qwen2', 'f32') },
  { name: 'tiny-qwen2 Q8_0', file: () => synthModel('tiny-qwen2', 'q8_0') },
  {
    name: 'tiny-qwen2 Q4_K_M recipe (mixed types)',
    file: () => synthModel('tiny-qwen2', 'q4_k_m'),
  },
  { name: 'tiny-llama F16', file: () => synthModel('tiny-llama', 'f16') },
];

for (const model of MODELS) {
  describe(`batching on ${model.name}`, () => {
    let engine: Engine | undefined;
    let events: SeqCollector;
    let vocab = 0;

    beforeAll(async () => {
      const file = await model.file();
      if (file === undefined) return;
      engine = await loadEngine(file, { prefillChunk: 5, ctx: 2048 });
      events = new SeqCollector(engine);
      vocab = (await engine.forward([1])).length;
    }, 120_000);
    afterAll(async () => {
      await engine?.unload();
    });

    const maybe = (name: string, fn: () => Promise<void>) =>
      testWhenLoaded(() => engine !== undefined, name, fn);

    maybe('16 concurrent sequences produce exactly what each produces alone', async () => {
      const e = engine!;
      const prompts = Array.from({ length: 16 }, (_, s) =>
        Array.from({ length: 1 + ((s * 5) % 29) }, (_, i) => 1 + ((s * 37 + i * 11) % (vocab - 1))),
      );
      const alone: number[][] = [];
      for (let s = 0; s < 16; s++) {
        e.submit(100 + s, prompts[s]!, params({ maxTokens: 24 }));
        alone.push((await events.result(100 + s)).tokens);
      }
      const stepsBefore = e.stats().steps;
      prompts.forEach((p, s) => e.submit(200 + s, p, params({ maxTokens: 24 })));
      const together = await Promise.all(prompts.map((_, s) => events.result(200 + s)));
      expect(together.map((r) => r.tokens)).toEqual(alone);
      // Batched: far fewer steps than the sequences run one after another would need.
      expect(e.stats().steps - stepsBefore).toBeLessThan(16 * 24);
      expect(e.stats().kvBlocksUsed).toBe(0);
    });

    maybe('cancelling one of several running sequences frees its blocks only', async () => {
      const e = engine!;
      // 300 (a 1000-token prompt: 63 blocks of 16 once prefilled) holds more KV blocks than 301
      // ever can (2 + 950 tokens: 60 blocks), so the count drops whatever 301 takes meanwhile.
      // Both are still running when cancelled: hundreds of steps remain (stories260K decodes
      // ~8000 tok/s here, and a loaded machine can stall the test's thread for tens of ms).
      const long = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 7) % (vocab - 1)));
      e.submit(300, long, params({ maxTokens: 1000 }));
      e.submit(301, [4, 5], params({ maxTokens: 950 }));
      await events.firstEvent(300);
      await events.firstEvent(301);
      const both = e.stats().kvBlocksUsed;
      expect(e.cancel(300)).toBe(true);
      expect((await events.result(300)).finish).toBe('cancelled');
      const one = e.stats().kvBlocksUsed;
      expect(one).toBeGreaterThan(0);
      expect(one).toBeLessThan(both);
      expect(e.cancel(301)).toBe(true);
      await events.result(301);
      expect(e.stats().kvBlocksUsed).toBe(0);
    });
  });
}
