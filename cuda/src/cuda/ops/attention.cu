// Attention over the paged f32 KV cache, split along the sequence (flash-decoding): block
// (row, head, split) reduces kSplit positions with an online softmax and writes (max, sum,
// acc[headDim]); a second kernel merges the splits. Traffic: every cached K and V row of the
// attended positions is read once per query head group, so a long context fills the chip with
// many splits instead of serializing on one block per head.
#include "cuda/ops/attention.h"

#include <cmath>

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kWarps = 4;
constexpr int kSplit = 256;       // positions per split
constexpr int kMaxPerLane = 8;    // headDim <= 256

int splitsFor(const AttentionBatch& b) { return (b.maxPos + 1 + kSplit - 1) / kSplit; }

__global__ void __launch_bounds__(kWarps * 32) attentionSplitKernel(float* part, const float* q, const float* kc,
                                                                    const float* vc, const int32_t* pos,
                                                                    const int32_t* tableOffset,
                                                                    const int32_t* blockTables, int heads, int kvHeads,
                                                                    int headDim, int kvDim, int blockSize, int splits,
                                                                    float scale) {
  const int row = blockIdx.x / heads, head = blockIdx.x % heads;
  const int split = blockIdx.y;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int kvh = head / (heads / kvHeads);
  const int last = pos[row];
  const int32_t* table = blockTables + tableOffset[row];
  const float* qh = q + (static_cast<int64_t>(row) * heads + head) * headDim;
  float qv[kMaxPerLane], acc[kMaxPerLane];
#pragma unroll
  for (int i = 0; i < kMaxPerLane; i++) {
    const int d = lane + 32 * i;
    qv[i] = d < headDim ? qh[d] * scale : 0.f;
    acc[i] = 0.f;
  }
  float m = -INFINITY, l = 0.f;
  const int p0 = split * kSplit;
  const int p1 = min(p0 + kSplit, last + 1);
  for (int p = p0 + warp; p < p1; p += kWarps) {
    const int64_t slot = static_cast<int64_t>(table[p / blockSize]) * blockSize + p % blockSize;
    const float* kr = kc + slot * kvDim + static_cast<int64_t>(kvh) * headDim;
    const float* vr = vc + slot * kvDim + static_cast<int64_t>(kvh) * headDim;
    float dot = 0.f;
#pragma unroll
    for (int i = 0; i < kMaxPerLane; i++) {
      const int d = lane + 32 * i;
      if (d < headDim) dot += qv[i] * kr[d];
    }
    const float sc = warpSum(dot);
    const float mNew = fmaxf(m, sc);
    const float corr = expf(m - mNew);
    const float e = expf(sc - mNew);
    l = l * corr + e;
#pragma unroll
    for (int i = 0; i < kMaxPerLane; i++) {
      const int d = lane + 32 * i;
      if (d < headDim) acc[i] = acc[i] * corr + e * vr[d];
    }
    m = mNew;
  }
  // Merge the warps of this block through shared memory.
  __shared__ float sm[kWarps], sl[kWarps];
  __shared__ float sacc[kWarps][32 * kMaxPerLane];
  if (lane == 0) {
    sm[warp] = m;
    sl[warp] = l;
  }
#pragma unroll
  for (int i = 0; i < kMaxPerLane; i++) sacc[warp][lane + 32 * i] = acc[i];
  __syncthreads();
  float* out = part + (static_cast<int64_t>(blockIdx.x) * splits + split) * (headDim + 2);
  float mAll = -INFINITY;
#pragma unroll
  for (int w = 0; w < kWarps; w++) mAll = fmaxf(mAll, sm[w]);
  for (int d = threadIdx.x; d < headDim; d += kWarps * 32) {
    float a = 0.f;
#pragma unroll
    for (int w = 0; w < kWarps; w++) {
      if (sm[w] != -INFINITY) a += sacc[w][d] * expf(sm[w] - mAll);
    }
    out[2 + d] = a;
  }
  if (threadIdx.x == 0) {
    float lAll = 0.f;
#pragma unroll
    for (int w = 0; w < kWarps; w++) {
      if (sm[w] != -INFINITY) lAll += sl[w] * expf(sm[w] - mAll);
    }
    out[0] = mAll;
    out[1] = lAll;
  }
}

__global__ void attentionMergeKernel(float* out, const float* part, int headDim, int splits) {
  const float* p = part + static_cast<int64_t>(blockIdx.x) * splits * (headDim + 2);
  float mAll = -INFINITY;
  for (int sp = 0; sp < splits; sp++) mAll = fmaxf(mAll, p[sp * (headDim + 2)]);
  float lAll = 0.f;
  for (int sp = 0; sp < splits; sp++) {
    const float m = p[sp * (headDim + 2)];
    if (m != -INFINITY) lAll += p[sp * (headDim + 2) + 1] * expf(m - mAll);
  }
  const float inv = 1.0f / lAll;
  for (int d = threadIdx.x; d < headDim; d += blockDim.x) {
    float a = 0.f;
    for (int sp = 0; sp < splits; sp++) {
      const float m = p[sp * (headDim + 2)];
      if (m != -INFINITY) a += p[sp * (headDim + 2) + 2 + d] * expf(m - mAll);
    }
    out[static_cast<int64_t>(blockIdx.x) * headDim + d] = a * inv;
  }
}
}  // namespace

size_t cudaAttentionScratchFloats(const AttentionBatch& b) {
  return static_cast<size_t>(b.n) * b.heads * splitsFor(b) * (b.headDim + 2);
}

void cudaAttention(cudaStream_t s, float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                   float* scratch) {
  if (b.headDim > 32 * kMaxPerLane) {
    throw NativeError(err::kBadArgument, "attention: headDim " + std::to_string(b.headDim) + " exceeds 256");
  }
  if (b.n <= 0) return;
  const int splits = splitsFor(b);
  const float scale = 1.0f / std::sqrt(static_cast<float>(b.headDim));
  const dim3 grid(static_cast<unsigned>(b.n * b.heads), static_cast<unsigned>(splits));
  attentionSplitKernel<<<grid, kWarps * 32, 0, s>>>(scratch, q, kv.k, kv.v, b.pos, b.tableOffset, b.blockTables,
                                                    b.heads, b.kvHeads, b.headDim, kv.kvDim, kv.blockSize, splits,
                                                    scale);
  cudaCheckLaunch("attentionSplit");
  attentionMergeKernel<<<b.n * b.heads, b.headDim < 32 ? 32 : (b.headDim > 256 ? 256 : b.headDim), 0, s>>>(
      out, scratch, b.headDim, splits);
  cudaCheckLaunch("attentionMerge");
}

}  // namespace llorch
