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
// Whether cudaAttentionProject takes this batch and output projection: one row, every KV head's
// splits in one thread-block cluster the device can place, each block's share of wo's rows in its
// shared memory, wo's type one the kernel is built for.
bool cudaAttentionProjectSupports(const AttentionBatch& b, const WeightView& wo);
// x += attention(q) . wo^T ([heads * headDim] -> [wo.rows]) for a batch that
// cudaAttentionProjectSupports takes: the output projection in the attention kernel.
void cudaAttentionProject(cudaStream_t s, float* x, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                          const WeightView& wo);
}  // namespace llorch
