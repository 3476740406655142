/** One chat turn, as the chat template sees it. */
export interface ChatTurn {
  readonly role: string;
  readonly content: string;
}

/** Streaming detokenizer of one job: text is released only once it is complete UTF-8. */
export interface StreamDecoder {
  /** Adds one token; returns the text it completed (possibly empty). */
  push(token: number): string;
  /** The end of the stream: any bytes still held, decoded as they are. */
  flush(): string;
}

/**
 * What the job loop needs from a tokenizer. createJobTokenizer builds it from a GGUF with
 * @llorch/tokenizer; unit tests of the job loop hand in their own.
 */
export interface JobTokenizer {
  readonly vocabSize: number;
  /** Tokens that end generation unless the job sets ignore_eos (EOS, EOT, <|im_end|>...). */
  readonly endOfGenerationIds: readonly number[];
  /** Tokenizes a raw prompt, adding BOS when the model's tokenizer does. */
  encodePrompt(text: string): number[];
  /**
   * Renders the chat with the model's template, ChatML when it ships none, and tokenizes the
   * result with special tokens parsed (<|im_start|> is one token where the vocabulary has it).
   */
  encodeChat(messages: readonly ChatTurn[], addGenerationPrompt: boolean): number[];
  createStreamDecoder(): StreamDecoder;
}
