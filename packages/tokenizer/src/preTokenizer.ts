import { TokenizerError } from './errors.js';

/*
 * Pre-tokenizers split text into words before BPE, as llama.cpp's llama-vocab does for each
 * tokenizer.ggml.pre value: a list of regexes applied in turn, each one cutting every piece
 * left by the previous ones into its matches and the gaps between them (both kept). A regex
 * sees one piece at a time, so `$` and look-aheads stop at the piece's end.
 *
 * `\s` is rewritten to `\p{White_Space}`: JavaScript's \s also takes U+FEFF and misses U+0085,
 * unlike the Unicode definition the reference tokenizers use.
 */

const GPT2 = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)";
const LLAMA3 =
  "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const QWEN2 =
  "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
// Written as escapes: several of these code points (U+1FD3, U+2126, U+212A...) are canonical
// singletons that NFC-normalizing copies turn into others, which reorders the ranges.
const DEEPSEEK_LLM_LETTERS =
  '\\s?[' +
  'A-Za-z\\u{b5}\\u{c0}-\\u{d6}\\u{d8}-\\u{f6}\\u{f8}-\\u{1ba}\\u{1bc}-\\u{1bf}\\u{1c4}-\\u{293}' +
  '\\u{295}-\\u{2af}\\u{370}-\\u{373}\\u{376}\\u{377}\\u{37b}-\\u{37d}\\u{37f}\\u{386}' +
  '\\u{388}-\\u{38a}\\u{38c}\\u{38e}-\\u{3a1}\\u{3a3}-\\u{3f5}\\u{3f7}-\\u{481}\\u{48a}-\\u{52f}' +
  '\\u{531}-\\u{556}\\u{10a0}-\\u{10c5}\\u{13a0}-\\u{13f5}\\u{13f8}-\\u{13fd}\\u{1c90}-\\u{1cba}' +
  '\\u{1cbd}-\\u{1cbf}\\u{1d00}-\\u{1d2b}\\u{1d6b}-\\u{1d77}\\u{1d79}-\\u{1d9a}\\u{1e00}-\\u{1f15}' +
  '\\u{1f18}-\\u{1f1d}\\u{1f20}-\\u{1f45}\\u{1f48}-\\u{1f4d}\\u{1f50}-\\u{1f57}\\u{1f59}' +
  '\\u{1f5b}\\u{1f5d}\\u{1f5f}-\\u{1f7d}\\u{1f80}-\\u{1fb4}\\u{1fb6}-\\u{1fbc}\\u{1fbe}' +
  '\\u{1fc2}-\\u{1fc4}\\u{1fc6}-\\u{1fcc}\\u{1fd0}-\\u{1fd3}\\u{1fd6}-\\u{1fdb}\\u{1fe0}-\\u{1fec}' +
  '\\u{1ff2}-\\u{1ff4}\\u{1ff6}-\\u{1ffc}\\u{2102}\\u{2107}\\u{210a}-\\u{2113}\\u{2115}' +
  '\\u{2119}-\\u{211d}\\u{2124}\\u{2126}\\u{2128}\\u{212a}-\\u{212d}\\u{212f}-\\u{2134}' +
  '\\u{2139}\\u{213c}-\\u{213f}\\u{2145}-\\u{2149}\\u{214e}\\u{2183}\\u{2184}\\u{2c00}-\\u{2c7b}' +
  '\\u{2c7e}-\\u{2ce4}\\u{2ceb}-\\u{2cee}\\u{2cf2}\\u{2cf3}\\u{a640}-\\u{a66d}\\u{a680}-\\u{a69b}' +
  '\\u{a722}-\\u{a76f}\\u{a771}-\\u{a787}\\u{a78b}-\\u{a78e}\\u{ab70}-\\u{abbf}\\u{fb00}-\\u{fb06}' +
  '\\u{fb13}-\\u{fb17}\\u{ff21}-\\u{ff3a}\\u{ff41}-\\u{ff5a}\\u{10400}-\\u{1044f}' +
  '\\u{104b0}-\\u{104d3}\\u{104d8}-\\u{104fb}\\u{10c80}-\\u{10cb2}\\u{10cc0}-\\u{10cf2}' +
  '\\u{118a0}-\\u{118df}\\u{1e900}-\\u{1e943}' +
  ']+';
const CJK = '[一-龥ࠀ-一가-퟿]+';

interface PreTokenizerSpec {
  readonly patterns: readonly string[];
  /** A word that is a whole vocabulary token is taken as is, without merging (llama3). */
  readonly ignoreMerges: boolean;
}

