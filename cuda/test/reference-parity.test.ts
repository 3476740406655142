import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Device, Engine } from '@llorch/native';
import { SeqCollector, loadEngine, params, repoRoot, sharedFile } from './model-fixture.js';

// The native engine against Hugging Face transformers over the same weights: references are
// written by test/oracle/make_refs.py (see test/oracle/README.md) and committed; synthetic GGUFs
// are regenerated here from their seed and must hash to what the reference was made from.

const refsDir = path.join(repoRoot, 'test/oracle/refs');
const synthDir = path.join(repoRoot, '.cache/oracle');
const device = (process.env.LLORCH_PARITY_DEVICE ?? 'cpu') as Device;

/**
 * Max |engine - reference| over each position's top-k, as a fraction of the prompt's max|logit|.
 * The reference computes with the GGUF's dequantized weights, which are exact in float32 (F16
 * widens exactly; Q8_0 is an f16 scale times an int8), so the weight type adds no error by
 * itself and only the engine's arithmetic is measured:
 * - F32: float32 throughout; summation order and exp/rope implementations differ by ~1e-6.
 * - F16/BF16/Q8_0: an engine may feed those matmuls f16 activations (tensor cores). The
 *   reference records what that costs on each prompt ('activationRounding.f16'): at most
 *   ~3e-3 on the committed models, so 1e-2 leaves headroom and still catches a wrong scale,
 *   block layout or row. Q8_0 *activations* (int8 dot products) cost up to ~7% on the random
 *   tiny models ('activationRounding.q8_0'); an engine that does that needs a measured bound.
 */
const RELATIVE_BOUND: Record<string, number> = { f32: 1e-3, f16: 1e-2, bf16: 1e-2, q8_0: 1e-2 };

interface RefPrompt {
  name: string;
  text: string | null;
  tokens: number[];
  maxAbsLogit: number;
  topIds: number[][];
  topLogits: number[][];
  lastLogits: number[] | null;
  greedy: { tokens: number[]; margins: number[]; text: string | null };
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

/** The GGUF a reference was made from, or undefined when a ../shared file is absent outside CI. */
function plannedGguf(ref: Reference): string | undefined {
  if (ref.gguf.synth) {
    const { arch, preset, type, seed } = ref.gguf.synth;
    return path.join(synthDir, `${arch}-${preset}-${type}-seed${seed}.gguf`);
  }
  return sharedFile(`models/${ref.gguf.file}`);
}

/** Mismatches of one prompt's logits against its reference, as readable lines. */
function logitFailures(
  p: RefPrompt,
  logits: Float32Array,
  nVocab: number,
  bound: number,
): string[] {
  const failures: string[] = [];
  const tol = bound * p.maxAbsLogit;
  let worst = { diff: 0, pos: 0, id: 0, want: 0, got: 0 };
  for (let pos = 0; pos < p.tokens.length; pos++) {
    const row = logits.subarray(pos * nVocab, (pos + 1) * nVocab);
    p.topIds[pos]!.forEach((id, k) => {
      const want = p.topLogits[pos]![k]!;
      const diff = Math.abs(row[id]! - want);
      if (diff > worst.diff) worst = { diff, pos, id, want, got: row[id]! };
    });
    let argmax = 0;
    for (let i = 1; i < nVocab; i++) if (row[i]! > row[argmax]!) argmax = i;
    const refTop = p.topIds[pos]![0]!;
    if (argmax !== refTop) {
      // Two logits each within tol of the truth can swap only if they were within 2*tol.
      const k = p.topIds[pos]!.indexOf(argmax);
      const tie = k >= 0 && p.topLogits[pos]![0]! - p.topLogits[pos]![k]! <= 2 * tol;
      if (!tie) {
        failures.push(
          `${p.name} pos ${pos}: top-1 ${argmax} (logit ${row[argmax]}) but reference top-1 ` +
            `${refTop} (ref logit ${p.topLogits[pos]![0]}, engine ${row[refTop]})`,
        );
      }
    }
  }
  if (worst.diff > tol) {
    failures.push(
      `${p.name}: max |diff| ${worst.diff.toExponential(3)} > ${tol.toExponential(3)} ` +
        `(${bound} * max|logit| ${p.maxAbsLogit}) at pos ${worst.pos} token ${worst.id}: ` +
        `reference ${worst.want}, engine ${worst.got}`,
    );
  }
  if (p.lastLogits) {
    const last = logits.subarray((p.tokens.length - 1) * nVocab, p.tokens.length * nVocab);
    const bad = p.lastLogits.findIndex((want, id) => Math.abs(last[id]! - want) > tol);
    if (bad >= 0) {
      failures.push(
        `${p.name} last position token ${bad}: reference ${p.lastLogits[bad]}, engine ${last[bad]}`,
      );
    }
  }
  return failures;
}

/** Runs every prompt as a concurrent greedy sequence; resolves with the generated tokens. */
async function generateAll(engine: Engine, prompts: RefPrompt[], maxTokens: number) {
  const collector = new SeqCollector(engine);
  prompts.forEach((p, seq) => engine.submit(seq, p.tokens, params({ maxTokens })));
  return Promise.all(prompts.map((_, seq) => collector.result(seq)));
}

/** Token-for-token comparison; a divergence is excused only at a reference step whose top-2
 *  margin is within what the logit bound allows (a numerical tie), and comparison ends there. */
function greedyFailures(p: RefPrompt, got: number[], tol: number): string[] {
  const want = p.greedy.tokens;
  if (got.length !== want.length) return [`${p.name}: ${got.length} tokens, want ${want.length}`];
  const i = want.findIndex((t, k) => got[k] !== t);
  if (i < 0 || p.greedy.margins[i]! <= 2 * tol) return [];
  return [
    `${p.name} greedy step ${i}: engine ${got[i]}, reference ${want[i]} (reference top-2 ` +
      `margin ${p.greedy.margins[i]}); engine ${JSON.stringify(got)}, reference ${JSON.stringify(want)}`,
  ];
}

const refFiles = readdirSync(refsDir).filter((f) => f.endsWith('.json'));

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

    beforeAll(async () => {
      const file = gguf!;
      if (ref.gguf.synth) {
        mkdirSync(synthDir, { recursive: true });
        // Imported here until @llorch/gguf exports the generator: only synthetic refs need it.
        const { synthGguf } = await import('@llorch/gguf');
        await synthGguf({ ...ref.gguf.synth, out: file });
      }
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
        expect(logitFailures(p, logits, ref.model.nVocab, bound)).toEqual([]);
      });
    }

    test(`greedy continuations (${ref.greedyTokens} tokens, all prompts batched)`, async () => {
      const results = await generateAll(engine, ref.prompts, ref.greedyTokens);
      expect(results.map((r) => r.finish)).toEqual(ref.prompts.map(() => 'length'));
      const failures = ref.prompts.flatMap((p, i) =>
        greedyFailures(p, results[i]!.tokens, bound * p.maxAbsLogit),
      );
      expect(failures).toEqual([]);
    }, 120_000);
  });
}
