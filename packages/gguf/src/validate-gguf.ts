import { GgufFormatError } from './errors.js';
import { ggmlTensorBytes } from './ggml-type.js';
import { GGUF_MAX_DIMS } from './parse-header.js';
import type { GgufFile } from './types.js';

/**
 * Checks the structural promises a GGUF file makes about its tensors: each one's data lies
 * inside the file, starts on the alignment, overlaps no other, has a unique name, a sane shape,
 * and a size that matches its type and dims. The reader runs it on every file it returns.
 */
export function validateGguf(file: GgufFile): void {
  const { alignment, dataOffset, fileSize } = file;
  const names = new Set<string>();
  for (const t of file.tensors) {
    if (names.has(t.name)) {
      throw new GgufFormatError('GGUF_ERR_DUPLICATE_TENSOR', `tensor ${t.name} appears twice`);
    }
    names.add(t.name);
    if (t.dims.length > GGUF_MAX_DIMS) {
      throw new GgufFormatError(
        'GGUF_ERR_TOO_MANY_DIMS',
        `tensor ${t.name} has ${t.dims.length} dimensions, at most ${GGUF_MAX_DIMS} are allowed`,
      );
    }
    if (t.dims.some((d) => !Number.isSafeInteger(d) || d < 0)) {
      throw new GgufFormatError(
        'GGUF_ERR_DIMENSION_OVERFLOW',
        `tensor ${t.name} has an invalid dimension in [${t.dims.join(', ')}]`,
      );
    }
    const expected = ggmlTensorBytes(t.type, t.dims);
    if (expected !== t.size) {
      throw new GgufFormatError(
        'GGUF_ERR_BAD_TENSOR_SHAPE',
        `tensor ${t.name} claims ${t.size} bytes, its type and shape need ${expected}`,
      );
    }
    if (t.offset % alignment !== 0) {
      throw new GgufFormatError(
        'GGUF_ERR_MISALIGNED_TENSOR',
        `tensor ${t.name} starts at data offset ${t.offset}, not a multiple of the alignment ${alignment}`,
      );
    }
    const end = dataOffset + t.offset + t.size;
    if (end > fileSize) {
      throw new GgufFormatError(
        'GGUF_ERR_TENSOR_OUT_OF_BOUNDS',
        `tensor ${t.name} ends at byte ${end}, past the end of the ${fileSize}-byte file`,
      );
    }
  }
  const byOffset = file.tensors.filter((t) => t.size > 0).sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    const cur = byOffset[i]!;
    if (prev.offset + prev.size > cur.offset) {
      throw new GgufFormatError(
        'GGUF_ERR_OVERLAPPING_TENSORS',
        `tensors ${prev.name} and ${cur.name} overlap at data offset ${cur.offset}`,
      );
    }
  }
}
