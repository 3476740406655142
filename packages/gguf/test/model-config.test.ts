import { describe, expect, it } from '@jest/globals';
import {
  GgmlType,
  GgufTensorError,
  checkTensors,
  estimateMemory,
  expectedTensors,
  meta,
  modelConfig,
  readGguf,
  type GgufFile,
  type GgufMetadataEntry,
  type ModelConfig,
} from '@llorch/gguf';
import { sharedFile } from '../../../test/support/sharedFile.js';

const stories = sharedFile('models/stories260K.gguf');
const deepseek = sharedFile('tokenizer-vectors/ggml-vocab-deepseek-coder.gguf');
const gpt2 = sharedFile('tokenizer-vectors/ggml-vocab-gpt-2.gguf');

/** An in-memory GgufFile; modelConfig and checkTensors only look at metadata and tensor infos. */
function fileOf(
  metadata: GgufMetadataEntry[],
  tensors: Array<{ name: string; dims: number[] }> = [],
): GgufFile {
  return {
    version: 3,
    alignment: 32,
    dataOffset: 0,
    fileSize: 0,
    metadata: new Map(metadata.map((e) => [e.key, e])),
    tensors: tensors.map((t) => ({ ...t, type: GgmlType.F32, offset: 0, size: 0 })),
  };
}

const qwenMeta = [
  meta.string('general.architecture', 'qwen2'),
  meta.u32('qwen2.block_count', 2),
  meta.u32('qwen2.context_length', 32768),
  meta.u32('qwen2.embedding_length', 64),
  meta.u32('qwen2.feed_forward_length', 128),
  meta.u32('qwen2.attention.head_count', 4),
  meta.u32('qwen2.attention.head_count_kv', 2),
  meta.f32('qwen2.rope.freq_base', 1e6),
  meta.f32('qwen2.attention.layer_norm_rms_epsilon', 1e-6),
  meta.stringArray('tokenizer.ggml.tokens', ['a', 'b', 'c']),
];

describe('modelConfig', () => {
  (stories ? it : it.skip)('reads stories260K as a llama with untied output', async () => {
    const file = await readGguf(stories!);
    const config = modelConfig(file);
    expect(config).toEqual<ModelConfig>({
      architecture: 'llama',
      blockCount: 5,
      embeddingLength: 64,
      feedForwardLength: 172,
      headCount: 8,
      headCountKv: 4,
      headDim: 8,
      vocabSize: 512,
      contextLength: 2048,
      ropeFreqBase: 10000,
      ropeDim: 8,
      ropeStyle: 'normal',
      ropeScaling: { type: 'none', factor: 1, originalContextLength: 2048 },
      rmsNormEps: Math.fround(1e-5),
      tiedOutput: false,
      qkvBias: false,
    });
    expect(() => checkTensors(file, config)).not.toThrow();
  });

  (deepseek ? it : it.skip)(
    'reads vocab_size and linear rope scaling from a llama vocab file',
    async () => {
      const config = modelConfig(await readGguf(deepseek!));
      expect(config.vocabSize).toBe(32256);
      expect(config.ropeScaling).toEqual({
        type: 'linear',
        factor: 4,
        originalContextLength: 16384,
      });
      expect(config.headDim).toBe(128);
    },
  );

  (gpt2 ? it : it.skip)('refuses other architectures', async () => {
    const file = await readGguf(gpt2!);
    expect(() => modelConfig(file)).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_UNSUPPORTED_ARCHITECTURE' }),
    );
  });

  it('reads qwen2: neox rope, qkv bias, tied output, vocab from the token list', () => {
    const config = modelConfig(fileOf(qwenMeta));
    expect(config).toMatchObject({
      architecture: 'qwen2',
      headDim: 16,
      ropeDim: 16,
      ropeStyle: 'neox',
      ropeFreqBase: 1e6,
      vocabSize: 3,
      tiedOutput: true,
      qkvBias: true,
    });
  });

  it('takes key_length, yarn scaling and explicit rope dims', () => {
    const config = modelConfig(
      fileOf([
        ...qwenMeta,
        meta.u32('qwen2.attention.key_length', 32),
        meta.u32('qwen2.rope.dimension_count', 16),
        meta.string('qwen2.rope.scaling.type', 'yarn'),
        meta.f32('qwen2.rope.scaling.factor', 4),
        meta.u32('qwen2.rope.scaling.original_context_length', 8192),
      ]),
    );
    expect(config.headDim).toBe(32);
    expect(config.ropeDim).toBe(16);
    expect(config.ropeScaling).toEqual({ type: 'yarn', factor: 4, originalContextLength: 8192 });
  });

  it('names the key when metadata is missing, mistyped or inconsistent', () => {
    const without = (key: string) => fileOf(qwenMeta.filter((e) => e.key !== key));
    expect(() => modelConfig(without('qwen2.block_count'))).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_MISSING_KEY', key: 'qwen2.block_count' }),
    );
    expect(() => modelConfig(without('tokenizer.ggml.tokens'))).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_MISSING_KEY' }),
    );
    const mistyped = fileOf([...qwenMeta.slice(1), meta.u32('general.architecture', 1)]);
    expect(() => modelConfig(mistyped)).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_WRONG_KEY_TYPE', key: 'general.architecture' }),
    );
    const badKv = fileOf([
      ...qwenMeta.filter((e) => e.key !== 'qwen2.attention.head_count_kv'),
      meta.u32('qwen2.attention.head_count_kv', 3),
    ]);
    expect(() => modelConfig(badKv)).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_BAD_METADATA_VALUE' }),
    );
    const badScaling = fileOf([...qwenMeta, meta.string('qwen2.rope.scaling.type', 'longrope')]);
    expect(() => modelConfig(badScaling)).toThrow('supported: none, linear, yarn');
  });
});

