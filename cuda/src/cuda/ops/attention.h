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

// Whether cudaAttentionOut takes this batch and output projection: one row of at most 1024
// positions (512 at headDim 128), grouped heads of 64 or 128 dims whose KV head's query heads
// are at most 512 columns (a multiple of 64), wo of F16, BF16, Q8_0, Q4_0 or Q5_0 whose rows'
// slices fit a block's shared memory beside the K/V tiles.
bool cudaAttentionOutSupports(const AttentionBatch& b, const WeightView& wo);
// The attention of one row fused with its output projection: parts ([kvHeads][wo.rows]) receives,
// for each KV head, wo's columns of that head's query heads times their attention, so that
// attention(q) . wo^T = parts[0] + ... + parts[kvHeads - 1] (summed in that order by the gate/up
// kernel that reads them: MatvecJob::parts).
void cudaAttentionOut(cudaStream_t s, float* parts, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                      const WeightView& wo);
}  // namespace llorch
