// Attention over the paged f32 KV cache, split along the sequence (flash-decoding): a block
// reduces a chunk of positions with an online softmax into (max, sum, acc[headDim]) per query
// head, and the splits are merged.
//
// Two grouped kernels (the common case) give a block one KV head and every query head that
// shares it (Qwen2.5-0.5B: 7), so each cached K and V row comes from memory once per block
// instead of once per query head; both are launched as programmatic dependents of the QKV kernel
// and read their row's position and block table (uploaded before the step) before they wait.
// - Up to kClusterMax x clusterChunkMax(headDim) positions (1024 at headDim 64), the splits of a
//   (row, KV head) are one thread-block cluster: each block stages its positions' K/V rows in
//   shared memory (at one row, before the wait: only this step's own position is written by the
//   QKV kernel) and the cluster's first block merges the splits, which the others store into its
//   shared memory (clusterAttentionKernel). Where the grid is small, a KV head's query heads are
//   split over two clusters (kHeadParts).
// - Longer contexts take up to kMaxSplits splits that write their partials to global memory; the
//   last block of a (row, KV head) to finish merges them (a completion counter). A warp computes
//   one query head with lanes owning 4 dims (one float4) of a position, kUnroll positions' loads
//   in flight; at one row the first round of earlier positions' K/V is loaded before the wait
//   (groupedAttentionKernel).
// Shapes neither takes (more than 8 query heads per KV head, a headDim that is not a power of two
// from 8 to 128) use the per-head kernel.
#include "cuda/ops/attention.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <cooperative_groups.h>

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/dependent_launch.cuh"
#include "cuda/device_info.h"
#include "cuda/mma_sync.cuh"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kWarps = 4;
constexpr int kThreads = kWarps * 32;

// ---- grouped kernel ----
constexpr int kMaxGroup = 8;        // query heads per KV head
constexpr int kGroupedThreads = 256;
constexpr int kGroupedWarps = kGroupedThreads / 32;
constexpr int kGroupedMinChunk = 16;
constexpr int kGroupedTargetBlocks = 256;
constexpr int kMaxSplits = 64;      // bounds the serial merge in the last block
constexpr int kUnroll = 8;          // positions per stream whose K/V loads are in flight together
constexpr int kMergeLoads = 16;     // splits whose partials the merging block loads together

struct Plan {
  bool grouped;
  bool cluster;  // the grouped splits of a (row, KV head) form one cluster and merge in it
  int splits;
  int chunk;
  int headParts;  // cluster: clusters a (row, KV head) takes, each a part of its query heads
};

// ---- cluster kernel ----
constexpr int kClusterMax = 8;  // splits of a (row, KV head): the portable cluster size
// Where the clusters take at most a kHeadPartSms-th of the SMs, a (row, KV head)'s query heads are
// split over kHeadParts clusters, which stage the same K/V rows before the wait and after it each
// score, weigh and sum V for their heads alone: a shorter chain after the wait for twice the
// blocks (Qwen2.5-0.5B at one row: 32 blocks of 4 or 3 heads; on an H100, Q8_0 decode +1.5-2 %,
// the mix +1 %).
constexpr int kHeadParts = 2;
constexpr int kHeadPartSms = 4;
// Threads of a block: 16 warps wherever each scoring thread still gets a float4 of a position's
// dims, else 8.
constexpr int clusterThreads(int headDim) { return headDim >= 16 ? 512 : 256; }
static_assert(kMaxGroup * 32 <= clusterThreads(8), "a thread per merged item (group x headDim / 4), a warp per head");
// Positions a block stages: its K and V rows (headDim + 4 floats each, see clusterAttentionKernel)
// take at most ~68 KB of shared memory.
constexpr int clusterChunkMax(int headDim) { return headDim <= 64 ? 128 : 64; }
bool clusterFits(const AttentionBatch& b, int positions) {
  return positions <= kClusterMax * clusterChunkMax(b.headDim);
}

bool groupedFits(const AttentionBatch& b) {
  if (b.kvHeads <= 0 || b.heads % b.kvHeads != 0 || b.heads / b.kvHeads > kMaxGroup) return false;
  return b.headDim >= 8 && b.headDim <= 128 && (b.headDim & (b.headDim - 1)) == 0;
}

