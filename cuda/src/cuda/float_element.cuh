// Single elements of the float weight types, for rows whose length is not a multiple of 8
// (ggml stores F32/F16/BF16 with a block size of 1, so any length is valid).
#pragma once

#include <cuda_fp16.h>

#include <cstdint>

#include "backend/ggml_type.h"

namespace llorch {

__device__ __forceinline__ float floatElement(GgmlType t, const uint8_t* row, int64_t i) {
  if (t == GgmlType::F32) return reinterpret_cast<const float*>(row)[i];
  const uint16_t h = reinterpret_cast<const uint16_t*>(row)[i];
  if (t == GgmlType::F16) return __half2float(__ushort_as_half(h));
  return __uint_as_float(static_cast<uint32_t>(h) << 16);
}

}  // namespace llorch
