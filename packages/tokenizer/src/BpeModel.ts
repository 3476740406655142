import { byteLevel } from './byteLevel.js';
import { TokenizerError } from './errors.js';
import { Heap } from './Heap.js';
import { PairRankTable } from './PairRankTable.js';
import { PreTokenizer } from './preTokenizer.js';

/** Cached words before the cache is dropped and refilled; bounds memory on endless input. */
const WORD_CACHE_LIMIT = 200_000;

/**
 * Byte-level BPE: the pre-tokenizer cuts text into words, each word's UTF-8 bytes start as
 * one symbol per byte, and the lowest-ranked adjacent pair is merged until none is left.
 * Symbols are token ids from the start, so the merge loop never builds strings.
 */
export class BpeModel {
  private readonly pairs: PairRankTable;
  /** Token id of each byte's alphabet character; -1 where the vocabulary lacks it. */
  private readonly byteIds = new Int32Array(256).fill(-1);
  private readonly cache = new Map<string, readonly number[]>();
  private readonly pre: PreTokenizer;
  private readonly encoder = new TextEncoder();
  private bytes = new Uint8Array(256);
  // Linked list of the symbols of the word being merged. ids[i] is -1 for a symbol merged into
  // its left neighbour, or for a byte the vocabulary lacks (never merged, emitted as unk).
  private ids = new Int32Array(256);
  private next = new Int32Array(256);
  private prev = new Int32Array(256);
  private readonly queue = new Heap<number>((a, b) => a < b);

  constructor(
    private readonly tokenToId: ReadonlyMap<string, number>,
    merges: readonly string[],
    pre: string,
    private readonly unkId: number | null,
  ) {
    this.pre = new PreTokenizer(pre);
    for (let b = 0; b < 256; b++) this.byteIds[b] = tokenToId.get(byteLevel.charOf(b)) ?? -1;
    this.pairs = new PairRankTable(merges.length);
    merges.forEach((merge, rank) => {
      // The separator is the first space after the first character ("Ġ t" and "  t" forms).
      const sep = merge.indexOf(' ', 1);
      const left = sep > 0 ? tokenToId.get(merge.slice(0, sep)) : undefined;
      const right = sep > 0 ? tokenToId.get(merge.slice(sep + 1)) : undefined;
      if (left === undefined || right === undefined) {
        throw new TokenizerError(
          'TOKENIZER_ERR_BAD_VOCAB',
          `merge ${rank} ("${merge}") names a token the vocabulary lacks`,
        );
      }
      const merged = tokenToId.get(merge.slice(0, sep) + merge.slice(sep + 1));
      // A merge whose result is not a token can never apply (the HF tokenizers skip it too).
      if (merged !== undefined) this.pairs.set(left, right, rank, merged);
    });
  }

  /** Appends the ids of `text` (no special tokens in it) to `out`. */
  encode(text: string, out: number[]): void {
    this.pre.split(text, (word) => {
      let ids = this.cache.get(word);
      if (ids === undefined) {
        ids = this.encodeWord(word);
        if (this.cache.size >= WORD_CACHE_LIMIT) this.cache.clear();
        this.cache.set(word, ids);
      }
      for (let i = 0; i < ids.length; i++) out.push(ids[i]!);
    });
  }

  private encodeWord(word: string): number[] {
    const n = this.toBytes(word);
    if (n === 0) return [];
    if (this.pre.ignoreMerges) {
      const whole = this.tokenToId.get(byteLevel.encode(this.bytes.subarray(0, n)));
      if (whole !== undefined) return [whole];
    }
    if (this.ids.length < n) {
      const size = 2 * n;
      this.ids = new Int32Array(size);
      this.next = new Int32Array(size);
      this.prev = new Int32Array(size);
    }
    const { ids, next, prev, pairs, queue } = this;
    for (let i = 0; i < n; i++) {
      ids[i] = this.byteIds[this.bytes[i]!]!;
      next[i] = i + 1 < n ? i + 1 : -1;
      prev[i] = i - 1;
    }
    // Queue entries pack (rank, position) into one number so that ties go to the leftmost pair.
    const stride = n;
    queue.clear();
    const offer = (left: number): void => {
      const right = next[left]!;
      if (left < 0 || right < 0) return;
      const slot = pairs.find(ids[left]!, ids[right]!);
      if (slot >= 0) queue.push(pairs.rankAt(slot) * stride + left);
    };
    for (let i = 0; i + 1 < n; i++) offer(i);
    while (queue.size > 0) {
      const key = queue.pop()!;
      const left = key % stride;
      const rank = (key - left) / stride;
      const right = next[left]!;
      if (ids[left]! < 0 || right < 0) continue;
      // The entry is stale unless the pair now at `left` still has this rank.
      const slot = pairs.find(ids[left]!, ids[right]!);
      if (slot < 0 || pairs.rankAt(slot) !== rank) continue;
      ids[left] = pairs.mergedAt(slot);
      ids[right] = -1;
      const after = next[right]!;
      next[left] = after;
      if (after >= 0) prev[after] = left;
      if (prev[left]! >= 0) offer(prev[left]!);
      offer(left);
    }
    const result: number[] = [];
    for (let i = 0; i >= 0; i = next[i]!) {
      const id = ids[i]!;
      if (id >= 0) result.push(id);
      else if (this.unkId !== null) result.push(this.unkId);
    }
    return result;
  }

  /** UTF-8 of `word` into this.bytes; returns the byte count. */
  private toBytes(word: string): number {
    const len = word.length;
    if (this.bytes.length < len * 3) this.bytes = new Uint8Array(len * 3);
    const bytes = this.bytes;
    for (let i = 0; i < len; i++) {
      const c = word.charCodeAt(i);
      if (c >= 0x80) return this.encoder.encodeInto(word, bytes).written;
      bytes[i] = c;
    }
    return len;
  }
}
