import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TokenizerError } from './errors.js';
import { TokenType, type Vocab } from './vocab.js';

/** tokenizer_class -> the pre-tokenizer its fast tokenizer uses. */
const PRE_BY_CLASS: Record<string, string> = {
  Qwen2Tokenizer: 'qwen2',
  Qwen2TokenizerFast: 'qwen2',
  GPT2Tokenizer: 'gpt2',
  GPT2TokenizerFast: 'gpt2',
};

export interface HfDirOptions {
  /** Pre-tokenizer name, for tokenizer classes not in the built-in list. */
  readonly pre?: string;
}

function hfError(file: string, message: string, cause?: unknown): TokenizerError {
  return new TokenizerError('TOKENIZER_ERR_HF_FILES', `${file}: ${message}`, { cause });
}

async function readText(dir: string, name: string): Promise<string> {
  try {
    return await readFile(path.join(dir, name), 'utf8');
  } catch (cause) {
    throw hfError(path.join(dir, name), `cannot be read (${(cause as Error).message})`, cause);
  }
}

async function readJsonObject(dir: string, name: string): Promise<Record<string, unknown>> {
  const text = await readText(dir, name);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw hfError(path.join(dir, name), `is not valid JSON (${(cause as Error).message})`, cause);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw hfError(path.join(dir, name), 'must hold a JSON object');
  }
  return value as Record<string, unknown>;
}

/** A special token setting: a string, {content}, or null. */
function tokenContent(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { content?: unknown }).content === 'string'
  ) {
    return (value as { content: string }).content;
  }
  return null;
}

function chatTemplateOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  // Newer configs may hold named templates; "default" is the one apply_chat_template picks.
  if (Array.isArray(value)) {
    const named = value.find((t: { name?: unknown }) => t?.name === 'default') as
      { template?: unknown } | undefined;
    return typeof named?.template === 'string' ? named.template : null;
  }
  return null;
}

/**
 * A byte-level BPE vocabulary from a Hugging Face tokenizer directory: vocab.json, merges.txt
 * and tokenizer_config.json (added tokens, special token roles, chat template).
 */
export async function vocabFromHfDir(dir: string, options: HfDirOptions = {}): Promise<Vocab> {
  const vocabJson = await readJsonObject(dir, 'vocab.json');
  const config = await readJsonObject(dir, 'tokenizer_config.json');
  const mergesText = await readText(dir, 'merges.txt');

  const byId = new Map<number, { text: string; type: TokenType }>();
  for (const [text, id] of Object.entries(vocabJson)) {
    if (!Number.isInteger(id) || (id as number) < 0) {
      throw hfError(
        path.join(dir, 'vocab.json'),
        `token ${JSON.stringify(text)} has id ${String(id)}`,
      );
    }
    byId.set(id as number, { text, type: TokenType.NORMAL });
  }
  const added = config.added_tokens_decoder;
  if (typeof added === 'object' && added !== null) {
    for (const [key, entry] of Object.entries(added as Record<string, unknown>)) {
      const text = tokenContent(entry);
      const id = Number(key);
      if (text === null || !Number.isInteger(id) || id < 0) {
        throw hfError(path.join(dir, 'tokenizer_config.json'), `added token ${key} is malformed`);
      }
      const special = (entry as { special?: unknown }).special === true;
      byId.set(id, { text, type: special ? TokenType.CONTROL : TokenType.USER_DEFINED });
    }
  }
  let size = 0;
  for (const id of byId.keys()) size = Math.max(size, id + 1);
  const tokens: string[] = new Array<string>(size);
  const types = new Uint8Array(size);
  for (let id = 0; id < size; id++) {
    const entry = byId.get(id);
    tokens[id] = entry?.text ?? `[UNUSED_${id}]`;
    types[id] = entry?.type ?? TokenType.UNUSED;
  }

  const merges = mergesText
    .split('\n')
    .filter((line, i) => line.length > 0 && !(i === 0 && line.startsWith('#version')));

  const tokenClass = typeof config.tokenizer_class === 'string' ? config.tokenizer_class : '';
  const pre = options.pre ?? PRE_BY_CLASS[tokenClass];
  if (pre === undefined) {
    throw new TokenizerError(
      'TOKENIZER_ERR_UNSUPPORTED_PRE',
      `tokenizer_class "${tokenClass}" has no known pre-tokenizer; name one with the pre option`,
    );
  }
  const idOf = (key: string): number | null => {
    const text = tokenContent(config[key]);
    if (text === null) return null;
    const id = tokens.indexOf(text);
    if (id < 0)
      throw hfError(path.join(dir, 'tokenizer_config.json'), `${key} "${text}" is not a token`);
    return id;
  };
  return {
    model: 'bpe',
    pre,
    tokens,
    types,
    scores: null,
    merges,
    special: {
      bos: idOf('bos_token'),
      eos: idOf('eos_token'),
      eot: null,
      eom: null,
      unk: idOf('unk_token'),
      pad: idOf('pad_token'),
    },
    addBos: config.add_bos_token === true,
    addEos: config.add_eos_token === true,
    addSpacePrefix: false,
    chatTemplate: chatTemplateOf(config.chat_template),
  };
}
