// Every layer of a one-row decode step as one persistent kernel. At batch 1 a layer's five steps
// (fused QKV + rope + cache store, attention, o projection + residual, gate/up + SwiGLU, down +
// residual) move 2-17 MB each, so as separate kernels each costs a launch, a ramp-up and a drain
// of ~5 us beyond its bytes (~120 of them a step; PERF.md). Here one grid of co-resident blocks
// (as many as fit on the device) runs the steps in order with a grid-wide barrier between them:
// a block takes the virtual blocks vb = blockIdx.x, + gridDim.x, ... of each step, the same work a
// block of the separate kernels does (matvec_block.cuh, attention_grouped.cuh). A step's input
// vector (x, attn or gate: at most a few KB) is staged into shared memory once per block, and
// the weights of later steps are prefetched into L2 while the current one runs: o and gate/up at
// the start of a layer, down during attention, the next layer's QKV during gate/up.
//
// Coherence: steps read what other SMs wrote since the last barrier, so activations and cache
// rows are read through L2 (ld.cg) or staged, never from a possibly stale L1 line; weights and the
// step inputs uploaded before the launch are read-only here.
#include "cuda/ops/decode_step.h"

#include <algorithm>
#include <cstring>

#include "cuda/cuda_check.h"
#include "cuda/ops/attention_grouped.cuh"
#include "cuda/ops/matvec_block.cuh"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kThreads = 128;
static_assert(kThreads == kMvThreads && kThreads == kAttnThreads, "one block shape for every step");
constexpr size_t kMaxStagedBytes = 96 * 1024;  // the largest step input staged in shared memory

struct LayerPlan {
  QkvParams qkv;
  GroupedParams attn;
  MatvecParams o, gateUp, down;
  GgmlType oType, gateUpType, downType;
};

struct StepParams {
  const LayerPlan* layers;
  int count;
  unsigned* barrier;  // [arrived, generation]
  int lanes;          // attention: headDim / 4
  int attnBlocks;     // KV heads x splits
  int qkvBlocks;
  int64_t oBlocks, gateUpBlocks, downBlocks;
};

bool persistentType(GgmlType t) {
  switch (t) {
    case GgmlType::F32:
    case GgmlType::F16:
    case GgmlType::BF16:
    case GgmlType::Q8_0:
    case GgmlType::Q4_0:
    case GgmlType::Q5_0:
    case GgmlType::Q4_K:
    case GgmlType::Q6_K:
      return true;
    default:
      return false;
  }
}

// Sense-reversing grid barrier: the last block to arrive resets the count and advances the
// generation the others spin on. Each block's writes are fenced before it arrives.
__device__ void gridSync(unsigned* bar) {
  __syncthreads();
  if (threadIdx.x == 0) {
    volatile unsigned* generation = bar + 1;
    const unsigned g = *generation;
    __threadfence();
    if (atomicAdd(bar, 1u) == gridDim.x - 1) {
      atomicExch(bar, 0u);
      __threadfence();
      atomicAdd(bar + 1, 1u);
    } else {
      while (*generation == g) {
      }
    }
    __threadfence();
  }
  __syncthreads();
}

template <GgmlType T>
__device__ void matvecShaped(const MatvecParams& p, int64_t vb, const float* x) {
  using S = MatvecShape<T>;
  if (p.rowSplit > 1) {
    matvecBlock<T, 1, kMvRows, S::kLongLoads>(p, vb, x);
  } else {
    matvecBlock<T, 1, kMvRows, S::kShortLoads>(p, vb, x);
  }
}

__device__ void matvecAny(GgmlType t, const MatvecParams& p, int64_t vb, const float* x) {
  switch (t) {
    case GgmlType::F32: matvecShaped<GgmlType::F32>(p, vb, x); return;
    case GgmlType::F16: matvecShaped<GgmlType::F16>(p, vb, x); return;
    case GgmlType::BF16: matvecShaped<GgmlType::BF16>(p, vb, x); return;
    case GgmlType::Q8_0: matvecShaped<GgmlType::Q8_0>(p, vb, x); return;
    case GgmlType::Q4_0: matvecShaped<GgmlType::Q4_0>(p, vb, x); return;
    case GgmlType::Q5_0: matvecShaped<GgmlType::Q5_0>(p, vb, x); return;
    case GgmlType::Q4_K: matvecShaped<GgmlType::Q4_K>(p, vb, x); return;
    case GgmlType::Q6_K: matvecShaped<GgmlType::Q6_K>(p, vb, x); return;
    default: return;
  }
}

