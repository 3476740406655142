import { GgmlType, ggmlTensorBytes } from './ggml-type.js';
import type { ModelConfig } from './model-config.js';
import type { GgufFile } from './types.js';

export interface MemoryEstimateOptions {
  /** Tokens of context per sequence. */
  contextLength: number;
  /** Sequences whose KV cache is resident at once. */
  sequences?: number;
  /** KV cache element type (default F16). */
  kvType?: GgmlType;
  /** Tokens processed per engine step (prefill chunk x sequences); sizes the scratch buffers. */
  batchTokens?: number;
}

export interface MemoryEstimate {
  weightBytes: number;
  kvCacheBytes: number;
  scratchBytes: number;
  totalBytes: number;
}

/**
 * Device memory a model needs: its weights as stored, the K and V caches of every layer for
 * the given context and sequences, and the per-step activations. Scratch counts the hidden
 * state, Q/K/V, the FFN's two intermediate rows and the logits in F32 for `batchTokens`
 * tokens; attention is assumed to read the paged cache block by block, so no context-sized
 * score matrix is materialised.
 */
export function estimateMemory(
  file: GgufFile,
  config: ModelConfig,
  options: MemoryEstimateOptions,
): MemoryEstimate {
  const sequences = options.sequences ?? 1;
  const kvType = options.kvType ?? GgmlType.F16;
  const batch = options.batchTokens ?? 512;
  const weightBytes = file.tensors.reduce((sum, t) => sum + t.size, 0);
  const kvRow = config.headCountKv * config.headDim;
  const kvPerToken = 2 * config.blockCount * ggmlTensorBytes(kvType, [kvRow]);
  const kvCacheBytes = kvPerToken * options.contextLength * sequences;
  const q = config.headCount * config.headDim;
  const perToken =
    3 * config.embeddingLength + q + 2 * kvRow + 2 * config.feedForwardLength + config.vocabSize;
  const scratchBytes = 4 * perToken * batch;
  return {
    weightBytes,
    kvCacheBytes,
    scratchBytes,
    totalBytes: weightBytes + kvCacheBytes + scratchBytes,
  };
}
