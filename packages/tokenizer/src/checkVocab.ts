import { TokenizerError } from './errors.js';
import type { Vocab } from './vocab.js';

function bad(message: string): never {
  throw new TokenizerError('TOKENIZER_ERR_BAD_VOCAB', message);
}

/** Rejects a vocabulary whose parts disagree, before any table is built from it. */
export function checkVocab(vocab: Vocab): void {
  const n = vocab.tokens.length;
  if (n === 0) bad('the vocabulary has no tokens');
  if (vocab.types.length !== n) bad(`${vocab.types.length} token types for ${n} tokens`);
  if (vocab.model === 'spm' && (vocab.scores === null || vocab.scores.length !== n)) {
    bad(`an SPM vocabulary needs one score per token (${vocab.scores?.length ?? 0} for ${n})`);
  }
  if (vocab.model === 'bpe' && vocab.merges.length === 0) bad('a BPE vocabulary needs merges');
  for (const [role, id] of Object.entries(vocab.special)) {
    if (id !== null && (!Number.isInteger(id) || id < 0 || id >= n)) {
      bad(`${role} token id ${String(id)} is outside the vocabulary (0..${n - 1})`);
    }
  }
}
