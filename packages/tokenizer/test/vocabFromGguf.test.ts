import { describe, expect, it, jest } from '@jest/globals';
import { GgufValueType, readGguf, type GgufFile, type GgufValue } from '@llorch/gguf';
import { Tokenizer, TokenType, vocabFromGguf } from '@llorch/tokenizer';
import { sharedFile } from '../../../test/support/sharedFile.js';

// Loading the real vocabularies takes seconds on a loaded 2-core machine.
jest.setTimeout(60_000);

/** A GgufFile holding only the given metadata (the reader itself is tested in @llorch/gguf). */
function ggufWith(entries: Record<string, [GgufValueType, GgufValue]>): GgufFile {
  return {
    version: 3,
    alignment: 32,
    dataOffset: 0,
    fileSize: 0,
    tensors: [],
    metadata: new Map(
      Object.entries(entries).map(([key, [type, value]]) => [key, { key, type, value }]),
    ),
  };
}

const strings = (items: string[]): [GgufValueType, GgufValue] => [
  GgufValueType.ARRAY,
  { kind: 'array', itemType: GgufValueType.STRING, items },
];

describe('vocabFromGguf', () => {
  it('rejects a tokenizer model it does not implement', () => {
    const file = ggufWith({ 'tokenizer.ggml.model': [GgufValueType.STRING, 'rwkv'] });
    expect(() => vocabFromGguf(file)).toThrow(
      expect.objectContaining({ code: 'TOKENIZER_ERR_UNSUPPORTED_MODEL' }),
    );
  });

  it('reports missing or mistyped tokenizer keys as a bad vocabulary', () => {
    const noTokens = ggufWith({ 'tokenizer.ggml.model': [GgufValueType.STRING, 'gpt2'] });
    expect(() => vocabFromGguf(noTokens)).toThrow(
      expect.objectContaining({ code: 'TOKENIZER_ERR_BAD_VOCAB' }),
    );
    const wrongType = ggufWith({
      'tokenizer.ggml.model': [GgufValueType.STRING, 'gpt2'],
      'tokenizer.ggml.tokens': [GgufValueType.STRING, 'a'],
    });
    expect(() => vocabFromGguf(wrongType)).toThrow(
      expect.objectContaining({ code: 'TOKENIZER_ERR_BAD_VOCAB' }),
    );
  });

  it('reads an SPM vocabulary with llama.cpp defaults for absent keys', () => {
    const vocab = vocabFromGguf(
      ggufWith({
        'tokenizer.ggml.model': [GgufValueType.STRING, 'llama'],
        'tokenizer.ggml.tokens': strings(['<unk>', '<s>', '</s>', '▁a']),
        'tokenizer.ggml.scores': [
          GgufValueType.ARRAY,
          {
            kind: 'array',
            itemType: GgufValueType.FLOAT32,
            items: new Float32Array([0, 0, 0, -1]),
          },
        ],
      }),
    );
    expect(vocab).toMatchObject({
      model: 'spm',
      pre: 'default',
      addBos: true,
      addSpacePrefix: true,
      special: { bos: 1, eos: 2, unk: 0 },
    });
    expect(Array.from(vocab.types)).toEqual([1, 1, 1, 1].map(() => TokenType.NORMAL));
  });

  it('reads stories260K (SPM, no pre key) and round-trips text', async () => {
    const f = sharedFile('models/stories260K.gguf');
    if (f === undefined) return;
    const tok = Tokenizer.fromGguf(await readGguf(f));
    expect(tok.vocab.model).toBe('spm');
    expect(tok.size).toBe(512);
    const ids = tok.encode('Once upon a time, there was a little girl.');
    expect(ids[0]).toBe(1);
    expect(tok.decode(ids)).toBe('Once upon a time, there was a little girl.');
    expect(tok.stopTokenIds).toContain(2);
  });
});
