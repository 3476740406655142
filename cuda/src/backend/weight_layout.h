// The "planar" layout the CUDA backend keeps quantized weights in (the CPU backend keeps GGUF
// blocks). GGUF blocks are 18-210 bytes and only 2-byte aligned, so a GPU reading 8 elements of
// a block gathers them from 5-9 two-byte loads. The planar layout rewrites each row, in place
// and with the same byte count (row sizes, offsets and memory accounting do not change), as
// planes: first every element's low quant bits in chunk order (8 elements a chunk, naturally
// aligned), then the high-bit plane, then the per-block scales/headers. Chunk c of a row
// (elements 8c..8c+7) reads 2-4 aligned words wherever the row start is aligned.
//
// Per row of `cols` elements (nb blocks), offsets from the row start:
//   Q8_0: [0, cols)         int8 quants in element order: chunk c = 8 bytes at 8c
//         [cols, +2nb)      f16 d of block b at cols + 2b
//   Q4_0: [0, cols/2)       nibbles: chunk c = 4 bytes at 4c; byte i holds element 8c+i in
//                           its low nibble and element 8c+i+4 in its high one ("nibble chunk")
//         [cols/2, +2nb)    f16 d
//   Q5_0: [0, cols/2)       low 4 bits as nibble chunks
//         [cols/2, +cols/8) high bits: byte c = elements 8c..8c+7's fifth bits (bit i = 8c+i)
//         [5cols/8, +2nb)   f16 d
//   Q4_K: [0, cols/2)       nibble chunks
//         [cols/2, +16nb)   the super-blocks' 16-byte headers as stored (d, dmin, scales[12])
//   Q6_K: [0, cols/2)       low 4 bits as nibble chunks
//         [cols/2, +cols/4) high 2 bits: 2 bytes a chunk, element 8c+i at bits 2i..2i+1
//         [3cols/4, +16nb)  int8 scales, one per 16 elements in element order
//         [13cols/16, +2nb) f16 d
// Other types have no planar form and stay in GGUF layout.
#pragma once

#include <cstdint>

#include "backend/ggml_type.h"

namespace llorch {

// Whether `t` is stored in the planar layout on the CUDA backend (constexpr: kernels pick their
// shapes by it).
constexpr bool hasPlanarLayout(GgmlType t) {
  return t == GgmlType::Q8_0 || t == GgmlType::Q4_0 || t == GgmlType::Q5_0 || t == GgmlType::Q4_K ||
         t == GgmlType::Q6_K;
}

// Rewrites `rows` whole rows of `cols` elements of type `t` from GGUF blocks (src) into the
// planar layout (dst, the same byte count; the two must not overlap); a type without a planar
// layout is copied as it is. `t` must be a supported type and `cols` a multiple of its block size.
void toPlanarRows(GgmlType t, const uint8_t* src, uint8_t* dst, int64_t rows, int64_t cols);

}  // namespace llorch
