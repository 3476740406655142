import { TokenType } from './vocab.js';

/** CJK ideographs, which BERT's basic tokenizer makes one-character words. */
const CJK =
  /[\u{4e00}-\u{9fff}\u{3400}-\u{4dbf}\u{20000}-\u{2a6df}\u{2a700}-\u{2b73f}\u{2b740}-\u{2b81f}\u{2b820}-\u{2ceaf}\u{f900}-\u{faff}\u{2f800}-\u{2fa1f}]/u;

/** Punctuation anywhere, symbols in ASCII, and CJK ideographs are words of their own. */
function standsAlone(ch: string): boolean {
  return /\p{P}/u.test(ch) || (ch.codePointAt(0)! < 0x7f && /\p{S}/u.test(ch)) || CJK.test(ch);
}

/**
 * WordPiece (BERT vocabularies, tokenizer.ggml.model = bert): BERT's basic tokenizer (NFD,
 * accents stripped, lower case, punctuation and CJK characters as words of their own), then the
 * longest vocabulary match from the left within each word. As llama.cpp's converter writes these
 * vocabularies, a word-initial piece carries a U+2581 prefix and a continuation piece none.
 */
export class WpmModel {
  private readonly pieces = new Map<string, number>();
  private readonly maxLength: number;

  constructor(
    tokens: readonly string[],
    types: ArrayLike<number>,
    private readonly unkId: number | null,
  ) {
    let maxLength = 0;
    tokens.forEach((text, id) => {
      if (types[id] !== TokenType.NORMAL && types[id] !== TokenType.USER_DEFINED) return;
      if (!this.pieces.has(text)) this.pieces.set(text, id);
      maxLength = Math.max(maxLength, text.length);
    });
    this.maxLength = maxLength;
  }

  /** Appends the ids of `text` to `out`. */
  encode(text: string, out: number[]): void {
    for (const word of this.words(text)) {
      const start = out.length;
      const w = '\u2581' + word;
      for (let i = 0; i < w.length;) {
        let j = Math.min(w.length, i + this.maxLength);
        for (; j > i; j--) {
          const id = this.pieces.get(w.slice(i, j));
          if (id !== undefined) {
            out.push(id);
            break;
          }
        }
        if (j === i) {
          // One unmatched piece makes the whole word unknown, as in BERT.
          out.length = start;
          break;
        }
        i = j;
      }
      if (out.length === start && this.unkId !== null) out.push(this.unkId);
    }
  }

  private words(text: string): string[] {
    const words: string[] = [];
    let word = '';
    for (const ch of text.normalize('NFD')) {
      if (/\p{White_Space}/u.test(ch)) {
        if (word) words.push(word);
        word = '';
      } else if (ch === '\u0000' || ch === '\ufffd' || /[\p{C}\p{Mn}]/u.test(ch)) {
        continue;
      } else if (standsAlone(ch)) {
        if (word) words.push(word);
        words.push(ch.toLowerCase());
        word = '';
      } else {
        word += ch.toLowerCase();
      }
    }
    if (word) words.push(word);
    return words;
  }
}
