import { describe, expect, it } from '@jest/globals';
import { Tokenizer, TokenType } from '@llorch/tokenizer';
import { toyBpeVocab, toySpmVocab } from './toyVocabs.js';

const code = (c: string) => expect.objectContaining({ code: c });

describe('Tokenizer (byte-level BPE)', () => {
  const tok = new Tokenizer(toyBpeVocab());
  const id = (t: string) => tok.tokenId(t)!;

  it('merges by rank into whole words', () => {
    expect(tok.encode('hello world')).toEqual([id('hello'), id('Ġworld')]);
    expect(tok.decode(tok.encode('hello world'))).toBe('hello world');
  });

  it('falls back to single bytes for unmerged text, including multi-byte characters', () => {
    const ids = tok.encode('é!');
    expect(ids).toHaveLength(3);
    expect(tok.decode(ids)).toBe('é!');
  });

  it('recognizes control tokens only when asked, user-defined tokens always', () => {
    expect(tok.encode('a<|end|>', { special: true })).toEqual([id('a'), id('<|end|>')]);
    expect(tok.encode('a<|end|>')).not.toContain(id('<|end|>'));
    expect(tok.encode('<tool>x')).toEqual([id('<tool>'), id('x')]);
  });

  it('adds BOS and EOS on request and by the vocabulary default', () => {
    expect(tok.encode('he', { addBos: true, addEos: true })).toEqual([
      id('<|bos|>'),
      id('he'),
      id('<|end|>'),
    ]);
    const withBos = new Tokenizer(toyBpeVocab({ addBos: true }));
    expect(withBos.encode('he')[0]).toBe(id('<|bos|>'));
    expect(withBos.encode('he', { addBos: false })).toEqual([id('he')]);
  });

  it('hides control tokens in decoded text unless asked to show them', () => {
    const ids = [id('hello'), id('<|end|>'), id('<tool>')];
    expect(tok.decode(ids)).toBe('hello<tool>');
    expect(tok.decode(ids, { special: true })).toBe('hello<|end|><tool>');
  });

  it('exposes eos and turn-end control tokens as stop ids', () => {
    expect(tok.stopTokenIds).toEqual([id('<|end|>')]);
  });

  it('rejects ids outside the vocabulary and non-string text with typed errors', () => {
    expect(() => tok.decode([tok.size])).toThrow(code('TOKENIZER_ERR_BAD_TOKEN_ID'));
    expect(() => tok.decode([-1])).toThrow(code('TOKENIZER_ERR_BAD_TOKEN_ID'));
    expect(() => tok.decode([1.5])).toThrow(code('TOKENIZER_ERR_BAD_TOKEN_ID'));
    expect(() => tok.decode('12' as unknown as number[])).toThrow(code('TOKENIZER_ERR_BAD_INPUT'));
    expect(() => tok.encode(42 as unknown as string)).toThrow(code('TOKENIZER_ERR_BAD_INPUT'));
    expect(() => tok.tokenText(99999)).toThrow(code('TOKENIZER_ERR_BAD_TOKEN_ID'));
  });

  it('takes a whole-word token without merging under the llama3 pre-tokenizer', () => {
    const base = toyBpeVocab();
    const vocab = {
      ...base,
      tokens: [...base.tokens, 'xyz'],
      types: [...Array.from(base.types), TokenType.NORMAL],
    };
    const llama3 = new Tokenizer({ ...vocab, pre: 'llama3' });
    expect(llama3.encode('xyz')).toEqual([llama3.tokenId('xyz')]);
    const gpt2 = new Tokenizer({ ...vocab, pre: 'gpt2' });
    expect(gpt2.encode('xyz')).toEqual(['x', 'y', 'z'].map((c) => gpt2.tokenId(c)));
  });

  it('encodes lone surrogates as U+FFFD instead of failing', () => {
    expect(tok.decode(tok.encode('a\ud800b'))).toBe('a\ufffdb');
  });
});

