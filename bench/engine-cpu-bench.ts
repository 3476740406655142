/**
 * CPU engine throughput: prefill and decode tokens/s of the native engine on stories260K and on
 * the synthetic Qwen2.5-0.5B (F16 and Q8_0, generated once into .cache/native/ by @llorch/gguf's
 * synth generator).
 *
 *   node bench/dist/engine-cpu-bench.js [--threads N] [--runs N] [--models stories,f16,q8_0]
 *
 * Prefill: one prompt in one sequence, timed by the engine's prefillMs. Decode: greedy tokens
 * after a short prompt, from the first token event to the finish event, for one sequence and for
 * a batch of sequences (aggregate tokens/s). Medians over the runs. Prints a table and appends the
 * figures to bench/RESULTS.md (section "engine-cpu-bench").
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as GgufPackage from '../packages/gguf/dist/index.js';
import type * as NativePackage from '../cuda/dist/index.js';
import { importFromRepo, repoRoot } from './repo.js';
import { type Measurement, recordFigures, type ResultsSection, runLabel } from './results.js';
import { median, secondsSince } from './timing.js';

const gguf = await importFromRepo<typeof GgufPackage>('packages/gguf/dist/index.js');
const { Engine, samplingParams } = await importFromRepo<typeof NativePackage>('cuda/dist/index.js');
type Engine = NativePackage.Engine;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const THREADS = Number(arg('--threads') ?? os.cpus().length);
const RUNS = Number(arg('--runs') ?? 3);
const MODELS = (arg('--models') ?? 'stories,f16,q8_0').split(',');
const SECTION: ResultsSection = {
  name: 'engine-cpu-bench',
  description:
    'Native engine on the CPU backend: prefill and greedy decode tokens/s on stories260K and ' +
    'the synthetic Qwen2.5-0.5B (F16, Q8_0): `node bench/dist/engine-cpu-bench.js`.',
  settings: [['threads', String(THREADS)]],
};

interface ModelCase {
  readonly key: string;
  readonly label: string;
  readonly file: () => Promise<string | undefined>;
  readonly prefillTokens: number;
  readonly decodeTokens: number;
  readonly batch: number;
}

async function synth(type: string): Promise<string | undefined> {
  const tokenizerDir = path.resolve(repoRoot, '../shared/models/qwen2.5-0.5b-instruct');
  if (!existsSync(tokenizerDir)) return undefined;
  const file = path.join(repoRoot, `.cache/native/qwen2.5-0.5b-${type}-seed1.gguf`);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    console.log(`generating ${path.relative(repoRoot, file)} ...`);
    await gguf.writeSynthModel(`${file}.partial`, {
      preset: 'qwen2.5-0.5b',
      type,
      seed: 1,
      tokenizerDir,
    });
    renameSync(`${file}.partial`, file);
  }
  return file;
}

const CASES: ModelCase[] = [
  {
    key: 'stories',
    label: 'stories260K F32',
    file: async () => {
      const f = path.resolve(repoRoot, '../shared/models/stories260K.gguf');
      return existsSync(f) ? f : undefined;
    },
    prefillTokens: 256,
    decodeTokens: 256,
    batch: 16,
  },
  {
    key: 'f16',
    label: 'qwen2.5-0.5b synth F16',
    file: () => synth('f16'),
    prefillTokens: 64,
    decodeTokens: 16,
    batch: 4,
  },
  {
    key: 'q8_0',
    label: 'qwen2.5-0.5b synth Q8_0',
    file: () => synth('q8_0'),
    prefillTokens: 64,
    decodeTokens: 16,
    batch: 4,
  },
];

function promptOf(length: number, seed: number, vocab: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return 1 + (s % (vocab - 1));
  });
}

interface BatchRun {
  prefillMs: number;
  decodeTokensPerSecond: number;
}

let nextSeq = 1;

/** Runs `prompts` together; decode counts the tokens from the moment every sequence has its
 *  first token to the last finish. */
