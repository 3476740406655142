/**
 * The engine on cuda:0: the oracle references (Hugging Face transformers logits) matched, greedy
 * continuations identical to the CPU backend for F32 and F16 models, VRAM accounting, and clean
 * load errors for a missing device and for a KV pool that cannot fit.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { NativeError, type Engine } from '@llorch/native';
import { SeqCollector, loadEngine, params, stepsReaching, synthModel } from './model-fixture.js';
import { repoRoot, sharedFile } from '../../test/support/sharedFile.js';

interface RefPrompt {
  name: string;
  tokens: number[];
  maxAbsLogit: number;
  topIds: number[][];
  topLogits: number[][];
  greedy: { tokens: number[]; margins: number[] };
}

interface Reference {
  gguf: {
    file: string;
    synth: { arch: 'qwen2' | 'llama'; preset: string; type: string; seed: number } | null;
    tensorTypes: string[];
  };
  model: { nVocab: number };
  greedyTokens: number;
  prompts: RefPrompt[];
}

/**
 * Max |engine - reference| over each position's top-k, as a fraction of max|logit|. The
 * reference computes with the dequantized weights in float32. F32: float32 throughout, 1e-3 as
 * in the CPU reference-parity test. Every other type: decode is f32 arithmetic on exactly
 * dequantized weights, but prefill tiles round each dequantized weight to f16 (2^-11 relative;
 * activations keep ~22 bits as hi + lo halves): measured <= 7e-4 on the tiny models, so 1e-2
 * leaves headroom and still catches a wrong scale, block layout or row.
 */
const RELATIVE_BOUND: Record<string, number> = {
  f32: 1e-3,
  f16: 1e-2,
  bf16: 1e-2,
  q8_0: 1e-2,
  q4_0: 1e-2,
  q4_1: 1e-2,
  q5_0: 1e-2,
  q5_1: 1e-2,
  q2_k: 1e-2,
  q3_k_m: 1e-2,
  q4_k_m: 1e-2,
  q5_k_m: 1e-2,
  q6_k: 1e-2,
};

async function greedy(engine: Engine, prompts: number[][], maxTokens: number): Promise<number[][]> {
  const collector = new SeqCollector(engine);
  prompts.forEach((tokens, seq) => engine.submit(seq, tokens, params({ maxTokens })));
  const results = await Promise.all(prompts.map((_, seq) => collector.result(seq)));
  return results.map((r) => r.tokens);
}

const refsDir = path.join(repoRoot, 'test/oracle/refs');
for (const refFile of readdirSync(refsDir).filter((f) => f.endsWith('.json'))) {
  const ref = JSON.parse(readFileSync(path.join(refsDir, refFile), 'utf8')) as Reference;
  const type = (
    ref.gguf.synth?.type ??
    ref.gguf.tensorTypes.find((t) => t !== 'F32') ??
    'f32'
  ).toLowerCase();
  const bound = RELATIVE_BOUND[type];

  describe(`oracle ${refFile} on cuda:0`, () => {
    let engine: Engine;
    before(async () => {
      const file = ref.gguf.synth
        ? await synthModel(ref.gguf.synth.preset, ref.gguf.synth.type, ref.gguf.synth.seed)
        : sharedFile(`models/${ref.gguf.file}`);
      assert.ok(file, `model for ${refFile} is missing`);
      engine = await loadEngine(file, { device: 'cuda:0', maxSeqs: 4 });
    });
    after(() => engine?.unload());

    test('logits within the bound of the reference at every position', async () => {
      assert.ok(bound !== undefined, `no bound for ${type}`);
      const nVocab = ref.model.nVocab;
      for (const p of ref.prompts) {
        const logits = await engine.forward(p.tokens);
        let worst = 0;
        p.topIds.forEach((ids, pos) => {
          ids.forEach((id, k) => {
            worst = Math.max(worst, Math.abs(logits[pos * nVocab + id]! - p.topLogits[pos]![k]!));
          });
        });
        console.log(
          `${refFile} ${p.name}: max |diff| ${worst.toExponential(3)} (max|logit| ${p.maxAbsLogit})`,
        );
        assert.ok(
          worst <= bound! * p.maxAbsLogit,
          `${p.name}: ${worst} > ${bound! * p.maxAbsLogit}`,
        );
      }
    });

    test('greedy continuations equal the reference (up to numerical ties)', async () => {
      const got = await greedy(
        engine,
        ref.prompts.map((p) => p.tokens),
        ref.greedyTokens,
      );
      ref.prompts.forEach((p, i) => {
        const k = p.greedy.tokens.findIndex((t, j) => got[i]![j] !== t);
        if (k >= 0)
          assert.ok(p.greedy.margins[k]! <= 1e-3 * p.maxAbsLogit, `${p.name} diverges at ${k}`);
      });
    });
  });
}