const SPECS: Record<string, PreTokenizerSpec> = {
  default: {
    patterns: ['[\\p{P}\\$\\+<=>\\^~\\|]+', GPT2, '\\p{N}+', '[0-9][0-9][0-9]'],
    ignoreMerges: false,
  },
  llama3: { patterns: [LLAMA3], ignoreMerges: true },
  qwen2: { patterns: [QWEN2], ignoreMerges: false },
  gpt2: { patterns: [GPT2], ignoreMerges: false },
  'deepseek-llm': {
    patterns: [
      '[\\r\\n]',
      DEEPSEEK_LLM_LETTERS,
      '\\s?[!-/:-~！-／：-～‘-‟　-。]+',
      '\\s+$',
      CJK,
      '\\p{N}+',
    ],
    ignoreMerges: false,
  },
  'deepseek-coder': {
    patterns: ['[\\r\\n]', '\\s?\\p{L}+', '\\s?\\p{P}+', CJK, '\\p{N}'],
    ignoreMerges: false,
  },
  falcon: {
    patterns: ['[\\p{P}\\$\\+<=>\\^~\\|`]+', GPT2, '[0-9][0-9][0-9]'],
    ignoreMerges: false,
  },
  starcoder: { patterns: ['\\p{N}', GPT2], ignoreMerges: false },
};

/** tokenizer.ggml.pre names (as llama.cpp's converter writes them) -> the spec they use. */
const ALIASES: Record<string, string> = {
  default: 'default',
  'gpt-neox': 'default',
  llama3: 'llama3',
  'llama-v3': 'llama3',
  'llama-bpe': 'llama3',
  falcon3: 'llama3',
  dbrx: 'llama3',
  'smaug-bpe': 'llama3',
  qwen2: 'qwen2',
  'qwen2.5': 'qwen2',
  'qwen-2.5': 'qwen2',
  'deepseek-r1-qwen': 'qwen2',
  stablelm2: 'qwen2',
  'gpt-2': 'gpt2',
  gpt2: 'gpt2',
  'phi-2': 'gpt2',
  mpt: 'gpt2',
  olmo: 'gpt2',
  jais: 'gpt2',
  'deepseek-llm': 'deepseek-llm',
  'deepseek-coder': 'deepseek-coder',
  falcon: 'falcon',
  starcoder: 'starcoder',
  refact: 'starcoder',
  'command-r': 'starcoder',
  smollm: 'starcoder',
  codeshell: 'starcoder',
  exaone: 'starcoder',
  minerva: 'starcoder',
};

/**
 * Pre-tokenizers whose Hugging Face tokenizer puts text in Unicode NFC first (Qwen2's
 * normalizer); llama.cpp skips it, so decomposed input tokenized differently from the model's
 * own tokenizer there.
 */
const NFC = new Set(['qwen2', 'qwen2.5', 'qwen-2.5', 'deepseek-r1-qwen']);

/** Whether NFC could change `text`: only code points from U+0300 (combining marks) up can. */
const MAYBE_NOT_NFC = /[\u0300-\u{10ffff}]/u;

function compile(pattern: string): RegExp {
  const source = pattern
    .replaceAll('\\s', '\\p{White_Space}')
    .replaceAll('\\S', '\\P{White_Space}');
  return new RegExp(source, 'gu');
}

export class PreTokenizer {
  readonly name: string;
  readonly ignoreMerges: boolean;
  private readonly nfc: boolean;
  private readonly regexes: readonly RegExp[];

  constructor(pre: string) {
    const specName = ALIASES[pre];
    if (specName === undefined) {
      throw new TokenizerError(
        'TOKENIZER_ERR_UNSUPPORTED_PRE',
        `pre-tokenizer "${pre}" is not supported (known: ${Object.keys(ALIASES).join(', ')})`,
      );
    }
    const spec = SPECS[specName]!;
    this.name = specName;
    this.ignoreMerges = spec.ignoreMerges;
    this.nfc = NFC.has(pre);
    this.regexes = spec.patterns.map(compile);
  }

  /**
   * Calls `onWord` for each word of `text`, in order; the words concatenate to `text` (to its NFC
   * form for the pre-tokenizers that normalize).
   */
  split(text: string, onWord: (word: string) => void): void {
    if (this.nfc && MAYBE_NOT_NFC.test(text)) text = text.normalize('NFC');
    const regexes = this.regexes;
    if (regexes.length === 1) {
      splitOne(regexes[0]!, text, onWord);
      return;
    }
    let pieces = [text];
    for (const re of regexes) {
      const next: string[] = [];
      const push = (w: string): void => {
        next.push(w);
      };
      for (const piece of pieces) splitOne(re, piece, push);
      pieces = next;
    }
    for (const piece of pieces) onWord(piece);
  }
}

function splitOne(re: RegExp, text: string, onWord: (word: string) => void): void {
  re.lastIndex = 0;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[0];
    if (word.length === 0) {
      // None of the patterns above matches empty, but a zero-width match must not stall the loop.
      re.lastIndex++;
      continue;
    }
    if (m.index > last) onWord(text.slice(last, m.index));
    onWord(word);
    last = m.index + word.length;
  }
  if (last < text.length) onWord(text.slice(last));
}
