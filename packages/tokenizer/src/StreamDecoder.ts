import type { Tokenizer } from './Tokenizer.js';

/**
 * Turns a generated token stream into text deltas. Bytes of a character split across tokens
 * are held back until the character is complete, so a delta never ends in half a UTF-8
 * sequence; the WHATWG streaming decoder guarantees the deltas concatenate to exactly what
 * Tokenizer.decode returns for the whole sequence (invalid bytes included, as U+FFFD).
 */
export class StreamDecoder {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private atStart = true;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly special: boolean,
  ) {}

  /** Text that the token(s) complete; '' while a character is still incomplete. */
  push(ids: number | readonly number[]): string {
    let text = '';
    for (const id of typeof ids === 'number' ? [ids] : ids) {
      const bytes = this.tokenizer.pieceBytes(id, this.special, this.atStart);
      this.atStart = this.tokenizer.startsText(id);
      text += this.decoder.decode(bytes, { stream: true });
    }
    return text;
  }

  /** Ends the sequence: bytes of an unfinished character come out as U+FFFD. */
  flush(): string {
    this.atStart = true;
    return this.decoder.decode();
  }
}