/** Greedy continuations of a few prompts must be token-identical on CPU and CUDA. */
async function cpuCudaGreedy(file: string, prompts: number[][], maxTokens: number): Promise<void> {
  const cpu = await loadEngine(file, { device: 'cpu', threads: 8 });
  const want = await greedy(cpu, prompts, maxTokens);
  await cpu.unload();
  const gpu = await loadEngine(file, { device: 'cuda:0' });
  const got = await greedy(gpu, prompts, maxTokens);
  await gpu.unload();
  assert.deepEqual(got, want);
}

const prompts = [
  [1, 400, 31, 12],
  [1, 17],
  Array.from({ length: 300 }, (_, i) => 1 + ((i * 37) % 500)),
];
// The same prompts spread over Qwen2.5's vocabulary (ids up to ~75k).
const qwenPrompts = prompts.map((p) => p.map((t) => t * 151));

test('stories260K (F32): CUDA greedy continuations identical to the CPU backend', async () => {
  const file = sharedFile('models/stories260K.gguf');
  assert.ok(file, 'stories260K.gguf is missing');
  await cpuCudaGreedy(file, prompts, 64);
});

test('tiny-qwen2 F16: CUDA greedy continuations identical to the CPU backend', async () => {
  const file = await synthModel('tiny-qwen2', 'f16');
  assert.ok(file, 'the Qwen2.5 tokenizer files are missing');
  await cpuCudaGreedy(file, qwenPrompts, 64);
});

/**
 * CUDA launches each greedy decode step before reading the previous one's token (run-ahead), so a
 * stop token leaves one step computed and dropped: the CPU backend's tokens and finish, every KV
 * block back, and exactly one step more than the CPU backend (which does not run ahead) took.
 */
test('tiny-qwen2 F16: a stop token on cuda:0 ends where the CPU backend does; the step run ahead is dropped', async () => {
  const file = await synthModel('tiny-qwen2', 'f16');
  assert.ok(file, 'the Qwen2.5 tokenizer files are missing');
  const tokens = qwenPrompts[1]!;
  const run = async (device: 'cpu' | 'cuda:0', stopTokenIds: number[], stepsAtLeast = 0) => {
    const engine = await loadEngine(file, { device, threads: 8 });
    try {
      const collector = new SeqCollector(engine);
      engine.submit(1, tokens, params({ maxTokens: 40, stopTokenIds }));
      const r = await collector.result(1);
      // A dropped step is collected after the stop token's event.
      const steps = await stepsReaching(engine, stepsAtLeast);
      return {
        tokens: r.tokens,
        finish: r.finish,
        steps,
        kvBlocksUsed: engine.stats().kvBlocksUsed,
      };
    } finally {
      await engine.unload();
    }
  };
  const free = await run('cpu', []);
  const stop = free.tokens[12]!;
  const cpu = await run('cpu', [stop]);
  const cuda = await run('cuda:0', [stop], cpu.steps + 1);
  assert.equal(cpu.finish, 'stop');
  assert.deepEqual(
    { tokens: cuda.tokens, finish: cuda.finish },
    { tokens: cpu.tokens, finish: cpu.finish },
  );
  assert.equal(cuda.kvBlocksUsed, 0);
  assert.equal(cuda.steps, cpu.steps + 1);
});

test('stats count weights, KV pool and scratch on the device', async () => {
  const file = sharedFile('models/stories260K.gguf');
  assert.ok(file);
  const engine = await loadEngine(file, { device: 'cuda:0', maxSeqs: 2, ctx: 512 });
  try {
    const s = engine.stats();
    assert.equal(s.device, 'cuda:0');
    assert.ok(s.weightBytes > 1_000_000 && s.kvBytes > 0 && s.scratchBytes > 0);
    assert.ok(s.memoryUsedBytes >= s.weightBytes + s.kvBytes + s.scratchBytes);
    assert.ok(s.memoryFreeBytes > 0);
  } finally {
    await engine.unload();
  }
});

test('a KV pool larger than the device is a clean NATIVE_ERR_OOM with the numbers', async () => {
  const file = sharedFile('models/stories260K.gguf');
  assert.ok(file);
  await assert.rejects(
    loadEngine(file, { device: 'cuda:0', kvBlocks: 1 << 24, kvBlockSize: 64 }),
    (e: unknown) =>
      e instanceof NativeError && e.code === 'NATIVE_ERR_OOM' && /bytes free/.test(e.message),
  );
  // The device is still usable afterwards.
  const engine = await loadEngine(file, { device: 'cuda:0' });
  await engine.unload();
});

