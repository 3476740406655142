#pragma once
#include <cuda_runtime.h>

#include <cstdint>

namespace llorch {
// out[i] = index of the largest of x[i][0..dim), the first one on ties.
void cudaArgmax(cudaStream_t s, int32_t* out, const float* x, int n, int dim);
}  // namespace llorch
