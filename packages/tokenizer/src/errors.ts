/**
 * Every error this package throws is a TokenizerError with a stable `code`. Callers branch on
 * the code, never on the message; packages/tokenizer/README.md documents each one (a test
 * checks that).
 */
export const TOKENIZER_ERROR_CODES = [
  'TOKENIZER_ERR_UNSUPPORTED_MODEL',
  'TOKENIZER_ERR_UNSUPPORTED_PRE',
  'TOKENIZER_ERR_BAD_VOCAB',
  'TOKENIZER_ERR_HF_FILES',
  'TOKENIZER_ERR_BAD_INPUT',
  'TOKENIZER_ERR_BAD_TOKEN_ID',
  'TOKENIZER_ERR_BAD_MESSAGES',
  'TOKENIZER_ERR_TEMPLATE',
] as const;

export type TokenizerErrorCode = (typeof TOKENIZER_ERROR_CODES)[number];

export class TokenizerError extends Error {
  readonly code: TokenizerErrorCode;

  constructor(code: TokenizerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenizerError';
    this.code = code;
  }
}
