/** What a chunk of text produced: text safe to emit, and the stop string it ended on, if any. */
export interface StopScan {
  readonly emit: string;
  readonly stop?: string;
}

/**
 * Finds stop strings in streamed text. A stop string may arrive split over many chunks, so
 * the tail of the text that could still become one is held back until it either completes a
 * stop string (and is dropped with everything after it) or stops being a possible prefix.
 */
export class StopMatcher {
  readonly #stops: readonly string[];
  #held = '';
  #stopped: string | undefined;

  constructor(stops: readonly string[]) {
    this.#stops = stops.filter((s) => s.length > 0);
  }

  /** The stop string that ended the text, once one has matched. */
  get stopped(): string | undefined {
    return this.#stopped;
  }

  push(text: string): StopScan {
    if (this.#stopped !== undefined) return { emit: '' };
    if (this.#stops.length === 0) return { emit: text };
    const buffer = this.#held + text;
    // The stop string that completes first in the character stream wins (on a tie, the one
    // that starts first), so the result never depends on how the text was chunked.
    let at = -1;
    let end = Infinity;
    let matched: string | undefined;
    for (const stop of this.#stops) {
      const i = buffer.indexOf(stop);
      if (i === -1) continue;
      const e = i + stop.length;
      if (e < end || (e === end && i < at)) {
        at = i;
        end = e;
        matched = stop;
      }
    }
    if (matched !== undefined) {
      this.#stopped = matched;
      this.#held = '';
      return { emit: buffer.slice(0, at), stop: matched };
    }
    const keep = this.#longestPrefixSuffix(buffer);
    this.#held = buffer.slice(buffer.length - keep);
    return { emit: buffer.slice(0, buffer.length - keep) };
  }

  /** The end of the stream: whatever was held back is plain text after all. */
  flush(): string {
    const held = this.#held;
    this.#held = '';
    return held;
  }

  /** Length of the longest suffix of `buffer` that is a proper prefix of some stop string. */
  #longestPrefixSuffix(buffer: string): number {
    let best = 0;
    for (const stop of this.#stops) {
      // Candidate starts, longest suffix first; only a start holding the stop's first
      // character is worth comparing, which keeps this cheap for long stop strings.
      const first = stop.charCodeAt(0);
      for (let i = Math.max(0, buffer.length - stop.length + 1); i < buffer.length - best; i++) {
        if (buffer.charCodeAt(i) === first && stop.startsWith(buffer.slice(i))) {
          best = buffer.length - i;
          break;
        }
      }
    }
    return best;
  }
}