test('a device that does not exist is NATIVE_ERR_CUDA', async () => {
  const file = sharedFile('models/stories260K.gguf');
  assert.ok(file);
  await assert.rejects(
    loadEngine(file, { device: 'cuda:63' }),
    (e: unknown) => e instanceof NativeError && e.code === 'NATIVE_ERR_CUDA',
  );
});

/**
 * Concurrent greedy jobs ending two tokens apart, so that the decode steps shrink through every
 * row count: on CUDA each is padded to its row bucket (1, 2, 4, 8, 16) and replayed from a
 * recording, on the CPU none is padded; the tokens must not differ.
 */
async function cpuCudaGreedyBatch(file: string, count: number, scale: number): Promise<void> {
  const batchPrompts = Array.from({ length: count }, (_, s) =>
    Array.from({ length: 2 + ((s * 5) % 17) }, (_, i) => scale * (1 + ((s * 37 + i * 11) % 500))),
  );
  const run = async (device: 'cpu' | 'cuda:0'): Promise<number[][]> => {
    const engine = await loadEngine(file, { device, threads: 8 });
    try {
      const collector = new SeqCollector(engine);
      batchPrompts.forEach((tokens, seq) =>
        engine.submit(seq, tokens, params({ maxTokens: 32 + 2 * seq })),
      );
      const results = await Promise.all(batchPrompts.map((_, seq) => collector.result(seq)));
      return results.map((r) => r.tokens);
    } finally {
      await engine.unload();
    }
  };
  const want = await run('cpu');
  assert.deepEqual(await run('cuda:0'), want);
}

for (const count of [3, 5, 12]) {
  test(`${count} concurrent greedy jobs in padded, recorded decode steps: CUDA equals the CPU backend`, async () => {
    const stories = sharedFile('models/stories260K.gguf');
    assert.ok(stories, 'stories260K.gguf is missing');
    await cpuCudaGreedyBatch(stories, count, 1);
    const f16 = await synthModel('tiny-qwen2', 'f16');
    assert.ok(f16, 'the Qwen2.5 tokenizer files are missing');
    await cpuCudaGreedyBatch(f16, count, 151);
  });
}

/**
 * Seeded sampling with every option the device sampler handles at once draws the CPU backend's
 * tokens on cuda:0. stories260K is small and F32, so the backends' logits agree to ~1e-5: a draw
 * can differ only where the uniform number falls within that of a boundary between two
 * candidates' cumulative weights (or a top-k / top-p cut sits on such a near-tie), which has
 * negligible probability over these few hundred draws.
 */
/**
 * Seeded sampling of the same prompts on the CPU backend and on cuda:0 (the device sampler): the
 * same tokens, and logprobs within 1e-3.
 */
async function cpuCudaSampled(file: string, tokens: number[][]): Promise<void> {
  const sampling = {
    temperature: 0.8,
    topP: 0.9,
    topK: 40,
    repetitionPenalty: 1.1,
    topLogprobs: 3,
    maxTokens: 64,
  };
  const sample = async (device: 'cpu' | 'cuda:0') => {
    const engine = await loadEngine(file, { device, threads: 8 });
    try {
      const collector = new SeqCollector(engine);
      tokens.forEach((t, seq) => engine.submit(seq, t, params({ ...sampling, seed: 1000 + seq })));
      return await Promise.all(tokens.map((_, seq) => collector.result(seq)));
    } finally {
      await engine.unload();
    }
  };
  const want = await sample('cpu');
  const got = await sample('cuda:0');
  assert.deepEqual(
    got.map((r) => r.tokens),
    want.map((r) => r.tokens),
  );
  got.forEach((r, i) => {
    assert.equal(r.logprobs.length, r.tokens.length);
    r.logprobs.forEach((lp, j) => {
      const w = want[i]!.logprobs[j]!;
      assert.equal(lp.token, w.token);
      assert.equal(lp.top.length, 3);
      assert.ok(
        Math.abs(lp.logprob - w.logprob) <= 1e-3,
        `seq ${i} token ${j}: ${lp.logprob} vs ${w.logprob}`,
      );
    });
  });
}

test('stories260K: seeded sampling on cuda:0 draws the same tokens as the CPU backend', async () => {
  const file = sharedFile('models/stories260K.gguf');
  assert.ok(file, 'stories260K.gguf is missing');
  await cpuCudaSampled(file, prompts);
});

// Qwen2.5's 151936-token vocabulary: the device sampler's passes (and a top-k prefilter's slices)
// over a real-size row, where stories260K's 512 tokens fit one block's shared memory.
test('tiny-qwen2 F32: seeded sampling on cuda:0 draws the same tokens as the CPU backend', async () => {
  const file = await synthModel('tiny-qwen2', 'f32');
  assert.ok(file, 'the Qwen2.5 tokenizer files are missing');
  await cpuCudaSampled(file, qwenPrompts);
});
