/**
 * Merge ranks keyed by the pair of token ids, in an open-addressing hash table over typed
 * arrays: the BPE inner loop looks a pair up for every neighbour change, and a Map keyed by
 * strings or by left * n + right (beyond small-integer range) costs several times more.
 */
export class PairRankTable {
  private readonly lefts: Int32Array;
  private readonly rights: Int32Array;
  private readonly ranks: Int32Array;
  private readonly merged: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.lefts = new Int32Array(size).fill(-1);
    this.rights = new Int32Array(size);
    this.ranks = new Int32Array(size);
    this.merged = new Int32Array(size);
  }

  private slot(left: number, right: number): number {
    return (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca6b)) & this.mask;
  }

  /** Keeps the first (best) rank when a pair is listed twice. */
  set(left: number, right: number, rank: number, merged: number): void {
    for (let i = this.slot(left, right); ; i = (i + 1) & this.mask) {
      if (this.lefts[i] === -1) {
        this.lefts[i] = left;
        this.rights[i] = right;
        this.ranks[i] = rank;
        this.merged[i] = merged;
        return;
      }
      if (this.lefts[i] === left && this.rights[i] === right) return;
    }
  }

  /** Slot of the pair, or -1 when the pair never merges. */
  find(left: number, right: number): number {
    for (let i = this.slot(left, right); ; i = (i + 1) & this.mask) {
      const l = this.lefts[i]!;
      if (l === -1) return -1;
      if (l === left && this.rights[i] === right) return i;
    }
  }

  rankAt(slot: number): number {
    return this.ranks[slot]!;
  }

  mergedAt(slot: number): number {
    return this.merged[slot]!;
  }
}