__device__ void qkvAny(const QkvParams& p, int j, const float* x) {
  switch (p.type[qkvPair(p, j).seg]) {
    case GgmlType::F32: qkvWarp<GgmlType::F32>(p, j, x); return;
    case GgmlType::F16: qkvWarp<GgmlType::F16>(p, j, x); return;
    case GgmlType::BF16: qkvWarp<GgmlType::BF16>(p, j, x); return;
    case GgmlType::Q8_0: qkvWarp<GgmlType::Q8_0>(p, j, x); return;
    case GgmlType::Q4_0: qkvWarp<GgmlType::Q4_0>(p, j, x); return;
    case GgmlType::Q5_0: qkvWarp<GgmlType::Q5_0>(p, j, x); return;
    case GgmlType::Q4_K: qkvWarp<GgmlType::Q4_K>(p, j, x); return;
    case GgmlType::Q6_K: qkvWarp<GgmlType::Q6_K>(p, j, x); return;
    default: return;
  }
}

__device__ void attentionAny(int lanes, const GroupedParams& p, int rowKv, int split, AttnShared& sh) {
  switch (lanes) {
    case 2: groupedAttentionBlock<2>(p, rowKv, split, sh); return;
    case 4: groupedAttentionBlock<4>(p, rowKv, split, sh); return;
    case 8: groupedAttentionBlock<8>(p, rowKv, split, sh); return;
    case 16: groupedAttentionBlock<16>(p, rowKv, split, sh); return;
    default: groupedAttentionBlock<32>(p, rowKv, split, sh); return;
  }
}

// Copies a step's input vector (floats, a multiple of 4) into this block's shared memory.
__device__ void stage(float* staged, const float* x, int64_t floats) {
  for (int64_t i = threadIdx.x; i < floats / 4; i += kThreads) {
    reinterpret_cast<float4*>(staged)[i] = __ldcg(reinterpret_cast<const float4*>(x) + i);
  }
  __syncthreads();
}

__device__ void prefetchMatvec(const MatvecParams& p, int64_t blocks) {
  for (int64_t vb = blockIdx.x; vb < blocks; vb += gridDim.x) matvecPrefetch<kMvRows>(p, vb);
}

__device__ void prefetchQkv(const QkvParams& p, int blocks) {
  const int pairs = qkvPairs(p);
  for (int vb = blockIdx.x; vb < blocks; vb += gridDim.x) {
    const int j = vb * kMvWarps + threadIdx.x / 32;
    if (j < pairs) qkvPrefetch(p, j);
  }
}

__device__ void matvecStep(GgmlType t, const MatvecParams& p, int64_t blocks, float* staged) {
  if (blockIdx.x >= blocks) return;
  stage(staged, p.x, p.cols);
  for (int64_t vb = blockIdx.x; vb < blocks; vb += gridDim.x) {
    matvecAny(t, p, vb, staged);
    __syncthreads();  // shared memory of the long-row reduction is reused by the next vb
  }
}

