// Prefill attention on tensor cores (flash attention over the paged f32 cache). A block takes
// kVectors (query row, head) pairs of one span, all heads of one KV group: the pairs are
// numbered row-major (row, head within the group), so a block covers ~kVectors / group rows and
// every K/V tile it loads serves all of them. K/V tiles of kKvTile positions are copied from
// the cache once per block with cp.async, the next tile in flight while this one is used (two
// f32 stages; each thread rounds the chunks it copied itself to the f16 tile, so the copy needs
// no barrier of its own); each warp owns 16 pairs and computes
// S = Q K^T (m16n8k16, f32 accumulation), the online softmax in f32 (base 2, log2(e) folded
// into the Q scale), and O += P V with P rounded to f16 straight from the S accumulators
// (the C fragment of two n-tiles is the A fragment of one k16 step).
// Traffic: per layer and KV head each K/V position is read ceil(rows * group / kVectors) times
// instead of rows * group times (the decode kernel).
#include "cuda/ops/attention_prefill.h"

#include <cmath>

#include "cuda/cuda_check.h"
#include "cuda/mma_sync.cuh"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kWarps = 4;
constexpr int kVectors = kWarps * 16;  // (row, head) pairs per block
constexpr int kKvTile = 64;            // positions per K/V tile
constexpr int kMinVectors = 64;        // spans with fewer pairs stay on the decode kernel

template <int kDim>
constexpr int prefillSmemBytes() {
  return 2 * 2 * kKvTile * kDim * 4 + 2 * kKvTile * (kDim + 8) * 2;
}

