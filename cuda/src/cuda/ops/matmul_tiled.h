#pragma once
#include <cuda_runtime.h>

#include "backend/backend.h"

namespace llorch {
// y[n][w.rows] = x[n][w.cols] . W^T for any n, w.cols % 8 == 0: 64x64 output tiles, weights
// dequantized into shared memory. Tensor cores (f16 weights, activations split into two f16
// halves, f32 accumulation) for the quantized types and F16; f32 FMA for F32 and BF16 weights,
// whose values f16 cannot hold exactly.
void cudaMatmulTiled(cudaStream_t s, float* y, const WeightView& w, const float* x, int n);
}  // namespace llorch
