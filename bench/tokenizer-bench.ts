/**
 * Tokenizer throughput on tinyshakespeare with the Qwen2.5 vocabulary: llorch's encoder beside
 * Hugging Face's JS tokenizer (@huggingface/tokenizers, given a tokenizer.json built in memory
 * from the same vocab.json + merges.txt) in the same process, plus decode and stream decode.
 *
 *   node bench/dist/tokenizer-bench.js [--runs N]
 *
 * Prints a table and appends the figures to bench/RESULTS.md (section "tokenizer-bench").
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as TokenizerPackage from '../packages/tokenizer/dist/index.js';

interface HfTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): { ids: number[] };
}
type HfTokenizerClass = new (tokenizerJson: object, config: object) => HfTokenizer;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modelDir = path.resolve(repoRoot, '../shared/models/qwen2.5-0.5b-instruct');
const corpusPath = path.resolve(repoRoot, '../shared/data/tinyshakespeare.txt');
const resultsPath = path.join(repoRoot, 'bench/RESULTS.md');
// Loaded by path: this file runs from bench/dist/, where a static relative import would not
// resolve to the same place it does in the source.
const { Tokenizer } = (await import(
  pathToFileURL(path.join(repoRoot, 'packages/tokenizer/dist/index.js')).href
)) as typeof TokenizerPackage;
const SECTION = '## tokenizer-bench';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

async function loadHfTokenizer(): Promise<HfTokenizer> {
  // A devDependency of @llorch/tokenizer, so resolved from that package.
  const require = createRequire(path.join(repoRoot, 'packages/tokenizer/package.json'));
  const mod = (await import(pathToFileURL(require.resolve('@huggingface/tokenizers')).href)) as {
    Tokenizer?: HfTokenizerClass;
    default?: { Tokenizer: HfTokenizerClass };
  };
  const HfTokenizerCtor = mod.Tokenizer ?? mod.default!.Tokenizer;
  const config = JSON.parse(readFileSync(path.join(modelDir, 'tokenizer_config.json'), 'utf8')) as {
    added_tokens_decoder: Record<string, { content: string; special: boolean }>;
  };
  const merges = readFileSync(path.join(modelDir, 'merges.txt'), 'utf8')
    .split('\n')
    .filter((l, i) => l.length > 0 && !(i === 0 && l.startsWith('#version')));
  // What Qwen2.5's published tokenizer.json holds: NFC, the Qwen2 split regex, byte-level BPE.
  const tokenizerJson = {
    version: '1.0',
    added_tokens: Object.entries(config.added_tokens_decoder).map(([id, t]) => ({
      id: Number(id),
      content: t.content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: t.special,
    })),
    normalizer: { type: 'NFC' },
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        {
          type: 'Split',
          pattern: {
            Regex:
              "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+",
          },
          behavior: 'Isolated',
          invert: false,
        },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false },
      ],
    },
    post_processor: null,
    decoder: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: '',
      end_of_word_suffix: '',
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab: JSON.parse(readFileSync(path.join(modelDir, 'vocab.json'), 'utf8')) as object,
      merges,
    },
  };
  return new HfTokenizerCtor(tokenizerJson, config);
}

/** Seconds of one call. */
function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Row {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
}

function previousFigures(): Map<string, string> {
  const prev = new Map<string, string>();
  let text = '';
  try {
    text = readFileSync(resultsPath, 'utf8');
  } catch {
    return prev;
  }
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
      `\n\n${SECTION}\n\nEncode/decode throughput on tinyshakespeare (1.1 MB) with the Qwen2.5 ` +
      'vocabulary: `node bench/dist/tokenizer-bench.js`.\n\n' +
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

async function main(): Promise<void> {
  const text = readFileSync(corpusPath, 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;

  const ours = await Tokenizer.fromHfDir(modelDir);
  const theirs = await loadHfTokenizer();

  let ids: number[] = [];
  const oursCold = time(() => (ids = ours.encode(text)));
  const oursWarm = median(Array.from({ length: RUNS }, () => time(() => ours.encode(text))));
  let hfIds: number[] = [];
  const hfCold = time(() => (hfIds = theirs.encode(text, { add_special_tokens: false }).ids));
  const hfWarm = median(
    Array.from({ length: RUNS }, () =>
      time(() => theirs.encode(text, { add_special_tokens: false })),
    ),
  );
  const sameIds = ids.length === hfIds.length && ids.every((id, i) => id === hfIds[i]);

  const decode = median(Array.from({ length: RUNS }, () => time(() => ours.decode(ids))));
  const stream = median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        const d = ours.streamDecoder();
        for (const id of ids) d.push(id);
        d.flush();
      }),
    ),
  );

  const rows: Row[] = [
    { metric: 'llorch encode, cold cache', value: mb / oursCold, unit: 'MB/s' },
    { metric: 'llorch encode, warm', value: mb / oursWarm, unit: 'MB/s' },
    { metric: 'hf tokenizers.js encode, cold cache', value: mb / hfCold, unit: 'MB/s' },
    { metric: 'hf tokenizers.js encode, warm', value: mb / hfWarm, unit: 'MB/s' },
    { metric: 'llorch decode', value: mb / decode, unit: 'MB/s' },
    { metric: 'llorch stream decode', value: ids.length / stream / 1e6, unit: 'Mtok/s' },
  ];

  const prev = previousFigures();
  const machine =
    process.env.LLORCH_BENCH_MACHINE ?? `${os.cpus().length}-core ${os.cpus()[0]?.model ?? '?'}`;
  let commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
    .toString()
    .trim();
  if (
    execFileSync(
      'git',
      ['status', '--porcelain', '--', 'packages/tokenizer', 'bench/tokenizer-bench.ts'],
      {
        cwd: repoRoot,
      },
    ).length > 0
  ) {
    commit += '+dirty';
  }
  const date = new Date().toISOString().slice(0, 10);

  console.log(`tinyshakespeare ${mb.toFixed(2)} MB, Qwen2.5 vocabulary, ${ids.length} tokens`);
  console.log(`same ids as @huggingface/tokenizers: ${sameIds ? 'yes' : 'NO'}; runs: ${RUNS}`);
  console.log(`machine: ${machine}, commit ${commit}\n`);
  console.log(`${'metric'.padEnd(38)} ${'value'.padStart(10)}  unit     previous`);
  const lines: string[] = [];
  for (const r of rows) {
    const value = r.value.toFixed(2);
    const before = prev.get(r.metric) ?? '-';
    console.log(`${r.metric.padEnd(38)} ${value.padStart(10)}  ${r.unit.padEnd(8)} ${before}`);
    lines.push(
      `| ${date} | ${machine} | ${commit} | ${r.metric} | ${value} ${r.unit} | ${before} |`,
    );
  }

  writeFileSync(resultsPath, withRows(readFileSync(resultsPath, 'utf8'), lines));
}

await main();
