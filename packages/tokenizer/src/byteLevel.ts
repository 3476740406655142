/**
 * GPT-2's byte-level alphabet: every byte gets a printable code point, so that a BPE
 * vocabulary of strings covers arbitrary bytes. Printable Latin-1 bytes stand for themselves;
 * the rest (controls, space, 0x7F-0xA0, soft hyphen) take code points from U+0100 on, in order.
 */
function buildByteToChar(): string[] {
  const table: string[] = new Array<string>(256);
  let next = 256;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || b >= 0xae;
    table[b] = String.fromCharCode(printable ? b : next++);
  }
  return table;
}

const BYTE_TO_CHAR = buildByteToChar();
const CHAR_TO_BYTE = new Map<number, number>(BYTE_TO_CHAR.map((ch, b) => [ch.charCodeAt(0), b]));

export const byteLevel = {
  /** The alphabet character that stands for byte `b`. */
  charOf(b: number): string {
    return BYTE_TO_CHAR[b]!;
  },

  /** Maps text bytes into the alphabet (what vocabulary strings are written in). */
  encode(bytes: Uint8Array): string {
    let s = '';
    for (const b of bytes) s += BYTE_TO_CHAR[b]!;
    return s;
  },

  /**
   * Back to bytes. A character outside the alphabet (a vocabulary that stores some tokens as
   * plain text) is kept as its UTF-8 bytes rather than dropped.
   */
  decode(text: string): Uint8Array {
    const out: number[] = [];
    for (const ch of text) {
      const b = CHAR_TO_BYTE.get(ch.codePointAt(0)!);
      if (b !== undefined) out.push(b);
      else for (const u of Buffer.from(ch, 'utf8')) out.push(u);
    }
    return Uint8Array.from(out);
  },
};
