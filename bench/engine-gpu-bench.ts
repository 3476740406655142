/**
 * Batch-1 decode and prefill of the synthetic Qwen2.5-0.5B on cuda:0, beside the bound the
 * measured copy bandwidth puts on them. Run on the GPU machine by scripts/gpu-check.sh:
 *
 *   node .gpu/bundles/engine-gpu-bench.mjs [--types f16,q8_0,q4_k_m] [--rows out.md]
 *     [--synth-only] [--profile]
 *
 * Decode: 128 greedy tokens after a 512-token prompt (and after a 3967-token one, so the last
 * token sits at position 4095). A decode step must read every weight once (the tied embedding
 * serves as LM head) plus the K/V of every attended position, so its floor is
 * (weight bytes + KV bytes read) / copy bandwidth. Prefill: 512 prompt tokens in one step.
 * Prints a table; `--rows` writes the RESULTS.md lines (date | machine | commit | metric | value)
 * for the "engine-gpu-bench" section.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { modelConfig, readGguf, writeSynthModel } from '../packages/gguf/src/index.js';
import type { Engine, SeqEvent } from '../cuda/ts/index.js';
import { samplingParams } from '../cuda/ts/samplingParams.js';
import { previousFigures } from './results.js';

const repoRoot = process.env.LLORCH_REPO ?? process.cwd();
const tokenizerDir = path.resolve(repoRoot, '../shared/models/qwen2.5-0.5b-instruct');
const DECODE_TOKENS = 128;
const RUNS = 3;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function promptOf(length: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % 151000;
  });
}

interface Run {
  prefillMs: number;
  decodeSeconds: number;
}

/**
 * Ollama's default sampling (temperature 0.8, top-k 40, top-p 0.9), which runs on the device
 * sampler rather than the greedy argmax inside the recorded step.
 */
const SAMPLED = { temperature: 0.8, topK: 40, topP: 0.9, seed: 7 };

/**
 * One sequence, greedy unless `sampling` is given; decode time runs from the first token event to
 * the finish event.
 */
function runOnce(
  engine: Engine,
  seq: number,
  prompt: number[],
  sampling: Partial<typeof SAMPLED> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    let first = 0n;
    let prefillMs = 0;
    let tokens = 0;
    const off = engine.onEvents((events: SeqEvent[]) => {
      for (const e of events) {
        if (e.seq !== seq) continue;
        tokens += e.tokens.length;
        if (e.promptTokens !== undefined) {
          prefillMs = e.prefillMs ?? 0;
          first = process.hrtime.bigint();
        }
        if (e.finish === undefined) continue;
        off();
        if (e.finish !== 'length' || tokens !== DECODE_TOKENS + 1) {
          reject(
            new Error(
              `sequence ended ${e.finish} after ${tokens} tokens ${JSON.stringify(e.error)}`,
            ),
          );
          return;
        }
        resolve({ prefillMs, decodeSeconds: Number(process.hrtime.bigint() - first) / 1e9 });
      }
    });
    engine.submit(seq, prompt, samplingParams({ ...sampling, maxTokens: DECODE_TOKENS + 1 }));
  });
}

interface Row {
  metric: string;
  value: number;
  unit: string;
  bound: number | null;
}

