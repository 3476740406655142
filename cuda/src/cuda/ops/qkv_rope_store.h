#pragma once
#include <cuda_runtime.h>

#include <cstdint>

#include "backend/backend.h"

namespace llorch {
// Biases (null when absent) on q, k, v, rope on q and k at pos[i], k and v into cache slots[i]:
// one launch instead of six. q and k are rotated in place; v is biased in place.
void cudaQkvRopeStore(cudaStream_t s, float* q, float* k, float* v, const float* bq, const float* bk,
                      const float* bv, const int32_t* pos, const int32_t* slots, int n, const RopeParams& ropeQ,
                      const RopeParams& ropeK, const KvLayerView& kv);
}  // namespace llorch