// ---- per-head kernel ----
constexpr int kGroup = 4;          // positions a warp reduces together
constexpr int kMaxPerLane = 8;     // headDim <= 256
constexpr int kMinChunk = 32;      // positions per split, at least
constexpr int kTargetBlocks = 512;

Plan planFor(const AttentionBatch& b) {
  const int positions = b.maxPos + 1;
  if (groupedFits(b) && clusterFits(b, positions)) {
    int splits = std::min(kClusterMax, (positions + kGroupedMinChunk - 1) / kGroupedMinChunk);
    const int chunk = (positions + splits - 1) / splits;
    splits = (positions + chunk - 1) / chunk;
    const int group = b.heads / b.kvHeads;
    const bool parts = group >= kHeadParts && b.n * b.kvHeads * splits * kHeadParts * kHeadPartSms <= smCount();
    return Plan{true, true, splits, chunk, parts ? kHeadParts : 1};
  }
  if (groupedFits(b)) {
    const int pairs = std::max(1, b.n * b.kvHeads);
    int splits = std::max(1, std::min({(positions + kGroupedMinChunk - 1) / kGroupedMinChunk,
                                       (kGroupedTargetBlocks + pairs - 1) / pairs, kMaxSplits}));
    const int chunk = (positions + splits - 1) / splits;
    splits = (positions + chunk - 1) / chunk;
    return Plan{true, false, splits, chunk, 1};
  }
  const int pairs = std::max(1, b.n * b.heads);
  int splits = std::max(1, std::min((positions + kMinChunk - 1) / kMinChunk, (kTargetBlocks + pairs - 1) / pairs));
  int chunk = (positions + splits - 1) / splits;
  chunk = (chunk + kWarps * kGroup - 1) / (kWarps * kGroup) * (kWarps * kGroup);
  splits = (positions + chunk - 1) / chunk;
  return Plan{false, false, splits, chunk, 1};
}

