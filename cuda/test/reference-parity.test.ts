import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeSynthModel } from '@llorch/gguf';
import type { Device, Engine } from '@llorch/native';
import { SeqCollector, loadEngine, params, type SeqResult } from './model-fixture.js';
import { repoRoot, sharedFile } from '../../test/support/sharedFile.js';

// The native engine against Hugging Face transformers over the same weights: references are
// written by test/oracle/make_refs.py (see test/oracle/README.md) and committed; synthetic GGUFs
// are regenerated here from their seed and must hash to what the reference was made from.

const refsDir = path.join(repoRoot, 'test/oracle/refs');
// Per run, so that two test runs at once never write the same file.
const synthDir = mkdtempSync(path.join(os.tmpdir(), 'llorch-parity-'));
const device = (process.env.LLORCH_PARITY_DEVICE ?? 'cpu') as Device;

/**
 * Max |engine - reference| over each position's top-k, as a fraction of the prompt's max|logit|.
 * The reference computes with the GGUF's dequantized weights, which are exact in float32 (F16
 * widens exactly; Q8_0/Q4_0/Q5_0 are an f16 scale times small integers), so the weight type adds
 * no error by itself and only the engine's arithmetic is measured:
 * - f32: float32 throughout; summation order, exp and rope implementations differ by ~1e-6
 *   relative (the CPU engine is at ~1e-6); 1e-3 also leaves room for an f16 KV cache.
 * - f16 and the quantized recipes: a GPU engine may feed these matmuls f16 activations (tensor
 *   cores). Each reference records what rounding every matmul input to f16 costs
 *   ('activationRounding.f16'): at most 7e-4 on the committed models, so 5e-3 leaves headroom
 *   for f16 elsewhere and still catches a wrong scale, block layout or row. Quantizing the
 *   activations to Q8_0 blocks (int8 dot products) costs up to 1.9% ('activationRounding.q8_0');
 *   an engine that does that needs its own, measured bound.
 */
const RELATIVE_BOUND: Record<string, number> = {
  f32: 1e-3,
  f16: 5e-3,
  bf16: 5e-3,
  q8_0: 5e-3,
  q4_0: 5e-3,
  q4_k_m: 5e-3,
};

interface RefPrompt {
  name: string;
  text: string | null;
  tokens: number[];
  maxAbsLogit: number;
  topIds: number[][];
  topLogits: number[][];
  lastLogits: number[] | null;
  greedy: { tokens: number[]; margins: number[]; logprobs: number[]; text: string | null };
}

