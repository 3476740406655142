#pragma once
#include <cuda_runtime.h>

#include "backend/backend.h"

namespace llorch {
// Largest batch the matrix-vector kernels take; larger ones go to the tiled kernels.
inline constexpr int kMatvecMaxRows = 8;
// y[n][w.rows] = x[n][w.cols] . W^T for 1 <= n <= kMatvecMaxRows; w.cols % 8 == 0.
void cudaMatvec(cudaStream_t s, float* y, const WeightView& w, const float* x, int n);
}  // namespace llorch