struct GroupedParams {
  float* out;
  float* part;  // [rowKv][split][group][headDim] accumulators, then [rowKv][split][group][2] (max, sum)
  int* counters;
  const float* q;
  const float* kc;
  const float* vc;
  const int32_t* pos;
  const int32_t* tableOffset;
  const int32_t* blockTables;
  int heads, kvHeads, group, headDim, kvDim, blockSize, splits, chunk, n;
  int headParts;  // the cluster kernel's Plan::headParts
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

// Folds N softmax partials (max, sum, acc) into the running (mAll, lAll, a); empty partials have
// max -inf.
template <int N>
__device__ __forceinline__ void foldPartials(const float (&ms)[N], const float (&ls)[N], const float4 (&as)[N],
                                             float& mAll, float& lAll, float4& a) {
  float mNew = mAll;
#pragma unroll
  for (int u = 0; u < N; u++) mNew = fmaxf(mNew, ms[u]);
  const float corr = rescale(mAll, mNew);
  lAll *= corr;
  a = a * corr;
#pragma unroll
  for (int u = 0; u < N; u++) {
    const float f = rescale(ms[u], mNew);
    lAll += ls[u] * f;
    fma4(a, f, as[u]);
  }
  mAll = mNew;
}

template <int LP>  // lanes per position: headDim / 4
__global__ void __launch_bounds__(kGroupedThreads) groupedAttentionKernel(const GroupedParams p) {
  constexpr int kSlots = 32 / LP;  // positions a warp reduces at once
  releaseDependents();
  const int rowKv = blockIdx.x;
  const int row = rowKv / p.kvHeads, kvh = rowKv % p.kvHeads;
  const int split = blockIdx.y;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int slot = lane / LP, dl = lane % LP;
  // Warp w computes query head g = w % group over position set w / group; the sets of a head
  // split the block's positions between them (more warps per head for small groups).
  const int sets = kGroupedWarps / p.group;
  const int g = warp % p.group, set = warp / p.group;
  const bool active = set < sets;
  const int streams = sets * kSlots;  // softmax streams per head
  const int last = p.pos[row];
  const int32_t* table = p.blockTables + p.tableOffset[row];
  const int p0 = split * p.chunk;
  const int p1 = min(p0 + p.chunk, last + 1);
  const int64_t kvOff = static_cast<int64_t>(kvh) * p.headDim;
  const size_t rowBytes = static_cast<size_t>(p.headDim) * sizeof(float);
  // Nothing below the wait may be read before it except the cache rows of earlier steps; the
  // prefetch only warms L2 (coherent with the QKV kernel's stores of this step's rows).
  for (int i = threadIdx.x; i < 2 * (p1 - p0); i += kGroupedThreads) {
    const int pp = p0 + i / 2;
    const int64_t slotRow = static_cast<int64_t>(table[pp / p.blockSize]) * p.blockSize + pp % p.blockSize;
    prefetchL2((i & 1 ? p.vc : p.kc) + slotRow * p.kvDim + kvOff, rowBytes, 0, 1);
  }
  // With one row in the step, only position `last` is this step's (the QKV kernel writes it);
  // the first round's other K/V rows are loaded before the wait, so that after it the chain is
  // the q load (and position last) rather than the table lookup and the K/V loads.
  const bool early = p.n == 1;
  const int wb0 = p0 + set * kSlots;
  float4 kv[kUnroll], vv[kUnroll];
#pragma unroll
  for (int u = 0; u < kUnroll; u++) {
    const int pp = wb0 + slot + u * streams;
    if (active && early && pp < p1 && pp < last) {
      const int64_t slotRow = static_cast<int64_t>(table[pp / p.blockSize]) * p.blockSize + pp % p.blockSize;
      kv[u] = reinterpret_cast<const float4*>(p.kc + slotRow * p.kvDim + kvOff)[dl];
      vv[u] = reinterpret_cast<const float4*>(p.vc + slotRow * p.kvDim + kvOff)[dl];
    }
  }
  awaitPrerequisite();
  __shared__ float sm[kGroupedWarps], sl[kGroupedWarps];
  __shared__ float4 sacc[kGroupedWarps][32];  // headDim / 4 <= 32 float4
  __shared__ bool lastBlock;
  if (active) {
    const float* qh = p.q + (static_cast<int64_t>(row) * p.heads + static_cast<int64_t>(kvh) * p.group + g) * p.headDim;
    const float4 qv = reinterpret_cast<const float4*>(qh)[dl] * p.scale;
    float4 acc = make_float4(0.f, 0.f, 0.f, 0.f);
    float m = -INFINITY, l = 0.f;
    // The loop bound is warp-uniform (the score reductions are warp-wide shuffles); slot
    // positions past p1 load nothing and add nothing. The K/V rows are shared by the group's
    // warps (L1 hits after the first).
    for (int wb = wb0; wb < p1; wb += kUnroll * streams) {
      const bool preloaded = early && wb == wb0;
      bool live[kUnroll];
#pragma unroll
      for (int u = 0; u < kUnroll; u++) {
        const int pp = wb + slot + u * streams;
        live[u] = pp < p1;
        if (!live[u]) {
          kv[u] = vv[u] = make_float4(0.f, 0.f, 0.f, 0.f);
        } else if (!(preloaded && pp < last)) {
          const int64_t slotRow = static_cast<int64_t>(table[pp / p.blockSize]) * p.blockSize + pp % p.blockSize;
          kv[u] = reinterpret_cast<const float4*>(p.kc + slotRow * p.kvDim + kvOff)[dl];
          vv[u] = reinterpret_cast<const float4*>(p.vc + slotRow * p.kvDim + kvOff)[dl];
        }
      }
      float sc[kUnroll];
#pragma unroll
      for (int u = 0; u < kUnroll; u++) {
        float d = dot4(qv, kv[u]);
#pragma unroll
        for (int o = LP / 2; o > 0; o >>= 1) d += __shfl_xor_sync(0xffffffffu, d, o);
        sc[u] = live[u] ? d : -INFINITY;
      }
      float mNew = m;
#pragma unroll
      for (int u = 0; u < kUnroll; u++) mNew = fmaxf(mNew, sc[u]);
      if (mNew != -INFINITY) {  // else this slot has seen no live position yet
        const float corr = rescale(m, mNew);
        l *= corr;
        acc = acc * corr;
#pragma unroll
        for (int u = 0; u < kUnroll; u++) {
          const float e = live[u] ? expf(sc[u] - mNew) : 0.f;
          l += e;
          fma4(acc, e, vv[u]);
        }
        m = mNew;
      }
    }
    // Merge the slots of the warp (lanes with the same dims, LP apart).
#pragma unroll
    for (int o = LP; o < 32; o <<= 1) {
      const float om = __shfl_xor_sync(0xffffffffu, m, o);
      const float ol = __shfl_xor_sync(0xffffffffu, l, o);
      float4 oa;
      oa.x = __shfl_xor_sync(0xffffffffu, acc.x, o);
      oa.y = __shfl_xor_sync(0xffffffffu, acc.y, o);
      oa.z = __shfl_xor_sync(0xffffffffu, acc.z, o);
      oa.w = __shfl_xor_sync(0xffffffffu, acc.w, o);
      const float mNew = fmaxf(m, om);
      const float a = rescale(m, mNew), b = rescale(om, mNew);
      l = l * a + ol * b;
      acc = acc * a;
      fma4(acc, b, oa);
      m = mNew;
    }
    if (slot == 0) {
      sacc[warp][dl] = acc;
      if (dl == 0) {
        sm[warp] = m;
        sl[warp] = l;
      }
    }
  }
  __syncthreads();
  // Thread t takes items (head g, float4 d4) t, t + kGroupedThreads, ...: merges the head's sets.
  const int d4s = p.headDim / 4;
  const int items = p.group * d4s;
  float* const accPart = p.part + static_cast<int64_t>(rowKv) * p.splits * p.group * p.headDim;
  float* const mlPart = p.part + static_cast<int64_t>(p.n) * p.kvHeads * p.splits * p.group * p.headDim +
                        static_cast<int64_t>(rowKv) * p.splits * p.group * 2;
  float* const outRow = p.out + (static_cast<int64_t>(row) * p.heads + static_cast<int64_t>(kvh) * p.group) * p.headDim;
  for (int it = threadIdx.x; it < items; it += kGroupedThreads) {
    const int hg = it / d4s, d4 = it % d4s;
    float mAll = -INFINITY;
    for (int st = 0; st < sets; st++) mAll = fmaxf(mAll, sm[st * p.group + hg]);
    float lAll = 0.f;
    float4 a = make_float4(0.f, 0.f, 0.f, 0.f);
    for (int st = 0; st < sets; st++) {
      const int w = st * p.group + hg;
      const float f = rescale(sm[w], mAll);
      lAll += sl[w] * f;
      fma4(a, f, sacc[w][d4]);
    }
    if (p.splits == 1) {
      reinterpret_cast<float4*>(outRow + hg * p.headDim)[d4] = a * (1.f / lAll);
    } else {
      reinterpret_cast<float4*>(accPart + (static_cast<int64_t>(split) * p.group + hg) * p.headDim)[d4] = a;
      if (d4 == 0) {
        mlPart[(split * p.group + hg) * 2] = mAll;
        mlPart[(split * p.group + hg) * 2 + 1] = lAll;
      }
    }
  }
  if (p.splits == 1) return;
  // The last split block of this (row, KV head) to finish merges all partials (threadfence
  // reduction: partials are visible device-wide before the counter says they are there).
  __threadfence();
  __syncthreads();
  if (threadIdx.x == 0) lastBlock = atomicAdd(&p.counters[rowKv], 1) == p.splits - 1;
  __syncthreads();
  if (!lastBlock) return;
  __threadfence();
  // Splits past the row's last position hold none (the grid is sized for the recorded bound). Two
  // threads take each item where the block has them, alternate splits each, so each waits on half
  // the rounds of loads; they combine through shared memory.
  const int used = min(p.splits, last / p.chunk + 1);
  const int parts = 2 * items <= kGroupedThreads ? 2 : 1;
  float4* const mergeAcc = &sacc[0][0];  // kGroupedThreads float4s, free once the partials are out
  __shared__ float mergeM[kGroupedThreads], mergeL[kGroupedThreads];
  for (int it = threadIdx.x; it < parts * items; it += kGroupedThreads) {
    const int item = it % items, part = it / items;
    const int hg = item / d4s, d4 = item % d4s;
    float mAll = -INFINITY, lAll = 0.f;
    float4 a = make_float4(0.f, 0.f, 0.f, 0.f);
    // Online merge, kMergeLoads splits' loads in flight at a time.
    for (int s0 = part; s0 < used; s0 += kMergeLoads * parts) {
      float ms[kMergeLoads], ls[kMergeLoads];
      float4 as[kMergeLoads];
#pragma unroll
      for (int u = 0; u < kMergeLoads; u++) {
        const int s = s0 + u * parts;
        if (s < used) {
          const float2 ml = __ldcg(reinterpret_cast<const float2*>(mlPart + (s * p.group + hg) * 2));
          ms[u] = ml.x;
          ls[u] = ml.y;
          const float* a4 = accPart + (static_cast<int64_t>(s) * p.group + hg) * p.headDim;
          as[u] = __ldcg(reinterpret_cast<const float4*>(a4) + d4);
        } else {
          ms[u] = -INFINITY;
          ls[u] = 0.f;
          as[u] = make_float4(0.f, 0.f, 0.f, 0.f);
        }
      }
      foldPartials(ms, ls, as, mAll, lAll, a);
    }
    if (parts == 1) {
      reinterpret_cast<float4*>(outRow + hg * p.headDim)[d4] = a * (1.f / lAll);
    } else {
      mergeAcc[it] = a;
      mergeM[it] = mAll;
      mergeL[it] = lAll;
    }
  }
  if (parts > 1) {
    __syncthreads();
    for (int item = threadIdx.x; item < items; item += kGroupedThreads) {
      const int hg = item / d4s, d4 = item % d4s, other = item + items;
      const float mAll = fmaxf(mergeM[item], mergeM[other]);
      const float f0 = rescale(mergeM[item], mAll), f1 = rescale(mergeM[other], mAll);
      const float lAll = mergeL[item] * f0 + mergeL[other] * f1;
      float4 a = mergeAcc[item] * f0;
      fma4(a, f1, mergeAcc[other]);
      reinterpret_cast<float4*>(outRow + hg * p.headDim)[d4] = a * (1.f / lAll);
    }
  }
  if (threadIdx.x == 0) p.counters[rowKv] = 0;
}

// The first block's merge of item (head h, float4 d4): its own partial (ml0, a0) and those of the
// `blocks` - 1 others (pacc / pml as clusterAttentionKernel lays them out) into out.
template <int D>
__device__ inline void clusterMerge(const float4* pacc, const float2* pml, float2 ml0, float4 a0, int blocks, int h,
                                    int d4, float4* out) {
  constexpr int LP = D / 4;
  float ms[kClusterMax], ls[kClusterMax];
  float4 as[kClusterMax];
  ms[0] = ml0.x;
  ls[0] = ml0.y;
  as[0] = a0;
#pragma unroll
  for (int r = 1; r < kClusterMax; r++) {
    const int i = r * kMaxGroup + h;
    ms[r] = r < blocks ? pml[i].x : -INFINITY;
    ls[r] = r < blocks ? pml[i].y : 0.f;
    as[r] = r < blocks ? pacc[i * LP + d4] : make_float4(0.f, 0.f, 0.f, 0.f);
  }
  float mAll = -INFINITY, lAll = 0.f;
  float4 a = make_float4(0.f, 0.f, 0.f, 0.f);
  foldPartials(ms, ls, as, mAll, lAll, a);
  *out = a * (1.f / lAll);
}

// The cluster kernel: the splits of a (row, KV head, head part), at most kClusterMax, are one
// cluster of blocks. A block stages its positions' K and V rows in shared memory with cp.async
// (at one row, all but this step's position before the PDL wait, so after it only q and that one
// row are loaded), then computes its query heads (the group's, or its part's) over its positions
// in three block-wide phases, each reading the tiles once for all its heads:
// - scores: a thread takes one position and a share of its dims for every head;
// - the softmax, a warp a head, adds the shares in order;
// - V: a thread takes one float4 of dims over a set of the positions for every head; the warps'
//   sums are added in warp order.
// The other blocks store each head's (max, sum, acc) into the shared memory of the cluster's first
// block (st.async, counted at its barrier `arrived`), which merges them with its own once they have
// landed (clusterMerge): no partials in global memory, no completion counter, and no block waits
// for another but the first for the partials (a cluster barrier there, where every block waited
// for all, took ~0.7 us). Traced on an H100 at 406a946 (Qwen2.5-0.5B shapes, 513-640 positions,
// all 7 heads a block, each block on an SM of its own; points 2-7, us from the wait): staged by
// 0.65-1.2, scores done 1.4-2.0, the softmax 2.1-2.7, V 3.2-3.7, the partials sent 3.5-4.0, the
// merge written 4.4-4.8.
// A block asks for the shared memory it uses. From session 13 to 16 each asked for all of its SM's
// where the grid fit on the SMs at once, so that no block of the kernels that wait on it shared
// the SM (their early weight loads had queued ahead of these shared-memory loads: 6.1 -> 5.1 us a
// layer then); with the partials sent by st.async, blocks that find room beside the QKV step's
// blocks, rather than an SM of their own, decode 0.6-1.5 % faster (A/B, session 17).
template <int D>
__global__ void __launch_bounds__(clusterThreads(D)) clusterAttentionKernel(const GroupedParams p) {
  constexpr int kClusterThreads = clusterThreads(D);
  constexpr int kClusterWarps = kClusterThreads / 32;
  constexpr int kStride = D + 4;
  constexpr int kMaxChunk = clusterChunkMax(D);
  constexpr int kPerLane = kMaxChunk / 32;               // positions a lane takes in the softmax
  constexpr int LP = D / 4;                              // float4s of a row
  constexpr int kParts = kClusterThreads / kMaxChunk;    // threads scoring one position
  constexpr int kPartD4 = LP / kParts;                   // float4s of a position a scoring thread takes
  constexpr int kVGroups = kClusterThreads / LP;         // position sets of the V sum
  static_assert(kPartD4 >= 1 && kPartD4 * kParts == LP, "score shares cover the dims");
  namespace cg = cooperative_groups;
  releaseDependents();
  cg::cluster_group cluster = cg::this_cluster();
  const int rank = static_cast<int>(cluster.block_rank());
  const int blocks = static_cast<int>(cluster.num_blocks());
  // K rows, then V rows (p.chunk x kStride floats each), then the heads' partials (the first
  // block's copy is the one used), the warps' V sums and the partials' (max, sum).
  extern __shared__ float4 tiles[];
  float* const kt = reinterpret_cast<float*>(tiles);
  float* const vt = kt + p.chunk * kStride;
  float4* const pacc = reinterpret_cast<float4*>(vt + p.chunk * kStride);  // [kClusterMax][kMaxGroup][LP]
  auto vsum = reinterpret_cast<float4(*)[kMaxGroup][LP]>(pacc + kClusterMax * kMaxGroup * LP);  // [kClusterWarps]
  float2* const pml = reinterpret_cast<float2*>(vsum + kClusterWarps);
  __shared__ float4 sq[kMaxGroup][LP];
  __shared__ float ss[kParts][kMaxGroup][kMaxChunk];  // score shares, then (ss[0]) softmax weights
  __shared__ float2 sml[kMaxGroup];
  __shared__ uint64_t arrived;  // the first block's: the other blocks' partials land against it
  const int rowKv = blockIdx.x / p.headParts;
  const int row = rowKv / p.kvHeads, kvh = rowKv % p.kvHeads;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  // This cluster's query heads of the KV head's group: h0 on.
  const int perPart = (p.group + p.headParts - 1) / p.headParts;
  const int h0 = static_cast<int>(blockIdx.x % p.headParts) * perPart;
  const int group = min(perPart, p.group - h0);
  const int last = p.pos[row];
  const int32_t* table = p.blockTables + p.tableOffset[row];
  // The grid is sized for the step's position bound (p.chunk positions a block at most); the row's
  // own positions are spread evenly over the cluster.
  const int chunk = (last + blocks) / blocks;
  const int p0 = rank * chunk;
  const int cnt = max(0, min(p0 + chunk, last + 1) - p0);
  const int64_t kvOff = static_cast<int64_t>(kvh) * D;
  auto stageRow = [&](int j, int i) {  // 16-byte piece i (K pieces, then V) of position p0 + j
    const int pp = p0 + j;
    const int64_t slotRow = static_cast<int64_t>(table[pp / p.blockSize]) * p.blockSize + pp % p.blockSize;
    const bool isV = i >= LP;
    const int d4 = isV ? i - LP : i;
    cpAsync16((isV ? vt : kt) + j * kStride + 4 * d4, (isV ? p.vc : p.kc) + slotRow * p.kvDim + kvOff + 4 * d4, true);
  };
  if (rank == 0 && threadIdx.x == 0) {
    mbarrierInit(&arrived, 1);
    mbarrierExpect(&arrived, static_cast<uint32_t>((blocks - 1) * group * (LP * sizeof(float4) + sizeof(float2))));
    fenceBarrierInit();
  }
  clusterArriveRelaxed();
  // With one row in the step only position `last` is this step's (the QKV kernel writes it).
  const bool early = p.n == 1;
  if (early) {
    for (int i = threadIdx.x; i < cnt * 2 * LP; i += kClusterThreads) {
      if (p0 + i / (2 * LP) != last) stageRow(i / (2 * LP), i % (2 * LP));
    }
  }
  awaitPrerequisite();
  if (early) {
    if (cnt > 0 && last < p0 + chunk && threadIdx.x < 2 * LP) stageRow(last - p0, threadIdx.x);
  } else {
    for (int i = threadIdx.x; i < cnt * 2 * LP; i += kClusterThreads) stageRow(i / (2 * LP), i % (2 * LP));
  }
  const float* qRow = p.q + (static_cast<int64_t>(row) * p.heads + static_cast<int64_t>(kvh) * p.group + h0) * D;
  for (int i = threadIdx.x; i < group * LP; i += kClusterThreads) cpAsync16(&sq[i / LP][i % LP], qRow + 4 * i, true);
  cpAsyncCommit();
  cpAsyncWait<0>();
  __syncthreads();
  LLORCH_TRACE_POINT(2);
  // Scores: thread t takes position t % kMaxChunk (a warp's 32 consecutive rows fall in distinct
  // banks) and share t / kMaxChunk of its dims, for every head.
  {
    const int j = threadIdx.x % kMaxChunk, part = threadIdx.x / kMaxChunk;
    if (j < cnt) {
      float4 k[kPartD4];
#pragma unroll
      for (int i = 0; i < kPartD4; i++) k[i] = reinterpret_cast<const float4*>(kt + j * kStride)[part * kPartD4 + i];
#pragma unroll
      for (int h = 0; h < kMaxGroup; h++) {
        if (h < group) {
          float4 sc = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
          for (int i = 0; i < kPartD4; i++) {
            const float4 q = sq[h][part * kPartD4 + i];
            sc.x = fmaf(q.x, k[i].x, sc.x);
            sc.y = fmaf(q.y, k[i].y, sc.y);
            sc.z = fmaf(q.z, k[i].z, sc.z);
            sc.w = fmaf(q.w, k[i].w, sc.w);
          }
          ss[part][h][j] = (sc.x + sc.y) + (sc.z + sc.w);
        }
      }
    }
  }
  __syncthreads();
  LLORCH_TRACE_POINT(4);
  // Softmax: warp h takes head h; the weights replace the first share.
  if (warp < group) {
    float e[kPerLane];
    float m = -INFINITY;
#pragma unroll
    for (int t = 0; t < kPerLane; t++) {
      const int j = lane + 32 * t;
      e[t] = -INFINITY;
      if (j < cnt) {
        float sc = ss[0][warp][j];
#pragma unroll
        for (int part = 1; part < kParts; part++) sc += ss[part][warp][j];
        e[t] = sc * p.scale;
      }
      m = fmaxf(m, e[t]);
    }
    m = warpMax(m);
    float l = 0.f;
#pragma unroll
    for (int t = 0; t < kPerLane; t++) {
      const int j = lane + 32 * t;
      if (j < cnt) {
        const float x = e[t] == -INFINITY ? 0.f : expf(e[t] - m);
        l += x;
        ss[0][warp][j] = x;
      }
    }
    l = warpSum(l);
    if (lane == 0) sml[warp] = make_float2(m, l);
  }
  __syncthreads();
  LLORCH_TRACE_POINT(6);
  // V: thread t takes float4 t % LP of the rows of position set t / LP, for every head; the lanes
  // of a warp with the same float4 are added, then (below) the warps.
  {
    const int d4 = threadIdx.x % LP;
    float4 acc[kMaxGroup];
#pragma unroll
    for (int h = 0; h < kMaxGroup; h++) acc[h] = make_float4(0.f, 0.f, 0.f, 0.f);
    for (int j = threadIdx.x / LP; j < cnt; j += kVGroups) {
      const float4 v = reinterpret_cast<const float4*>(vt + j * kStride)[d4];
#pragma unroll
      for (int h = 0; h < kMaxGroup; h++) {
        if (h < group) fma4(acc[h], ss[0][h][j], v);
      }
    }
#pragma unroll
    for (int h = 0; h < kMaxGroup; h++) {
      if (h >= group) continue;
#pragma unroll
      for (int o = LP; o < 32; o <<= 1) {
        acc[h].x += __shfl_xor_sync(0xffffffffu, acc[h].x, o);
        acc[h].y += __shfl_xor_sync(0xffffffffu, acc[h].y, o);
        acc[h].z += __shfl_xor_sync(0xffffffffu, acc[h].z, o);
        acc[h].w += __shfl_xor_sync(0xffffffffu, acc[h].w, o);
      }
      if (lane < LP) vsum[warp][h][lane] = acc[h];
    }
  }
  __syncthreads();
  LLORCH_TRACE_POINT(7);
  // The first block's barrier is initialized once every block has arrived (long since).
  clusterWait();
  if (threadIdx.x >= group * LP) return;
  const int h = threadIdx.x / LP, d4 = threadIdx.x % LP;
  float4 a = vsum[0][h][d4];
#pragma unroll
  for (int w = 1; w < kClusterWarps; w++) {
    const float4 b = vsum[w][h][d4];
    a.x += b.x;
    a.y += b.y;
    a.z += b.z;
    a.w += b.w;
  }
  if (rank != 0) {
    const int i = rank * kMaxGroup + h;
    storeRemote(&pacc[i * LP + d4], a, &arrived, 0);
    if (d4 == 0) storeRemote(&pml[i], sml[h], &arrived, 0);
  }
  LLORCH_TRACE_POINT(3);
  if (rank != 0) return;
  mbarrierWaitCluster(&arrived, 0);
  float* const outRow =
      p.out + (static_cast<int64_t>(row) * p.heads + static_cast<int64_t>(kvh) * p.group + h0 + h) * D;
  clusterMerge<D>(pacc, pml, sml[h], a, blocks, h, d4, reinterpret_cast<float4*>(outRow) + d4);
  LLORCH_TRACE_POINT(5);  // the merge written
}

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

// Launches one of the grouped kernels for a head dim they take (a power of two from 8 to 128).
struct GroupedLaunch {
  cudaStream_t s;
  dim3 grid;  // (row x KV head, split)
  const GroupedParams& p;
  bool cluster;

