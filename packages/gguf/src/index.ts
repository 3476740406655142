export * from './types.js';
export * from './errors.js';
export * from './ggml-type.js';
export * from './metadata.js';
export { GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GGUF_MAX_DIMS } from './parse-header.js';
export { parseGguf, readGguf } from './reader.js';
export { validateGguf } from './validate-gguf.js';
