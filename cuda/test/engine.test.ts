import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Engine } from '@llorch/native';
import { SeqCollector, loadEngine, params } from './model-fixture.js';
import { sharedFile } from '../../test/support/sharedFile.js';

const stories = sharedFile('models/stories260K.gguf');
const describeModel = stories === undefined ? describe.skip : describe;

function argmax(row: Float32Array): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

describeModel('engine on stories260K (llama, F32)', () => {
  let engine: Engine;
  let events: SeqCollector;
  const vocab = 512;

  beforeAll(async () => {
    engine = await loadEngine(stories!, { prefillChunk: 7 });
    events = new SeqCollector(engine);
  });
  afterAll(async () => {
    await engine.unload();
  });

  test('forward() returns causal logits: a prefix gets the same rows', async () => {
    const long = [1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315];
    const full = await engine.forward(long);
    expect(full.length).toBe(long.length * vocab);
    const prefix = await engine.forward(long.slice(0, 5));
    for (let i = 0; i < prefix.length; i++) expect(prefix[i]).toBe(full[i]);
    expect(full.every(Number.isFinite)).toBe(true);
  });

  test('greedy decoding with the KV cache equals argmax over full recomputation', async () => {
    const prompt = [1, 403, 407];
    engine.submit(1, prompt, params({ maxTokens: 20 }));
    const { tokens, finish } = await events.result(1);
    expect(finish).toBe('length');
    expect(tokens.length).toBe(20);
    const seq = [...prompt];
    for (let i = 0; i < 20; i++) {
      const logits = await engine.forward(seq);
      seq.push(argmax(logits.subarray((seq.length - 1) * vocab, seq.length * vocab)));
    }
    expect(tokens).toEqual(seq.slice(prompt.length));
  });

  test('events come in per-step batches with prefill info on the first one', async () => {
    const from = events.batches.length;
    // 300 is long enough to still be running while 301 runs, however the threads are scheduled.
    engine.submit(300, [1, 403], params({ maxTokens: 1500 }));
    engine.submit(301, [1, 407], params({ maxTokens: 20 }));
    await events.result(301);
    engine.cancel(300);
    await events.result(300);
    const batches = events.batches.slice(from);
    expect(batches.some((b) => b.some((e) => e.seq === 300) && b.some((e) => e.seq === 301))).toBe(
      true,
    );
    const first = batches.flat().find((e) => e.seq === 300)!;
    expect(first.promptTokens).toBe(2);
    expect(first.prefillMs).toBeGreaterThanOrEqual(0);
  });

  test('cancel frees the sequence KV blocks within a step', async () => {
    engine.submit(400, [1, 403, 407], params({ maxTokens: 2000 }));
    await events.firstEvent(400);
    expect(engine.stats().kvBlocksUsed).toBeGreaterThan(0);
    expect(engine.cancel(400)).toBe(true);
    const r = await events.result(400);
    expect(r.finish).toBe('cancelled');
    expect(r.tokens.length).toBeLessThan(2000);
    expect(engine.stats().kvBlocksUsed).toBe(0);
    expect(engine.cancel(400)).toBe(false);
    expect(engine.cancel(987654)).toBe(false);
  });

  test('a stop token ends the sequence and is reported', async () => {
    engine.submit(500, [1, 403, 407], params({ maxTokens: 10 }));
    const free = await events.result(500);
    engine.submit(501, [1, 403, 407], params({ maxTokens: 10, stopTokenIds: [free.tokens[2]!] }));
    const stopped = await events.result(501);
    expect(stopped.finish).toBe('stop');
    expect(stopped.tokens).toEqual(free.tokens.slice(0, 3));
  });
});

describeModel('engine scheduling under a small KV pool', () => {
  test('sequences that do not fit wait or are preempted, then produce the same tokens', async () => {
    // 4 blocks of 16 slots: each 40-token sequence comes to need 3. Two start (a block each, one
    // kept free per running sequence); when both need their third block the newer one is
    // preempted, then recomputed from its tokens once the other finishes.
    const engine = await loadEngine(stories!, { kvBlocks: 4, kvBlockSize: 16, maxSeqs: 4 });
    const events = new SeqCollector(engine);
    try {
      engine.submit(1, [1, 403, 407], params({ maxTokens: 37 }));
      const alone = (await events.result(1)).tokens;
      for (let s = 10; s < 14; s++) engine.submit(s, [1, 403, 407], params({ maxTokens: 37 }));
      const all = await Promise.all([10, 11, 12, 13].map((s) => events.result(s)));
      for (const r of all) expect(r.tokens).toEqual(alone);
      expect(engine.stats().preemptions).toBeGreaterThan(0);
      expect(engine.stats().kvBlocksUsed).toBe(0);
    } finally {
      await engine.unload();
    }
  });

  test('a preempted sampling sequence continues exactly as it would have', async () => {
    // The sampler draws from (seed, position): recomputing the tokens cannot change the draw.
    const engine = await loadEngine(stories!, { kvBlocks: 4, kvBlockSize: 16, maxSeqs: 4 });
    const events = new SeqCollector(engine);
    const sampled = (seed: number) => params({ maxTokens: 37, temperature: 0.9, topP: 0.95, seed });
    try {
      const alone: number[][] = [];
      for (let s = 0; s < 3; s++) {
        engine.submit(s, [1, 403, 407], sampled(100 + s));
        alone.push((await events.result(s)).tokens);
      }
      const before = engine.stats().preemptions;
      for (let s = 0; s < 3; s++) engine.submit(20 + s, [1, 403, 407], sampled(100 + s));
      const together = await Promise.all([20, 21, 22].map((s) => events.result(s)));
      expect(together.map((r) => r.tokens)).toEqual(alone);
      expect(engine.stats().preemptions).toBeGreaterThan(before);
    } finally {
      await engine.unload();
    }
  });

  test('unload finishes running sequences as cancelled', async () => {
    const engine = await loadEngine(stories!, { threads: 1 });
    const events = new SeqCollector(engine);
    engine.submit(7, [1, 403], params({ maxTokens: 2000 }));
    await events.firstEvent(7);
    await engine.unload();
    const r = await events.result(7);
    expect(r.finish).toBe('cancelled');
  });
});
