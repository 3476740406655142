import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { modelConfig, readGguf, type GgufFile } from '@llorch/gguf';
import { Engine, NATIVE_ERROR_CODES, NativeError, type LoadOptions } from '@llorch/native';
import { SeqCollector, loadEngine, params } from './model-fixture.js';
import { repoRoot, sharedFile } from '../../test/support/sharedFile.js';

test('every error code is documented in cuda/README.md', () => {
  const readme = readFileSync(path.join(repoRoot, 'cuda/README.md'), 'utf8');
  for (const code of NATIVE_ERROR_CODES) expect(readme).toContain(`\`${code}\``);
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NativeError);
    return (e as NativeError).code;
  }
  return 'no error';
}

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(NativeError);
    return (e as NativeError).code;
  }
  return 'no error';
}

const stories = sharedFile('models/stories260K.gguf');
const describeModel = stories === undefined ? describe.skip : describe;

describeModel('bad input is a typed error, never a crash', () => {
  let gguf: GgufFile;
  let base: LoadOptions;
  let engine: Engine;

  beforeAll(async () => {
    gguf = await readGguf(stories!);
    base = {
      path: stories!,
      dataOffset: gguf.dataOffset,
      tensors: gguf.tensors,
      config: modelConfig(gguf),
      device: 'cpu',
      threads: 1,
    };
    engine = await loadEngine(stories!, { ctx: 64, kvBlocks: 3, kvBlockSize: 16 });
  });
  afterAll(async () => {
    await engine.unload();
  });

  test('load: bad options, devices, files, tensors and sizes', async () => {
    const load = (o: Partial<LoadOptions> | object) =>
      rejection(Engine.load({ ...base, ...o } as LoadOptions));
    expect(await load({ device: 'tpu' })).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(await load({ threads: 0 })).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(await load({ ctx: 1e6 })).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(await load({ tensors: 'nope' })).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(await load({ config: { ...base.config, ropeStyle: 'sideways' } })).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
    expect(await rejection(Engine.load(null as unknown as LoadOptions))).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
    expect(await load({ device: 'cuda:0' })).toBe('NATIVE_ERR_CUDA');
    expect(await load({ path: path.join(repoRoot, 'no-such-model.gguf') })).toBe('NATIVE_ERR_IO');
    expect(await load({ dataOffset: gguf.fileSize })).toBe('NATIVE_ERR_IO');
    expect(await load({ config: { ...base.config, embeddingLength: 128 } })).toBe(
      'NATIVE_ERR_LOAD',
    );
    expect(await load({ config: { ...base.config, architecture: 'gpt2' } })).toBe(
      'NATIVE_ERR_LOAD',
    );
    expect(
      await load({ tensors: gguf.tensors.filter((t) => t.name !== 'blk.3.ffn_up.weight') }),
    ).toBe('NATIVE_ERR_LOAD');
    const iq = gguf.tensors.map((t) => (t.name === 'blk.0.attn_q.weight' ? { ...t, type: 16 } : t));
    expect(await load({ tensors: iq })).toBe('NATIVE_ERR_UNSUPPORTED_TYPE');
    // 2^24 blocks of 4096 slots: petabytes, more than any address space.
    expect(await load({ kvBlocks: 1 << 24, kvBlockSize: 4096 })).toBe('NATIVE_ERR_OOM');
  });

  test('submit: ids, tokens, params, context and KV limits', async () => {
    const ok = params({ maxTokens: 4 });
    expect(codeOf(() => engine.submit(-1, [1], ok))).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(codeOf(() => engine.submit(1.5, [1], ok))).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(codeOf(() => engine.submit('x' as unknown as number, [1], ok))).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
    expect(codeOf(() => engine.submit(1, [], ok))).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(() => engine.submit(1, [1], params({ maxTokens: 0 }))).toThrow(
      /maxTokens must be in 1\.\.2147483647, got 0$/,
    );
    expect(() => engine.submit(1, [1], params({ maxTokens: 1e21 }))).toThrow(/, got 1e\+21$/);
    expect(codeOf(() => engine.submit(1, 'abc' as unknown as number[], ok))).toBe(
      'NATIVE_ERR_BAD_ARGUMENT',
    );
    expect(codeOf(() => engine.submit(1, [1, 0.5], ok))).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(codeOf(() => engine.submit(1, [1], null as never))).toBe('NATIVE_ERR_BAD_ARGUMENT');
    for (const bad of [
      { temperature: -1 },
      { temperature: NaN },
      { topP: 0 },
      { topK: -3 },
      { minP: 2 },
      { repetitionPenalty: 0 },
      { penaltyLastN: -2 },
      { maxTokens: 0 },
      { topLogprobs: 1000 },
      { resumedTokens: 1 },
      { seed: -5 },
      { logitBias: [[1]] },
    ]) {
      expect([
        bad,
        codeOf(() => engine.submit(1, [1], params({ maxTokens: 4, ...bad } as never))),
      ]).toEqual([bad, 'NATIVE_ERR_BAD_ARGUMENT']);
    }
    expect(codeOf(() => engine.submit(1, [1, 512], ok))).toBe('NATIVE_ERR_TOKEN_OUT_OF_RANGE');
    expect(codeOf(() => engine.submit(1, new Int32Array([1, -1]), ok))).toBe(
      'NATIVE_ERR_TOKEN_OUT_OF_RANGE',
    );
    expect(codeOf(() => engine.submit(1, [1, 2 ** 40], ok))).toBe('NATIVE_ERR_TOKEN_OUT_OF_RANGE');
    expect(codeOf(() => engine.submit(1, [1], params({ stopTokenIds: [600] })))).toBe(
      'NATIVE_ERR_TOKEN_OUT_OF_RANGE',
    );
    expect(codeOf(() => engine.submit(1, [1], params({ logitBias: [[-2, 1]] })))).toBe(
      'NATIVE_ERR_TOKEN_OUT_OF_RANGE',
    );
    // ctx 64: 60 prompt tokens + 10 more cannot fit.
    expect(codeOf(() => engine.submit(1, new Array(60).fill(5), params({ maxTokens: 10 })))).toBe(
      'NATIVE_ERR_CONTEXT_OVERFLOW',
    );
    // 3 blocks of 16 = 48 slots; 50 tokens fit ctx 64 but never the pool.
    expect(codeOf(() => engine.submit(1, new Array(40).fill(5), params({ maxTokens: 10 })))).toBe(
      'NATIVE_ERR_KV_EXHAUSTED',
    );
    expect(await rejection(engine.forward(new Array(50).fill(5)))).toBe('NATIVE_ERR_KV_EXHAUSTED');
    expect(await rejection(engine.forward(new Array(65).fill(5)))).toBe(
      'NATIVE_ERR_CONTEXT_OVERFLOW',
    );
    expect(await rejection(engine.forward([]))).toBe('NATIVE_ERR_BAD_ARGUMENT');
    expect(await rejection(engine.forward([1, 9999]))).toBe('NATIVE_ERR_TOKEN_OUT_OF_RANGE');
    expect(codeOf(() => engine.cancel(-4))).toBe('NATIVE_ERR_BAD_ARGUMENT');
  });

  test('a live sequence id cannot be submitted twice; a finished one can', async () => {
    const e = await loadEngine(stories!, { threads: 1 });
    const events = new SeqCollector(e);
    try {
      e.submit(9, [1, 403], params({ maxTokens: 2000 }));
      expect(codeOf(() => e.submit(9, [1], params()))).toBe('NATIVE_ERR_DUPLICATE_SEQ');
      expect(e.cancel(9)).toBe(true);
      expect((await events.result(9)).finish).toBe('cancelled');
      e.submit(9, [1, 403], params({ maxTokens: 4 }));
      expect((await events.result(9)).tokens.length).toBe(4);
    } finally {
      await e.unload();
    }
  });

  test('arbitrary submit/forward/cancel arguments: accepted or a coded error, never a crash', async () => {
    const e = await loadEngine(stories!, { threads: 1, ctx: 64 });
    const codes = new Set<string>(NATIVE_ERROR_CODES);
    let seq = 1_000_000;
    const value = fc.oneof(
      fc.anything(),
      fc.integer({ min: -5, max: 600 }),
      fc.double(),
      fc.array(fc.integer({ min: -3, max: 520 }), { maxLength: 80 }),
    );
    const paramsArb = fc.record(
      {
        temperature: value,
        topK: value,
        topP: value,
        minP: value,
        repetitionPenalty: value,
        penaltyLastN: value,
        logitBias: fc.oneof(value, fc.array(fc.tuple(value, value), { maxLength: 3 })),
        seed: value,
        maxTokens: fc.oneof(value, fc.integer({ min: 1, max: 8 })),
        stopTokenIds: value,
        topLogprobs: value,
        resumedTokens: value,
      },
      { requiredKeys: [] },
    );
    try {
      fc.assert(
        fc.property(value, paramsArb, value, (tokens, p, id) => {
          for (const call of [
            () =>
              e.submit(seq++, tokens as number[], { ...params({ maxTokens: 4 }), ...p } as never),
            () => e.submit(id as number, [1, 2], params({ maxTokens: 2 })),
            () => e.cancel(id as number),
          ]) {
            try {
              call();
            } catch (err) {
              expect(err).toBeInstanceOf(NativeError);
              expect(codes.has((err as NativeError).code)).toBe(true);
            }
          }
        }),
        { numRuns: 300 },
      );
      for (const tokens of [[], [1, 1e9], 'x', null, new Float32Array(3)]) {
        const code = await rejection(e.forward(tokens as number[]));
        expect(codes.has(code)).toBe(true);
      }
      expect(e.stats().steps).toBeGreaterThanOrEqual(0);
    } finally {
      await e.unload();
    }
  });

  test('after unload every call is NATIVE_ERR_UNLOADED', async () => {
    const e = await loadEngine(stories!, { threads: 1 });
    await e.unload();
    expect(codeOf(() => e.submit(1, [1], params()))).toBe('NATIVE_ERR_UNLOADED');
    expect(codeOf(() => e.cancel(1))).toBe('NATIVE_ERR_UNLOADED');
    expect(codeOf(() => e.stats())).toBe('NATIVE_ERR_UNLOADED');
    expect(await rejection(e.forward([1]))).toBe('NATIVE_ERR_UNLOADED');
    expect(await rejection(e.unload())).toBe('NATIVE_ERR_UNLOADED');
  });

  test('a pending forward() is rejected by unload', async () => {
    const e = await loadEngine(stories!, { threads: 1 });
    const events = new SeqCollector(e);
    e.submit(1, [1], params({ maxTokens: 2000 }));
    await events.firstEvent(1);
    const pending = rejection(e.forward(new Array(1500).fill(7)));
    await e.unload();
    expect(['no error', 'NATIVE_ERR_UNLOADED']).toContain(await pending);
  });
});
