import { BpeModel } from './BpeModel.js';
import { byteLevel } from './byteLevel.js';
import { ChatTemplate, type ChatMessage, type ChatTemplateOptions } from './ChatTemplate.js';
import { TokenizerError } from './errors.js';
import { SpecialTokenSplitter } from './SpecialTokenSplitter.js';
import { SpmModel } from './SpmModel.js';
import { WpmModel } from './WpmModel.js';
import { StreamDecoder } from './StreamDecoder.js';
import { checkVocab } from './checkVocab.js';
import { TokenType, type Vocab } from './vocab.js';
import { vocabFromGguf } from './vocabFromGguf.js';
import { vocabFromHfDir, type HfDirOptions } from './vocabFromHfDir.js';
import type { GgufFile } from '@llorch/gguf';

export interface EncodeOptions {
  /** Recognize control tokens (e.g. <|im_start|>) written in the text. Default false. */
  readonly special?: boolean;
  /** Default: the vocabulary's add_bos_token. */
  readonly addBos?: boolean;
  /** Default: the vocabulary's add_eos_token. */
  readonly addEos?: boolean;
}

export interface DecodeOptions {
  /** Show control tokens as their text; hidden (empty) by default. */
  readonly special?: boolean;
}

/** Texts that mark the end of a turn in common chat vocabularies (llama.cpp's EOG list). */
const END_OF_GENERATION_TEXTS = new Set([
  '<|eot_id|>',
  '<|eom_id|>',
  '<|im_end|>',
  '<|end|>',
  '<end_of_turn>',
  '<|endoftext|>',
  '<EOT>',
  '<｜end▁of▁sentence｜>',
]);

const SPM_SPACE = '\u2581';
const EMPTY = new Uint8Array(0);

/** Text <-> token ids for one vocabulary (from a GGUF file, an HF directory or a Vocab). */
export class Tokenizer {
  readonly vocab: Vocab;
  /** Ids that end generation: eos, eot, eom and control tokens named like a turn end. */
  readonly stopTokenIds: readonly number[];
  readonly chatTemplate: ChatTemplate;
  private readonly ids = new Map<string, number>();
  private readonly model: BpeModel | SpmModel | WpmModel;
  private readonly splitter: SpecialTokenSplitter;
  private readonly pieces: (Uint8Array | undefined)[] = [];
  private readonly encoder = new TextEncoder();

  constructor(vocab: Vocab) {
    checkVocab(vocab);
    this.vocab = vocab;
    vocab.tokens.forEach((t, id) => {
      if (!this.ids.has(t)) this.ids.set(t, id);
    });
    const unk = vocab.special.unk;
    this.model =
      vocab.model === 'bpe'
        ? new BpeModel(this.ids, vocab.merges, vocab.pre, unk)
        : vocab.model === 'spm'
          ? new SpmModel(vocab.tokens, vocab.types, vocab.scores ?? [], unk)
          : new WpmModel(vocab.tokens, vocab.types, unk);
    this.splitter = new SpecialTokenSplitter(vocab.tokens, vocab.types);

    const stops = new Set<number>();
    for (const id of [vocab.special.eos, vocab.special.eot, vocab.special.eom]) {
      if (id !== null) stops.add(id);
    }
    vocab.tokens.forEach((t, id) => {
      if (vocab.types[id] === TokenType.CONTROL && END_OF_GENERATION_TEXTS.has(t)) stops.add(id);
    });
    this.stopTokenIds = [...stops].sort((a, b) => a - b);

    const specialTexts: Record<string, string> = {};
    if (vocab.special.bos !== null) specialTexts.bos_token = vocab.tokens[vocab.special.bos]!;
    if (vocab.special.eos !== null) specialTexts.eos_token = vocab.tokens[vocab.special.eos]!;
    this.chatTemplate = new ChatTemplate(vocab.chatTemplate, specialTexts);
  }

  /** From a GGUF file's tokenizer.* metadata (see @llorch/gguf readGguf). */
  static fromGguf(file: GgufFile): Tokenizer {
    return new Tokenizer(vocabFromGguf(file));
  }

  /** From a Hugging Face directory: vocab.json, merges.txt, tokenizer_config.json. */
  static async fromHfDir(dir: string, options: HfDirOptions = {}): Promise<Tokenizer> {
    return new Tokenizer(await vocabFromHfDir(dir, options));
  }

  get size(): number {
    return this.vocab.tokens.length;
  }

