// The grouped attention block (see attention.cu): a device function so that both the attention
// kernel and the persistent decode kernel (decode_step.cu) run it.
#pragma once

#include <cuda_runtime.h>

#include <cmath>
#include <cstdint>

#include "backend/backend.h"
#include "cuda/dependent_launch.cuh"

namespace llorch {

inline constexpr int kAttnThreads = 128;
inline constexpr int kMaxGroup = 8;    // query heads per KV head
inline constexpr int kUnroll = 2;      // positions per stream whose K/V loads are in flight together
inline constexpr int kMergeLoads = 8;  // splits whose partials the merging block loads together

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
  float scale;
};

__device__ inline float4 operator*(float4 a, float s) { return make_float4(a.x * s, a.y * s, a.z * s, a.w * s); }
__device__ inline float dot4(float4 a, float4 b) { return a.x * b.x + a.y * b.y + a.z * b.z + a.w * b.w; }
__device__ inline void fma4(float4& acc, float s, float4 v) {
  acc.x = fmaf(s, v.x, acc.x);
  acc.y = fmaf(s, v.y, acc.y);
  acc.z = fmaf(s, v.z, acc.z);
  acc.w = fmaf(s, v.w, acc.w);
}

// exp(m - mNew) for merging a softmax stream whose max is m into one whose max is mNew; 0 for an
// empty stream (m = -inf), also when both are empty.
__device__ inline float rescale(float m, float mNew) { return m == -INFINITY ? 0.f : expf(m - mNew); }

// Warms L2 with the K/V rows block (rowKv, split) will read. Reads only the position and block
// table (uploaded before the step), so it may run before the QKV step has finished; L2 is
// coherent with that step's stores.
__device__ inline void groupedAttentionPrefetch(const GroupedParams& p, int rowKv, int split) {
  const int row = rowKv / p.kvHeads, kvh = rowKv % p.kvHeads;
  const int32_t* table = p.blockTables + p.tableOffset[row];
  const int p0 = split * p.chunk;
  const int p1 = min(p0 + p.chunk, p.pos[row] + 1);
  const int64_t kvOff = static_cast<int64_t>(kvh) * p.headDim;
  const size_t rowBytes = static_cast<size_t>(p.headDim) * sizeof(float);
  for (int i = threadIdx.x; i < 2 * (p1 - p0); i += kAttnThreads) {
    const int pp = p0 + i / 2;
    const int64_t slotRow = static_cast<int64_t>(table[pp / p.blockSize]) * p.blockSize + pp % p.blockSize;
    prefetchL2((i & 1 ? p.vc : p.kc) + slotRow * p.kvDim + kvOff, rowBytes, 0, 1);
  }
}

// Block (rowKv, split) of the grouped attention: all kAttnThreads threads of the block call it.
// Activations and cache rows are read through L2 (ld.cg), never L1, so the function also works
// inside a persistent kernel whose earlier phases rewrote them on other SMs.
// The block's shared memory for merging its softmax streams, declared by the calling kernel (one
// for every LP a kernel may run).
struct AttnShared {
  float m[kAttnThreads / 32][kMaxGroup], l[kAttnThreads / 32][kMaxGroup];
  float4 acc[kAttnThreads / 32][kMaxGroup][32];  // headDim / 4 <= 32 float4 per head
  bool lastBlock;
};

