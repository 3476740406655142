/**
 * GGUF benchmark: writes the 1 GB synthetic Qwen2.5-0.5B (F16) model, times header parsing of
 * it with readGguf, and measures the reference dequantizers and quantizers per type.
 *
 *   node bench/dist/gguf-bench.js
 *
 * Prints a table and appends the figures to bench/RESULTS.md (section "gguf-bench"). The
 * machine label comes from LLORCH_BENCH_MACHINE (default "dev 2-core").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as GgufPackage from '../packages/gguf/dist/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Loaded by path: this file runs from bench/dist/, where a static relative import would not
// resolve to the same place it does in the source.
const { CODEC_TYPES, dequantize, ggmlTypeName, quantize, readGguf, writeSynthModel } =
  (await import(
    pathToFileURL(path.join(repoRoot, 'packages/gguf/dist/index.js')).href
  )) as typeof GgufPackage;

const SECTION = '## gguf-bench';
const resultsPath = path.join(repoRoot, 'bench/RESULTS.md');
const tokenizerDir = path.resolve(repoRoot, '../shared/models/qwen2.5-0.5b-instruct');
/** Elements per (de)quantization run: 16 MB of F32, far beyond the caches. */
const ELEMENTS = 4 << 20;
const HEADER_RUNS = 15;
const CODEC_RUNS = 5;

interface Row {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly digits: number;
}

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return seconds(t0);
}

function timeSync(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return seconds(t0);
}

function previousFigures(): Map<string, string> {
  const prev = new Map<string, string>();
  const text = readFileSync(resultsPath, 'utf8');
  const start = text.indexOf(SECTION);
  if (start < 0) return prev;
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (line.startsWith('## ')) break;
    const cells = line.split('|').map((c) => c.trim());
    // | date | machine | commit | metric | value | previous |
    if (cells.length >= 7 && cells[4] !== 'metric' && !cells[4]!.startsWith('-')) {
      prev.set(cells[4]!, cells[5]!);
    }
  }
  return prev;
}

/** RESULTS.md with `lines` added at the end of this benchmark's section (created if absent). */
function withRows(results: string, lines: readonly string[]): string {
  const start = results.indexOf(SECTION);
  if (start < 0) {
    return (
      results.trimEnd() +
      `\n\n${SECTION}\n\nSynthetic Qwen2.5-0.5B F16 (about 1 GB) written by writeSynthModel, its ` +
      'header parsed by readGguf (median), and the TypeScript reference (de)quantizers on 4M ' +
      'random values per type (dequantize: MB/s of quantized bytes read; quantize: million ' +
      'values per second): `node bench/dist/gguf-bench.js`.\n\n' +
      '| date | machine | commit | metric | value | previous |\n|---|---|---|---|---|---|\n' +
      lines.join('\n') +
      '\n'
    );
  }
  const next = results.indexOf('\n## ', start + SECTION.length);
  const end = next < 0 ? results.length : next + 1;
  const body = results.slice(0, end).trimEnd();
  return body + '\n' + lines.join('\n') + '\n' + (next < 0 ? '' : '\n' + results.slice(end));
}

async function modelRows(): Promise<Row[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gguf-bench-'));
  const file = path.join(dir, 'qwen2.5-0.5b-f16.gguf');
  try {
    let size = 0;
    const write = await timeAsync(async () => {
      size = (
        await writeSynthModel(file, { preset: 'qwen2.5-0.5b', type: 'f16', seed: 1, tokenizerDir })
      ).fileSize;
    });
    await readGguf(file);
    const reads = [];
    for (let i = 0; i < HEADER_RUNS; i++) reads.push(await timeAsync(() => readGguf(file)));
    return [
      { metric: 'synth qwen2.5-0.5b f16 file size', value: size / 1e9, unit: 'GB', digits: 3 },
      {
        metric: 'synth qwen2.5-0.5b f16 write',
        value: size / 1e6 / write,
        unit: 'MB/s',
        digits: 1,
      },
      { metric: 'readGguf header, 1 GB model', value: median(reads) * 1e3, unit: 'ms', digits: 1 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function codecRows(): Row[] {
  const values = new Float32Array(ELEMENTS);
  let s = 0x9e3779b9;
  for (let i = 0; i < values.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    values[i] = (s / 2 ** 32 - 0.5) * 0.1;
  }
  const out = new Float32Array(ELEMENTS);
  const rows: Row[] = [];
  for (const type of CODEC_TYPES) {
    const name = ggmlTypeName(type);
    const bytes = quantize(type, values);
    dequantize(type, bytes, ELEMENTS, out);
    const deq = median(
      Array.from({ length: CODEC_RUNS }, () =>
        timeSync(() => dequantize(type, bytes, ELEMENTS, out)),
      ),
    );
    const q = median(
      Array.from({ length: CODEC_RUNS }, () => timeSync(() => quantize(type, values, bytes))),
    );
    rows.push(
      { metric: `dequantize ${name}`, value: bytes.length / 1e6 / deq, unit: 'MB/s', digits: 0 },
      { metric: `quantize ${name}`, value: ELEMENTS / 1e6 / q, unit: 'Mval/s', digits: 1 },
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const rows = [...(await modelRows()), ...codecRows()];
  const prev = previousFigures();
  const machine = process.env.LLORCH_BENCH_MACHINE ?? 'dev 2-core';
  let commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
    .toString()
    .trim();
  const dirty = execFileSync(
    'git',
    ['status', '--porcelain', '--', 'packages/gguf', 'bench/gguf-bench.ts'],
    { cwd: repoRoot },
  );
  if (dirty.length > 0) commit += '+dirty';
  const date = new Date().toISOString().slice(0, 10);

  console.log(`machine: ${machine}, commit ${commit}\n`);
  console.log(`${'metric'.padEnd(36)} ${'value'.padStart(10)}  unit     previous`);
  const lines: string[] = [];
  for (const r of rows) {
    const value = r.value.toFixed(r.digits);
    const before = prev.get(r.metric) ?? '-';
    console.log(`${r.metric.padEnd(36)} ${value.padStart(10)}  ${r.unit.padEnd(8)} ${before}`);
    lines.push(
      `| ${date} | ${machine} | ${commit} | ${r.metric} | ${value} ${r.unit} | ${before} |`,
    );
  }
  writeFileSync(resultsPath, withRows(readFileSync(resultsPath, 'utf8'), lines));
}

await main();
