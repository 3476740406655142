import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  GgmlType,
  GgufValueType,
  meta,
  parseGguf,
  readGguf,
  writeGguf,
  type GgufArray,
  type GgufMetadataEntry,
} from '@llorch/gguf';
import { sharedFile } from '../../../test/support/sharedFile.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gguf-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stories = sharedFile('models/stories260K.gguf');

describe('writeGguf', () => {
  it('round-trips metadata of every type, tensors and their bytes', async () => {
    const nested: GgufArray = {
      kind: 'array',
      itemType: GgufValueType.ARRAY,
      items: [
        { kind: 'array', itemType: GgufValueType.INT16, items: new Int16Array([-3, 4]) },
        { kind: 'array', itemType: GgufValueType.BOOL, items: [true, false] },
      ],
    };
    const metadata: GgufMetadataEntry[] = [
      meta.string('general.architecture', 'llama'),
      meta.u8('a.u8', 255),
      meta.i32('a.i32', -7),
      meta.u64('a.u64', 2n ** 63n),
      { key: 'a.i64', type: GgufValueType.INT64, value: -(2n ** 40n) },
      { key: 'a.f64', type: GgufValueType.FLOAT64, value: Math.PI },
      meta.f32('a.f32', 0.5),
      meta.bool('a.bool', true),
      meta.stringArray('a.strings', ['', 'ü', '<|im_end|>']),
      meta.f32Array('a.floats', new Float32Array([1.5, -2])),
      meta.array('a.nested', nested),
    ];
    const a = Uint8Array.from({ length: 4 * 64 }, (_, i) => i & 0xff);
    const b = Uint8Array.from({ length: 34 * 2 }, (_, i) => (i * 7) & 0xff);
    const file = path.join(dir, 'all.gguf');
    const written = await writeGguf(file, {
      metadata,
      tensors: [
        { name: 'a', dims: [64], type: GgmlType.F32 },
        { name: 'b', dims: [32, 2], type: GgmlType.Q8_0 },
        { name: 'c', dims: [3], type: GgmlType.I8 },
      ],
      data: (t) => {
        if (t.name === 'a') return a;
        if (t.name === 'b') return [b.subarray(0, 10), b.subarray(10)];
        return (async function* () {
          yield Uint8Array.of(1, 2, 3);
        })();
      },
    });
    const read = await readGguf(file);
    expect(read.tensors).toEqual(written.tensors);
    expect(read.dataOffset).toBe(written.dataOffset);
    expect(read.fileSize).toBe(written.fileSize);
    expect([...read.metadata.values()]).toEqual(metadata);
    const bytes = readFileSync(file);
    const at = (name: string) => {
      const t = read.tensors.find((x) => x.name === name)!;
      return new Uint8Array(
        bytes.subarray(read.dataOffset + t.offset, read.dataOffset + t.offset + t.size),
      );
    };
    expect(at('a')).toEqual(a);
    expect(at('b')).toEqual(b);
    expect(at('c')).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('honours a non-default alignment and records it', async () => {
    const file = path.join(dir, 'aligned.gguf');
    await writeGguf(file, {
      metadata: [meta.string('general.architecture', 'llama')],
      tensors: [
        { name: 'x', dims: [3], type: GgmlType.F32 },
        { name: 'y', dims: [5], type: GgmlType.F32 },
      ],
      data: (t) => new Uint8Array(t.size),
      alignment: 256,
    });
    const read = await readGguf(file);
    expect(read.alignment).toBe(256);
    expect(read.metadata.get('general.alignment')?.value).toBe(256);
    expect(read.dataOffset % 256).toBe(0);
    expect(read.tensors[1]!.offset).toBe(256);
  });

  it('rejects data of the wrong length and leaves no file behind', async () => {
    const file = path.join(dir, 'short.gguf');
    await expect(
      writeGguf(file, {
        metadata: [],
        tensors: [{ name: 'x', dims: [4], type: GgmlType.F32 }],
        data: () => new Uint8Array(15),
      }),
    ).rejects.toMatchObject({ code: 'GGUF_ERR_WRITE_MISMATCH' });
    await expect(
      writeGguf(file, {
        metadata: [],
        tensors: [{ name: 'x', dims: [4], type: GgmlType.F32 }],
        data: () => [new Uint8Array(16), new Uint8Array(1)],
      }),
    ).rejects.toMatchObject({ code: 'GGUF_ERR_WRITE_MISMATCH' });
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('rejects invalid tensor sets and metadata before writing', async () => {
    const file = path.join(dir, 'bad.gguf');
    const x = { name: 'x', dims: [4], type: GgmlType.F32 };
    const data = () => new Uint8Array(16);
    await expect(writeGguf(file, { metadata: [], tensors: [x, x], data })).rejects.toMatchObject({
      code: 'GGUF_ERR_DUPLICATE_TENSOR',
    });
    await expect(
      writeGguf(file, {
        metadata: [],
        tensors: [{ name: 'q', dims: [16], type: GgmlType.Q4_K }],
        data,
      }),
    ).rejects.toMatchObject({ code: 'GGUF_ERR_BAD_TENSOR_SHAPE' });
    await expect(
      writeGguf(file, { metadata: [meta.u8('k', 1), meta.u8('k', 2)], tensors: [], data }),
    ).rejects.toMatchObject({ code: 'GGUF_ERR_DUPLICATE_KEY' });
    await expect(
      writeGguf(file, {
        metadata: [{ key: 'k', type: GgufValueType.STRING, value: 3 }],
        tensors: [],
        data,
      }),
    ).rejects.toMatchObject({ code: 'GGUF_ERR_WRONG_KEY_TYPE' });
    expect(existsSync(file)).toBe(false);
  });

  (stories ? it : it.skip)('rewrites stories260K byte for byte', async () => {
    const original = readFileSync(stories!);
    const src = parseGguf(original);
    const file = path.join(dir, 'stories.gguf');
    await writeGguf(file, {
      metadata: [...src.metadata.values()],
      tensors: src.tensors,
      data: (t) => original.subarray(src.dataOffset + t.offset, src.dataOffset + t.offset + t.size),
    });
    expect(readFileSync(file).equals(original)).toBe(true);
  });

  it('round-trips arbitrary scalar and string metadata', async () => {
    const file = path.join(dir, 'prop.gguf');
    const entry = fc.oneof(
      fc.string().map((s) => meta.string('k', s)),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((v) => meta.u32('k', v)),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((v) => meta.i32('k', v)),
      fc.float({ noNaN: true }).map((v) => meta.f32('k', v)),
      fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((v) => meta.u64('k', v)),
      fc.array(fc.string()).map((v) => meta.stringArray('k', v)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.string({ minLength: 1 }), entry), {
          selector: ([k]) => k,
          maxLength: 8,
        }),
        async (pairs) => {
          const metadata = pairs.map(([key, e]) => ({ ...e, key }));
          await writeGguf(file, { metadata, tensors: [], data: () => new Uint8Array(0) });
          const read = await readGguf(file);
          expect([...read.metadata.values()]).toEqual(metadata);
        },
      ),
      { numRuns: 60 },
    );
  });
});
