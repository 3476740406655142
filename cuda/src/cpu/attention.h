#pragma once

#include "backend/backend.h"
#include "cpu/thread_pool.h"

namespace llorch {

// Causal attention over the paged KV cache, one (row, head) pair per task; each task reads the
// row's K and V slots once (2 * (pos+1) * headDim floats) and keeps its scores in a thread-local
// buffer. Softmax subtracts the max, accumulates in f32.
void cpuAttention(ThreadPool& pool, float* out, const float* q, const KvLayerView& kv,
                  const AttentionBatch& b);

}  // namespace llorch
