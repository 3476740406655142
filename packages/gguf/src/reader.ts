import { open, type FileHandle } from 'node:fs/promises';
import { GgufError, GgufFormatError } from './errors.js';
import { NeedMoreBytes } from './header-cursor.js';
import {
  GGUF_DEFAULT_ALIGNMENT,
  HeaderParser,
  parseHeader,
  type ParsedHeader,
} from './parse-header.js';
import { GgufValueType, type GgufFile } from './types.js';
import { validateGguf } from './validate-gguf.js';

/** First read; most model headers fit, vocab-heavy ones need a few doublings. */
const INITIAL_WINDOW = 1 << 20;

/** Parses a whole GGUF file held in memory. */
export function parseGguf(bytes: Uint8Array): GgufFile {
  return finish(parseHeader(bytes, bytes.length), bytes.length);
}

/**
 * Reads a GGUF file's header with positional reads: only the header's bytes are read (the window
 * grows until the header fits), never the tensor data, so memory stays near the header's size.
 */
export async function readGguf(path: string): Promise<GgufFile> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new GgufError('GGUF_ERR_IO', `cannot open ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    const fileSize = (await handle.stat()).size;
    const parser = new HeaderParser(fileSize);
    let window: Uint8Array = new Uint8Array(0);
    let want = Math.min(INITIAL_WINDOW, fileSize);
    for (;;) {
      window = await growWindow(handle, window, want);
      try {
        return finish(parser.parse(window), fileSize);
      } catch (err) {
        if (!(err instanceof NeedMoreBytes)) throw err;
        want = Math.min(fileSize, Math.max(err.needed, window.length * 2));
      }
    }
  } catch (err) {
    if (err instanceof GgufError) throw err;
    throw new GgufError('GGUF_ERR_IO', `cannot read ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    await handle.close();
  }
}

async function growWindow(handle: FileHandle, old: Uint8Array, size: number): Promise<Uint8Array> {
  const next = new Uint8Array(size);
  next.set(old);
  let filled = old.length;
  while (filled < size) {
    const { bytesRead } = await handle.read(next, filled, size - filled, filled);
    if (bytesRead === 0) {
      throw new GgufFormatError('GGUF_ERR_TRUNCATED', 'file shrank while it was being read');
    }
    filled += bytesRead;
  }
  return next;
}

function alignmentOf(header: ParsedHeader): number {
  const entry = header.metadata.get('general.alignment');
  if (entry === undefined) return GGUF_DEFAULT_ALIGNMENT;
  const v = entry.value;
  if (
    entry.type !== GgufValueType.UINT32 ||
    typeof v !== 'number' ||
    v === 0 ||
    (v & (v - 1)) !== 0
  ) {
    throw new GgufFormatError(
      'GGUF_ERR_BAD_ALIGNMENT',
      `general.alignment must be a power-of-two uint32, found ${GgufValueType[entry.type]} ${String(v)}`,
    );
  }
  return v;
}

function finish(header: ParsedHeader, fileSize: number): GgufFile {
  const alignment = alignmentOf(header);
  const dataOffset = Math.ceil(header.headerEnd / alignment) * alignment;
  const file: GgufFile = {
    version: header.version,
    alignment,
    dataOffset,
    fileSize,
    metadata: header.metadata,
    tensors: header.tensors,
  };
  validateGguf(file);
  return file;
}
