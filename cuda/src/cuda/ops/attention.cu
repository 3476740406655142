// Attention over the paged f32 KV cache, split along the sequence (flash-decoding): a block
// reduces `chunk` positions with an online softmax and writes (max, sum, acc[headDim]) per query
// head; the last block of a (row, KV head) to finish merges the splits (a completion counter),
// so one launch does both.
//
// The grouped kernel (the common case) gives a block one KV head and every query head that
// shares it (Qwen2.5-0.5B: 7), so each cached K and V row is read once per block instead of once
// per query head. Lanes own 4 dims (one float4) of a position, headDim / 4 lanes a position, so a
// warp reduces 32 * 4 / headDim positions at once; each (warp, position slot) is its own softmax
// stream until the block merges them. Launched as a programmatic dependent: before it waits for
// the QKV kernel, a block reads its row's position and block table (uploaded before the step)
// and prefetches its K/V lines into L2. Shapes it does not take (more than 8 query heads per KV
// head, a headDim that is not a power of two from 8 to 128) use the per-head kernel.
#include "cuda/ops/attention.h"

#include <algorithm>
#include <cmath>

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/dependent_launch.cuh"
#include "cuda/ops/attention_grouped.cuh"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kWarps = 4;
constexpr int kThreads = kWarps * 32;

// ---- grouped kernel ----
constexpr int kGroupedMinChunk = 32;
constexpr int kGroupedTargetBlocks = 256;
constexpr int kMaxSplits = 64;      // bounds the serial merge in the last block

struct Plan {
  bool grouped;
  int splits;
  int chunk;
};

// ---- per-head kernel ----
constexpr int kGroup = 4;          // positions a warp reduces together
constexpr int kMaxPerLane = 8;     // headDim <= 256
constexpr int kMinChunk = 32;      // positions per split, at least
constexpr int kTargetBlocks = 512;

Plan planFor(const AttentionBatch& b) {
  const int positions = b.maxPos + 1;
  if (groupedAttentionFits(b)) {
    const int pairs = std::max(1, b.n * b.kvHeads);
    int splits = std::max(1, std::min({(positions + kGroupedMinChunk - 1) / kGroupedMinChunk,
                                       (kGroupedTargetBlocks + pairs - 1) / pairs, kMaxSplits}));
    const int chunk = (positions + splits - 1) / splits;
    splits = (positions + chunk - 1) / chunk;
    return Plan{true, splits, chunk};
  }
  const int pairs = std::max(1, b.n * b.heads);
  int splits = std::max(1, std::min((positions + kMinChunk - 1) / kMinChunk, (kTargetBlocks + pairs - 1) / pairs));
  int chunk = (positions + splits - 1) / splits;
  chunk = (chunk + kWarps * kGroup - 1) / (kWarps * kGroup) * (kWarps * kGroup);
  splits = (positions + chunk - 1) / chunk;
  return Plan{false, splits, chunk};
}

template <int LP>
__global__ void __launch_bounds__(kAttnThreads) groupedAttentionKernel(const GroupedParams p) {
  releaseDependents();
  groupedAttentionPrefetch(p, blockIdx.x, blockIdx.y);
  awaitPrerequisite();
  __shared__ AttnShared sh;
  groupedAttentionBlock<LP>(p, blockIdx.x, blockIdx.y, sh);
}

struct GroupedLaunch {
  cudaStream_t s;
  dim3 grid;
  GroupedParams p;
  template <int LP>
  void operator()() {
    launchDependent(s, grid, dim3(kAttnThreads), groupedAttentionKernel<LP>, p);
  }
};

// ---- per-head kernel: one block per (row, query head, split) ----

// The K and V values of kGroup positions that one lane holds: kPer dims each (headDim <= 32 kPer).
template <int kPer>
struct KvGroup {
  float k[kGroup][kPer];
  float v[kGroup][kPer];
};

template <int kPer>
__device__ __forceinline__ void loadGroup(KvGroup<kPer>& g, const float* kc, const float* vc, const int32_t* table,
                                          int pb, int p1, int blockSize, int kvDim, int kvOff, int headDim, int lane) {
#pragma unroll
  for (int u = 0; u < kGroup; u++) {
    const int p = min(pb + u, p1 - 1);
    const int64_t slot = static_cast<int64_t>(table[p / blockSize]) * blockSize + p % blockSize;
    const float* kr = kc + slot * kvDim + kvOff;
    const float* vr = vc + slot * kvDim + kvOff;
#pragma unroll
    for (int i = 0; i < kPer; i++) {
      const int d = lane + 32 * i;
      g.k[u][i] = d < headDim ? kr[d] : 0.f;
      g.v[u][i] = d < headDim ? vr[d] : 0.f;
    }
  }
}

