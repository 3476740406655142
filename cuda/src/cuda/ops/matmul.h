#pragma once
#include <cuda_runtime.h>

#include "backend/backend.h"

namespace llorch {
// y[n][w.rows] = x[n][w.cols] . W^T in W's stored type, f32 accumulation: matrix-vector kernels
// for decode batches, tiled kernels beyond, an element-wise kernel for float rows whose length
// is not a multiple of 8. `scratch` holds cudaMatmulScratchFloats(w, n) floats (the tiled kernels'
// split partials).
size_t cudaMatmulScratchFloats(const WeightView& w, int n);
void cudaMatmul(cudaStream_t s, float* y, const WeightView& w, const float* x, int n, float* scratch);
}  // namespace llorch