/** The synthetic model of `type`, generated on first use (about 1 GB in F16). */
async function modelFile(type: string): Promise<string> {
  const dir = path.join(repoRoot, '.cache/bench');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `qwen2.5-0.5b-${type}-seed1.gguf`);
  if (!existsSync(file)) {
    const t0 = Date.now();
    const partial = `${file}.${process.pid}.partial`;
    await writeSynthModel(partial, { preset: 'qwen2.5-0.5b', type, seed: 1, tokenizerDir });
    renameSync(partial, file);
    console.error(`synth ${type}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

async function benchType(type: string, bandwidth: number): Promise<Row[]> {
  const file = await modelFile(type);
  const gguf = await readGguf(file);
  const config = modelConfig(gguf);
  const { Engine } = await import('../cuda/ts/index.js');
  const engine = await Engine.load({
    path: file,
    dataOffset: gguf.dataOffset,
    tensors: gguf.tensors,
    config,
    device: 'cuda:0',
    maxSeqs: 1,
    ctx: 4096,
    prefillChunk: 4096,
  });
  try {
    const stats = engine.stats();
    const kvDim = config.headCountKv * (config.embeddingLength / config.headCount);
    // K and V of positions 0..p, f32, every layer.
    const kvRead = (p: number) => 2 * 4 * kvDim * config.blockCount * (p + 1);
    const rows: Row[] = [];
    let seq = 0;
    for (const promptLen of [512, 4096 - DECODE_TOKENS - 1]) {
      const prompt = promptOf(promptLen, 7);
      await runOnce(engine, seq++, prompt); // warm-up: graph/scratch sizes, clocks
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(engine, seq++, prompt));
      const tokS = DECODE_TOKENS / median(runs.map((r) => r.decodeSeconds));
      const meanPos = promptLen + DECODE_TOKENS / 2;
      const boundTokS = bandwidth / (stats.weightBytes + kvRead(meanPos));
      rows.push({
        metric: `${type} decode tok/s, ${promptLen}-token prompt`,
        value: tokS,
        unit: 'tok/s',
        bound: boundTokS,
      });
      if (promptLen === 512) {
        const prefill = (promptLen * 1000) / median(runs.map((r) => r.prefillMs));
        rows.push({
          metric: `${type} prefill tok/s, 512 tokens`,
          value: prefill,
          unit: 'tok/s',
          bound: null,
        });
        const sampled: Run[] = [];
        for (let i = 0; i < RUNS; i++) sampled.push(await runOnce(engine, seq++, prompt, SAMPLED));
        rows.push({
          metric: `${type} decode tok/s, 512-token prompt, T 0.8 top-k 40 top-p 0.9`,
          value: DECODE_TOKENS / median(sampled.map((r) => r.decodeSeconds)),
          unit: 'tok/s',
          bound: boundTokS,
        });
      }
    }
    rows.push({
      metric: `${type} VRAM weights+KV+scratch`,
      value: (stats.weightBytes + stats.kvBytes + stats.scratchBytes) / 2 ** 20,
      unit: 'MiB',
      bound: null,
    });
    return rows;
  } finally {
    await engine.unload();
  }
}

/**
 * Prefill 512 tokens, then `steps` decode steps (the first two eager, the third recorded, the rest
 * replayed as in the bench).
 */
async function profileSteps(type: string, steps: number): Promise<void> {
  const file = await modelFile(type);
  const gguf = await readGguf(file);
  const { Engine } = await import('../cuda/ts/index.js');
  const engine = await Engine.load({
    path: file,
    dataOffset: gguf.dataOffset,
    tensors: gguf.tensors,
    config: modelConfig(gguf),
    device: 'cuda:0',
    maxSeqs: 1,
    ctx: 4096,
    prefillChunk: 4096,
  });
  await new Promise<void>((resolve) => {
    engine.onEvents((events) => {
      if (events.some((e) => e.finish !== undefined)) resolve();
    });
    engine.submit(0, promptOf(512, 7), samplingParams({ maxTokens: steps + 1 }));
  });
  await engine.unload();
}

async function main(): Promise<void> {
  const types = (arg('--types') ?? 'f16,q8_0,q4_k_m').split(',');
  // --synth-only: generate the models and exit (run in parallel, one process per type).
  if (process.argv.includes('--synth-only')) {
    for (const type of types) await modelFile(type);
    return;
  }
  // --profile [--steps N]: N (4) decode steps of the first type only, for a kernel profiler (ncu)
  // to attribute or a device-side trace to catch in steady state.
  if (process.argv.includes('--profile')) {
    await profileSteps(types[0]!, Number(arg('--steps') ?? 4));
    return;
  }
  // Loaded only here: --synth-only runs while the addon is still being built.
  const { testOps } = await import('../cuda/ts/index.js');
  const bw = testOps.cudaCopyBandwidth(0);
  const machine = bw.device;
  const commit = process.env.LLORCH_COMMIT ?? 'unknown';
  const rows: Row[] = [
    {
      metric: 'device copy bandwidth (read+write)',
      value: bw.bytesPerSecond / 1e9,
      unit: 'GB/s',
      bound: null,
    },
  ];
  for (const type of types) rows.push(...(await benchType(type, bw.bytesPerSecond)));

  const date = new Date().toISOString().slice(0, 10);
  // The figure each metric had in RESULTS.md (the repository copy that travelled with this run).
  const previous = previousFigures(
    { name: 'engine-gpu-bench', description: '' },
    path.join(repoRoot, 'bench/RESULTS.md'),
  );
  const lines: string[] = [];
  console.log(`\nengine-gpu-bench on ${machine}, commit ${commit}`);
  console.log(
    `${'metric'.padEnd(64)} ${'value'.padStart(10)}  ${'unit'.padEnd(6)} ${'bound'.padStart(9)}  ${'of bound'.padEnd(8)}  previous`,
  );
  for (const r of rows) {
    const pct = r.bound ? `${((100 * r.value) / r.bound).toFixed(1)}%` : '';
    const bound = r.bound ? r.bound.toFixed(0) : '';
    const prev = (previous.get(r.metric) ?? '-').split(' (')[0]!;
    console.log(
      `${r.metric.padEnd(64)} ${r.value.toFixed(1).padStart(10)}  ${r.unit.padEnd(6)} ${bound.padStart(9)}  ${pct.padEnd(8)}  ${prev}`,
    );
    const shown = `${r.value.toFixed(1)} ${r.unit}` + (r.bound ? ` (bound ${bound}, ${pct})` : '');
    lines.push(`| ${date} | ${machine} | ${commit} | ${r.metric} | ${shown} | ${prev} |`);
  }
  const out = arg('--rows');
  if (out) writeFileSync(out, lines.join('\n') + '\n');
}

await main();