interface Reference {
  gguf: {
    file: string;
    sha256: string;
    synth: { arch: 'qwen2' | 'llama'; preset: string; type: string; seed: number } | null;
    source: string | null;
    tensorTypes: string[];
  };
  model: { nVocab: number };
  greedyTokens: number;
  prompts: RefPrompt[];
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function relativeBound(ref: Reference): number {
  const quantized = ref.gguf.tensorTypes.filter((t) => t !== 'F32');
  const type = (ref.gguf.synth?.type ?? quantized[0] ?? 'F32').toLowerCase();
  const bound = RELATIVE_BOUND[type];
  if (bound === undefined) throw new Error(`no parity bound argued for weight type ${type}`);
  return bound;
}

/** Where the reference's GGUF is (or, for a synthetic one, goes) and what makes it; undefined
 *  when a ../shared input is absent outside CI (sharedFile throws in CI). */
function plannedGguf(ref: Reference): { file: string; make?: () => Promise<unknown> } | undefined {
  const synth = ref.gguf.synth;
  if (!synth) {
    const file = sharedFile(`models/${ref.gguf.file}`);
    return file === undefined ? undefined : { file };
  }
  const tokenizerDir = sharedFile('models/qwen2.5-0.5b-instruct/vocab.json');
  if (tokenizerDir === undefined) return undefined;
  const file = path.join(
    synthDir,
    `${synth.arch}-${synth.preset}-${synth.type}-seed${synth.seed}.gguf`,
  );
  const make = () =>
    writeSynthModel(file, {
      preset: synth.preset,
      architecture: synth.arch,
      type: synth.type,
      seed: synth.seed,
      tokenizerDir: path.dirname(tokenizerDir),
    });
  return { file, make };
}

interface LogitCheck {
  /** Max |engine - reference| over every position's top-k: the engine's measured error. */
  maxDiff: number;
  failures: string[];
}

/** One prompt's engine logits against its reference; failures are readable lines. */
function checkLogits(
  p: RefPrompt,
  logits: Float32Array,
  nVocab: number,
  bound: number,
): LogitCheck {
  const failures: string[] = [];
  const tol = bound * p.maxAbsLogit;
  const rows = p.tokens.map((_, pos) => logits.subarray(pos * nVocab, (pos + 1) * nVocab));
  let worst = { diff: 0, pos: 0, id: 0, want: 0, got: 0 };
  rows.forEach((row, pos) => {
    p.topIds[pos]!.forEach((id, k) => {
      const want = p.topLogits[pos]![k]!;
      const diff = Math.abs(row[id]! - want);
      if (diff > worst.diff) worst = { diff, pos, id, want, got: row[id]! };
    });
  });
  if (worst.diff > tol) {
    failures.push(
      `${p.name}: max |diff| ${worst.diff.toExponential(3)} > ${tol.toExponential(3)} ` +
        `(${bound} * max|logit| ${p.maxAbsLogit}) at pos ${worst.pos} token ${worst.id}: ` +
        `reference ${worst.want}, engine ${worst.got}`,
    );
  }
  rows.forEach((row, pos) => {
    let argmax = 0;
    for (let i = 1; i < nVocab; i++) if (row[i]! > row[argmax]!) argmax = i;
    const refTop = p.topIds[pos]![0]!;
    if (argmax === refTop) return;
    // Two logits, each off by at most the measured error, can only swap if the reference
    // put them within twice that error: a numerical tie, not a disagreement.
    const k = p.topIds[pos]!.indexOf(argmax);
    const gap = k < 0 ? Infinity : p.topLogits[pos]![0]! - p.topLogits[pos]![k]!;
    if (gap > 2 * worst.diff) {
      failures.push(
        `${p.name} pos ${pos}: engine top-1 ${argmax} (logit ${row[argmax]}), reference top-1 ` +
          `${refTop} (reference ${p.topLogits[pos]![0]}, engine ${row[refTop]}), reference gap ${gap}`,
      );
    }
  });
  if (p.lastLogits) {
    const last = rows[rows.length - 1]!;
    const bad = p.lastLogits.findIndex((want, id) => Math.abs(last[id]! - want) > tol);
    if (bad >= 0) {
      failures.push(
        `${p.name} last position token ${bad}: reference ${p.lastLogits[bad]}, engine ${last[bad]}`,
      );
    }
  }
  return { maxDiff: worst.diff, failures };
}

/** Runs every prompt as a concurrent greedy sequence, with the chosen tokens' logprobs. */
async function generateAll(engine: Engine, prompts: RefPrompt[], maxTokens: number) {
  const collector = new SeqCollector(engine);
  prompts.forEach((p, seq) => engine.submit(seq, p.tokens, params({ maxTokens, topLogprobs: 1 })));
  return Promise.all(prompts.map((_, seq) => collector.result(seq)));
}

/**
 * Token-for-token comparison, and each chosen token's logprob within `logprobTol` of the
 * reference's (the decode path's numbers, not only its choices). A divergence is excused only
 * at a step where the reference's top-2 margin is within `tieTol` (a numerical tie), and the
 * comparison ends there since the two continuations then legitimately differ.
 */
function greedyFailures(p: RefPrompt, got: SeqResult, tieTol: number, logprobTol: number) {
  const want = p.greedy.tokens;
  if (got.tokens.length !== want.length || got.logprobs.length !== want.length) {
    return [
      `${p.name}: ${got.tokens.length} tokens, ${got.logprobs.length} logprobs, want ${want.length}`,
    ];
  }
  const failures: string[] = [];
  const diverged = want.findIndex((t, k) => got.tokens[k] !== t);
  const same = diverged < 0 ? want.length : diverged;
  if (diverged >= 0 && p.greedy.margins[diverged]! > tieTol) {
    failures.push(
      `${p.name} greedy step ${diverged}: engine ${got.tokens[diverged]}, reference ` +
        `${want[diverged]} (reference top-2 margin ${p.greedy.margins[diverged]}, tie tolerance ` +
        `${tieTol}); engine ${JSON.stringify(got.tokens)}, reference ${JSON.stringify(want)}`,
    );
  }
  const worst = p.greedy.logprobs
    .slice(0, same)
    .map((lp, k) => ({ k, lp, diff: Math.abs(got.logprobs[k]!.logprob - lp) }))
    .reduce((a, b) => (b.diff > a.diff ? b : a), { k: -1, lp: 0, diff: 0 });
  if (worst.diff > logprobTol) {
    failures.push(
      `${p.name} greedy step ${worst.k}: logprob ${got.logprobs[worst.k]!.logprob}, reference ` +
        `${worst.lp} (|diff| ${worst.diff.toExponential(3)} > ${logprobTol.toExponential(3)})`,
    );
  }
  return failures;
}

const refFiles = readdirSync(refsDir).filter((f) => f.endsWith('.json'));

afterAll(() => rmSync(synthDir, { recursive: true, force: true }));

test('there are references to check against', () => {
  expect(refFiles.length).toBeGreaterThan(0);
});

for (const refFile of refFiles) {
  const ref = JSON.parse(readFileSync(path.join(refsDir, refFile), 'utf8')) as Reference;
  const gguf = plannedGguf(ref);
  const bound = relativeBound(ref);
  const run = gguf ? describe : describe.skip;

  run(`${refFile} (${device})`, () => {
    let engine: Engine;
    // Each prompt's measured forward error, which bounds what counts as a tie when greedy.
    const forwardError = new Map<string, number>();

    beforeAll(async () => {
      const { file, make } = gguf!;
      await make?.();
      const sha = await sha256File(file);
      if (sha !== ref.gguf.sha256) {
        throw new Error(
          `${file} has sha256 ${sha}, but ${refFile} was made from ${ref.gguf.sha256}: ` +
            (ref.gguf.synth
              ? 'the synthetic generator changed, so the references must be regenerated (test/oracle/README.md)'
              : 'the shared file changed'),
        );
      }
      engine = await loadEngine(file, {
        device,
        threads: os.availableParallelism(),
        maxSeqs: ref.prompts.length,
      });
    }, 120_000);

    afterAll(async () => {
      await engine?.unload();
    });

    for (const p of ref.prompts) {
      test(`forward logits of '${p.name}' (${p.tokens.length} tokens) within ${bound} of scale`, async () => {
        const logits = await engine.forward(p.tokens);
        expect(logits.length).toBe(p.tokens.length * ref.model.nVocab);
        const check = checkLogits(p, logits, ref.model.nVocab, bound);
        forwardError.set(p.name, check.maxDiff);
        expect(check.failures).toEqual([]);
      });
    }

    test(`greedy continuations (${ref.greedyTokens} tokens, all prompts batched)`, async () => {
      const results = await generateAll(engine, ref.prompts, ref.greedyTokens);
      expect(results.map((r) => r.finish)).toEqual(ref.prompts.map(() => 'length'));
      // A flip needs twice the per-logit error; twice again lets the one-token decode kernels
      // round differently from the prompt-sized forward. Without a forward figure, the bound.
      // A logprob is a logit minus a log-sum-exp, each within the logit bound.
      const failures = ref.prompts.flatMap((p, i) => {
        const tol = bound * p.maxAbsLogit;
        const err = Math.min(forwardError.get(p.name) ?? Infinity, tol);
        return greedyFailures(p, results[i]!, 4 * err, 2 * tol);
      });
      expect(failures).toEqual([]);
    }, 120_000);
  });
}
