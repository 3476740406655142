#pragma once
#include <cuda_runtime.h>

#include <cstddef>

#include "backend/backend.h"

namespace llorch {
// Floats of split partials attention needs for this batch (0 when it needs none).
size_t cudaAttentionScratchFloats(const AttentionBatch& b);
// Completion counters attention needs for this batch (one per query row and head, or none).
size_t cudaAttentionCounters(const AttentionBatch& b);
// Causal attention of q ([n][heads * headDim]) over the paged cache; out is [n][heads * headDim].
// `partials` holds cudaAttentionScratchFloats(b) floats; `counters` holds
// cudaAttentionCounters(b) ints, zero on entry and left zero. headDim <= 256.
void cudaAttention(cudaStream_t s, float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                   float* partials, int* counters);
}  // namespace llorch