template <int kPer>
__global__ void __launch_bounds__(kThreads) perHeadAttentionKernel(float* out, float* part, int* counters, const float* q,
                                                               const float* kc, const float* vc, const int32_t* pos,
                                                               const int32_t* tableOffset,
                                                               const int32_t* blockTables, int heads, int kvHeads,
                                                               int headDim, int kvDim, int blockSize, int splits,
                                                               int chunk, float scale) {
  // The next kernel (the o projection) may start prefetching its weights now.
  releaseDependents();
  const int row = blockIdx.x / heads, head = blockIdx.x % heads;
  const int split = blockIdx.y;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int kvOff = (head / (heads / kvHeads)) * headDim;
  const int last = pos[row];
  const int32_t* table = blockTables + tableOffset[row];
  const float* qh = q + (static_cast<int64_t>(row) * heads + head) * headDim;
  float qv[kPer], acc[kPer];
#pragma unroll
  for (int i = 0; i < kPer; i++) {
    const int d = lane + 32 * i;
    qv[i] = d < headDim ? qh[d] * scale : 0.f;
    acc[i] = 0.f;
  }
  float m = -INFINITY, l = 0.f;
  const int p0 = split * chunk;
  const int p1 = min(p0 + chunk, last + 1);
  // kGroup positions per warp iteration, their K and V loaded together, and the next group's
  // loads issued before this group is reduced: the memory latency overlaps the softmax.
  constexpr int kStride = kWarps * kGroup;
  KvGroup<kPer> cur, nxt;
  int pb = p0 + warp * kGroup;
  if (pb < p1) loadGroup(cur, kc, vc, table, pb, p1, blockSize, kvDim, kvOff, headDim, lane);
  for (; pb < p1; pb += kStride) {
    if (pb + kStride < p1) loadGroup(nxt, kc, vc, table, pb + kStride, p1, blockSize, kvDim, kvOff, headDim, lane);
    float sc[kGroup];
#pragma unroll
    for (int u = 0; u < kGroup; u++) {
      float dot = 0.f;
#pragma unroll
      for (int i = 0; i < kPer; i++) dot += qv[i] * cur.k[u][i];
      sc[u] = dot;
    }
#pragma unroll
    for (int u = 0; u < kGroup; u++) sc[u] = pb + u < p1 ? warpSum(sc[u]) : -INFINITY;
    float mNew = m;
#pragma unroll
    for (int u = 0; u < kGroup; u++) mNew = fmaxf(mNew, sc[u]);
    const float corr = expf(m - mNew);
    l *= corr;
#pragma unroll
    for (int i = 0; i < kPer; i++) acc[i] *= corr;
#pragma unroll
    for (int u = 0; u < kGroup; u++) {
      const float e = expf(sc[u] - mNew);  // 0 for the padding positions
      l += e;
#pragma unroll
      for (int i = 0; i < kPer; i++) acc[i] += e * cur.v[u][i];
    }
    m = mNew;
    cur = nxt;
  }
  // Merge the warps of this block through shared memory.
  __shared__ float sm[kWarps], sl[kWarps];
  __shared__ float sacc[kWarps][32 * kPer];
  __shared__ bool lastBlock;
  if (lane == 0) {
    sm[warp] = m;
    sl[warp] = l;
  }
#pragma unroll
  for (int i = 0; i < kPer; i++) sacc[warp][lane + 32 * i] = acc[i];
  __syncthreads();
  float mAll = -INFINITY;
#pragma unroll
  for (int w = 0; w < kWarps; w++) mAll = fmaxf(mAll, sm[w]);
  float lAll = 0.f;
#pragma unroll
  for (int w = 0; w < kWarps; w++) lAll += sm[w] == -INFINITY ? 0.f : sl[w] * expf(sm[w] - mAll);
  if (splits == 1) {
    float* o = out + static_cast<int64_t>(blockIdx.x) * headDim;
    for (int d = threadIdx.x; d < headDim; d += kWarps * 32) {
      float a = 0.f;
#pragma unroll
      for (int w = 0; w < kWarps; w++) a += sm[w] == -INFINITY ? 0.f : sacc[w][d] * expf(sm[w] - mAll);
      o[d] = a / lAll;
    }
    return;
  }
  float* mine = part + (static_cast<int64_t>(blockIdx.x) * splits + split) * (headDim + 2);
  for (int d = threadIdx.x; d < headDim; d += kWarps * 32) {
    float a = 0.f;
#pragma unroll
    for (int w = 0; w < kWarps; w++) a += sm[w] == -INFINITY ? 0.f : sacc[w][d] * expf(sm[w] - mAll);
    mine[2 + d] = a;
  }
  if (threadIdx.x == 0) {
    mine[0] = mAll;
    mine[1] = lAll;
  }
  // The last split block of this (row, head) to finish merges all partials (threadfence
  // reduction: partials are visible device-wide before the counter says they are there).
  __threadfence();
  __syncthreads();
  if (threadIdx.x == 0) lastBlock = atomicAdd(&counters[blockIdx.x], 1) == splits - 1;
  __syncthreads();
  if (!lastBlock) return;
  __threadfence();
  const float* all = part + static_cast<int64_t>(blockIdx.x) * splits * (headDim + 2);
  // Every warp reduces the splits' maxima and sums (lane-strided), then threads take dims.
  float mMax = -INFINITY;
  for (int sp = lane; sp < splits; sp += 32) mMax = fmaxf(mMax, __ldcg(all + sp * (headDim + 2)));
  mMax = warpMax(mMax);
  float lSum = 0.f;
  for (int sp = lane; sp < splits; sp += 32) {
    const float ms = __ldcg(all + sp * (headDim + 2));
    if (ms != -INFINITY) lSum += __ldcg(all + sp * (headDim + 2) + 1) * expf(ms - mMax);
  }
  lSum = warpSum(lSum);
  float* o = out + static_cast<int64_t>(blockIdx.x) * headDim;
  for (int d = threadIdx.x; d < headDim; d += kWarps * 32) {
    float a = 0.f;
    for (int sp = 0; sp < splits; sp++) {
      const float ms = __ldcg(all + sp * (headDim + 2));
      if (ms != -INFINITY) a += __ldcg(all + sp * (headDim + 2) + 2 + d) * expf(ms - mMax);
    }
    o[d] = a / lSum;
  }
  if (threadIdx.x == 0) counters[blockIdx.x] = 0;
}
}  // namespace

