import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Tokenizer, vocabFromHfDir } from '@llorch/tokenizer';
import { sharedFile } from '../../../test/support/sharedFile.js';

// Loading the real vocabularies takes seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function hfDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'llorch-hf-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const good = {
  'vocab.json': JSON.stringify({ a: 0, b: 1, ab: 2 }),
  'merges.txt': '#version: 0.2\na b\n',
  'tokenizer_config.json': JSON.stringify({
    tokenizer_class: 'GPT2Tokenizer',
    eos_token: { content: '<|end|>' },
    added_tokens_decoder: { '3': { content: '<|end|>', special: true } },
  }),
};

describe('vocabFromHfDir', () => {
  it('builds a vocabulary from vocab.json, merges.txt and tokenizer_config.json', async () => {
    const tok = await Tokenizer.fromHfDir(hfDir(good));
    expect(tok.encode('ab<|end|>', { special: true })).toEqual([2, 3]);
    expect(tok.stopTokenIds).toEqual([3]);
  });

  it.each([
    ['a missing file', { 'merges.txt': undefined }],
    ['vocab.json that is not JSON', { 'vocab.json': '{oops' }],
    ['vocab.json that is not an object', { 'vocab.json': '[1]' }],
    ['a negative id', { 'vocab.json': '{"a": -1}' }],
    [
      'an eos that is no token',
      { 'tokenizer_config.json': '{"tokenizer_class": "GPT2Tokenizer", "eos_token": "zz"}' },
    ],
  ])('reports %s as TOKENIZER_ERR_HF_FILES', async (_what, change) => {
    const files: Record<string, string> = { ...good };
    for (const [name, text] of Object.entries(change)) {
      if (text === undefined) delete files[name];
      else files[name] = text;
    }
    await expect(vocabFromHfDir(hfDir(files))).rejects.toMatchObject({
      code: 'TOKENIZER_ERR_HF_FILES',
    });
  });

  it('needs a pre-tokenizer for an unknown tokenizer class', async () => {
    const dir = hfDir({ ...good, 'tokenizer_config.json': '{"tokenizer_class": "Mystery"}' });
    await expect(vocabFromHfDir(dir)).rejects.toMatchObject({
      code: 'TOKENIZER_ERR_UNSUPPORTED_PRE',
    });
    expect((await vocabFromHfDir(dir, { pre: 'gpt2' })).pre).toBe('gpt2');
  });

  it('reads the Qwen2.5 files: added tokens, eos, template', async () => {
    const f = sharedFile('models/qwen2.5-0.5b-instruct/vocab.json');
    if (f === undefined) return;
    const vocab = await vocabFromHfDir(path.dirname(f));
    expect(vocab.tokens).toHaveLength(151665);
    expect(vocab.pre).toBe('qwen2');
    expect(vocab.special.eos).toBe(151645);
    expect(vocab.special.bos).toBeNull();
    expect(vocab.addBos).toBe(false);
    expect(vocab.chatTemplate).toContain('<|im_start|>');
    const tok = new Tokenizer(vocab);
    expect(tok.stopTokenIds).toEqual([151643, 151645]);
  });
});
