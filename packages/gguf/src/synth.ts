import { GgufError } from './errors.js';
import { GgmlType } from './ggml-type.js';
import { meta } from './meta.js';
import { quantize, quantizedBytes } from './quant/codec.js';
import { llama3RopeFreqs, SYNTH_PRESETS, synthPreset, type SynthPreset } from './synth/presets.js';
import { FILE_TYPE, parseSynthType, weightType, type SynthType } from './synth/quant-recipe.js';
import { qwenTokenizerMetadata } from './synth/qwen-tokenizer.js';
import { Xoshiro128 } from './synth/xoshiro128.js';
import type { GgufFile, GgufMetadataEntry } from './types.js';
import { layoutTensors, writeGguf, type GgufTensorSpec } from './writer.js';

export interface SynthOptions {
  /** A preset name (see SYNTH_PRESETS) or a preset object. */
  readonly preset: string | SynthPreset;
  /** Overrides the preset's architecture (a llama-shaped qwen2.5-0.5b, say). */
  readonly architecture?: 'qwen2' | 'llama';
  readonly type: string;
  readonly seed: number;
  /** Directory with the Qwen2.5 Hugging Face tokenizer files. */
  readonly tokenizerDir: string;
}

/**
 * How a tensor's values are drawn: all ones (norm weights), uniform with a given std, or given
 * (rope frequency divisors).
 */
export type SynthInit =
  | { readonly kind: 'ones' }
  | { readonly kind: 'uniform'; readonly std: number }
  | { readonly kind: 'values'; readonly values: Float32Array };

export interface SynthTensor extends GgufTensorSpec {
  readonly init: SynthInit;
}

export interface SynthShape {
  readonly preset: SynthPreset;
  readonly architecture: 'qwen2' | 'llama';
  readonly type: SynthType;
  readonly tensors: readonly SynthTensor[];
  /** Bytes of tensor data, alignment padding included. */
  readonly dataBytes: number;
}

/** Elements generated and quantized per chunk: bounds memory at a few MB per tensor. */
const CHUNK_ELEMENTS = 1 << 20;

function resolvePreset(preset: string | SynthPreset): SynthPreset {
  if (typeof preset !== 'string') return preset;
  const found = synthPreset(preset);
  if (found === undefined) {
    throw new GgufError(
      'GGUF_ERR_BAD_SYNTH_OPTION',
      `unknown preset '${preset}' (one of ${SYNTH_PRESETS.map((p) => p.name).join(', ')})`,
    );
  }
  return found;
}

/**
 * The tensors of a synthetic model, with shapes, types and initialisation. Weights are scaled
 * so that activations stay O(1) through the network: projections reading the hidden state
 * have std 1/sqrt(fan_in); the two projections writing back to the residual stream are
 * further divided by sqrt(2 * layers), so the residual grows to O(1) and not beyond; embeddings
 * and biases have std 0.02; norm weights are 1.
 */
export function synthShape(options: Omit<SynthOptions, 'tokenizerDir' | 'seed'>): SynthShape {
  const preset = resolvePreset(options.preset);
  const architecture = options.architecture ?? preset.architecture;
  if (architecture !== 'qwen2' && architecture !== 'llama') {
    throw new GgufError(
      'GGUF_ERR_BAD_SYNTH_OPTION',
      `unknown architecture '${String(architecture)}'`,
    );
  }
  const type = parseSynthType(options.type);
  const e = preset.embeddingLength;
  const q = preset.headCount * preset.headDim;
  const kv = preset.headCountKv * preset.headDim;
  const ff = preset.feedForwardLength;
  const layers = preset.blockCount;
  const residual = 1 / Math.sqrt(2 * layers);
  const tensors: SynthTensor[] = [];
  const norm = (name: string, n: number) =>
    tensors.push({ name, dims: [n], type: GgmlType.F32, init: { kind: 'ones' } });
  const bias = (name: string, n: number) =>
    tensors.push({ name, dims: [n], type: GgmlType.F32, init: { kind: 'uniform', std: 0.02 } });
  const matrix = (
    name: string,
    dims: [number, number],
    std: number,
    layer = -1,
    isOutput = false,
  ) => {
    const kind = layer >= 0 ? name.slice(name.indexOf('.', 4) + 1) : name;
    const t = weightType(type, { kind, layer, layers, isOutput, rowLength: dims[0] });
    tensors.push({ name, dims, type: t, init: { kind: 'uniform', std } });
  };

  matrix('token_embd.weight', [e, preset.vocabSize], 0.02, -1, preset.tiedEmbeddings);
  for (let i = 0; i < layers; i++) {
    const b = `blk.${i}.`;
    norm(`${b}attn_norm.weight`, e);
    matrix(`${b}attn_q.weight`, [e, q], 1 / Math.sqrt(e), i);
    matrix(`${b}attn_k.weight`, [e, kv], 1 / Math.sqrt(e), i);
    matrix(`${b}attn_v.weight`, [e, kv], 1 / Math.sqrt(e), i);
    if (architecture === 'qwen2') {
      bias(`${b}attn_q.bias`, q);
      bias(`${b}attn_k.bias`, kv);
      bias(`${b}attn_v.bias`, kv);
    }
    matrix(`${b}attn_output.weight`, [q, e], residual / Math.sqrt(q), i);
    norm(`${b}ffn_norm.weight`, e);
    matrix(`${b}ffn_gate.weight`, [e, ff], 1 / Math.sqrt(e), i);
    matrix(`${b}ffn_up.weight`, [e, ff], 1 / Math.sqrt(e), i);
    matrix(`${b}ffn_down.weight`, [ff, e], residual / Math.sqrt(ff), i);
  }
  norm('output_norm.weight', e);
  if (!preset.tiedEmbeddings) {
    matrix('output.weight', [e, preset.vocabSize], 1 / Math.sqrt(e), -1, true);
  }
  // Last, so that the other tensors' seeds (by index) match the preset without scaling.
  if (preset.ropeScaling !== undefined) {
    const values = llama3RopeFreqs(preset.ropeScaling, preset.ropeFreqBase, preset.headDim);
    tensors.push({
      name: 'rope_freqs.weight',
      dims: [values.length],
      type: GgmlType.F32,
      init: { kind: 'values', values },
    });
  }
  const layout = layoutTensors(tensors, 32);
  const last = layout[layout.length - 1]!;
  return { preset, architecture, type, tensors, dataBytes: last.offset + last.size };
}

