export * from './types.js';
export * from './errors.js';
export * from './ggml-type.js';
export * from './metadata.js';
export { GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC, GGUF_MAX_DIMS } from './parse-header.js';
export { parseGguf, readGguf } from './reader.js';
export { validateGguf } from './validate-gguf.js';
export { CODEC_TYPES, dequantize, quantize, quantizedBytes } from './quant/codec.js';
export { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from './quant/half.js';
export { meta } from './meta.js';
export {
  layoutTensors,
  writeGguf,
  type GgufTensorData,
  type GgufTensorSpec,
  type WriteGgufOptions,
} from './writer.js';
export { checkTensors, expectedTensors, modelConfig, type ModelConfig } from './model-config.js';
export {
  estimateMemory,
  type MemoryEstimate,
  type MemoryEstimateOptions,
} from './memory-estimate.js';
export {
  synthShape,
  writeSynthModel,
  type SynthInit,
  type SynthOptions,
  type SynthShape,
  type SynthTensor,
} from './synth.js';
export {
  llama3RopeFreqs,
  SYNTH_PRESETS,
  synthPreset,
  type Llama3RopeScaling,
  type SynthPreset,
} from './synth/presets.js';
export { SYNTH_TYPES, useMoreBits, type SynthType } from './synth/quant-recipe.js';