// Three blocks per SM at most 170 registers a thread (the attention step needs ~150).
__global__ void __launch_bounds__(kThreads, 3) decodeLayersKernel(const StepParams P) {
  extern __shared__ float4 stagedRaw[];
  __shared__ AttnShared attnShared;
  float* const staged = reinterpret_cast<float*>(stagedRaw);
  const int warp = threadIdx.x / 32;
  for (int l = 0; l < P.count; l++) {
    const LayerPlan& L = P.layers[l];
    if (l == 0) prefetchQkv(L.qkv, P.qkvBlocks);
    prefetchMatvec(L.o, P.oBlocks);
    prefetchMatvec(L.gateUp, P.gateUpBlocks);
    // Q, K, V: rmsnorm(x), matvec, biases, rope, cache store.
    if (blockIdx.x < P.qkvBlocks) {
      stage(staged, L.qkv.x, L.qkv.cols);
      const int pairs = qkvPairs(L.qkv);
      for (int vb = blockIdx.x; vb < P.qkvBlocks; vb += gridDim.x) {
        const int j = vb * kMvWarps + warp;
        if (j < pairs) qkvAny(L.qkv, j, staged);
      }
    }
    gridSync(P.barrier);
    prefetchMatvec(L.down, P.downBlocks);
    const int splits = L.attn.splits;
    for (int vb = blockIdx.x; vb < P.attnBlocks; vb += gridDim.x) {
      attentionAny(P.lanes, L.attn, vb / splits, vb % splits, attnShared);
      __syncthreads();  // its shared memory is reused by the next vb
    }
    gridSync(P.barrier);
    matvecStep(L.oType, L.o, P.oBlocks, staged);  // x += attn . wo^T
    gridSync(P.barrier);
    if (l + 1 < P.count) prefetchQkv(P.layers[l + 1].qkv, P.qkvBlocks);
    matvecStep(L.gateUpType, L.gateUp, P.gateUpBlocks, staged);  // gate = silu(h . wg^T) * (h . wu^T)
    gridSync(P.barrier);
    matvecStep(L.downType, L.down, P.downBlocks, staged);  // x += gate . down^T
    if (l + 1 < P.count) gridSync(P.barrier);
  }
}

MatvecJob job(const WeightView* w, float* const* y) {
  MatvecJob j;
  j.ws = w;
  j.ys = y;
  return j;
}

size_t stagedBytes(const DecodeLayer& L) {
  const int64_t cols = std::max({L.qkv.wq.cols, L.wo.cols, L.gate.cols, L.down.cols});
  return static_cast<size_t>(cols) * sizeof(float);
}
}  // namespace

bool decodeLayersSupported(const DecodeLayer* layers, int count, const AttentionBatch& ab) {
  if (count < 1 || ab.n != 1 || !groupedAttentionFits(ab) || stagedBytes(layers[0]) > kMaxStagedBytes) return false;
  float* const none = nullptr;
  for (int l = 0; l < count; l++) {
    const DecodeLayer& L = layers[l];
    const DecodeLayer& F = layers[0];
    QkvStep sameType = L.qkv;
    sameType.wk.type = sameType.wv.type = sameType.wq.type;
    if (!qkvMatvecSupports(sameType, 1)) return false;
    for (const WeightView* w : {&L.qkv.wq, &L.qkv.wk, &L.qkv.wv, &L.wo, &L.gate, &L.up, &L.down}) {
      if (!persistentType(w->type)) return false;
    }
    // One shape for every layer (the block counts are the first layer's).
    if (L.qkv.wq.rows != F.qkv.wq.rows || L.qkv.wk.rows != F.qkv.wk.rows || L.qkv.wq.cols != F.qkv.wq.cols ||
        L.wo.rows != F.wo.rows || L.wo.cols != F.wo.cols || L.gate.rows != F.gate.rows ||
        L.down.cols != F.down.cols || L.down.rows != F.down.rows) {
      return false;
    }
    MatvecJob gu = job(&L.gate, &none);
    gu.up = &L.up;
    gu.upOut = none;
    if (!matvecSupports(job(&L.wo, &none), 1) || !matvecSupports(gu, 1) || !matvecSupports(job(&L.down, &none), 1)) {
      return false;
    }
  }
  return true;
}

