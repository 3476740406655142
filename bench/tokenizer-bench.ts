/**
 * Tokenizer throughput on tinyshakespeare with the Qwen2.5 vocabulary: llorch's encoder beside
 * Hugging Face's JS tokenizer (@huggingface/tokenizers, given a tokenizer.json built in memory
 * from the same vocab.json + merges.txt) in the same process, plus decode and stream decode.
 *
 *   node bench/dist/tokenizer-bench.js [--runs N]
 *
 * Prints a table and appends the figures to bench/RESULTS.md (section "tokenizer-bench").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TokenizerPackage from '../packages/tokenizer/dist/index.js';
import { importFromRepo, repoRoot } from './repo.js';
import { type Measurement, recordFigures, type ResultsSection, runLabel } from './results.js';
import { median, timeSync } from './timing.js';

interface HfTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): { ids: number[] };
}
type HfTokenizerClass = new (tokenizerJson: object, config: object) => HfTokenizer;

const modelDir = path.resolve(repoRoot, '../shared/models/qwen2.5-0.5b-instruct');
const corpusPath = path.resolve(repoRoot, '../shared/data/tinyshakespeare.txt');
const { Tokenizer } = await importFromRepo<typeof TokenizerPackage>(
  'packages/tokenizer/dist/index.js',
);
const SECTION: ResultsSection = {
  name: 'tokenizer-bench',
  description:
    'Encode/decode throughput on tinyshakespeare (1.1 MB) with the Qwen2.5 vocabulary: ' +
    '`node bench/dist/tokenizer-bench.js`.',
};

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

async function main(): Promise<void> {
  const text = readFileSync(corpusPath, 'utf8');
  const mb = Buffer.byteLength(text) / 1e6;

  const ours = await Tokenizer.fromHfDir(modelDir);
  const theirs = await loadHfTokenizer();

  let ids: number[] = [];
  const oursCold = timeSync(() => (ids = ours.encode(text)));
  const oursWarm = median(Array.from({ length: RUNS }, () => timeSync(() => ours.encode(text))));
  let hfIds: number[] = [];
  const hfCold = timeSync(() => (hfIds = theirs.encode(text, { add_special_tokens: false }).ids));
  const hfWarm = median(
    Array.from({ length: RUNS }, () =>
      timeSync(() => theirs.encode(text, { add_special_tokens: false })),
    ),
  );
  const sameIds = ids.length === hfIds.length && ids.every((id, i) => id === hfIds[i]);

  const decode = median(Array.from({ length: RUNS }, () => timeSync(() => ours.decode(ids))));
  const stream = median(
    Array.from({ length: RUNS }, () =>
      timeSync(() => {
        const d = ours.streamDecoder();
        for (const id of ids) d.push(id);
        d.flush();
      }),
    ),
  );

  const rows: Measurement[] = [
    { metric: 'llorch encode, cold cache', value: mb / oursCold, unit: 'MB/s', digits: 2 },
    { metric: 'llorch encode, warm', value: mb / oursWarm, unit: 'MB/s', digits: 2 },
    { metric: 'hf tokenizers.js encode, cold cache', value: mb / hfCold, unit: 'MB/s', digits: 2 },
    { metric: 'hf tokenizers.js encode, warm', value: mb / hfWarm, unit: 'MB/s', digits: 2 },
    { metric: 'llorch decode', value: mb / decode, unit: 'MB/s', digits: 2 },
    { metric: 'llorch stream decode', value: ids.length / stream / 1e6, unit: 'Mtok/s', digits: 2 },
  ];

  const label = runLabel(['packages/tokenizer', 'bench/tokenizer-bench.ts']);
  console.log(`tinyshakespeare ${mb.toFixed(2)} MB, Qwen2.5 vocabulary, ${ids.length} tokens`);
  console.log(`same ids as @huggingface/tokenizers: ${sameIds ? 'yes' : 'NO'}; runs: ${RUNS}`);
  console.log(`machine: ${label.machine}, commit ${label.commit}\n`);
  recordFigures(SECTION, label, rows);
}

await main();
