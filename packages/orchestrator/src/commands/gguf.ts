import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  GgufError,
  SYNTH_PRESETS,
  SYNTH_TYPES,
  ggmlTypeName,
  readGguf,
  writeSynthModel,
} from '@llorch/gguf';
import {
  formatMetadata,
  formatSummary,
  formatTensors,
  ggufSummary,
  jsonValue,
} from '../ggufSummary.js';
import { processIo, type CommandIo } from './CommandIo.js';

const USAGE = `usage: llorch gguf inspect FILE [--meta] [--tensors] [--json]
       llorch gguf synth --preset NAME --type TYPE --out FILE [--arch qwen2|llama] [--seed N]
                         [--tokenizer DIR]
inspect   summary of a GGUF file (header only; works on vocab-only files too)
  --meta     every metadata key (long arrays shortened)
  --tensors  every tensor: type, dims, size, offset
  --json     one JSON object (with "metadata" / "tensors" when asked for)
synth     write a synthetic model with seeded weights and the Qwen2.5 tokenizer
  --preset   ${SYNTH_PRESETS.map((p) => p.name).join(' | ')}
  --type     ${SYNTH_TYPES.join(' | ')}
  --arch     override the preset's architecture
  --seed     integer seed (default 0); same seed, same bytes
  --tokenizer  Qwen2.5 HF tokenizer directory (default ../shared/models/qwen2.5-0.5b-instruct)
`;

// src/commands/ and dist/commands/ both sit four levels below the repository root.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const DEFAULT_TOKENIZER = path.resolve(repoRoot, '../shared/models/qwen2.5-0.5b-instruct');

class UsageError extends Error {}

async function inspect(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      meta: { type: 'boolean', default: false },
      tensors: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one FILE');
  const file = positionals[0]!;
  const gguf = await readGguf(file);
  const summary = ggufSummary(gguf);
  if (values.json) {
    const out: Record<string, unknown> = { ...summary };
    if (values.meta) {
      out.metadata = Object.fromEntries(
        [...gguf.metadata.values()].map((e) => [e.key, jsonValue(e.value, 16)]),
      );
    }
    if (values.tensors) {
      out.tensors = gguf.tensors.map((t) => ({ ...t, typeName: ggmlTypeName(t.type) }));
    }
    io.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  }
  io.stdout.write(formatSummary(file, summary));
  if (values.meta) io.stdout.write(`\n${formatMetadata(gguf)}`);
  if (values.tensors) io.stdout.write(`\n${formatTensors(gguf)}`);
  return 0;
}

async function synth(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      preset: { type: 'string' },
      type: { type: 'string' },
      arch: { type: 'string' },
      seed: { type: 'string', default: '0' },
      out: { type: 'string' },
      tokenizer: { type: 'string', default: DEFAULT_TOKENIZER },
    },
  });
  if (values.preset === undefined || values.type === undefined || values.out === undefined) {
    throw new UsageError('synth needs --preset, --type and --out');
  }
  if (values.arch !== undefined && values.arch !== 'qwen2' && values.arch !== 'llama') {
    throw new UsageError(`--arch must be qwen2 or llama, not '${values.arch}'`);
  }
  const seed = Number(values.seed);
  if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) {
    throw new UsageError(`--seed must be a non-negative integer, not '${values.seed}'`);
  }
  const started = performance.now();
  const file = await writeSynthModel(values.out, {
    preset: values.preset,
    type: values.type,
    seed,
    tokenizerDir: values.tokenizer,
    ...(values.arch !== undefined && { architecture: values.arch }),
  });
  const seconds = (performance.now() - started) / 1000;
  const s = ggufSummary(file);
  const types = Object.entries(s.typeCounts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  io.stdout.write(
    `wrote ${values.out}: ${s.architecture}, ${s.tensorCount} tensors (${types}), ` +
      `${s.fileSize} bytes in ${seconds.toFixed(1)} s\n`,
  );
  return 0;
}

/** `llorch gguf inspect|synth`. Errors: `error: <code>: <message>` on stderr, exit 1. */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  try {
    if (sub === 'inspect') return await inspect(rest, io);
    if (sub === 'synth') return await synth(rest, io);
    throw new UsageError(sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`);
  } catch (err) {
    if (err instanceof GgufError) {
      io.stderr.write(`error: ${err.code}: ${err.message}\n`);
      return 1;
    }
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed flags.
    const code = (err as { code?: unknown }).code;
    if (
      err instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr.write(`llorch gguf: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}
