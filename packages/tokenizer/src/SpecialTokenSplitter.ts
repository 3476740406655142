import { TokenType } from './vocab.js';

export type Fragment = string | number;

function alternation(texts: readonly string[]): RegExp | null {
  if (texts.length === 0) return null;
  // Longest first, so that a token that is a prefix of another never wins over it.
  const sorted = [...texts].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'gu');
}

/**
 * Cuts text at special and added tokens before the model sees it. Control (and unknown)
 * tokens are recognized only when the caller allows it, so that user text such as
 * "<|im_end|>" cannot forge chat structure; user-defined added tokens are always recognized,
 * as in llama.cpp and the HF tokenizers.
 */
export class SpecialTokenSplitter {
  private readonly ids = new Map<string, number>();
  private readonly withControl: RegExp | null;
  private readonly userOnly: RegExp | null;

  constructor(tokens: readonly string[], types: ArrayLike<number>) {
    const control: string[] = [];
    const user: string[] = [];
    tokens.forEach((text, id) => {
      const type = types[id];
      if (text.length === 0 || this.ids.has(text)) return;
      if (type === TokenType.CONTROL || type === TokenType.UNKNOWN) control.push(text);
      else if (type === TokenType.USER_DEFINED) user.push(text);
      else return;
      this.ids.set(text, id);
    });
    this.withControl = alternation([...control, ...user]);
    this.userOnly = alternation(user);
  }

  /** Text pieces (strings) and token ids, in order. */
  split(text: string, allowControl: boolean): Fragment[] {
    const re = allowControl ? this.withControl : this.userOnly;
    if (re === null) return text.length > 0 ? [text] : [];
    const out: Fragment[] = [];
    let last = 0;
    for (const m of text.matchAll(re)) {
      if (m.index > last) out.push(text.slice(last, m.index));
      out.push(this.ids.get(m[0])!);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }
}