function modelMetadata(shape: SynthShape, seed: number): GgufMetadataEntry[] {
  const { preset: p, architecture: a } = shape;
  const entries = [
    meta.string('general.architecture', a),
    meta.string('general.name', `llorch synthetic ${p.name}`),
    meta.u32('general.file_type', FILE_TYPE[shape.type]),
  ];
  if (shape.type !== 'f32' && shape.type !== 'f16') {
    entries.push(meta.u32('general.quantization_version', 2));
  }
  entries.push(
    meta.u64('llorch.synth.seed', BigInt(seed)),
    meta.u32(`${a}.block_count`, p.blockCount),
    meta.u32(`${a}.context_length`, p.contextLength),
    meta.u32(`${a}.embedding_length`, p.embeddingLength),
    meta.u32(`${a}.feed_forward_length`, p.feedForwardLength),
    meta.u32(`${a}.attention.head_count`, p.headCount),
    meta.u32(`${a}.attention.head_count_kv`, p.headCountKv),
    meta.f32(`${a}.rope.freq_base`, p.ropeFreqBase),
    meta.f32(`${a}.attention.layer_norm_rms_epsilon`, p.rmsNormEps),
    meta.u32(`${a}.rope.dimension_count`, p.headDim),
    meta.u32(`${a}.vocab_size`, p.vocabSize),
  );
  if (p.yarn !== undefined) {
    entries.push(
      meta.string(`${a}.rope.scaling.type`, 'yarn'),
      meta.f32(`${a}.rope.scaling.factor`, p.yarn.factor),
      meta.u32(`${a}.rope.scaling.original_context_length`, p.yarn.originalContextLength),
    );
  }
  if (p.headDim * p.headCount !== p.embeddingLength) {
    entries.push(
      meta.u32(`${a}.attention.key_length`, p.headDim),
      meta.u32(`${a}.attention.value_length`, p.headDim),
    );
  }
  return entries;
}

/** One tensor's bytes, generated and quantized a chunk of whole rows at a time. */
async function* tensorData(
  t: SynthTensor,
  rng: Xoshiro128,
  values: Float32Array,
  bytes: Uint8Array,
): AsyncGenerator<Uint8Array> {
  const row = t.dims[0]!;
  const rows = t.dims.slice(1).reduce((a, b) => a * b, 1);
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_ELEMENTS / row));
  for (let r = 0; r < rows; r += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, rows - r) * row;
    const chunk = values.subarray(0, n);
    if (t.init.kind === 'ones') chunk.fill(1);
    else if (t.init.kind === 'values') chunk.set(t.init.values.subarray(r * row, r * row + n));
    else rng.fillUniform(chunk, t.init.std);
    // The writer awaits each chunk before asking for the next, so both buffers are reused.
    yield quantize(t.type, chunk, bytes.subarray(0, quantizedBytes(t.type, n)));
  }
}

/**
 * Writes a synthetic model: real Qwen2.5 tokenizer metadata, seeded weights streamed through
 * the writer (same seed, same bytes), memory bounded by one chunk per tensor.
 */
export async function writeSynthModel(path: string, options: SynthOptions): Promise<GgufFile> {
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new GgufError(
      'GGUF_ERR_BAD_SYNTH_OPTION',
      `seed must be a non-negative integer, got ${options.seed}`,
    );
  }
  const shape = synthShape(options);
  const tokenizer = await qwenTokenizerMetadata(options.tokenizerDir, shape.preset.vocabSize);
  const maxRow = Math.max(...shape.tensors.map((t) => t.dims[0]!));
  const values = new Float32Array(Math.max(CHUNK_ELEMENTS, maxRow));
  const bytes = new Uint8Array(values.length * 4);
  return writeGguf(path, {
    metadata: [...modelMetadata(shape, options.seed), ...tokenizer],
    tensors: shape.tensors,
    data: (_info, i) =>
      tensorData(shape.tensors[i]!, new Xoshiro128(options.seed, i), values, bytes),
  });
}
