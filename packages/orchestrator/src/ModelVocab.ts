import { readGguf } from '@llorch/gguf';
import { Tokenizer } from '@llorch/tokenizer';
import { OrchError } from './errors.js';

const EMPTY = new Uint8Array(0);

/**
 * What the orchestrator itself needs of a model's vocabulary, read from its GGUF header (never
 * the tensor data): token spellings for logprobs (the worker sends ids). Reading it first also
 * refuses a file that is no GGUF at once, rather than crash-looping its workers.
 */
export class ModelVocab {
  private readonly tokenizer: Tokenizer;

  private constructor(tokenizer: Tokenizer) {
    this.tokenizer = tokenizer;
  }

  static async load(file: string): Promise<ModelVocab> {
    try {
      return new ModelVocab(Tokenizer.fromGguf(await readGguf(file)));
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      throw new OrchError(
        'ORCH_ERR_BAD_MODEL',
        `${file} is not a usable model: ${typeof code === 'string' ? `${code}: ` : ''}${(err as Error).message}`,
        { param: 'path', cause: err },
      );
    }
  }

  /** The bytes token `id` adds to generated text; empty for ids outside the vocabulary. */
  piece(id: number): Uint8Array {
    const ok = Number.isInteger(id) && id >= 0 && id < this.tokenizer.size;
    return ok ? this.tokenizer.pieceBytes(id, false, false) : EMPTY;
  }
}
