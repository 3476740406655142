import { open, rename, rm } from 'node:fs/promises';
import { encodeHeader } from './encode-header.js';
import { GgufError } from './errors.js';
import { ggmlTensorBytes, ggmlTypeName } from './ggml-type.js';
import { GGUF_DEFAULT_ALIGNMENT } from './parse-header.js';
import { meta } from './meta.js';
import {
  GgufValueType,
  type GgufFile,
  type GgufMetadataEntry,
  type GgufTensorInfo,
} from './types.js';
import { validateGguf } from './validate-gguf.js';

export interface GgufTensorSpec {
  readonly name: string;
  /** ggml order: dims[0] is the row length. */
  readonly dims: readonly number[];
  readonly type: number;
}

/** A tensor's bytes: one buffer, or chunks that together make exactly its size. */
export type GgufTensorData = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export interface WriteGgufOptions {
  readonly metadata: readonly GgufMetadataEntry[];
  readonly tensors: readonly GgufTensorSpec[];
  /** Called once per tensor, in order, when its data is due; produce it lazily. */
  readonly data: (tensor: GgufTensorInfo, index: number) => GgufTensorData;
  /** Data alignment; written as general.alignment when not the default 32. */
  readonly alignment?: number;
}

/** Lays tensors out back to back, each starting on the alignment. */
export function layoutTensors(
  tensors: readonly GgufTensorSpec[],
  alignment: number,
): GgufTensorInfo[] {
  let offset = 0;
  return tensors.map((t) => {
    const size = ggmlTensorBytes(t.type, t.dims);
    const info = { name: t.name, dims: [...t.dims], type: t.type, offset, size };
    offset = Math.ceil((offset + size) / alignment) * alignment;
    return info;
  });
}

function withAlignment(
  metadata: readonly GgufMetadataEntry[],
  alignment: number | undefined,
): { metadata: GgufMetadataEntry[]; alignment: number } {
  const given = metadata.find((e) => e.key === 'general.alignment');
  if (given !== undefined) {
    if (
      given.type !== GgufValueType.UINT32 ||
      (alignment !== undefined && alignment !== given.value)
    ) {
      throw new GgufError(
        'GGUF_ERR_BAD_ALIGNMENT',
        'general.alignment must be a uint32 that agrees with the alignment option',
      );
    }
    return { metadata: [...metadata], alignment: given.value as number };
  }
  const a = alignment ?? GGUF_DEFAULT_ALIGNMENT;
  if (a === GGUF_DEFAULT_ALIGNMENT) return { metadata: [...metadata], alignment: a };
  return { metadata: [...metadata, meta.u32('general.alignment', a)], alignment: a };
}

async function* chunksOf(data: GgufTensorData): AsyncIterable<Uint8Array> {
  if (data instanceof Uint8Array) yield data;
  else yield* data;
}

/**
 * Writes a GGUF v3 file: header, then each tensor's data as `data()` produces it, streamed
 * through one file handle so memory stays at the size of the largest chunk. The file appears
 * under `path` only when complete (written to a temporary name, then renamed).
 */
export async function writeGguf(path: string, options: WriteGgufOptions): Promise<GgufFile> {
  const { metadata, alignment } = withAlignment(options.metadata, options.alignment);
  const seen = new Set<string>();
  for (const e of metadata) {
    if (seen.has(e.key)) {
      throw new GgufError('GGUF_ERR_DUPLICATE_KEY', `metadata key ${e.key} given twice`);
    }
    seen.add(e.key);
  }
  const tensors = layoutTensors(options.tensors, alignment);
  const header = encodeHeader(metadata, tensors);
  const dataOffset = Math.ceil(header.length / alignment) * alignment;
  const last = tensors[tensors.length - 1];
  const fileSize = dataOffset + (last ? last.offset + last.size : 0);
  const file: GgufFile = {
    version: 3,
    alignment,
    dataOffset,
    fileSize,
    metadata: new Map(metadata.map((e) => [e.key, e])),
    tensors,
  };
  validateGguf(file);

  const tmp = `${path}.${process.pid}.partial`;
  let handle;
  try {
    handle = await open(tmp, 'w');
  } catch (err) {
    throw new GgufError('GGUF_ERR_IO', `cannot create ${tmp}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    let pos = 0;
    const write = async (bytes: Uint8Array) => {
      await handle.write(bytes, 0, bytes.length, pos);
      pos += bytes.length;
    };
    await write(header);
    await write(new Uint8Array(dataOffset - header.length));
    for (let i = 0; i < tensors.length; i++) {
      const t = tensors[i]!;
      await write(new Uint8Array(dataOffset + t.offset - pos));
      let given = 0;
      for await (const chunk of chunksOf(options.data(t, i))) {
        given += chunk.length;
        if (given > t.size) break;
        await write(chunk);
      }
      if (given !== t.size) {
        throw new GgufError(
          'GGUF_ERR_WRITE_MISMATCH',
          `tensor ${t.name} (${ggmlTypeName(t.type)} [${t.dims.join(', ')}]) needs ${t.size} ` +
            `bytes, its data source gave ${given > t.size ? 'more' : given}`,
        );
      }
    }
    await handle.close();
    await rename(tmp, path);
    return file;
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    if (err instanceof GgufError) throw err;
    throw new GgufError('GGUF_ERR_IO', `cannot write ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
