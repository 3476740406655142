import {
  findBool,
  findCount,
  findNumberArray,
  findString,
  getString,
  getStringArray,
  GgufError,
  type GgufFile,
} from '@llorch/gguf';
import { TokenizerError } from './errors.js';
import { TokenType, type Vocab } from './vocab.js';

function readVocab(file: GgufFile): Vocab {
  const kind = getString(file, 'tokenizer.ggml.model');
  if (kind !== 'gpt2' && kind !== 'llama' && kind !== 'bert') {
    throw new TokenizerError(
      'TOKENIZER_ERR_UNSUPPORTED_MODEL',
      `tokenizer.ggml.model "${kind}" is not supported (gpt2, llama or bert)`,
    );
  }
  const spm = kind === 'llama';
  const wpm = kind === 'bert';
  const tokens = getStringArray(file, 'tokenizer.ggml.tokens');
  const types =
    findNumberArray(file, 'tokenizer.ggml.token_type') ??
    new Uint8Array(tokens.length).fill(TokenType.NORMAL);
  // Converters write 0xFFFFFFFF (-1 as uint32) and similar for "none"; like llama.cpp, an id
  // outside the vocabulary falls back to the default.
  const id = (key: string, fallback: number | null = null): number | null => {
    const value = findCount(file, `tokenizer.ggml.${key}_token_id`);
    return value !== undefined && value < tokens.length ? value : fallback;
  };
  return {
    model: spm ? 'spm' : wpm ? 'wpm' : 'bpe',
    pre: findString(file, 'tokenizer.ggml.pre') ?? 'default',
    tokens,
    types,
    scores: findNumberArray(file, 'tokenizer.ggml.scores') ?? null,
    merges: kind === 'gpt2' ? getStringArray(file, 'tokenizer.ggml.merges') : [],
    // llama.cpp's defaults for SPM vocabularies that leave the ids out; BERT's sequence
    // markers are its [CLS] and [SEP] ("seperator" is the key's spelling in GGUF).
    special: {
      bos: wpm ? id('cls', id('bos')) : id('bos', spm ? 1 : null),
      eos: wpm ? id('seperator', id('eos')) : id('eos', spm ? 2 : null),
      eot: id('eot'),
      eom: id('eom'),
      unk: id('unknown', spm ? 0 : null),
      pad: id('padding'),
    },
    addBos: findBool(file, 'tokenizer.ggml.add_bos_token') ?? (spm || wpm),
    addEos: findBool(file, 'tokenizer.ggml.add_eos_token') ?? wpm,
    addSpacePrefix: findBool(file, 'tokenizer.ggml.add_space_prefix') ?? (spm || wpm),
    chatTemplate: findString(file, 'tokenizer.chat_template') ?? null,
  };
}

/** The tokenizer.* metadata of a GGUF file as a Vocab. */
export function vocabFromGguf(file: GgufFile): Vocab {
  try {
    return readVocab(file);
  } catch (cause) {
    if (cause instanceof GgufError) {
      throw new TokenizerError(
        'TOKENIZER_ERR_BAD_VOCAB',
        `GGUF tokenizer metadata: ${cause.message}`,
        {
          cause,
        },
      );
    }
    throw cause;
  }
}
