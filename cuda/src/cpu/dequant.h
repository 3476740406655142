// Dequantization of one weight row from its stored ggml type to f32 (exact ggml block layouts).
#pragma once

#include <cstdint>

#include "backend/ggml_type.h"

namespace llorch {

// dst[0..cols) = row `src` of type `type`; cols is a multiple of the type's block size.
void dequantRow(GgmlType type, const void* src, float* dst, int64_t cols);

}  // namespace llorch