  /** Id of the token spelled `text` (in the vocabulary's own alphabet), if any. */
  tokenId(text: string): number | undefined {
    return this.ids.get(text);
  }

  tokenText(id: number): string {
    this.checkId(id);
    return this.vocab.tokens[id]!;
  }

  encode(text: string, options: EncodeOptions = {}): number[] {
    if (typeof text !== 'string') {
      throw new TokenizerError(
        'TOKENIZER_ERR_BAD_INPUT',
        `text must be a string, got ${typeof text}`,
      );
    }
    const { special: ids, addBos, addEos, addSpacePrefix, model } = this.vocab;
    const out: number[] = [];
    if ((options.addBos ?? addBos) && ids.bos !== null) out.push(ids.bos);
    // SPM puts a space before the text and again after every special token, as sentencepiece
    // sees each piece between special tokens as a fresh text.
    let afterSpecial = true;
    for (const fragment of this.splitter.split(text, options.special ?? false)) {
      if (typeof fragment === 'number') {
        out.push(fragment);
        afterSpecial = true;
      } else if (model === 'spm') {
        const spaced = addSpacePrefix && afterSpecial ? ' ' + fragment : fragment;
        this.model.encode(spaced.replaceAll(' ', SPM_SPACE), out);
        afterSpecial = false;
      } else {
        this.model.encode(fragment, out);
      }
    }
    if ((options.addEos ?? addEos) && ids.eos !== null) out.push(ids.eos);
    return out;
  }

  decode(ids: readonly number[], options: DecodeOptions = {}): string {
    if (!Array.isArray(ids)) {
      throw new TokenizerError('TOKENIZER_ERR_BAD_INPUT', 'ids must be an array of token ids');
    }
    const special = options.special ?? false;
    const chunks: Uint8Array[] = [];
    let atStart = true;
    let length = 0;
    for (const id of ids) {
      const bytes = this.pieceBytes(id, special, atStart);
      atStart = this.startsText(id);
      chunks.push(bytes);
      length += bytes.length;
    }
    const all = new Uint8Array(length);
    let offset = 0;
    for (const c of chunks) {
      all.set(c, offset);
      offset += c.length;
    }
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(all);
  }

  /** An incremental detokenizer for one generated sequence. */
  streamDecoder(options: DecodeOptions = {}): StreamDecoder {
    return new StreamDecoder(this, options.special ?? false);
  }

  /** Renders a chat with the model's template (ChatML when it has none). */
  applyChatTemplate(messages: readonly ChatMessage[], options: ChatTemplateOptions = {}): string {
    return this.chatTemplate.render(messages, options);
  }

  /**
   * Bytes of one token in decoded text. `atStart`: the token opens a text run (start of the
   * sequence or right after a special token), where SPM drops the space encode() put there.
   */
  pieceBytes(id: number, special: boolean, atStart: boolean): Uint8Array {
    this.checkId(id);
    const type = this.vocab.types[id];
    const hidden =
      type === TokenType.CONTROL || type === TokenType.UNKNOWN || type === TokenType.UNUSED;
    if (hidden && !special) return EMPTY;
    let bytes = this.pieces[id];
    if (bytes === undefined) {
      bytes = this.computePiece(id, type);
      this.pieces[id] = bytes;
    }
    if (atStart && this.vocab.addSpacePrefix && bytes[0] === 0x20 && !hidden) {
      return bytes.subarray(1);
    }
    return bytes;
  }

  /** Whether text after `id` opens a new run (see pieceBytes). */
  startsText(id: number): boolean {
    const type = this.vocab.types[id];
    return type === TokenType.CONTROL || type === TokenType.USER_DEFINED;
  }

  private computePiece(id: number, type: number | undefined): Uint8Array {
    const text = this.vocab.tokens[id]!;
    if (type !== TokenType.NORMAL && type !== TokenType.BYTE) return this.encoder.encode(text);
    if (this.vocab.model === 'bpe') return byteLevel.decode(text);
    if (type === TokenType.BYTE) {
      const m = /^<0x([0-9A-Fa-f]{2})>$/.exec(text);
      if (m) return Uint8Array.of(parseInt(m[1]!, 16));
    }
    return this.encoder.encode(text.replaceAll(SPM_SPACE, ' '));
  }

  private checkId(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.vocab.tokens.length) {
      throw new TokenizerError(
        'TOKENIZER_ERR_BAD_TOKEN_ID',
        `token id ${String(id)} is not in the vocabulary (0..${this.vocab.tokens.length - 1})`,
      );
    }
  }
}
