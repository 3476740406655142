#pragma once
#include <cuda_runtime.h>

#include <cstdint>

#include "backend/backend.h"

namespace llorch {
// Rotates x ([n][heads * headDim]) in place; row i is at position pos[i] (device memory).
void cudaRope(cudaStream_t s, float* x, const int32_t* pos, int n, const RopeParams& p);
}  // namespace llorch