template <int kDim>
__global__ void __launch_bounds__(kWarps * 32) attentionPrefillKernel(float* __restrict__ out,
                                                                      const float* __restrict__ q,
                                                                      const float* __restrict__ kc,
                                                                      const float* __restrict__ vc,
                                                                      const int32_t* __restrict__ pos,
                                                                      const int32_t* __restrict__ tableOffset,
                                                                      const int32_t* __restrict__ blockTables,
                                                                      int firstRow, int rows, int heads, int group,
                                                                      int kvDim, int blockSize, float qScale) {
  constexpr int kLd = kDim + 8;  // 16 bytes of padding: ldmatrix rows on distinct bank groups
  constexpr int kKSteps = kDim / 16, kDimTiles = kDim / 8;
  constexpr int kChunks = kKvTile * kDim / 4;  // float4s of K (and of V) per tile
  static_assert(kChunks % (kWarps * 32) == 0);
  // kf, vf: [2][kKvTile][kDim] f32 stages; ks, vs: [kKvTile][kLd] f16 tiles. Q staging shares
  // the K tile (it is read into registers before the first K tile is written).
  extern __shared__ __align__(16) unsigned char smemRaw[];
  float* kf = reinterpret_cast<float*>(smemRaw);
  float* vf = kf + 2 * kKvTile * kDim;
  __half* ks = reinterpret_cast<__half*>(vf + 2 * kKvTile * kDim);
  __half* vs = ks + kKvTile * kLd;
  __shared__ int blockLast;
  const int t = threadIdx.x, lane = t % 32, warp = t / 32;
  const int kvHead = blockIdx.y;
  const int v0 = blockIdx.x * kVectors;
  const int total = rows * group;
  if (t == 0) blockLast = 0;
  __syncthreads();
  // Each pair's last attended position; padding pairs (past the span) attend position 0 only,
  // so their softmax stays finite, and are never written.
  if (t < kVectors && v0 + t < total) atomicMax(&blockLast, pos[firstRow + (v0 + t) / group]);
  // Q of the block's pairs, scaled, as f16 rows of the staging buffer.
  for (int i = t; i < kVectors * (kDim / 4); i += kWarps * 32) {
    const int v = i / (kDim / 4), d = (i % (kDim / 4)) * 4;
    float4 x = make_float4(0.f, 0.f, 0.f, 0.f);
    if (v0 + v < total) {
      const int row = firstRow + (v0 + v) / group, head = kvHead * group + (v0 + v) % group;
      x = *reinterpret_cast<const float4*>(q + (static_cast<int64_t>(row) * heads + head) * kDim + d);
    }
    *reinterpret_cast<uint2*>(ks + v * kLd + d) = make_uint2(packHalf2(x.x * qScale, x.y * qScale),
                                                            packHalf2(x.z * qScale, x.w * qScale));
  }
  __syncthreads();
  uint32_t qa[kKSteps][4];
#pragma unroll
  for (int s = 0; s < kKSteps; s++) ldmatrixX4(qa[s], ks + (warp * 16 + lane % 16) * kLd + s * 16 + (lane / 16) * 8);
  const int g = lane / 4, tq = lane % 4;
  int limit[2];  // last attended position of this thread's two accumulator rows
#pragma unroll
  for (int h = 0; h < 2; h++) {
    const int v = v0 + warp * 16 + g + 8 * h;
    limit[h] = v < total ? pos[firstRow + v / group] : 0;
  }
  const int last = blockLast;
  const int32_t* table = blockTables + tableOffset[firstRow];
  const int64_t headOff = static_cast<int64_t>(kvHead) * kDim;
  float o[kDimTiles][4];
#pragma unroll
  for (int j = 0; j < kDimTiles; j++) {
#pragma unroll
    for (int e = 0; e < 4; e++) o[j][e] = 0.f;
  }
  float m[2] = {-INFINITY, -INFINITY}, l[2] = {0.f, 0.f};
  // Tile `it`'s K and V chunks of this thread into stage it % 2 (zeros past the last position).
  auto copyTile = [&](int it) {
    float* kd = kf + (it % 2) * kKvTile * kDim;
    float* vd = vf + (it % 2) * kKvTile * kDim;
#pragma unroll
    for (int i = t; i < kChunks; i += kWarps * 32) {
      const int r = i / (kDim / 4), d = (i % (kDim / 4)) * 4, p = it * kKvTile + r;
      const bool valid = p <= last;
      const int64_t slot = valid ? static_cast<int64_t>(table[p / blockSize]) * blockSize + p % blockSize : 0;
      cpAsync16(kd + r * kDim + d, kc + slot * kvDim + headOff + d, valid);
      cpAsync16(vd + r * kDim + d, vc + slot * kvDim + headOff + d, valid);
    }
  };
  const int tiles = last / kKvTile + 1;
  copyTile(0);
  cpAsyncCommit();
  for (int it = 0; it < tiles; it++) {
    const int p0 = it * kKvTile;
    if (it + 1 < tiles) copyTile(it + 1);  // stage (it + 1) % 2: this thread rounded it last step
    cpAsyncCommit();
    cpAsyncWait<1>();  // this thread's copies of tile it have landed
    __syncthreads();   // the previous tile (or the Q staging) is no longer read
    const float* kSrc = kf + (it % 2) * kKvTile * kDim;
    const float* vSrc = vf + (it % 2) * kKvTile * kDim;
#pragma unroll
    for (int i = t; i < kChunks; i += kWarps * 32) {
      const int r = i / (kDim / 4), d = (i % (kDim / 4)) * 4;
      const float4 kx = *reinterpret_cast<const float4*>(kSrc + r * kDim + d);
      const float4 vx = *reinterpret_cast<const float4*>(vSrc + r * kDim + d);
      *reinterpret_cast<uint2*>(ks + r * kLd + d) = make_uint2(packHalf2(kx.x, kx.y), packHalf2(kx.z, kx.w));
      *reinterpret_cast<uint2*>(vs + r * kLd + d) = make_uint2(packHalf2(vx.x, vx.y), packHalf2(vx.z, vx.w));
    }
    __syncthreads();
    // S = Q K^T for 16 pairs x kKvTile positions: K rows are the B operand's n (col layout).
    float sc[kKvTile / 8][4];
#pragma unroll
    for (int j = 0; j < kKvTile / 8; j++) {
#pragma unroll
      for (int e = 0; e < 4; e++) sc[j][e] = 0.f;
    }
#pragma unroll
    for (int s = 0; s < kKSteps; s++) {
#pragma unroll
      for (int j = 0; j < kKvTile / 8; j += 2) {
        uint32_t b[4];
        ldmatrixX4(b, ks + (j * 8 + (lane / 16) * 8 + lane % 8) * kLd + s * 16 + ((lane / 8) % 2) * 8);
        mmaF16(sc[j], qa[s], b[0], b[1]);
        mmaF16(sc[j + 1], qa[s], b[2], b[3]);
      }
    }
    // Causal mask and online softmax; a row's values live in the 4 lanes of its quad.
    float mx[2] = {m[0], m[1]};
#pragma unroll
    for (int j = 0; j < kKvTile / 8; j++) {
#pragma unroll
      for (int e = 0; e < 4; e++) {
        const int p = p0 + j * 8 + 2 * tq + e % 2;
        if (p > limit[e / 2]) sc[j][e] = -INFINITY;
        mx[e / 2] = fmaxf(mx[e / 2], sc[j][e]);
      }
    }
    float corr[2];
#pragma unroll
    for (int h = 0; h < 2; h++) {
      mx[h] = fmaxf(mx[h], __shfl_xor_sync(0xffffffffu, mx[h], 1));
      mx[h] = fmaxf(mx[h], __shfl_xor_sync(0xffffffffu, mx[h], 2));
      corr[h] = exp2f(m[h] - mx[h]);  // 0 on the first tile (m = -inf, mx finite: position 0)
      m[h] = mx[h];
      l[h] *= corr[h];
    }
#pragma unroll
    for (int j = 0; j < kDimTiles; j++) {
#pragma unroll
      for (int e = 0; e < 4; e++) o[j][e] *= corr[e / 2];
    }
#pragma unroll
    for (int j = 0; j < kKvTile / 8; j++) {
#pragma unroll
      for (int e = 0; e < 4; e++) {
        sc[j][e] = exp2f(sc[j][e] - m[e / 2]);
        l[e / 2] += sc[j][e];
      }
    }
    // O += P V: V tile rows are positions (k), read transposed into B fragments of dims (n).
#pragma unroll
    for (int s = 0; s < kKvTile / 16; s++) {
      const uint32_t pa[4] = {packHalf2(sc[2 * s][0], sc[2 * s][1]), packHalf2(sc[2 * s][2], sc[2 * s][3]),
                              packHalf2(sc[2 * s + 1][0], sc[2 * s + 1][1]),
                              packHalf2(sc[2 * s + 1][2], sc[2 * s + 1][3])};
#pragma unroll
      for (int j = 0; j < kDimTiles; j += 2) {
        uint32_t b[4];
        ldmatrixX4Trans(b, vs + (s * 16 + lane % 8 + ((lane / 8) % 2) * 8) * kLd + j * 8 + (lane / 16) * 8);
        mmaF16(o[j], pa, b[0], b[1]);
        mmaF16(o[j + 1], pa, b[2], b[3]);
      }
    }
  }
#pragma unroll
  for (int h = 0; h < 2; h++) {
    l[h] += __shfl_xor_sync(0xffffffffu, l[h], 1);
    l[h] += __shfl_xor_sync(0xffffffffu, l[h], 2);
  }
#pragma unroll
  for (int h = 0; h < 2; h++) {
    const int v = v0 + warp * 16 + g + 8 * h;
    if (v >= total) continue;
    const int row = firstRow + v / group, head = kvHead * group + v % group;
    float* dst = out + (static_cast<int64_t>(row) * heads + head) * kDim;
    const float inv = 1.f / l[h];
#pragma unroll
    for (int j = 0; j < kDimTiles; j++) {
      *reinterpret_cast<float2*>(dst + j * 8 + 2 * tq) = make_float2(o[j][2 * h] * inv, o[j][2 * h + 1] * inv);
    }
  }
}
}  // namespace

