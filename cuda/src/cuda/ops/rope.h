#pragma once
#include <cuda_runtime.h>

#include <cstdint>

#include "backend/backend.h"

namespace llorch {

// Inverse frequencies of the rotated pairs, computed on the host in double as the CPU reference
// does, passed to kernels by value (ropeDim <= 256).
struct RopeInvFreq {
  float v[128];
};
// Throws NativeError(NATIVE_ERR_BAD_ARGUMENT) when ropeDim exceeds 256 or headDim.
RopeInvFreq ropeInvFreq(const RopeParams& p);

// Rotates x ([n][heads * headDim]) in place; row i is at position pos[i] (device memory).
void cudaRope(cudaStream_t s, float* x, const int32_t* pos, int n, const RopeParams& p);

}  // namespace llorch
