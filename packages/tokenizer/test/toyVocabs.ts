import { byteLevel } from '../src/byteLevel.js';
import { TokenType, type Vocab } from '../src/vocab.js';

/**
 * Small hand-made vocabularies for unit tests that need no shared files: every byte's
 * alphabet character, a few merges, one control and one user-defined token.
 */
export function toyBpeVocab(overrides: Partial<Vocab> = {}): Vocab {
  const tokens = Array.from({ length: 256 }, (_, b) => byteLevel.charOf(b));
  const merges = ['h e', 'l l', 'he ll', 'hell o', 'Ġ w', 'Ġw o', 'r l', 'Ġwo rl', 'Ġworl d'];
  for (const m of merges) tokens.push(m.replace(' ', ''));
  tokens.push('<|end|>', '<tool>', '<|bos|>');
  const types = tokens.map((t) =>
    t === '<|end|>' || t === '<|bos|>'
      ? TokenType.CONTROL
      : t === '<tool>'
        ? TokenType.USER_DEFINED
        : TokenType.NORMAL,
  );
  return {
    model: 'bpe',
    pre: 'gpt2',
    tokens,
    types,
    scores: null,
    merges,
    special: {
      bos: tokens.indexOf('<|bos|>'),
      eos: tokens.indexOf('<|end|>'),
      eot: null,
      eom: null,
      unk: null,
      pad: null,
    },
    addBos: false,
    addEos: false,
    addSpacePrefix: false,
    chatTemplate: null,
    ...overrides,
  };
}

/** SPM: <unk>, <s>, </s>, 256 byte tokens, then scored pieces. */
export function toySpmVocab(): Vocab {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types: number[] = [TokenType.UNKNOWN, TokenType.CONTROL, TokenType.CONTROL];
  const scores: number[] = [0, 0, 0];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(TokenType.BYTE);
    scores.push(0);
  }
  const pieces = ['▁', 'a', 'b', 'c', 'h', 'i', '▁a', '▁h', 'hi', '▁hi', 'ab', 'abc', '▁abc'];
  pieces.forEach((p, i) => {
    tokens.push(p);
    types.push(TokenType.NORMAL);
    // Longer pieces score higher, as in a trained model.
    scores.push(-100 + p.length * 10 + i * 0.01);
  });
  return {
    model: 'spm',
    pre: 'default',
    tokens,
    types,
    scores,
    merges: [],
    special: { bos: 1, eos: 2, eot: null, eom: null, unk: 0, pad: null },
    addBos: true,
    addEos: false,
    addSpacePrefix: true,
    chatTemplate: null,
  };
}
