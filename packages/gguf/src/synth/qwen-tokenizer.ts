import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GgufError } from '../errors.js';
import { meta } from '../meta.js';
import type { GgufMetadataEntry } from '../types.js';

/** llama.cpp's token types (llama_token_type). */
const TOKEN_NORMAL = 1;
const TOKEN_CONTROL = 3;
const TOKEN_USER_DEFINED = 4;
const TOKEN_UNUSED = 5;

interface AddedToken {
  content: string;
  special: boolean;
}

interface TokenizerConfig {
  added_tokens_decoder: Record<string, AddedToken>;
  eos_token: string;
  pad_token: string;
  add_bos_token?: boolean;
  chat_template?: string;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new GgufError(
      'GGUF_ERR_IO',
      `cannot read tokenizer file ${file}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

/**
 * The tokenizer.* metadata of a Qwen2.5 GGUF, built from the Hugging Face files in `dir`
 * (vocab.json, merges.txt, tokenizer_config.json, config.json) the way llama.cpp's converter
 * does: vocab.json ids, then the added tokens (control when `special`, else user-defined),
 * then `[PAD<id>]` fillers of type unused up to `vocabSize`.
 */
export async function qwenTokenizerMetadata(
  dir: string,
  vocabSize: number,
): Promise<GgufMetadataEntry[]> {
  const vocab = JSON.parse(await readText(path.join(dir, 'vocab.json'))) as Record<string, number>;
  const config = JSON.parse(
    await readText(path.join(dir, 'tokenizer_config.json')),
  ) as TokenizerConfig;
  const hfConfig = JSON.parse(await readText(path.join(dir, 'config.json'))) as {
    bos_token_id?: number;
  };
  const mergesText = await readText(path.join(dir, 'merges.txt'));

  const tokens = new Array<string | undefined>(vocabSize);
  const types = new Int32Array(vocabSize);
  const ids = new Map<string, number>();
  const place = (token: string, id: number, type: number) => {
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) {
      throw new GgufError(
        'GGUF_ERR_BAD_SYNTH_OPTION',
        `token ${JSON.stringify(token)} has id ${id}, outside the ${vocabSize}-token vocabulary`,
      );
    }
    tokens[id] = token;
    types[id] = type;
    ids.set(token, id);
  };
  for (const [token, id] of Object.entries(vocab)) place(token, id, TOKEN_NORMAL);
  for (const [id, added] of Object.entries(config.added_tokens_decoder)) {
    place(added.content, Number(id), added.special ? TOKEN_CONTROL : TOKEN_USER_DEFINED);
  }
  for (let i = 0; i < vocabSize; i++) {
    if (tokens[i] === undefined) {
      tokens[i] = `[PAD${i}]`;
      types[i] = TOKEN_UNUSED;
    }
  }
  const merges = mergesText
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#version'));
  const idOf = (token: string, what: string) => {
    const id = ids.get(token);
    if (id === undefined) {
      throw new GgufError('GGUF_ERR_BAD_SYNTH_OPTION', `${what} ${token} is not in the vocabulary`);
    }
    return id;
  };

  const entries = [
    meta.string('tokenizer.ggml.model', 'gpt2'),
    meta.string('tokenizer.ggml.pre', 'qwen2'),
    meta.stringArray('tokenizer.ggml.tokens', tokens as string[]),
    meta.i32Array('tokenizer.ggml.token_type', types),
    meta.stringArray('tokenizer.ggml.merges', merges),
  ];
  if (hfConfig.bos_token_id !== undefined) {
    entries.push(meta.u32('tokenizer.ggml.bos_token_id', hfConfig.bos_token_id));
  }
  entries.push(
    meta.u32('tokenizer.ggml.eos_token_id', idOf(config.eos_token, 'eos_token')),
    meta.u32('tokenizer.ggml.padding_token_id', idOf(config.pad_token, 'pad_token')),
    meta.bool('tokenizer.ggml.add_bos_token', config.add_bos_token ?? false),
  );
  if (config.chat_template !== undefined) {
    entries.push(meta.string('tokenizer.chat_template', config.chat_template));
  }
  return entries;
}