function runBatch(engine: Engine, prompts: number[][], maxTokens: number): Promise<BatchRun> {
  return new Promise((resolve) => {
    const seqs = new Map(prompts.map((p) => [nextSeq++, p]));
    let started = 0;
    let finished = 0;
    let decodeStart = 0n;
    let prefillMs = 0;
    let generated = 0;
    const off = engine.onEvents((events) => {
      for (const e of events) {
        if (!seqs.has(e.seq)) continue;
        if (e.prefillMs !== undefined) {
          prefillMs = Math.max(prefillMs, e.prefillMs);
          if (++started === seqs.size) decodeStart = process.hrtime.bigint();
        } else if (decodeStart !== 0n) {
          generated += e.tokens.length;
        }
        if (e.finish !== undefined && ++finished === seqs.size) {
          off();
          const seconds = secondsSince(decodeStart);
          resolve({ prefillMs, decodeTokensPerSecond: seconds > 0 ? generated / seconds : 0 });
        }
      }
    });
    for (const [seq, prompt] of seqs) engine.submit(seq, prompt, samplingParams({ maxTokens }));
  });
}

async function measure(c: ModelCase, file: string): Promise<Measurement[]> {
  const header = await gguf.readGguf(file);
  const config = gguf.modelConfig(header);
  const engine = await Engine.load({
    path: file,
    dataOffset: header.dataOffset,
    tensors: header.tensors,
    config,
    device: 'cpu',
    threads: THREADS,
    maxSeqs: c.batch,
    ctx: Math.max(c.prefillTokens + 1, 16 + c.decodeTokens),
    prefillChunk: c.prefillTokens,
  });
  try {
    const vocab = config.vocabSize;
    const prefill: number[] = [];
    const decode1: number[] = [];
    const decodeN: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const p = await runBatch(engine, [promptOf(c.prefillTokens, r, vocab)], 1);
      prefill.push((c.prefillTokens / p.prefillMs) * 1000);
      decode1.push(
        (await runBatch(engine, [promptOf(16, r, vocab)], c.decodeTokens)).decodeTokensPerSecond,
      );
      const prompts = Array.from({ length: c.batch }, (_, s) => promptOf(16, r * 100 + s, vocab));
      decodeN.push((await runBatch(engine, prompts, c.decodeTokens)).decodeTokensPerSecond);
    }
    // Batch-1 decode reads every weight once per token: its floor is weight bytes / bandwidth.
    const weightGbPerToken = engine.stats().weightBytes / 1e9;
    return [
      {
        metric: `${c.label}, prefill ${c.prefillTokens} tokens`,
        value: median(prefill),
        unit: 'tok/s',
        digits: 1,
      },
      { metric: `${c.label}, decode batch 1`, value: median(decode1), unit: 'tok/s', digits: 1 },
      {
        metric: `${c.label}, decode batch 1 weight reads`,
        value: median(decode1) * weightGbPerToken,
        unit: 'GB/s',
        digits: 1,
      },
      {
        metric: `${c.label}, decode batch ${c.batch} (aggregate)`,
        value: median(decodeN),
        unit: 'tok/s',
        digits: 1,
      },
    ];
  } finally {
    await engine.unload();
  }
}

async function main(): Promise<void> {
  const rows: Measurement[] = [];
  const notes: string[] = [];
  for (const c of CASES.filter((x) => MODELS.includes(x.key))) {
    const file = await c.file();
    if (file === undefined) {
      notes.push(`skipped ${c.label}: its model or tokenizer files are not in ../shared`);
      continue;
    }
    rows.push(...(await measure(c, file)));
  }

  const label = runLabel(['cuda/src', 'bench/engine-cpu-bench.ts']);
  console.log(
    `machine: ${label.machine}, commit ${label.commit}, threads ${THREADS}, runs ${RUNS}`,
  );
  for (const n of notes) console.log(n);
  console.log('');
  recordFigures(SECTION, label, rows);
}

await main();
