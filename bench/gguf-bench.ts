/**
 * GGUF benchmark: writes the 1 GB synthetic Qwen2.5-0.5B (F16) model, times header parsing of
 * it with readGguf, and measures the reference dequantizers and quantizers per type.
 *
 *   node bench/dist/gguf-bench.js
 *
 * Prints a table and appends the figures to bench/RESULTS.md (section "gguf-bench").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as GgufPackage from '../packages/gguf/dist/index.js';
import { importFromRepo, repoRoot } from './repo.js';
import { type Measurement, recordFigures, type ResultsSection, runLabel } from './results.js';
import { median, timeAsync, timeSync } from './timing.js';

const { CODEC_TYPES, dequantize, ggmlTypeName, quantize, readGguf, writeSynthModel } =
  await importFromRepo<typeof GgufPackage>('packages/gguf/dist/index.js');

const SECTION: ResultsSection = {
  name: 'gguf-bench',
  description:
    'Synthetic Qwen2.5-0.5B F16 (about 1 GB) written by writeSynthModel, its header parsed by ' +
    'readGguf (median), and the TypeScript reference (de)quantizers on 4M random values per ' +
    'type (dequantize: MB/s of quantized bytes read; quantize: million values per second): ' +
    '`node bench/dist/gguf-bench.js`.',
};
const tokenizerDir = path.resolve(repoRoot, '../shared/models/qwen2.5-0.5b-instruct');
/** Elements per (de)quantization run: 16 MB of F32, far beyond the caches. */
const ELEMENTS = 4 << 20;
const HEADER_RUNS = 15;
const CODEC_RUNS = 5;

async function modelRows(): Promise<Measurement[]> {
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

function codecRows(): Measurement[] {
  const values = new Float32Array(ELEMENTS);
  let s = 0x9e3779b9;
  for (let i = 0; i < values.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    values[i] = (s / 2 ** 32 - 0.5) * 0.1;
  }
  const out = new Float32Array(ELEMENTS);
  const rows: Measurement[] = [];
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
  const label = runLabel(['packages/gguf', 'bench/gguf-bench.ts']);
  console.log(`machine: ${label.machine}, commit ${label.commit}\n`);
  recordFigures(SECTION, label, rows);
}

await main();
