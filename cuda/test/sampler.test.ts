import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Engine, SamplingParams } from '@llorch/native';
import { SeqCollector, loadEngine, params } from './model-fixture.js';
import { sharedFile } from '../../test/support/sharedFile.js';

const stories = sharedFile('models/stories260K.gguf');
const describeModel = stories === undefined ? describe.skip : describe;
const prompt = [1, 403, 407];

describeModel('sampling on stories260K', () => {
  let engine: Engine;
  let events: SeqCollector;
  let nextSeq = 1;

  beforeAll(async () => {
    engine = await loadEngine(stories!);
    events = new SeqCollector(engine);
  });
  afterAll(async () => {
    await engine.unload();
  });

  async function run(p: Partial<SamplingParams>, tokens: readonly number[] = prompt) {
    const seq = nextSeq++;
    engine.submit(seq, tokens, params(p));
    return events.result(seq);
  }

  test('a seed fixes the draw; another seed draws differently', async () => {
    const hot = { temperature: 1.5, maxTokens: 32 };
    const a = await run({ ...hot, seed: 42 });
    const b = await run({ ...hot, seed: 42 });
    const c = await run({ ...hot, seed: 43 });
    expect(b.tokens).toEqual(a.tokens);
    expect(c.tokens).not.toEqual(a.tokens);
  });

  test('a job resumed from any prefix of its output draws the same tokens', async () => {
    const p = { temperature: 1.2, topP: 0.95, seed: 7, maxTokens: 24, repetitionPenalty: 1.1 };
    const full = await run(p);
    expect(full.tokens.length).toBe(24);
    for (const k of [1, 5, 17]) {
      const resumed = await run({ ...p, resumedTokens: k }, [
        ...prompt,
        ...full.tokens.slice(0, k),
      ]);
      expect(resumed.tokens).toEqual(full.tokens.slice(k));
    }
  });

  test('top-k 1, min-p 1 and a tiny top-p all reduce to greedy', async () => {
    const greedy = (await run({ maxTokens: 20 })).tokens;
    expect((await run({ temperature: 1, topK: 1, seed: 3, maxTokens: 20 })).tokens).toEqual(greedy);
    expect((await run({ temperature: 1, minP: 1, seed: 3, maxTokens: 20 })).tokens).toEqual(greedy);
    expect((await run({ temperature: 1, topP: 1e-6, seed: 3, maxTokens: 20 })).tokens).toEqual(
      greedy,
    );
  });

  test('top-k, top-p and min-p only ever draw tokens inside their cut', async () => {
    // Temperature 1 and no penalties: the sampling distribution is the logprob distribution.
    for (const seed of [1, 2, 3]) {
      const k = await run({ temperature: 1, topK: 3, seed, maxTokens: 30, topLogprobs: 3 });
      k.logprobs.forEach((lp) => expect(lp.top.map((t) => t.token)).toContain(lp.token));

      const top = await run({ temperature: 1, topP: 0.6, seed, maxTokens: 30, topLogprobs: 100 });
      top.logprobs.forEach((lp) => {
        let mass = 0;
        const nucleus: number[] = [];
        for (const t of lp.top) {
          nucleus.push(t.token);
          mass += Math.exp(t.logprob);
          if (mass >= 0.6) break;
        }
        expect(mass).toBeGreaterThanOrEqual(0.6 - 1e-6);
        expect(nucleus).toContain(lp.token);
      });

      const min = await run({ temperature: 1, minP: 0.3, seed, maxTokens: 30, topLogprobs: 1 });
      min.logprobs.forEach((lp) => {
        expect(lp.logprob).toBeGreaterThanOrEqual(lp.top[0]!.logprob + Math.log(0.3) - 1e-5);
      });
    }
  });

  test('a wide top-p nucleus (hundreds of tokens) is cut where the full distribution says', async () => {
    const T = 10;
    const r = await run({ temperature: T, topP: 0.97, seed: 11, maxTokens: 12 });
    let widest = 0;
    for (let i = 0; i < r.tokens.length; i++) {
      const seq = [...prompt, ...r.tokens.slice(0, i)];
      const logits = (await engine.forward(seq)).subarray((seq.length - 1) * 512);
      const max = Math.max(...logits);
      const w = Array.from(logits, (l, id) => ({ id, w: Math.exp((l - max) / T) }));
      const z = w.reduce((a, b) => a + b.w, 0);
      w.sort((a, b) => b.w - a.w || a.id - b.id);
      const nucleus = new Set<number>();
      let mass = 0;
      for (const c of w) {
        nucleus.add(c.id);
        mass += c.w / z;
        if (mass >= 0.97 + 1e-4) break;
      }
      widest = Math.max(widest, nucleus.size);
      expect(nucleus.has(r.tokens[i]!)).toBe(true);
    }
    // The engine sorts a growing prefix (256 first): this case needs the growth.
    expect(widest).toBeGreaterThan(256);
  });

  test('logit bias forces a token', async () => {
    const r = await run({ maxTokens: 5, logitBias: [[300, 100]] });
    expect(r.tokens).toEqual([300, 300, 300, 300, 300]);
  });

  test('a large presence penalty prevents repeats within the window', async () => {
    const r = await run({ maxTokens: 40, presencePenalty: 1000, penaltyLastN: -1 });
    const seen = [...prompt, ...r.tokens];
    expect(new Set(seen).size).toBe(seen.length);
    const plain = await run({ maxTokens: 40 });
    const plainSeen = [...prompt, ...plain.tokens];
    expect(new Set(plainSeen).size).toBeLessThan(plainSeen.length);
  });

  test('logprobs: the sampled token first under greedy, sorted top-n, a distribution', async () => {
    const r = await run({ maxTokens: 6, topLogprobs: 4 });
    expect(r.logprobs.length).toBe(r.tokens.length);
    r.logprobs.forEach((lp, i) => {
      expect(lp.token).toBe(r.tokens[i]);
      expect(lp.top.length).toBe(4);
      expect(lp.top[0]!.token).toBe(lp.token);
      expect(lp.top[0]!.logprob).toBeCloseTo(lp.logprob, 6);
      for (let j = 1; j < 4; j++)
        expect(lp.top[j]!.logprob).toBeLessThanOrEqual(lp.top[j - 1]!.logprob);
      const mass = lp.top.reduce((s, t) => s + Math.exp(t.logprob), 0);
      expect(mass).toBeLessThanOrEqual(1 + 1e-5);
      expect(lp.logprob).toBeLessThanOrEqual(0);
    });
    const none = await run({ maxTokens: 3 });
    expect(none.logprobs).toEqual([]);
  });

  test('maxTokens counts resumed tokens', async () => {
    const full = await run({ maxTokens: 10 });
    const resumed = await run({ maxTokens: 10, resumedTokens: 4 }, [
      ...prompt,
      ...full.tokens.slice(0, 4),
    ]);
    expect(resumed.tokens).toEqual(full.tokens.slice(4));
    expect(resumed.finish).toBe('length');
  });
});
