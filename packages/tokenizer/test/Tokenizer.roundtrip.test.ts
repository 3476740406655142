import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { readGguf } from '@llorch/gguf';
import { Tokenizer } from '@llorch/tokenizer';
import { sharedFile } from '../../../test/support/sharedFile.js';

// Loading the real vocabularies takes seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/**
 * decode(encode(x)) === x, on a real corpus and on arbitrary Unicode; for Qwen2, whose tokenizer
 * normalizes to NFC first, the NFC form of x.
 */
const restored = (tok: Tokenizer, text: string) =>
  tok.vocab.pre.startsWith('qwen') ? text.normalize('NFC') : text;

const SOURCES: Record<string, () => Promise<Tokenizer | null>> = {
  'qwen2.5 (HF files)': async () => {
    const f = sharedFile('models/qwen2.5-0.5b-instruct/vocab.json');
    return f === undefined ? null : Tokenizer.fromHfDir(path.dirname(f));
  },
  'llama-spm (GGUF)': async () => {
    const f = sharedFile('tokenizer-vectors/ggml-vocab-llama-spm.gguf');
    return f === undefined ? null : Tokenizer.fromGguf(await readGguf(f));
  },
  'deepseek-llm (GGUF)': async () => {
    const f = sharedFile('tokenizer-vectors/ggml-vocab-deepseek-llm.gguf');
    return f === undefined ? null : Tokenizer.fromGguf(await readGguf(f));
  },
  // Byte-complete vocabularies only: falcon's, for one, has no token for bytes such as 0x03 or
  // 0xF2, so some text cannot round-trip through it by construction.
  'deepseek-coder (GGUF)': async () => {
    const f = sharedFile('tokenizer-vectors/ggml-vocab-deepseek-coder.gguf');
    return f === undefined ? null : Tokenizer.fromGguf(await readGguf(f));
  },
};

// Code points from every plane in use, lone surrogates excluded (they have no UTF-8 form).
const unicodeText = fc.string({ unit: 'binary', maxLength: 60 });

describe.each(Object.entries(SOURCES))('round trip with %s', (_name, load) => {
  let loaded: Promise<Tokenizer | null> | undefined;
  const tokenizer = (): Promise<Tokenizer | null> => (loaded ??= load());

  it('restores random Unicode strings exactly', async () => {
    const tok = await tokenizer();
    if (tok === null) return;
    fc.assert(
      fc.property(unicodeText, (text) => {
        expect(tok.decode(tok.encode(text))).toBe(restored(tok, text));
      }),
      { numRuns: 300 },
    );
  });

  it('restores whitespace and control-heavy strings exactly', async () => {
    const tok = await tokenizer();
    if (tok === null) return;
    const pieces = fc.constantFrom(
      ' ',
      '  ',
      '\n',
      '\r\n',
      '\t',
      '\u00a0',
      '\u3000',
      'a',
      '1',
      '!',
      'é',
      '\ufeff',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(tok.decode(tok.encode(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('round trip of tinyshakespeare', () => {
  it.each(['qwen2.5 (HF files)', 'llama-spm (GGUF)'])('with %s', async (name) => {
    const corpus = sharedFile('data/tinyshakespeare.txt');
    const tok = await SOURCES[name]!();
    if (corpus === undefined || tok === null) return;
    const text = readFileSync(corpus, 'utf8');
    const ids = tok.encode(text);
    expect(ids.length).toBeGreaterThan(100_000);
    expect(tok.decode(ids)).toBe(text);
  });
});
