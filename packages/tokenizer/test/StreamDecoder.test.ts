import path from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { readGguf } from '@llorch/gguf';
import { Tokenizer } from '@llorch/tokenizer';
import { sharedFile } from '../../../test/support/sharedFile.js';
import { toyBpeVocab, toySpmVocab } from './toyVocabs.js';

// Loading the real vocabularies takes seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** Streams `ids` in the given chunk sizes; returns the deltas. */
function stream(tok: Tokenizer, ids: number[], chunks: number[], special: boolean): string[] {
  const d = tok.streamDecoder({ special });
  const deltas: string[] = [];
  let i = 0;
  for (const size of chunks) {
    if (i >= ids.length) break;
    deltas.push(d.push(ids.slice(i, i + size)));
    i += size;
  }
  for (; i < ids.length; i++) deltas.push(d.push(ids[i]!));
  deltas.push(d.flush());
  return deltas;
}

function checkStreamsLikeDecode(tok: Tokenizer): void {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: tok.size - 1 }), { maxLength: 40 }),
      fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 40 }),
      fc.boolean(),
      (ids, chunks, special) => {
        const deltas = stream(tok, ids, chunks, special);
        expect(deltas.join('')).toBe(tok.decode(ids, { special }));
        for (const delta of deltas) {
          // A delta never ends or starts inside a character.
          expect(delta).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
        }
      },
    ),
    { numRuns: 400 },
  );
}

describe('StreamDecoder', () => {
  it('concatenates to decode() for any token sequence (toy BPE, toy SPM)', () => {
    checkStreamsLikeDecode(new Tokenizer(toyBpeVocab()));
    checkStreamsLikeDecode(new Tokenizer(toySpmVocab()));
  });

  it('concatenates to decode() for any token sequence (Qwen2.5, llama SPM)', async () => {
    const qwen = sharedFile('models/qwen2.5-0.5b-instruct/vocab.json');
    const spm = sharedFile('tokenizer-vectors/ggml-vocab-llama-spm.gguf');
    if (qwen === undefined || spm === undefined) return;
    checkStreamsLikeDecode(await Tokenizer.fromHfDir(path.dirname(qwen)));
    checkStreamsLikeDecode(Tokenizer.fromGguf(await readGguf(spm)));
  });

  it('holds back the bytes of a character split over tokens', () => {
    const tok = new Tokenizer(toySpmVocab());
    const ids = tok.encode('𝄞', { addBos: false });
    expect(ids).toHaveLength(5); // ▁ and four byte tokens
    const d = tok.streamDecoder();
    expect(ids.map((id) => d.push(id))).toEqual(['', '', '', '', '𝄞']);
    expect(d.flush()).toBe('');
  });

  it('ends an unfinished character as U+FFFD on flush, like decode()', () => {
    const tok = new Tokenizer(toySpmVocab());
    const ids = tok.encode('𝄞', { addBos: false }).slice(0, 3);
    const d = tok.streamDecoder();
    expect(d.push(ids)).toBe('');
    expect(d.flush()).toBe('\ufffd');
    expect(tok.decode(ids)).toBe('\ufffd');
  });

  it('drops the SPM prefix space once per run and shows specials on request', () => {
    const tok = new Tokenizer(toySpmVocab());
    const ids = tok.encode('hi</s>abc', { special: true });
    expect(stream(tok, ids, [], false).join('')).toBe('hiabc');
    expect(stream(tok, ids, [], true).join('')).toBe('<s>hi</s>abc');
  });
});
