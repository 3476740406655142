import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  GgmlType,
  checkTensors,
  dequantize,
  getNumber,
  getString,
  getStringArray,
  ggmlTensorBytes,
  llama3RopeFreqs,
  ggmlTypeName,
  modelConfig,
  readGguf,
  synthShape,
  useMoreBits,
  writeSynthModel,
  type GgufArray,
} from '@llorch/gguf';
import { sharedFile } from '../../../test/support/sharedFile.js';

const tokenizerDir = sharedFile('models/qwen2.5-0.5b-instruct');
const dir = mkdtempSync(path.join(tmpdir(), 'gguf-synth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function typeCounts(types: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of types) counts[ggmlTypeName(t)] = (counts[ggmlTypeName(t)] ?? 0) + 1;
  return counts;
}

describe('synthShape for the qwen2.5-0.5b preset (planned, not written)', () => {
  const f16 = synthShape({ preset: 'qwen2.5-0.5b', type: 'f16' });

  it('has Qwen2.5-0.5B shapes', () => {
    const dims = new Map(f16.tensors.map((t) => [t.name, t.dims]));
    expect(f16.tensors).toHaveLength(2 + 24 * 12);
    expect(dims.get('token_embd.weight')).toEqual([896, 151936]);
    expect(dims.get('blk.0.attn_q.weight')).toEqual([896, 896]);
    expect(dims.get('blk.0.attn_k.weight')).toEqual([896, 128]);
    expect(dims.get('blk.0.attn_k.bias')).toEqual([128]);
    expect(dims.get('blk.23.ffn_down.weight')).toEqual([4864, 896]);
    expect(dims.has('output.weight')).toBe(false);
  });

  it('is 0.9-1.3 GB in f16 and about half that in q8_0', () => {
    expect(f16.dataBytes).toBeGreaterThan(0.9e9);
    expect(f16.dataBytes).toBeLessThan(1.3e9);
    const q8 = synthShape({ preset: 'qwen2.5-0.5b', type: 'q8_0' });
    expect(q8.dataBytes / f16.dataBytes).toBeGreaterThan(0.5);
    expect(q8.dataBytes / f16.dataBytes).toBeLessThan(0.56);
  });

  it('mixes Q4_K and Q6_K in q4_k_m as llama.cpp does, with its fallbacks for 896-wide rows', () => {
    const shape = synthShape({ preset: 'qwen2.5-0.5b', type: 'q4_k_m' });
    const type = (name: string) => shape.tensors.find((t) => t.name === name)!.type;
    expect(type('token_embd.weight')).toBe(GgmlType.Q8_0); // tied output: Q6_K, 896 % 256 != 0
    expect(type('blk.0.ffn_down.weight')).toBe(GgmlType.Q6_K); // 4864-wide rows fit K blocks
    expect(type('blk.3.ffn_down.weight')).toBe(GgmlType.Q4_K);
    expect(type('blk.5.ffn_down.weight')).toBe(GgmlType.Q6_K);
    expect(type('blk.0.attn_v.weight')).toBe(GgmlType.Q8_0);
    expect(type('blk.3.attn_q.weight')).toBe(GgmlType.Q5_0);
    expect(type('blk.3.attn_norm.weight')).toBe(GgmlType.F32);
    expect(typeCounts(shape.tensors.map((t) => t.type))).toEqual({
      F32: 121,
      Q4_K: 12,
      Q5_0: 132,
      Q6_K: 12,
      Q8_0: 13,
    });
    const layers = Array.from({ length: 24 }, (_, i) => i).filter((i) => useMoreBits(i, 24));
    expect(layers).toEqual([0, 1, 2, 5, 8, 11, 14, 17, 20, 21, 22, 23]);
  });

  it('rejects unknown presets, types and architectures', () => {
    expect(() => synthShape({ preset: 'gpt-5', type: 'f16' })).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_BAD_SYNTH_OPTION' }),
    );
    expect(() => synthShape({ preset: 'tiny-qwen2', type: 'q3_k' })).toThrow(
      expect.objectContaining({ code: 'GGUF_ERR_BAD_SYNTH_OPTION' }),
    );
    expect(() =>
      synthShape({ preset: 'tiny-qwen2', type: 'f16', architecture: 'gpt2' as 'llama' }),
    ).toThrow(expect.objectContaining({ code: 'GGUF_ERR_BAD_SYNTH_OPTION' }));
  });
});

describe('llama3 rope scaling (tiny-llama3)', () => {
  const scaling = { factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalContextLength: 8192 };

  it('keeps fast pairs, slows slow ones by the factor and interpolates between', () => {
    // Base 500000, 16 dims: wavelengths 6.3, 32, 164, 836, 4.4k, 22k, 115k and 590k tokens
    // against the 2048 (high) and 8192 (low frequency) wavelength limits.
    const d = llama3RopeFreqs(scaling, 500000, 16);
    expect(Array.from(d.subarray(0, 4))).toEqual([1, 1, 1, 1]);
    expect(Array.from(d.subarray(5))).toEqual([8, 8, 8]);
    const wavelength = 2 * Math.PI * Math.pow(500000, 8 / 16);
    const smooth = (8192 / wavelength - 1) / (4 - 1);
    expect(d[4]).toBeCloseTo(1 / ((1 - smooth) / 8 + smooth), 5);
    expect(d[4]).toBeGreaterThan(1);
    expect(d[4]).toBeLessThan(8);
  });

  it('writes the divisors as rope_freqs.weight after every other tensor', () => {
    const plain = synthShape({ preset: 'tiny-llama', type: 'f32' }).tensors;
    const scaled = synthShape({ preset: 'tiny-llama3', type: 'f32' }).tensors;
    // The other tensors keep their order, so their seeds (by index) are tiny-llama's.
    expect(scaled.slice(0, -1).map((t) => t.name)).toEqual(plain.map((t) => t.name));
    expect(scaled.at(-1)).toMatchObject({
      name: 'rope_freqs.weight',
      dims: [8],
      type: GgmlType.F32,
    });
  });
});

