/** Token types as GGUF numbers them (tokenizer.ggml.token_type). */
export enum TokenType {
  NORMAL = 1,
  UNKNOWN = 2,
  CONTROL = 3,
  USER_DEFINED = 4,
  UNUSED = 5,
  BYTE = 6,
}

/** Ids of the tokens with a role; null where the vocabulary has none. */
export interface SpecialIds {
  readonly bos: number | null;
  readonly eos: number | null;
  /** End of turn (chat models whose turn end differs from eos). */
  readonly eot: number | null;
  /** End of message (tool-calling turns of some models). */
  readonly eom: number | null;
  readonly unk: number | null;
  readonly pad: number | null;
}

/**
 * Everything a tokenizer is built from, whatever the source (GGUF metadata or HF files).
 * `model` picks the algorithm: 'bpe' is byte-level BPE (GGUF tokenizer.ggml.model = gpt2),
 * 'spm' is SentencePiece-style score merging with byte fallback (tokenizer.ggml.model = llama),
 * 'wpm' is BERT's WordPiece (tokenizer.ggml.model = bert).
 */
export interface Vocab {
  readonly model: 'bpe' | 'spm' | 'wpm';
  /** Pre-tokenizer name (tokenizer.ggml.pre); 'default' when the source names none. */
  readonly pre: string;
  readonly tokens: readonly string[];
  /** One TokenType per token. */
  readonly types: ArrayLike<number>;
  /** SPM merge priorities, one per token; unused by BPE. */
  readonly scores: ArrayLike<number> | null;
  /** BPE merges, "left right", best (lowest rank) first; empty for SPM. */
  readonly merges: readonly string[];
  readonly special: SpecialIds;
  readonly addBos: boolean;
  readonly addEos: boolean;
  /**
   * SPM: a space is put before the text (and after every special token), as sentencepiece does;
   * SPM and WPM: decoding drops the space that opens a text run.
   */
  readonly addSpacePrefix: boolean;
  /** Jinja chat template (tokenizer.chat_template), null when the model ships none. */
  readonly chatTemplate: string | null;
}
