#include "cpu/attention.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "cpu/vec.h"

namespace llorch {

namespace {

constexpr int64_t kSerialWork = 1 << 15;

void attendOne(float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b, int row,
               int head) {
  const int group = b.heads / b.kvHeads;
  const int kvh = head / group;
  const int hd = b.headDim;
  const int pos = b.pos[row];
  const int32_t* table = b.blockTables + b.tableOffset[row];
  const float scale = 1.0f / std::sqrt(static_cast<float>(hd));
  const float* qh = q + (static_cast<int64_t>(row) * b.heads + head) * hd;
  float* oh = out + (static_cast<int64_t>(row) * b.heads + head) * hd;

  thread_local std::vector<float> scores;
  if (scores.size() < static_cast<size_t>(pos + 1)) scores.resize(static_cast<size_t>(pos + 1));
  float maxScore = -INFINITY;
  for (int p = 0; p <= pos; p++) {
    const int64_t slot = static_cast<int64_t>(table[p / kv.blockSize]) * kv.blockSize + p % kv.blockSize;
    const float s = dotF32(qh, kv.k + slot * kv.kvDim + static_cast<int64_t>(kvh) * hd, hd) * scale;
    scores[p] = s;
    maxScore = std::max(maxScore, s);
  }
  float sum = 0.f;
  for (int p = 0; p <= pos; p++) {
    scores[p] = std::exp(scores[p] - maxScore);
    sum += scores[p];
  }
  const float inv = 1.0f / sum;
  std::memset(oh, 0, sizeof(float) * static_cast<size_t>(hd));
  for (int p = 0; p <= pos; p++) {
    const int64_t slot = static_cast<int64_t>(table[p / kv.blockSize]) * kv.blockSize + p % kv.blockSize;
    axpyF32(oh, scores[p] * inv, kv.v + slot * kv.kvDim + static_cast<int64_t>(kvh) * hd, hd);
  }
}

}  // namespace

void cpuAttention(ThreadPool& pool, float* out, const float* q, const KvLayerView& kv,
                  const AttentionBatch& b) {
  const int pairs = b.n * b.heads;
  const int64_t work = static_cast<int64_t>(pairs) * (b.maxPos + 1) * b.headDim;
  if (pool.size() == 1 || work < kSerialWork) {
    for (int t = 0; t < pairs; t++) attendOne(out, q, kv, b, t / b.heads, t % b.heads);
    return;
  }
  const int tasks = std::min(pairs, pool.size() * 8);
  const int per = (pairs + tasks - 1) / tasks;
  pool.run(tasks, [&](int t) {
    const int end = std::min(pairs, (t + 1) * per);
    for (int i = t * per; i < end; i++) attendOne(out, q, kv, b, i / b.heads, i % b.heads);
  });
}

}  // namespace llorch
