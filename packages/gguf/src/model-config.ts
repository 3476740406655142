import { GgufMetadataError, GgufTensorError } from './errors.js';
import {
  findCount,
  findNumber,
  findString,
  findStringArray,
  getCount,
  getString,
} from './metadata.js';
import type { GgufFile } from './types.js';

/** What the engine needs to know about a model, read once from its GGUF metadata. */
export interface ModelConfig {
  architecture: 'qwen2' | 'llama';
  blockCount: number;
  embeddingLength: number;
  feedForwardLength: number;
  headCount: number;
  headCountKv: number;
  /** attention.key_length, else embeddingLength / headCount. */
  headDim: number;
  vocabSize: number;
  contextLength: number;
  ropeFreqBase: number;
  /** rope.dimension_count, else headDim. */
  ropeDim: number;
  /** qwen2 rotates halves (neox); llama rotates pairs, as GGUF stores llama's q/k permuted. */
  ropeStyle: 'neox' | 'normal';
  ropeScaling: { type: 'none' | 'linear' | 'yarn'; factor: number; originalContextLength: number };
  rmsNormEps: number;
  /** No output.weight tensor: the output projection reuses token_embd.weight. */
  tiedOutput: boolean;
  qkvBias: boolean;
}

const ARCHITECTURES = ['qwen2', 'llama'] as const;

function bad(key: string, message: string): never {
  throw new GgufMetadataError('GGUF_ERR_BAD_METADATA_VALUE', key, `metadata ${key} ${message}`);
}

function positive(file: GgufFile, key: string, fallback?: number): number {
  const v = fallback === undefined ? getCount(file, key) : (findCount(file, key) ?? fallback);
  if (v <= 0) bad(key, `must be positive, found ${v}`);
  return v;
}

function positiveReal(file: GgufFile, key: string, fallback: number): number {
  const v = findNumber(file, key) ?? fallback;
  if (!(v > 0) || !Number.isFinite(v)) bad(key, `must be a positive number, found ${v}`);
  return v;
}

function ropeScaling(
  file: GgufFile,
  arch: string,
  contextLength: number,
): ModelConfig['ropeScaling'] {
  const typeKey = `${arch}.rope.scaling.type`;
  const factorKey = `${arch}.rope.scaling.factor`;
  // Older converters wrote only rope.scale_linear.
  const legacyLinear = findNumber(file, `${arch}.rope.scale_linear`);
  const type = findString(file, typeKey) ?? (legacyLinear !== undefined ? 'linear' : 'none');
  if (type !== 'none' && type !== 'linear' && type !== 'yarn') {
    bad(typeKey, `is '${type}'; supported: none, linear, yarn`);
  }
  const originalContextLength = positive(
    file,
    `${arch}.rope.scaling.original_context_length`,
    contextLength,
  );
  if (type === 'none') return { type, factor: 1, originalContextLength };
  const factor = positiveReal(file, factorKey, legacyLinear ?? 1);
  return { type, factor, originalContextLength };
}

