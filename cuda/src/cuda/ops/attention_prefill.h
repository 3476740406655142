#pragma once
#include <cuda_runtime.h>

#include "backend/backend.h"

namespace llorch {
// Whether cudaAttentionPrefill takes this span: headDim 64 or 128, whole KV groups, and enough
// (row, head) pairs to fill a block (shorter runs stay on the decode kernel).
bool attentionPrefillSupports(const AttentionBatch& b, const AttentionSpan& span);
// Causal attention of the span's rows (one sequence, equal tableOffset) over the paged cache on
// tensor cores: Q, K, V and the softmax weights rounded to f16, scores, softmax and sums in f32.
// Writes out for exactly those rows.
void cudaAttentionPrefill(cudaStream_t s, float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                          const AttentionSpan& span);
}  // namespace llorch