  template <int D>
  void run() const {
    if (!cluster) {
      launchDependent(s, grid, dim3(kGroupedThreads), groupedAttentionKernel<D / 4>, p);
      return;
    }
    // The tiles, the partials and the warps' sums; wholeSm opts the kernel in to as much as an SM
    // has (the tiles alone may pass the default 48 KB).
    constexpr size_t kPartials = kClusterMax * kMaxGroup * (D / 4 * sizeof(float4) + sizeof(float2)) +
                                 clusterThreads(D) / 32 * kMaxGroup * (D / 4) * sizeof(float4);
    wholeSm<clusterAttentionKernel<D>>();
    const size_t smem = static_cast<size_t>(2) * p.chunk * (D + 4) * sizeof(float) + kPartials;
    launchDependent(s, grid, dim3(clusterThreads(D)), smem, dim3(1, grid.y, 1), clusterAttentionKernel<D>, p);
  }

  void operator()(int headDim) const {
    switch (headDim) {
      case 8: run<8>(); break;
      case 16: run<16>(); break;
      case 32: run<32>(); break;
      case 64: run<64>(); break;
      default: run<128>(); break;
    }
  }
};
}  // namespace

size_t cudaAttentionScratchFloats(const AttentionBatch& b) {
  const Plan plan = planFor(b);
  return plan.splits == 1 || plan.cluster ? 0 : static_cast<size_t>(b.n) * b.heads * plan.splits * (b.headDim + 2);
}

size_t cudaAttentionCounters(const AttentionBatch& b) {
  const Plan plan = planFor(b);
  return plan.cluster ? 0 : static_cast<size_t>(b.n) * (plan.grouped ? b.kvHeads : b.heads);
}

void cudaAttention(cudaStream_t s, float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                   float* partials, int* counters) {
  if (b.headDim > 32 * kMaxPerLane) {
    throw NativeError(err::kBadArgument, "attention: headDim " + std::to_string(b.headDim) + " exceeds 256");
  }
  if (b.n <= 0) return;
  const Plan plan = planFor(b);
  const float scale = b.scoreScale / std::sqrt(static_cast<float>(b.headDim));
  if (plan.grouped) {
    GroupedParams p;
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
    p.headParts = plan.headParts;
    p.scale = scale;
    const dim3 grid(static_cast<unsigned>(b.n * b.kvHeads * plan.headParts), static_cast<unsigned>(plan.splits));
    GroupedLaunch{s, grid, p, plan.cluster}(b.headDim);
    cudaCheckLaunch("attention");
    return;
  }
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
