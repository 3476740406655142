export * from './errors.js';
export { TokenType, type SpecialIds, type Vocab } from './vocab.js';
export { Tokenizer, type DecodeOptions, type EncodeOptions } from './Tokenizer.js';
export { StreamDecoder } from './StreamDecoder.js';
export {
  ChatTemplate,
  CHATML_TEMPLATE,
  type ChatMessage,
  type ChatTemplateOptions,
} from './ChatTemplate.js';
export { vocabFromGguf } from './vocabFromGguf.js';
export { vocabFromHfDir, type HfDirOptions } from './vocabFromHfDir.js';