size_t cudaAttentionScratchFloats(const AttentionBatch& b) {
  const Plan plan = planFor(b);
  return plan.splits == 1 ? 0 : static_cast<size_t>(b.n) * b.heads * plan.splits * (b.headDim + 2);
}

size_t cudaAttentionCounters(const AttentionBatch& b) {
  return static_cast<size_t>(b.n) * (planFor(b).grouped ? b.kvHeads : b.heads);
}

void cudaAttention(cudaStream_t s, float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                   float* partials, int* counters) {
  if (b.headDim > 32 * kMaxPerLane) {
    throw NativeError(err::kBadArgument, "attention: headDim " + std::to_string(b.headDim) + " exceeds 256");
  }
  if (b.n <= 0) return;
  const Plan plan = planFor(b);
  if (plan.grouped) {
    const GroupedParams p = groupedAttentionParams(out, q, kv, b, partials, counters);
    const dim3 grid(static_cast<unsigned>(b.n * b.kvHeads), static_cast<unsigned>(plan.splits));
    dispatchLanes(b.headDim, GroupedLaunch{s, grid, p});
    cudaCheckLaunch("attention");
    return;
  }
  const dim3 grid(static_cast<unsigned>(b.n * b.heads), static_cast<unsigned>(plan.splits));
  // Lanes hold headDim / 32 dims each (rounded up to 2, 4 or 8): registers sized for the model.
  auto kernel = b.headDim <= 64 ? perHeadAttentionKernel<2>
                                : (b.headDim <= 128 ? perHeadAttentionKernel<4> : perHeadAttentionKernel<8>);
  kernel<<<grid, kAttnThreads, 0, s>>>(out, partials, counters, q, kv.k, kv.v, b.pos, b.tableOffset, b.blockTables,
                                       b.heads, b.kvHeads, b.headDim, kv.kvDim, kv.blockSize, plan.splits, plan.chunk,
                                       1.0f / std::sqrt(static_cast<float>(b.headDim)));
  cudaCheckLaunch("attention");
}

bool groupedAttentionFits(const AttentionBatch& b) {
  if (b.kvHeads <= 0 || b.heads % b.kvHeads != 0 || b.heads / b.kvHeads > kMaxGroup) return false;
  return b.headDim >= 8 && b.headDim <= 128 && (b.headDim & (b.headDim - 1)) == 0;
}

GroupedParams groupedAttentionParams(float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                                     float* partials, int* counters) {
  const Plan plan = planFor(b);
  GroupedParams p{};  // padding zeroed too: decode plans are compared by their bytes
  p.out = out;
  p.part = partials;
  p.counters = counters;
  p.q = q;
  p.kc = kv.k;
  p.vc = kv.v;
  p.pos = b.pos;
  p.tableOffset = b.tableOffset;
  p.blockTables = b.blockTables;
  p.heads = b.heads;
  p.kvHeads = b.kvHeads;
  p.group = b.heads / b.kvHeads;
  p.headDim = b.headDim;
  p.kvDim = kv.kvDim;
  p.blockSize = kv.blockSize;
  p.splits = plan.splits;
  p.chunk = plan.chunk;
  p.n = b.n;
  p.scale = 1.0f / std::sqrt(static_cast<float>(b.headDim));
  return p;
}

}  // namespace llorch