std::vector<uint8_t> decodeLayerPlans(const DecodeLayer* layers, int count, const DecodeBuffers& buf,
                                      const AttentionBatch& ab, float eps, float* partials, int* counters) {
  std::vector<LayerPlan> plans(static_cast<size_t>(count));
  for (int l = 0; l < count; l++) {
    const DecodeLayer& L = layers[l];
    LayerPlan& p = plans[static_cast<size_t>(l)];
    // The plans are told apart by their bytes, so padding must be zero: the parameter builders
    // value-initialize their results and the copies are bytewise.
    std::memset(static_cast<void*>(&p), 0, sizeof(p));
    const QkvParams qkv = qkvParams(buf.q, buf.k, buf.v, L.qkv, buf.x, buf.pos, buf.slots, L.kv);
    std::memcpy(static_cast<void*>(&p.qkv), &qkv, sizeof(qkv));
    const GroupedParams attn = groupedAttentionParams(buf.attn, buf.q, L.kv, ab, partials, counters);
    std::memcpy(static_cast<void*>(&p.attn), &attn, sizeof(attn));
    MatvecJob o = job(&L.wo, &buf.x);
    o.accumulate = true;
    const MatvecParams po = matvecParams(o, buf.attn);
    std::memcpy(static_cast<void*>(&p.o), &po, sizeof(po));
    MatvecJob gu = job(&L.gate, &buf.gate);
    gu.normW = L.ffnNorm;
    gu.eps = eps;
    gu.up = &L.up;
    gu.upOut = buf.up;
    const MatvecParams pgu = matvecParams(gu, buf.x);
    std::memcpy(static_cast<void*>(&p.gateUp), &pgu, sizeof(pgu));
    MatvecJob down = job(&L.down, &buf.x);
    down.accumulate = true;
    const MatvecParams pd = matvecParams(down, buf.gate);
    std::memcpy(static_cast<void*>(&p.down), &pd, sizeof(pd));
    p.oType = L.wo.type;
    p.gateUpType = L.gate.type;
    p.downType = L.down.type;
  }
  std::vector<uint8_t> bytes(sizeof(LayerPlan) * plans.size());
  std::memcpy(bytes.data(), plans.data(), bytes.size());
  return bytes;
}

void cudaDecodeLayers(cudaStream_t s, const void* plans, const DecodeLayer* layers, int count, const AttentionBatch& ab,
                      unsigned* barrier) {
  const DecodeLayer& F = layers[0];
  float* const none = nullptr;
  StepParams P{};
  P.layers = static_cast<const LayerPlan*>(plans);
  P.count = count;
  P.barrier = barrier;
  P.lanes = ab.headDim / 4;
  P.attnBlocks = ab.kvHeads * groupedAttentionParams(nullptr, nullptr, F.kv, ab, nullptr, nullptr).splits;
  const QkvParams q = qkvParams(nullptr, nullptr, nullptr, F.qkv, nullptr, nullptr, nullptr, F.kv);
  P.qkvBlocks = (qkvPairs(q) + kMvWarps - 1) / kMvWarps;
  P.oBlocks = matvecBlocks(matvecParams(job(&F.wo, &none), nullptr));
  MatvecJob gu = job(&F.gate, &none);
  gu.up = &F.up;
  P.gateUpBlocks = matvecBlocks(matvecParams(gu, nullptr));
  P.downBlocks = matvecBlocks(matvecParams(job(&F.down, &none), nullptr));

  const size_t smem = stagedBytes(F);
  int device = 0;
  cudaCheck(cudaGetDevice(&device), "cudaGetDevice");
  cudaCheck(cudaFuncSetAttribute(decodeLayersKernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(smem)),
            "cudaFuncSetAttribute");
  int perSm = 0, sms = 0;
  cudaCheck(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&perSm, decodeLayersKernel, kThreads, smem),
            "cudaOccupancyMaxActiveBlocksPerMultiprocessor");
  cudaCheck(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device), "cudaDeviceGetAttribute");
  if (perSm < 1) throw NativeError(err::kInternal, "decodeLayers: the persistent kernel fits no SM");
  // Every block must be resident at once (they wait for each other); more blocks than the largest
  // step has virtual blocks would only make the barriers longer.
  const int64_t widest = std::max<int64_t>({P.qkvBlocks, P.attnBlocks, P.oBlocks, P.gateUpBlocks, P.downBlocks});
  const int grid = static_cast<int>(std::min<int64_t>(static_cast<int64_t>(perSm) * sms, widest));
  decodeLayersKernel<<<grid, kThreads, smem, s>>>(P);
  cudaCheckLaunch("decodeLayers");
}

}  // namespace llorch