bool attentionPrefillSupports(const AttentionBatch& b, const AttentionSpan& span) {
  return (b.headDim == 64 || b.headDim == 128) && b.kvHeads > 0 && b.heads % b.kvHeads == 0 &&
         span.rows * (b.heads / b.kvHeads) >= kMinVectors;
}

void cudaAttentionPrefill(cudaStream_t s, float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b,
                          const AttentionSpan& span) {
  if (!attentionPrefillSupports(b, span)) throw NativeError(err::kInternal, "attentionPrefill: unsupported span");
  const int group = b.heads / b.kvHeads;
  const dim3 grid(static_cast<unsigned>((span.rows * group + kVectors - 1) / kVectors), static_cast<unsigned>(b.kvHeads));
  // Scores in base 2: exp(x) = exp2(x * log2(e)), the factor folded into the 1/sqrt(d) scale.
  const float qScale =
      1.4426950408889634f * b.scoreScale / std::sqrt(static_cast<float>(b.headDim));
  auto kernel = b.headDim == 64 ? attentionPrefillKernel<64> : attentionPrefillKernel<128>;
  const int smem = b.headDim == 64 ? prefillSmemBytes<64>() : prefillSmemBytes<128>();
  // Over 48 KB of dynamic shared memory is opt-in, per device and kernel; cheap enough to set
  // at every launch (prefill steps are never recorded).
  cudaCheck(cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, smem),
            "cudaFuncSetAttribute(attentionPrefill)");
  kernel<<<grid, kWarps * 32, smem, s>>>(out, q, kv.k, kv.v, b.pos, b.tableOffset, b.blockTables, span.firstRow, span.rows,
                                      b.heads, group, kv.kvDim, kv.blockSize, qScale);
  cudaCheckLaunch("attentionPrefill");
}

}  // namespace llorch
