// ggml tensor types the engine can hold as weights, with their block traits. The numbers are
// the official ggml enum values stored in GGUF tensor infos.
#pragma once

#include <cstddef>
#include <cstdint>

namespace llorch {

enum class GgmlType : uint32_t {
  F32 = 0,
  F16 = 1,
  Q4_0 = 2,
  Q4_1 = 3,
  Q5_0 = 6,
  Q5_1 = 7,
  Q8_0 = 8,
  Q2_K = 10,
  Q3_K = 11,
  Q4_K = 12,
  Q5_K = 13,
  Q6_K = 14,
  BF16 = 30,
};

struct TypeTraits {
  const char* name;
  int blockSize;     // elements per block
  int blockBytes;    // bytes per block
};

// Null when `type` is not a weight type the engine supports.
const TypeTraits* typeTraits(uint32_t type);

// Bytes of one row of `cols` elements; `cols` must be a multiple of the block size.
inline size_t rowBytes(const TypeTraits& t, int64_t cols) {
  return static_cast<size_t>(cols / t.blockSize) * static_cast<size_t>(t.blockBytes);
}

}  // namespace llorch