/** Reads the model configuration of a qwen2 or llama GGUF (mistral/tinyllama files are llama). */
export function modelConfig(file: GgufFile): ModelConfig {
  const arch = getString(file, 'general.architecture');
  if (!(ARCHITECTURES as readonly string[]).includes(arch)) {
    throw new GgufMetadataError(
      'GGUF_ERR_UNSUPPORTED_ARCHITECTURE',
      'general.architecture',
      `architecture '${arch}' is not supported (supported: ${ARCHITECTURES.join(', ')})`,
    );
  }
  const architecture = arch as ModelConfig['architecture'];
  const k = (name: string) => `${arch}.${name}`;

  const embeddingLength = positive(file, k('embedding_length'));
  const headCount = positive(file, k('attention.head_count'));
  const headCountKv = positive(file, k('attention.head_count_kv'), headCount);
  if (headCount % headCountKv !== 0) {
    bad(k('attention.head_count_kv'), `(${headCountKv}) must divide head_count (${headCount})`);
  }
  const keyLength = findCount(file, k('attention.key_length'));
  if (keyLength === undefined && embeddingLength % headCount !== 0) {
    bad(
      k('attention.head_count'),
      `(${headCount}) must divide embedding_length (${embeddingLength})`,
    );
  }
  const headDim = keyLength ?? embeddingLength / headCount;
  if (headDim <= 0) bad(k('attention.key_length'), 'must be positive');
  const ropeDim = positive(file, k('rope.dimension_count'), headDim);
  if (ropeDim > headDim || ropeDim % 2 !== 0) {
    bad(k('rope.dimension_count'), `(${ropeDim}) must be even and at most the head dim ${headDim}`);
  }
  const contextLength = positive(file, k('context_length'));

  const vocabSize =
    findCount(file, k('vocab_size')) ?? findStringArray(file, 'tokenizer.ggml.tokens')?.length;
  if (vocabSize === undefined || vocabSize === 0) {
    throw new GgufMetadataError(
      'GGUF_ERR_MISSING_KEY',
      k('vocab_size'),
      `neither ${k('vocab_size')} nor tokenizer.ggml.tokens gives the vocabulary size`,
    );
  }

  return {
    architecture,
    blockCount: positive(file, k('block_count')),
    embeddingLength,
    feedForwardLength: positive(file, k('feed_forward_length')),
    headCount,
    headCountKv,
    headDim,
    vocabSize,
    contextLength,
    ropeFreqBase: positiveReal(file, k('rope.freq_base'), 10000),
    ropeDim,
    ropeStyle: architecture === 'qwen2' ? 'neox' : 'normal',
    ropeScaling: ropeScaling(file, arch, contextLength),
    rmsNormEps: positiveReal(file, k('attention.layer_norm_rms_epsilon'), 1e-5),
    tiedOutput: !file.tensors.some((t) => t.name === 'output.weight'),
    qkvBias: architecture === 'qwen2',
  };
}

/** Every tensor the architecture needs, with its ggml-order shape. */
export function expectedTensors(config: ModelConfig): Array<{ name: string; dims: number[] }> {
  const e = config.embeddingLength;
  const q = config.headCount * config.headDim;
  const kv = config.headCountKv * config.headDim;
  const ff = config.feedForwardLength;
  const out = [
    { name: 'token_embd.weight', dims: [e, config.vocabSize] },
    { name: 'output_norm.weight', dims: [e] },
  ];
  if (!config.tiedOutput) out.push({ name: 'output.weight', dims: [e, config.vocabSize] });
  for (let i = 0; i < config.blockCount; i++) {
    const b = `blk.${i}.`;
    out.push(
      { name: `${b}attn_norm.weight`, dims: [e] },
      { name: `${b}attn_q.weight`, dims: [e, q] },
      { name: `${b}attn_k.weight`, dims: [e, kv] },
      { name: `${b}attn_v.weight`, dims: [e, kv] },
      { name: `${b}attn_output.weight`, dims: [q, e] },
      { name: `${b}ffn_norm.weight`, dims: [e] },
      { name: `${b}ffn_gate.weight`, dims: [e, ff] },
      { name: `${b}ffn_up.weight`, dims: [e, ff] },
      { name: `${b}ffn_down.weight`, dims: [ff, e] },
    );
    if (config.qkvBias) {
      out.push(
        { name: `${b}attn_q.bias`, dims: [q] },
        { name: `${b}attn_k.bias`, dims: [kv] },
        { name: `${b}attn_v.bias`, dims: [kv] },
      );
    }
  }
  return out;
}

/**
 * Verifies that the file holds every tensor the config needs, with the expected shape; throws
 * one GGUF_ERR_BAD_TENSORS error listing every missing or mis-shaped tensor.
 */
export function checkTensors(file: GgufFile, config: ModelConfig): void {
  const byName = new Map(file.tensors.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const want of expectedTensors(config)) {
    const t = byName.get(want.name);
    if (t === undefined) {
      problems.push(`${want.name} is missing`);
      continue;
    }
    // Trailing 1s are the same shape (ggml pads shapes to 4 dims with 1s).
    const got = [...t.dims];
    while (got.length > want.dims.length && got[got.length - 1] === 1) got.pop();
    if (got.length !== want.dims.length || got.some((d, i) => d !== want.dims[i])) {
      problems.push(
        `${want.name} has shape [${t.dims.join(', ')}], expected [${want.dims.join(', ')}]`,
      );
    }
  }
  if (problems.length > 0) throw new GgufTensorError('GGUF_ERR_BAD_TENSORS', problems);
}
