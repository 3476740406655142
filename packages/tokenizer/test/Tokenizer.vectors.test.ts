import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { readGguf, writeSynthModel } from '@llorch/gguf';
import { Tokenizer } from '@llorch/tokenizer';
import { sharedFile } from '../../../test/support/sharedFile.js';

/*
 * llama.cpp's tokenizer test vectors: each .inp test string (separated by
 * "\n__ggml_vocab_test__\n") with the ids its reference tokenizer gives, no BOS. The ids are
 * read from the .out files where they lie; none is copied here.
 */

interface Case {
  /** Vector file stem: ggml-vocab-<name>.gguf.inp / .out. */
  readonly name: string;
  readonly load: () => Promise<Tokenizer | null>;
  /** Test name, when it differs from `name`. */
  readonly label?: string;
  /** Parse special tokens in the input (the tinyllama vectors test exactly that). */
  readonly special?: boolean;
}

let scratchDir: string | undefined;
const scratch = (): string => (scratchDir ??= mkdtempSync(path.join(os.tmpdir(), 'llorch-tok-')));
afterAll(() => {
  if (scratchDir !== undefined) rmSync(scratchDir, { recursive: true, force: true });
});

const fromGguf = (name: string) => async (): Promise<Tokenizer | null> => {
  const file = sharedFile(`tokenizer-vectors/ggml-vocab-${name}.gguf`);
  return file === undefined ? null : Tokenizer.fromGguf(await readGguf(file));
};

const CASES: readonly Case[] = [
  {
    // No qwen2 GGUF is at hand; the Qwen2.5 HF files hold the same vocabulary (DATA.md).
    name: 'qwen2',
    load: async () => {
      const dir = sharedFile('models/qwen2.5-0.5b-instruct/vocab.json');
      return dir === undefined ? null : Tokenizer.fromHfDir(dir.replace(/vocab\.json$/, ''));
    },
  },
  {
    // The same vocabulary in a GGUF laid out as llama.cpp's converter writes it (token types,
    // [PAD] fillers up to 151936), through @llorch/gguf's writer and reader.
    name: 'qwen2',
    label: 'qwen2 (synthetic GGUF)',
    load: async () => {
      const dir = sharedFile('models/qwen2.5-0.5b-instruct/vocab.json');
      if (dir === undefined) return null;
      const file = path.join(scratch(), 'tiny-qwen2.gguf');
      await writeSynthModel(file, {
        preset: 'tiny-qwen2',
        type: 'f32',
        seed: 1,
        tokenizerDir: path.dirname(dir),
      });
      return Tokenizer.fromGguf(await readGguf(file));
    },
  },
  { name: 'llama-spm', load: fromGguf('llama-spm') },
  { name: 'phi-3', load: fromGguf('phi-3') },
  // TinyLlama uses the Llama-2 vocabulary; its own GGUF is not at hand.
  { name: 'tinyllama', load: fromGguf('llama-spm'), special: true },
  { name: 'gpt-2', load: fromGguf('gpt-2') },
  { name: 'starcoder', load: fromGguf('starcoder') },
  { name: 'falcon', load: fromGguf('falcon') },
  { name: 'deepseek-llm', load: fromGguf('deepseek-llm') },
  { name: 'deepseek-coder', load: fromGguf('deepseek-coder') },
  { name: 'mpt', load: fromGguf('mpt') },
  { name: 'refact', load: fromGguf('refact') },
  { name: 'bert-bge', load: fromGguf('bert-bge') },
];

function readVectors(name: string): { text: string; ids: number[] }[] | null {
  const inp = sharedFile(`tokenizer-vectors/ggml-vocab-${name}.gguf.inp`);
  const out = sharedFile(`tokenizer-vectors/ggml-vocab-${name}.gguf.out`);
  if (inp === undefined || out === undefined) return null;
  const texts = readFileSync(inp, 'utf8').split('\n__ggml_vocab_test__\n');
  texts.pop(); // the file ends with a separator
  const lines = readFileSync(out, 'utf8').split('\n');
  return texts.map((text, i) => {
    const line = (lines[i] ?? '').trim();
    return { text, ids: line === '' ? [] : line.split(/\s+/).map(Number) };
  });
}

describe('llama.cpp tokenizer vectors', () => {
  for (const c of CASES) {
    it(`${c.label ?? c.name}: every test string encodes to the reference ids`, async () => {
      const vectors = readVectors(c.name);
      const tokenizer = await c.load();
      if (vectors === null || tokenizer === null) return;
      expect(vectors.length).toBeGreaterThan(10);
      for (const { text, ids } of vectors) {
        const got = tokenizer.encode(text, { addBos: false, addEos: false, special: c.special });
        expect({ text, ids: got }).toEqual({ text, ids });
      }
    }, 60_000); // loading the real vocabularies takes seconds on a loaded 2-core machine
  }
});

/*
 * Qwen2's Hugging Face tokenizer puts text in NFC before anything else (llama.cpp does not, so
 * its vectors hold no such input). These ids come from transformers 5.18's Qwen2Tokenizer on
 * the Qwen2.5 files in ../shared (tok.encode(text)); the decomposed forms must give the ids of
 * the composed ones.
 */
const qwenHf = sharedFile('models/qwen2.5-0.5b-instruct/vocab.json');
(qwenHf ? describe : describe.skip)('Qwen2 NFC normalization (transformers ids)', () => {
  it.each([
    ['e + combining acute', 'cafe\u0301 au lait', [924, 58858, 7906, 1187, 275]],
    ['A + ring, Angstrom sign', 'A\u030a and \u212b', [144044, 323, 79252]],
    ['Hangul jamo', '한국어 \u1100\u1161', [23573, 124785, 31079, 35509]],
    ['already NFC', 'ﬁ ligature ①', [144300, 28313, 1568, 220, 48312, 254]],
  ])('%s', async (_name, text, ids) => {
    const tok = await Tokenizer.fromHfDir(path.dirname(qwenHf!));
    expect(tok.encode(text)).toEqual(ids);
  });
});
