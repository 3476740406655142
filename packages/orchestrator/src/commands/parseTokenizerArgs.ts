import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GgufError, readGguf } from '@llorch/gguf';
import { Tokenizer, TokenizerError } from '@llorch/tokenizer';
import type { CommandIo } from './CommandIo.js';

// The flags every tokenizer command takes; a command adds its own.
const COMMON_OPTIONS = {
  model: { type: 'string' },
  hf: { type: 'string' },
  special: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags of a command that adds `T` to the common ones. */
export type TokenizerValues<T extends Options> = ReturnType<
  typeof parseArgs<{
    options: typeof COMMON_OPTIONS & T;
    strict: true;
    allowPositionals: true;
  }>
>['values'];

export interface TokenizerArgs<T extends Options> {
  values: TokenizerValues<T>;
  positionals: string[];
  /** Reports a usage error and returns the exit code for it. */
  usageError(message: string): number;
  /** The tokenizer that --model or --hf names. */
  openTokenizer(): Promise<Tokenizer>;
}

/**
 * Parses the argv of a tokenizer command (`llorch <name>`): the common flags plus `extra`,
 * --help, and exactly one of --model (a GGUF file) and --hf (an HF tokenizer directory).
 * Returns the exit code when the command is done (help printed, or a usage error reported),
 * else the parsed values with `usageError` for the command's own checks and `openTokenizer`.
 */
export function parseTokenizerArgs<const T extends Options>(
  name: string,
  usage: string,
  argv: string[],
  io: CommandIo,
  extra: T,
): TokenizerArgs<T> | number {
  const usageError = (message: string): number => {
    io.stderr.write(`llorch ${name}: ${message}\n${usage}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...extra },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    return usageError((err as Error).message);
  }
  const values = parsed.values as TokenizerValues<T>;
  const { positionals } = parsed;
  // The common flags, whatever `extra` adds.
  const common = values as { help?: boolean; model?: string; hf?: string };
  if (common.help === true) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  const { model, hf } = common;
  if ((model === undefined) === (hf === undefined)) {
    return usageError('give exactly one of --model and --hf');
  }
  const openTokenizer = async (): Promise<Tokenizer> =>
    model !== undefined ? Tokenizer.fromGguf(await readGguf(model)) : Tokenizer.fromHfDir(hf!);
  return { values, positionals, usageError, openTokenizer };
}

/** `llorch name: CODE: message` for the errors a tokenizer command expects; others are rethrown. */
export function describeTokenizerError(name: string, err: unknown): string {
  if (err instanceof TokenizerError || err instanceof GgufError) {
    return `llorch ${name}: ${err.code}: ${err.message}\n`;
  }
  throw err;
}