template <int LP>  // lanes per position: headDim / 4
__device__ void groupedAttentionBlock(const GroupedParams& p, int rowKv, int split, AttnShared& sh) {
  constexpr int kWarps = kAttnThreads / 32;
  constexpr int kSlots = 32 / LP;          // positions a warp reduces at once
  constexpr int kStreams = kWarps * kSlots;
  const int row = rowKv / p.kvHeads, kvh = rowKv % p.kvHeads;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int slot = lane / LP, dl = lane % LP;
  const int last = p.pos[row];
  const int32_t* table = p.blockTables + p.tableOffset[row];
  const int p0 = split * p.chunk;
  const int p1 = min(p0 + p.chunk, last + 1);
  const int64_t kvOff = static_cast<int64_t>(kvh) * p.headDim;
  const float* qRow = p.q + (static_cast<int64_t>(row) * p.heads + static_cast<int64_t>(kvh) * p.group) * p.headDim;
  float4 qv[kMaxGroup], acc[kMaxGroup];
  float m[kMaxGroup], l[kMaxGroup];
#pragma unroll
  for (int g = 0; g < kMaxGroup; g++) {
    qv[g] = g < p.group ? __ldcg(reinterpret_cast<const float4*>(qRow + g * p.headDim) + dl) * p.scale
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
        kv[u] = __ldcg(reinterpret_cast<const float4*>(p.kc + slotRow * p.kvDim + kvOff) + dl);
        vv[u] = __ldcg(reinterpret_cast<const float4*>(p.vc + slotRow * p.kvDim + kvOff) + dl);
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
  // Thread t takes items (head g, float4 d4) t, t + kAttnThreads, ...: G * headDim / 4 <= 256 items.
  const int d4s = p.headDim / 4;
  const int items = p.group * d4s;
  float* const accPart = p.part + static_cast<int64_t>(rowKv) * p.splits * p.group * p.headDim;
  float* const mlPart = p.part + static_cast<int64_t>(p.n) * p.kvHeads * p.splits * p.group * p.headDim +
                        static_cast<int64_t>(rowKv) * p.splits * p.group * 2;
  float* const outRow = p.out + (static_cast<int64_t>(row) * p.heads + static_cast<int64_t>(kvh) * p.group) * p.headDim;
  for (int it = threadIdx.x; it < items; it += kAttnThreads) {
    const int g = it / d4s, d4 = it % d4s;
    float mAll = -INFINITY;
#pragma unroll
    for (int w = 0; w < kWarps; w++) mAll = fmaxf(mAll, sh.m[w][g]);
    float lAll = 0.f;
    float4 a = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
    for (int w = 0; w < kWarps; w++) {
      const float f = rescale(sh.m[w][g], mAll);
      lAll += sh.l[w][g] * f;
      fma4(a, f, sh.acc[w][g][d4]);
    }
    if (p.splits == 1) {
      reinterpret_cast<float4*>(outRow + g * p.headDim)[d4] = a * (1.f / lAll);
    } else {
      reinterpret_cast<float4*>(accPart + (static_cast<int64_t>(split) * p.group + g) * p.headDim)[d4] = a;
      if (d4 == 0) {
        mlPart[(split * p.group + g) * 2] = mAll;
        mlPart[(split * p.group + g) * 2 + 1] = lAll;
      }
    }
  }
  if (p.splits == 1) return;
  // The last split block of this (row, KV head) to finish merges all partials (threadfence
  // reduction: partials are visible device-wide before the counter says they are there).
  __threadfence();
  __syncthreads();
  if (threadIdx.x == 0) sh.lastBlock = atomicAdd(&p.counters[rowKv], 1) == p.splits - 1;
  __syncthreads();
  if (!sh.lastBlock) return;
  __threadfence();
  for (int it = threadIdx.x; it < items; it += kAttnThreads) {
    const int g = it / d4s, d4 = it % d4s;
    float mAll = -INFINITY, lAll = 0.f;
    float4 a = make_float4(0.f, 0.f, 0.f, 0.f);
    // Online merge, kMergeLoads splits' loads in flight at a time.
    for (int s0 = 0; s0 < p.splits; s0 += kMergeLoads) {
      float ms[kMergeLoads], ls[kMergeLoads];
      float4 as[kMergeLoads];
#pragma unroll
      for (int u = 0; u < kMergeLoads; u++) {
        const int s = s0 + u;
        if (s < p.splits) {
          const float2 ml = __ldcg(reinterpret_cast<const float2*>(mlPart + (s * p.group + g) * 2));
          ms[u] = ml.x;
          ls[u] = ml.y;
          as[u] = __ldcg(reinterpret_cast<const float4*>(accPart + (static_cast<int64_t>(s) * p.group + g) * p.headDim) + d4);
        } else {
          ms[u] = -INFINITY;
          ls[u] = 0.f;
          as[u] = make_float4(0.f, 0.f, 0.f, 0.f);
        }
      }
      float mNew = mAll;
#pragma unroll
      for (int u = 0; u < kMergeLoads; u++) mNew = fmaxf(mNew, ms[u]);
      const float corr = rescale(mAll, mNew);
      lAll *= corr;
      a = a * corr;
#pragma unroll
      for (int u = 0; u < kMergeLoads; u++) {
        const float f = rescale(ms[u], mNew);
        lAll += ls[u] * f;
        fma4(a, f, as[u]);
      }
      mAll = mNew;
    }
    reinterpret_cast<float4*>(outRow + g * p.headDim)[d4] = a * (1.f / lAll);
  }
  if (threadIdx.x == 0) p.counters[rowKv] = 0;
}

// Whether the grouped kernel takes b: at most kMaxGroup query heads per KV head, headDim a power
// of two from 8 to 128.
bool groupedAttentionFits(const AttentionBatch& b);
// The grouped kernel's parameters for b, its planned split count and chunk included; partials and
// counters as cudaAttention takes them.
GroupedParams groupedAttentionParams(float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                                     float* partials, int* counters);

// Calls f.template operator()<LP>() with LP = headDim / 4 (headDim a power of two, 8..128).
template <typename F>
void dispatchLanes(int headDim, F&& f) {
  switch (headDim) {
    case 8: f.template operator()<2>(); return;
    case 16: f.template operator()<4>(); return;
    case 32: f.template operator()<8>(); return;
    case 64: f.template operator()<16>(); return;
    default: f.template operator()<32>(); return;
  }
}

}  // namespace llorch
