#include "cpu/attention.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "cpu/vec.h"

namespace llorch {

namespace {

constexpr int64_t kSerialWork = 1 << 15;
constexpr int kMaxGroup = 64;

// Attention of the `group` query heads sharing KV head `kvh`, for one row: each K and V slot is
// read once for the whole group. The cache is walked block by block (no per-position division).
void attendGroup(float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b, int row,
                 int kvh) {
  const int group = b.heads / b.kvHeads;
  const int hd = b.headDim;
  const int len = b.pos[row] + 1;
  const int bs = kv.blockSize;
  const int32_t* table = b.blockTables + b.tableOffset[row];
  const float scale = b.scoreScale / std::sqrt(static_cast<float>(hd));
  const int64_t kvOffset = static_cast<int64_t>(kvh) * hd;
  const float* qh[kMaxGroup];
  float* oh[kMaxGroup];
  for (int g = 0; g < group; g++) {
    const int64_t head = static_cast<int64_t>(row) * b.heads + static_cast<int64_t>(kvh) * group + g;
    qh[g] = q + head * hd;
    oh[g] = out + head * hd;
  }

  thread_local std::vector<float> scores;
  const size_t need = static_cast<size_t>(group) * static_cast<size_t>(len);
  if (scores.size() < need) scores.resize(need);
  float maxScore[kMaxGroup];
  for (int g = 0; g < group; g++) maxScore[g] = -INFINITY;
  for (int p0 = 0, blk = 0; p0 < len; p0 += bs, blk++) {
    const float* kBlock = kv.k + static_cast<int64_t>(table[blk]) * bs * kv.kvDim + kvOffset;
    const int n = std::min(bs, len - p0);
    for (int j = 0; j < n; j++) {
      const float* kr = kBlock + static_cast<int64_t>(j) * kv.kvDim;
      for (int g = 0; g < group; g++) {
        const float sc = dotF32(qh[g], kr, hd) * scale;
        scores[static_cast<size_t>(g) * len + p0 + j] = sc;
        maxScore[g] = std::max(maxScore[g], sc);
      }
    }
  }
  float inv[kMaxGroup];
  for (int g = 0; g < group; g++) {
    float* sg = scores.data() + static_cast<size_t>(g) * len;
    float sum = 0.f;
    for (int p = 0; p < len; p++) {
      sg[p] = std::exp(sg[p] - maxScore[g]);
      sum += sg[p];
    }
    inv[g] = 1.0f / sum;
    std::memset(oh[g], 0, sizeof(float) * static_cast<size_t>(hd));
  }
  for (int p0 = 0, blk = 0; p0 < len; p0 += bs, blk++) {
    const float* vBlock = kv.v + static_cast<int64_t>(table[blk]) * bs * kv.kvDim + kvOffset;
    const int n = std::min(bs, len - p0);
    for (int j = 0; j < n; j++) {
      const float* vr = vBlock + static_cast<int64_t>(j) * kv.kvDim;
      for (int g = 0; g < group; g++) {
        axpyF32(oh[g], scores[static_cast<size_t>(g) * len + p0 + j] * inv[g], vr, hd);
      }
    }
  }
}

}  // namespace

void cpuAttention(ThreadPool& pool, float* out, const float* q, const KvLayerView& kv,
                  const AttentionBatch& b) {
  const int pairs = b.n * b.kvHeads;
  const int64_t work = static_cast<int64_t>(b.n) * b.heads * (b.maxPos + 1) * b.headDim;
  if (pool.size() == 1 || work < kSerialWork) {
    for (int t = 0; t < pairs; t++) attendGroup(out, q, kv, b, t / b.kvHeads, t % b.kvHeads);
    return;
  }
  const int tasks = std::min(pairs, pool.size() * 8);
  const int per = (pairs + tasks - 1) / tasks;
  pool.run(tasks, [&](int t) {
    const int end = std::min(pairs, (t + 1) * per);
    for (int i = t * per; i < end; i++) attendGroup(out, q, kv, b, i / b.kvHeads, i % b.kvHeads);
  });
}

}  // namespace llorch