describe('checkTensors', () => {
  const config = modelConfig(fileOf(qwenMeta));

  it('accepts the full qwen2 tensor set', () => {
    const tensors = expectedTensors(config);
    expect(tensors).toHaveLength(2 + 2 * 12);
    expect(() => checkTensors(fileOf(qwenMeta, tensors), config)).not.toThrow();
  });

  it('lists every missing and mis-shaped tensor in one error', () => {
    const tensors = expectedTensors(config)
      .filter((t) => t.name !== 'blk.1.attn_k.bias' && t.name !== 'output_norm.weight')
      .map((t) => (t.name === 'blk.0.ffn_down.weight' ? { ...t, dims: [64, 128] } : t));
    let error: GgufTensorError | undefined;
    try {
      checkTensors(fileOf(qwenMeta, tensors), config);
    } catch (err) {
      error = err as GgufTensorError;
    }
    expect(error).toBeInstanceOf(GgufTensorError);
    expect(error!.code).toBe('GGUF_ERR_BAD_TENSORS');
    expect(error!.problems).toEqual([
      'output_norm.weight is missing',
      'blk.0.ffn_down.weight has shape [64, 128], expected [128, 64]',
      'blk.1.attn_k.bias is missing',
    ]);
  });
});

describe('estimateMemory', () => {
  it('adds weights, an f16 KV cache and scratch', () => {
    const config = modelConfig(fileOf(qwenMeta));
    const file = {
      ...fileOf(qwenMeta),
      tensors: [{ name: 'w', dims: [8], type: 0, offset: 0, size: 1000 }],
    };
    const est = estimateMemory(file, config, { contextLength: 100, sequences: 3 });
    // K and V, 2 layers, 2 kv heads x 16 dims, 2 bytes each.
    expect(est.kvCacheBytes).toBe(2 * 2 * 32 * 2 * 100 * 3);
    expect(est.weightBytes).toBe(1000);
    expect(est.scratchBytes).toBeGreaterThan(0);
    expect(est.totalBytes).toBe(est.weightBytes + est.kvCacheBytes + est.scratchBytes);
    const q8 = estimateMemory(file, config, {
      contextLength: 100,
      sequences: 3,
      kvType: GgmlType.Q8_0,
    });
    expect(q8.kvCacheBytes).toBe(2 * 2 * 34 * 100 * 3);
  });
});
