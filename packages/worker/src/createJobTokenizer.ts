import type { Tokenizer } from '@llorch/tokenizer';
import type { JobTokenizer } from './JobTokenizer.js';

/** The job loop's view of an @llorch/tokenizer Tokenizer. */
export function createJobTokenizer(tokenizer: Tokenizer): JobTokenizer {
  const bos = tokenizer.vocab.special.bos;
  return {
    vocabSize: tokenizer.size,
    endOfGenerationIds: tokenizer.stopTokenIds,
    encodePrompt: (text) => tokenizer.encode(text),
    encodeChat: (messages, addGenerationPrompt) => {
      const turns = messages.map(({ role, content }) => ({ role, content }));
      const rendered = tokenizer.applyChatTemplate(turns, { addGenerationPrompt });
      const ids = tokenizer.encode(rendered, { special: true });
      // Templates that write {{ bos_token }} themselves would get a second BOS from encode().
      return bos !== null && ids[0] === bos && ids[1] === bos ? ids.slice(1) : ids;
    },
    createStreamDecoder: () => tokenizer.streamDecoder(),
  };
}
