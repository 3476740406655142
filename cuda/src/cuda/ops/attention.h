#pragma once
#include <cuda_runtime.h>

#include "backend/backend.h"

namespace llorch {
// Floats of split scratch attention needs for this batch (0 when it needs none).
size_t cudaAttentionScratchFloats(const AttentionBatch& b);
// Causal attention of q ([n][heads * headDim]) over the paged cache; out is [n][heads * headDim].
// `scratch` holds cudaAttentionScratchFloats(b) floats. headDim <= 256.
void cudaAttention(cudaStream_t s, float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                   float* scratch);
}  // namespace llorch
