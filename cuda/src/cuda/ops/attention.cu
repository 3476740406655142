// Attention over the paged f32 KV cache at decode sizes (prefill runs go to attention_prefill.cu).
//
// The grouped kernel (the common case) gives a block one KV head and every query head that shares
// it (Qwen2.5-0.5B: 7), so each cached K and V row is read once per block, not once per query
// head; a cluster of kSplits blocks splits the row's positions (flash-decoding) and merges their
// online-softmax states through distributed shared memory, so the chain after the QKV step is:
// q and K/V loads, the dot products and softmax, one cluster barrier, the merge, the output store
// (at batch 1 the step is latency, not bytes: 0.6 MB of K/V a layer at 640 positions). Lanes own
// 4 dims (one float4) of a position, headDim / 4 lanes a position, so a warp reduces 128 / headDim
// positions at once; each (warp, position slot) is its own softmax stream until the block merges
// them. Launched as a programmatic dependent: before it waits for the QKV kernel, a block reads
// its row's position and block table (uploaded before the step) and prefetches its K/V lines
// into L2.
//
// Shapes the grouped kernel does not take (more than 8 query heads per KV head, a headDim that is
// not a power of two from 8 to 128) use the per-head kernel: a block per (row, query head, split),
// the splits merged by the last block to finish (partials in global memory, a completion counter).
#include "cuda/ops/attention.h"

#include <cooperative_groups.h>

#include <algorithm>
#include <cmath>

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/dependent_launch.cuh"
#include "native_error.h"