describe('Tokenizer (SPM)', () => {
  const tok = new Tokenizer(toySpmVocab());
  const id = (t: string) => tok.tokenId(t)!;

  it('puts a space before the text and merges the best-scoring pieces', () => {
    expect(tok.encode('abc hi', { addBos: false })).toEqual([id('▁abc'), id('▁hi')]);
    expect(tok.encode('hi')).toEqual([1, id('▁hi')]);
  });

  it('falls back to byte tokens for characters outside the vocabulary', () => {
    const ids = tok.encode('é', { addBos: false });
    expect(ids).toEqual([id('▁'), id('<0xC3>'), id('<0xA9>')]);
    expect(tok.decode(ids)).toBe('é');
  });

  it('drops the space it added when decoding, also after a special token', () => {
    for (const text of ['hi', ' hi', 'abc</s> hi', 'a</s>b']) {
      const ids = tok.encode(text, { special: true, addBos: false });
      expect(tok.decode(ids, { special: true })).toBe(text);
    }
    expect(tok.encode('a</s>b', { addBos: false, special: true })).toEqual([
      id('▁a'),
      2,
      id('▁'),
      id('b'),
    ]);
    expect(tok.decode(tok.encode('hi'))).toBe('hi');
  });

  it('merges across spaces when the vocabulary has pieces that span them', () => {
    const base = toySpmVocab();
    const spanning = new Tokenizer({
      ...base,
      tokens: [...base.tokens, 'a▁', 'a▁b'],
      types: [...Array.from(base.types), TokenType.NORMAL, TokenType.NORMAL],
      scores: [...Array.from(base.scores!), 0, 1],
    });
    const ids = spanning.encode('a b', { addBos: false });
    expect(ids).toEqual([spanning.tokenId('▁'), spanning.tokenId('a▁b')]);
    expect(spanning.decode(ids)).toBe('a b');
  });

  it('has eos as its stop id', () => {
    expect(tok.stopTokenIds).toEqual([2]);
  });
});

describe('Tokenizer (WordPiece)', () => {
  const tokens = ['[UNK]', '[CLS]', '[SEP]', '▁ap', 'fel', '▁!', '▁中', '▁hello'];
  const tok = new Tokenizer({
    model: 'wpm',
    pre: 'default',
    tokens,
    types: tokens.map((t) => (t.startsWith('[') ? TokenType.CONTROL : TokenType.NORMAL)),
    scores: null,
    merges: [],
    special: { bos: 1, eos: 2, eot: null, eom: null, unk: 0, pad: null },
    addBos: true,
    addEos: true,
    addSpacePrefix: true,
    chatTemplate: null,
  });

  it('lower-cases, strips accents, isolates punctuation and CJK, matches longest pieces', () => {
    expect(tok.encode('Äpfel! 中 HELLO')).toEqual([1, 3, 4, 5, 6, 7, 2]);
  });

  it('makes a word with an unmatched piece unknown as a whole', () => {
    expect(tok.encode('apx hello', { addBos: false, addEos: false })).toEqual([0, 7]);
  });

  it('decodes pieces back to words', () => {
    expect(tok.decode([1, 3, 4, 7, 2])).toBe('apfel hello');
  });
});

describe('Tokenizer vocabulary checks', () => {
  it.each([
    ['no tokens', { tokens: [], types: [] }],
    ['types of another length', { types: [TokenType.NORMAL] }],
    [
      'a special id out of range',
      { special: { bos: 9999, eos: null, eot: null, eom: null, unk: null, pad: null } },
    ],
    ['no merges', { merges: [] }],
    ['a merge naming an unknown token', { merges: ['zz qq'] }],
  ])('rejects a BPE vocabulary with %s', (_what, overrides) => {
    expect(() => new Tokenizer(toyBpeVocab(overrides))).toThrow(code('TOKENIZER_ERR_BAD_VOCAB'));
  });

  it('rejects an SPM vocabulary without scores', () => {
    expect(() => new Tokenizer({ ...toySpmVocab(), scores: null })).toThrow(
      code('TOKENIZER_ERR_BAD_VOCAB'),
    );
  });

  it('rejects an unknown pre-tokenizer', () => {
    expect(() => new Tokenizer(toyBpeVocab({ pre: 'no-such-pre' }))).toThrow(
      code('TOKENIZER_ERR_UNSUPPORTED_PRE'),
    );
  });
});
