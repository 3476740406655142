#pragma once

#include <cstdint>

#include "backend/ggml_type.h"

namespace llorch {

// Whether fusedDot handles `type` in this build (AVX2/F16C builds: F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0,
// Q5_1, Q4_K, Q5_K, Q6_K).
bool hasFusedDot(GgmlType type);

// dot(dequant(row), x) without materialising the row: each block is decoded into registers and
// multiplied in. The weights and the summation order are exactly those of dequantRow + dotF32,
// so a row gives the same bits on this path (decode) as on the batched one.
float fusedDot(GgmlType type, const void* row, const float* x, int64_t cols);

}  // namespace llorch
