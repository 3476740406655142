#pragma once

#include "backend/backend.h"
#include "cpu/thread_pool.h"

namespace llorch {

// Causal attention over the paged KV cache, one (row, KV head) pair per task: the query heads of a
// GQA group share each K and V read, so a row reads 2 * (pos+1) * kvDim floats once. Scores live
// in a thread-local buffer; softmax subtracts the max and accumulates in f32.
void cpuAttention(ThreadPool& pool, float* out, const float* q, const KvLayerView& kv,
                  const AttentionBatch& b);

}  // namespace llorch
