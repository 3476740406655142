#pragma once
#include <cuda_runtime.h>

#include "backend/backend.h"
#include "cuda/ops/matmul_tiled.h"

namespace llorch {
// y[n][w.rows] = x[n][w.cols] . W^T in W's stored type, f32 accumulation: matrix-vector kernels
// for decode batches, tiled kernels beyond, an element-wise kernel for float rows whose length
// is not a multiple of 8. `scratch` provides the tiled kernels' split partials (cudaMatmulTiled).
void cudaMatmul(cudaStream_t s, float* y, const WeightView& w, const float* x, int n, const SplitScratch& scratch);
}  // namespace llorch
