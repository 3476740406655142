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
// One decode row's attention left unmerged for its consumer (the o projection, MatvecJob::merge):
// each query head's cudaAttentionParts(b) softmax partials, [head][part][headDim] accumulators
// then [head][part] (max, sum) pairs, cudaAttentionUnmergedFloats(b) floats in all. Saves the
// merging block's barrier and pass where the cluster kernel takes the row.
bool attentionUnmergedSupports(const AttentionBatch& b);
int cudaAttentionParts(const AttentionBatch& b);
size_t cudaAttentionUnmergedFloats(const AttentionBatch& b);
void cudaAttentionUnmerged(cudaStream_t s, float* part, const float* q, const KvLayerView& kv,
                           const AttentionBatch& b);
}  // namespace llorch
