import { Heap } from './Heap.js';
import { TokenType } from './vocab.js';

/** Cached pieces before the cache is dropped and refilled; bounds memory on endless input. */
const PIECE_CACHE_LIMIT = 100_000;

interface Bigram {
  readonly left: number;
  readonly right: number;
  readonly score: number;
  /** UTF-16 length of the merged text when queued; a mismatch later means the entry is stale. */
  readonly length: number;
}

/**
 * SentencePiece-style encoding (llama's SPM vocabularies): start from one symbol per code
 * point and repeatedly merge the adjacent pair whose concatenation is the highest-scoring
 * token (ties to the left). A merge always yields a token, so only single characters can end
 * up outside the vocabulary; they fall back to <0xNN> byte tokens (or unk).
 */
export class SpmModel {
  /** Text -> id of the tokens a merge may produce: normal and user-defined ones. */
  private readonly mergeable = new Map<string, number>();
  private readonly byteIds = new Int32Array(256).fill(-1);
  private readonly encoder = new TextEncoder();
  /**
   * Whether the text may be cut before every run of U+2581 that follows other characters: true
   * when no mergeable token has U+2581 after a non-U+2581 character (Llama's vocabulary), as
   * then no merge can cross such a cut. The pieces are then encoded (and cached) one by one.
   */
  private readonly cutsAtSpaces: boolean;
  private readonly cache = new Map<string, readonly number[]>();

  constructor(
    tokens: readonly string[],
    types: ArrayLike<number>,
    private readonly scores: ArrayLike<number>,
    private readonly unkId: number | null,
  ) {
    tokens.forEach((text, id) => {
      const type = types[id];
      if (type === TokenType.NORMAL || type === TokenType.USER_DEFINED) {
        if (!this.mergeable.has(text)) this.mergeable.set(text, id);
      } else if (type === TokenType.BYTE) {
        const m = /^<0x([0-9A-Fa-f]{2})>$/.exec(text);
        if (m) this.byteIds[parseInt(m[1]!, 16)] = id;
      }
    });
    this.cutsAtSpaces = [...this.mergeable.keys()].every((t) => /^\u2581*[^\u2581]*$/u.test(t));
  }

  /** Appends the ids of `text` (spaces already escaped as U+2581) to `out`. */
  encode(text: string, out: number[]): void {
    if (!this.cutsAtSpaces) {
      this.encodePiece(text, out);
      return;
    }
    for (const [piece] of text.matchAll(/\u2581*[^\u2581]+|\u2581+$/gu)) {
      let ids = this.cache.get(piece);
      if (ids === undefined) {
        const fresh: number[] = [];
        this.encodePiece(piece, fresh);
        if (this.cache.size >= PIECE_CACHE_LIMIT) this.cache.clear();
        this.cache.set(piece, fresh);
        ids = fresh;
      }
      for (let i = 0; i < ids.length; i++) out.push(ids[i]!);
    }
  }

  private encodePiece(text: string, out: number[]): void {
    const symbols = Array.from(text);
    const n = symbols.length;
    if (n === 0) return;
    const next = new Int32Array(n);
    const prev = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      next[i] = i + 1 < n ? i + 1 : -1;
      prev[i] = i - 1;
    }
    const queue = new Heap<Bigram>(
      (a, b) => a.score > b.score || (a.score === b.score && a.left < b.left),
    );
    const offer = (left: number, right: number): void => {
      if (left < 0 || right < 0) return;
      const text = symbols[left]! + symbols[right]!;
      const id = this.mergeable.get(text);
      if (id === undefined) return;
      queue.push({ left, right, score: this.scores[id] ?? 0, length: text.length });
    };
    for (let i = 1; i < n; i++) offer(i - 1, i);
    for (let bigram = queue.pop(); bigram !== undefined; bigram = queue.pop()) {
      const { left, right } = bigram;
      const l = symbols[left]!;
      const r = symbols[right]!;
      if (l.length === 0 || r.length === 0 || l.length + r.length !== bigram.length) continue;
      symbols[left] = l + r;
      symbols[right] = '';
      next[left] = next[right]!;
      if (next[right]! >= 0) prev[next[right]!] = left;
      offer(prev[left]!, left);
      offer(left, next[left]!);
    }
    for (let i = 0; i >= 0; i = next[i]!) this.emit(symbols[i]!, out);
  }

  private emit(text: string, out: number[]): void {
    const id = this.mergeable.get(text);
    if (id !== undefined) {
      out.push(id);
      return;
    }
    for (const b of this.encoder.encode(text)) {
      const byteId = this.byteIds[b]!;
      if (byteId >= 0) out.push(byteId);
      else if (this.unkId !== null) out.push(this.unkId);
    }
  }
}