namespace llorch {

namespace {
// ---- grouped kernel: a cluster of kSplits blocks per (row, KV head) ----
constexpr int kGroupedThreads = 256;
constexpr int kGroupedWarps = kGroupedThreads / 32;
constexpr int kSplits = 8;      // blocks of a cluster, each a contiguous eighth of the positions
constexpr int kMaxGroup = 8;    // query heads per KV head
constexpr int kUnroll = 4;      // positions per stream whose K/V loads are in flight together

bool groupedFits(const AttentionBatch& b) {
  if (b.kvHeads <= 0 || b.heads % b.kvHeads != 0 || b.heads / b.kvHeads > kMaxGroup) return false;
  return b.headDim >= 8 && b.headDim <= 128 && (b.headDim & (b.headDim - 1)) == 0;
}

struct GroupedParams {
  float* out;
  const float* q;
  const float* kc;
  const float* vc;
  const int32_t* pos;
  const int32_t* tableOffset;
  const int32_t* blockTables;
  int heads, kvHeads, group, headDim, kvDim, blockSize;
  float scale;
};

__device__ __forceinline__ float4 operator*(float4 a, float s) { return make_float4(a.x * s, a.y * s, a.z * s, a.w * s); }
__device__ __forceinline__ float dot4(float4 a, float4 b) { return a.x * b.x + a.y * b.y + a.z * b.z + a.w * b.w; }
__device__ __forceinline__ void fma4(float4& acc, float s, float4 v) {
  acc.x = fmaf(s, v.x, acc.x);
  acc.y = fmaf(s, v.y, acc.y);
  acc.z = fmaf(s, v.z, acc.z);
  acc.w = fmaf(s, v.w, acc.w);
}

// exp(m - mNew) for merging a softmax stream whose max is m into one whose max is mNew; 0 for an
// empty stream (m = -inf), also when both are empty.
__device__ __forceinline__ float rescale(float m, float mNew) { return m == -INFINITY ? 0.f : expf(m - mNew); }

struct GroupedShared {
  float m[kGroupedWarps][kMaxGroup], l[kGroupedWarps][kMaxGroup];
  float4 acc[kGroupedWarps][kMaxGroup][32];  // headDim / 4 <= 32 float4 per head
  // The block's merged streams, read by the other blocks of the cluster.
  float bm[kMaxGroup], bl[kMaxGroup];
  float4 bacc[kMaxGroup][32];
};

// Block `split` of the cluster for (row, KV head) blockIdx.y reduces positions
// [split * chunk, (split + 1) * chunk) of the row, chunk = ceil((pos + 1) / kSplits), for all
// query heads of the group; the cluster then merges its blocks' softmax states through
// distributed shared memory (no partials in global memory, no completion counter).
template <int LP>  // lanes per position: headDim / 4
__global__ void __cluster_dims__(kSplits, 1, 1) __launch_bounds__(kGroupedThreads)
    groupedAttentionKernel(const GroupedParams p) {
  namespace cg = cooperative_groups;
  constexpr int kSlots = 32 / LP;  // positions a warp reduces at once
  constexpr int kStreams = kGroupedWarps * kSlots;
  __shared__ GroupedShared sh;
  // The next kernel (the o projection) may start prefetching its weights now.
  releaseDependents();
  const int split = blockIdx.x, rowKv = blockIdx.y;
  const int row = rowKv / p.kvHeads, kvh = rowKv % p.kvHeads;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int slot = lane / LP, dl = lane % LP;
  // The position and block table were uploaded before the step, and earlier steps' cache rows are
  // no kernel's output here: read them and warm L2 before waiting for the QKV step (L2 is
  // coherent with its stores of this step's rows).
  const int last = p.pos[row];
  const int32_t* table = p.blockTables + p.tableOffset[row];
  const int chunk = (last + kSplits) / kSplits;
  const int p0 = split * chunk;
  const int p1 = min(p0 + chunk, last + 1);
  const int64_t kvOff = static_cast<int64_t>(kvh) * p.headDim;
  for (int i = threadIdx.x; i < 2 * (p1 - p0); i += kGroupedThreads) {
    const int pp = p0 + i / 2;
    const int64_t slotRow = static_cast<int64_t>(table[pp / p.blockSize]) * p.blockSize + pp % p.blockSize;
    prefetchL2((i & 1 ? p.vc : p.kc) + slotRow * p.kvDim + kvOff, static_cast<size_t>(p.headDim) * sizeof(float),
               0, 1);
  }
  awaitPrerequisite();
  const float* qRow = p.q + (static_cast<int64_t>(row) * p.heads + static_cast<int64_t>(kvh) * p.group) * p.headDim;
  float4 qv[kMaxGroup], acc[kMaxGroup];
  float m[kMaxGroup], l[kMaxGroup];
#pragma unroll
  for (int g = 0; g < kMaxGroup; g++) {
    qv[g] = g < p.group ? reinterpret_cast<const float4*>(qRow + g * p.headDim)[dl] * p.scale
                        : make_float4(0.f, 0.f, 0.f, 0.f);
    acc[g] = make_float4(0.f, 0.f, 0.f, 0.f);
    m[g] = -INFINITY;
    l[g] = 0.f;
  }
  // The loop bound is warp-uniform (the score reductions are warp-wide shuffles); slot positions
  // past p1 load nothing and add nothing.
  for (int wb = p0 + warp * kSlots; wb < p1; wb += kUnroll * kStreams) {
    float4 kv[kUnroll], vv[kUnroll];
    bool live[kUnroll];
#pragma unroll
    for (int u = 0; u < kUnroll; u++) {
      const int pp = wb + slot + u * kStreams;
      live[u] = pp < p1;
      if (live[u]) {
        const int64_t slotRow = static_cast<int64_t>(table[pp / p.blockSize]) * p.blockSize + pp % p.blockSize;
        kv[u] = reinterpret_cast<const float4*>(p.kc + slotRow * p.kvDim + kvOff)[dl];
        vv[u] = reinterpret_cast<const float4*>(p.vc + slotRow * p.kvDim + kvOff)[dl];
      } else {
        kv[u] = vv[u] = make_float4(0.f, 0.f, 0.f, 0.f);
      }
    }
#pragma unroll
    for (int g = 0; g < kMaxGroup; g++) {
      if (g >= p.group) break;
      float sc[kUnroll];
#pragma unroll
      for (int u = 0; u < kUnroll; u++) {
        float d = dot4(qv[g], kv[u]);
#pragma unroll
        for (int o = LP / 2; o > 0; o >>= 1) d += __shfl_xor_sync(0xffffffffu, d, o);
        sc[u] = live[u] ? d : -INFINITY;
      }
      float mNew = m[g];
#pragma unroll
      for (int u = 0; u < kUnroll; u++) mNew = fmaxf(mNew, sc[u]);
      if (mNew != -INFINITY) {  // else this slot has seen no live position yet
        const float corr = rescale(m[g], mNew);
        l[g] *= corr;
        acc[g] = acc[g] * corr;
#pragma unroll
        for (int u = 0; u < kUnroll; u++) {
          const float e = live[u] ? expf(sc[u] - mNew) : 0.f;
          l[g] += e;
          fma4(acc[g], e, vv[u]);
        }
        m[g] = mNew;
      }
    }
  }
  // Merge the slots of each warp (lanes with the same dims, LP apart), then the warps.
#pragma unroll
  for (int o = LP; o < 32; o <<= 1) {
#pragma unroll
    for (int g = 0; g < kMaxGroup; g++) {
      if (g >= p.group) break;
      const float om = __shfl_xor_sync(0xffffffffu, m[g], o);
      const float ol = __shfl_xor_sync(0xffffffffu, l[g], o);
      float4 oa;
      oa.x = __shfl_xor_sync(0xffffffffu, acc[g].x, o);
      oa.y = __shfl_xor_sync(0xffffffffu, acc[g].y, o);
      oa.z = __shfl_xor_sync(0xffffffffu, acc[g].z, o);
      oa.w = __shfl_xor_sync(0xffffffffu, acc[g].w, o);
      const float mNew = fmaxf(m[g], om);
      const float a = rescale(m[g], mNew), b = rescale(om, mNew);
      l[g] = l[g] * a + ol * b;
      acc[g] = acc[g] * a;
      fma4(acc[g], b, oa);
      m[g] = mNew;
    }
  }
  if (slot == 0) {
#pragma unroll
    for (int g = 0; g < kMaxGroup; g++) {
      if (g >= p.group) break;
      sh.acc[warp][g][dl] = acc[g];
      if (dl == 0) {
        sh.m[warp][g] = m[g];
        sh.l[warp][g] = l[g];
      }
    }
  }
  __syncthreads();
  // The block's state: items (head g, float4 d4) over its warps.
  const int d4s = p.headDim / 4;
  const int items = p.group * d4s;
  for (int it = threadIdx.x; it < items; it += kGroupedThreads) {
    const int g = it / d4s, d4 = it % d4s;
    float mAll = -INFINITY;
#pragma unroll
    for (int w = 0; w < kGroupedWarps; w++) mAll = fmaxf(mAll, sh.m[w][g]);
    float lAll = 0.f;
    float4 a = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
    for (int w = 0; w < kGroupedWarps; w++) {
      const float f = rescale(sh.m[w][g], mAll);
      lAll += sh.l[w][g] * f;
      fma4(a, f, sh.acc[w][g][d4]);
    }
    sh.bacc[g][d4] = a;
    if (d4 == 0) {
      sh.bm[g] = mAll;
      sh.bl[g] = lAll;
    }
  }
  // Every block's state is complete and visible to the cluster after this; block `split` then
  // merges items split, split + kSplits, ... from all of them.
  cg::cluster_group cluster = cg::this_cluster();
  cluster.sync();
  float* const outRow = p.out + (static_cast<int64_t>(row) * p.heads + static_cast<int64_t>(kvh) * p.group) * p.headDim;
  for (int it = split + kSplits * static_cast<int>(threadIdx.x); it < items; it += kSplits * kGroupedThreads) {
    const int g = it / d4s, d4 = it % d4s;
    float ms[kSplits], ls[kSplits];
    float4 as[kSplits];
#pragma unroll
    for (int r = 0; r < kSplits; r++) {
      const GroupedShared* peer = cluster.map_shared_rank(&sh, r);
      ms[r] = peer->bm[g];
      ls[r] = peer->bl[g];
      as[r] = peer->bacc[g][d4];
    }
    float mAll = -INFINITY;
#pragma unroll
    for (int r = 0; r < kSplits; r++) mAll = fmaxf(mAll, ms[r]);
    float lAll = 0.f;
    float4 a = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
    for (int r = 0; r < kSplits; r++) {
      const float f = rescale(ms[r], mAll);
      lAll += ls[r] * f;
      fma4(a, f, as[r]);
    }
    reinterpret_cast<float4*>(outRow + g * p.headDim)[d4] = a * (1.f / lAll);
  }
  // No block may exit while another still reads its shared memory.
  cluster.sync();
}

template <int LP>
void launchGrouped(cudaStream_t s, const GroupedParams& p, int rows) {
  launchDependent(s, dim3(kSplits, static_cast<unsigned>(rows)), dim3(kGroupedThreads), groupedAttentionKernel<LP>, p);
}

// ---- per-head kernel: one block per (row, query head, split), splits merged by the last block ----
constexpr int kWarps = 4;
constexpr int kThreads = kWarps * 32;
constexpr int kGroup = 4;          // positions a warp reduces together
constexpr int kMaxPerLane = 8;     // headDim <= 256
constexpr int kMinChunk = 32;      // positions per split, at least
constexpr int kTargetBlocks = 512;

struct Plan {
  int splits;
  int chunk;
};

Plan planFor(const AttentionBatch& b) {
  const int positions = b.maxPos + 1;
  const int pairs = std::max(1, b.n * b.heads);
  int splits = std::max(1, std::min((positions + kMinChunk - 1) / kMinChunk, (kTargetBlocks + pairs - 1) / pairs));
  int chunk = (positions + splits - 1) / splits;
  chunk = (chunk + kWarps * kGroup - 1) / (kWarps * kGroup) * (kWarps * kGroup);
  splits = (positions + chunk - 1) / chunk;
  return Plan{splits, chunk};
}

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
  if (groupedFits(b)) return 0;
  const Plan plan = planFor(b);
  return plan.splits == 1 ? 0 : static_cast<size_t>(b.n) * b.heads * plan.splits * (b.headDim + 2);
}

size_t cudaAttentionCounters(const AttentionBatch& b) { return groupedFits(b) ? 0 : static_cast<size_t>(b.n) * b.heads; }

void cudaAttention(cudaStream_t s, float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                   float* partials, int* counters) {
  if (b.headDim > 32 * kMaxPerLane) {
    throw NativeError(err::kBadArgument, "attention: headDim " + std::to_string(b.headDim) + " exceeds 256");
  }
  if (b.n <= 0) return;
  const float scale = 1.0f / std::sqrt(static_cast<float>(b.headDim));
  if (groupedFits(b)) {
    const GroupedParams p{out,          q,       kv.k,      kv.v,        b.pos,     b.tableOffset, b.blockTables,
                          b.heads,      b.kvHeads, b.heads / b.kvHeads, b.headDim, kv.kvDim, kv.blockSize, scale};
    const int rows = b.n * b.kvHeads;
    switch (b.headDim) {
      case 8: launchGrouped<2>(s, p, rows); break;
      case 16: launchGrouped<4>(s, p, rows); break;
      case 32: launchGrouped<8>(s, p, rows); break;
      case 64: launchGrouped<16>(s, p, rows); break;
      default: launchGrouped<32>(s, p, rows); break;
    }
    cudaCheckLaunch("attention");
    return;
  }
  const Plan plan = planFor(b);
  const dim3 grid(static_cast<unsigned>(b.n * b.heads), static_cast<unsigned>(plan.splits));
  // Lanes hold headDim / 32 dims each (rounded up to 2, 4 or 8): registers sized for the model.
  auto kernel = b.headDim <= 64 ? perHeadAttentionKernel<2>
                                : (b.headDim <= 128 ? perHeadAttentionKernel<4> : perHeadAttentionKernel<8>);
  kernel<<<grid, kThreads, 0, s>>>(out, partials, counters, q, kv.k, kv.v, b.pos, b.tableOffset, b.blockTables,
                                   b.heads, b.kvHeads, b.headDim, kv.kvDim, kv.blockSize, plan.splits, plan.chunk,
                                   scale);
  cudaCheckLaunch("attention");
}

}  // namespace llorch
