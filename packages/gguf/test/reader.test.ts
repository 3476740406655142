import { describe, expect, it } from '@jest/globals';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GgmlType, GgufValueType, parseGguf, readGguf, type GgufArray } from '@llorch/gguf';
import { preamble } from './gguf-bytes.js';
import { sharedFile } from '../../../test/support/sharedFile.js';

const stories = sharedFile('models/stories260K.gguf');
const vocabDir = sharedFile('tokenizer-vectors');
const vocabFiles = vocabDir
  ? readdirSync(vocabDir)
      .filter((f) => f.endsWith('.gguf'))
      .map((f) => path.join(vocabDir, f))
  : [];

describe('readGguf on real files', () => {
  (stories ? it : it.skip)('reads stories260K: 48 F32 tensors of a 5-block llama', async () => {
    const file = await readGguf(stories!);
    expect(file.version).toBe(3);
    expect(file.alignment).toBe(32);
    expect(file.fileSize).toBe(1185376);
    expect(file.metadata.get('general.architecture')?.value).toBe('llama');
    expect(file.metadata.get('llama.block_count')?.value).toBe(5);
    expect(file.tensors).toHaveLength(48);
    expect(file.tensors.every((t) => t.type === GgmlType.F32)).toBe(true);
    const embd = file.tensors.find((t) => t.name === 'token_embd.weight')!;
    expect(embd.dims).toEqual([64, 512]);
    expect(embd.size).toBe(64 * 512 * 4);
    expect(file.dataOffset % 32).toBe(0);
    const last = file.tensors.reduce((a, t) => Math.max(a, t.offset + t.size), 0);
    expect(file.dataOffset + last).toBe(file.fileSize);
    const tokens = file.metadata.get('tokenizer.ggml.tokens')!.value as GgufArray;
    expect(tokens.itemType).toBe(GgufValueType.STRING);
    expect(tokens.items).toHaveLength(512);
    const scores = file.metadata.get('tokenizer.ggml.scores')!.value as GgufArray;
    expect(scores.items).toBeInstanceOf(Float32Array);
  });

  (stories ? it : it.skip)('parses the same result from memory as from the file', async () => {
    const { readFile } = await import('node:fs/promises');
    const fromFile = await readGguf(stories!);
    // A Node Buffer on purpose: its slice() is a view, which must not leak into typed arrays.
    const fromMemory = parseGguf(await readFile(stories!));
    const scores = fromMemory.metadata.get('tokenizer.ggml.scores')!.value as GgufArray;
    expect((scores.items as Float32Array).buffer.byteLength).toBe(512 * 4);
    expect(fromMemory.tensors).toEqual(fromFile.tensors);
    expect([...fromMemory.metadata.keys()]).toEqual([...fromFile.metadata.keys()]);
    expect(fromMemory.dataOffset).toBe(fromFile.dataOffset);
  });

  it.each(vocabFiles.map((f) => [path.basename(f), f]))(
    'reads vocab file %s (tokenizer only, no tensors)',
    async (_name, file) => {
      const gguf = await readGguf(file);
      expect(gguf.tensors).toHaveLength(0);
      const tokens = gguf.metadata.get('tokenizer.ggml.tokens')!.value as GgufArray;
      expect(tokens.items.length).toBeGreaterThan(100);
    },
  );
});

describe('readGguf window', () => {
  const deepseek = sharedFile('tokenizer-vectors/ggml-vocab-deepseek-llm.gguf');

  (deepseek ? it : it.skip)('grows past its first 1 MB read and resumes mid-header', async () => {
    const fromFile = await readGguf(deepseek!);
    const whole = parseGguf(readFileSync(deepseek!));
    expect(fromFile.fileSize).toBeGreaterThan(2 ** 21);
    expect([...fromFile.metadata.values()]).toEqual([...whole.metadata.values()]);
    expect(fromFile.dataOffset).toBe(whole.dataOffset);
  });

  it('reads only the header of a 1 GiB file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gguf-big-'));
    try {
      const file = path.join(dir, 'big.gguf');
      const header = preamble(3, 1, 0)
        .str('w')
        .u32(1)
        .u64(2 ** 28)
        .u32(GgmlType.F32)
        .u64(0);
      const bytes = header.pad(32).bytes();
      writeFileSync(file, bytes);
      truncateSync(file, bytes.length + 2 ** 30); // sparse: no disk blocks for the data
      const before = process.memoryUsage().arrayBuffers;
      const gguf = await readGguf(file);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
      expect(gguf.tensors[0]).toMatchObject({ name: 'w', size: 2 ** 30 });
      expect(gguf.fileSize).toBe(bytes.length + 2 ** 30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseGguf on hand-built bytes', () => {
  it('reads every scalar type and nested arrays', () => {
    const b = preamble(3, 0, 4)
      .str('a.u8')
      .u32(GgufValueType.UINT8)
      .u8(200)
      .str('a.i64')
      .u32(GgufValueType.INT64)
      .u64(-5n & 0xffffffffffffffffn)
      .str('a.bool')
      .u32(GgufValueType.BOOL)
      .u8(1)
      .str('a.nested')
      .u32(GgufValueType.ARRAY)
      .u32(GgufValueType.ARRAY)
      .u64(2)
      .u32(GgufValueType.INT32)
      .u64(2)
      .u32(7)
      .u32(0xffffffff)
      .u32(GgufValueType.STRING)
      .u64(1)
      .str('héllo');
    const file = parseGguf(b.bytes());
    expect(file.version).toBe(3);
    expect(file.metadata.get('a.u8')!.value).toBe(200);
    expect(file.metadata.get('a.i64')!.value).toBe(-5n);
    expect(file.metadata.get('a.bool')!.value).toBe(true);
    const nested = file.metadata.get('a.nested')!.value as GgufArray;
    const inner = nested.items as readonly GgufArray[];
    expect(Array.from(inner[0]!.items as Int32Array)).toEqual([7, -1]);
    expect(inner[1]!.items).toEqual(['héllo']);
  });

  it('computes the aligned data offset and honours general.alignment', () => {
    const b = preamble(2, 1, 1).str('general.alignment').u32(GgufValueType.UINT32).u32(64);
    b.str('w').u32(2).u64(32).u64(2).u32(GgmlType.Q8_0).u64(0);
    const headerEnd = b.length;
    b.pad(64).raw(new Uint8Array(68));
    const file = parseGguf(b.bytes());
    expect(file.version).toBe(2);
    expect(file.alignment).toBe(64);
    expect(file.dataOffset).toBe(Math.ceil(headerEnd / 64) * 64);
    expect(file.tensors[0]).toEqual({ name: 'w', dims: [32, 2], type: 8, offset: 0, size: 68 });
  });
});
