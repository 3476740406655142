#pragma once
#include <cuda_runtime.h>

namespace llorch {
// out[i] = x[i] * rsqrt(mean(x[i]^2) + eps) * w for n rows of `dim`; out may alias x.
void cudaRmsnorm(cudaStream_t s, float* out, const float* x, const float* w, int n, int dim, float eps);
}  // namespace llorch