(tokenizerDir ? describe : describe.skip)('writeSynthModel', () => {
  jest.setTimeout(60_000);
  const write = (name: string, preset: string, type: string, seed: number) =>
    writeSynthModel(path.join(dir, name), { preset, type, seed, tokenizerDir: tokenizerDir! });
  const sha = (name: string) =>
    createHash('sha256')
      .update(readFileSync(path.join(dir, name)))
      .digest('hex');

  it('writes a tiny-qwen2 that reads back as a valid qwen2 with the Qwen2.5 tokenizer', async () => {
    const written = await write('tq.gguf', 'tiny-qwen2', 'q8_0', 1);
    const file = await readGguf(path.join(dir, 'tq.gguf'));
    expect(file.tensors).toEqual(written.tensors);
    const config = modelConfig(file);
    expect(config).toMatchObject({
      architecture: 'qwen2',
      blockCount: 2,
      embeddingLength: 64,
      headCount: 4,
      headCountKv: 2,
      headDim: 16,
      feedForwardLength: 128,
      vocabSize: 151936,
      tiedOutput: true,
      qkvBias: true,
    });
    checkTensors(file, config);

    const tokens = getStringArray(file, 'tokenizer.ggml.tokens');
    expect(tokens).toHaveLength(151936);
    expect([tokens[0], tokens[151643], tokens[151645], tokens[151657]]).toEqual([
      '!',
      '<|endoftext|>',
      '<|im_end|>',
      '<tool_call>',
    ]);
    expect(tokens[151665]).toBe('[PAD151665]');
    const types = (file.metadata.get('tokenizer.ggml.token_type')!.value as GgufArray)
      .items as Int32Array;
    expect([types[0], types[151643], types[151656], types[151657], types[151664]]).toEqual([
      1, 3, 3, 4, 4,
    ]);
    expect([types[151665], types[151935]]).toEqual([5, 5]);
    expect(getStringArray(file, 'tokenizer.ggml.merges')).toHaveLength(151387);
    expect(getString(file, 'tokenizer.ggml.model')).toBe('gpt2');
    expect(getString(file, 'tokenizer.ggml.pre')).toBe('qwen2');
    expect(getNumber(file, 'tokenizer.ggml.bos_token_id')).toBe(151643);
    expect(getNumber(file, 'tokenizer.ggml.eos_token_id')).toBe(151645);
    expect(getNumber(file, 'tokenizer.ggml.padding_token_id')).toBe(151643);
    expect(file.metadata.get('tokenizer.ggml.add_bos_token')!.value).toBe(false);
    expect(getString(file, 'tokenizer.chat_template')).toContain('<|im_start|>');
  });

  it('draws well-conditioned weights: norms 1, std as planned', async () => {
    await write('tf32.gguf', 'tiny-qwen2', 'f32', 3);
    const file = await readGguf(path.join(dir, 'tf32.gguf'));
    const bytes = readFileSync(path.join(dir, 'tf32.gguf'));
    const tensor = (name: string) => {
      const t = file.tensors.find((x) => x.name === name)!;
      const n = t.dims.reduce((a, b) => a * b, 1);
      const start = file.dataOffset + t.offset;
      return dequantize(t.type, bytes.subarray(start, start + t.size), n);
    };
    const std = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);
    expect(tensor('blk.0.attn_norm.weight').every((v) => v === 1)).toBe(true);
    expect(std(tensor('token_embd.weight'))).toBeCloseTo(0.02, 3);
    expect(std(tensor('blk.1.attn_q.weight'))).toBeCloseTo(1 / 8, 2);
    expect(std(tensor('blk.1.ffn_down.weight'))).toBeCloseTo(1 / Math.sqrt(128) / 2, 2);
  });

  it('gives the same bytes for the same seed and different bytes for another', async () => {
    await write('a.gguf', 'tiny-llama', 'q4_k', 42);
    await write('b.gguf', 'tiny-llama', 'q4_k', 42);
    await write('c.gguf', 'tiny-llama', 'q4_k', 43);
    expect(sha('a.gguf')).toBe(sha('b.gguf'));
    expect(sha('a.gguf')).not.toBe(sha('c.gguf'));
    const file = await readGguf(path.join(dir, 'a.gguf'));
    const config = modelConfig(file);
    expect(config).toMatchObject({ architecture: 'llama', tiedOutput: false, qkvBias: false });
    checkTensors(file, config);
    // 64-wide rows cannot hold Q4_K blocks: llama.cpp's fallback, Q5_0, and Q8_0 for the output.
    const out = file.tensors.find((t) => t.name === 'output.weight')!;
    expect(out.type).toBe(GgmlType.Q8_0);
    expect(out.size).toBe(ggmlTensorBytes(GgmlType.Q8_0, [64, 151936]));
  });
});
