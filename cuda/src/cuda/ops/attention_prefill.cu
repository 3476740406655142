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
// Balance: a block's work grows with its rows' positions, and a 512-row prompt gives fewer
// blocks than SMs, so the last rows' block set the kernel's time while the first ones idled.
// At headDim 64 a block therefore runs kGroups warp groups that take alternate K/V tiles, each
// with its own stages, softmax state and barrier, and merges their (max, sum, O) at the end; and
// the grid runs the last rows first, so that with more blocks than SMs the longest start first.
#include "cuda/ops/attention_prefill.h"

#include <cmath>

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/mma_sync.cuh"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kWarps = 4;
constexpr int kVectors = kWarps * 16;  // (row, head) pairs per block
constexpr int kKvTile = 64;            // positions per K/V tile
constexpr int kMinVectors = 64;        // spans with fewer pairs stay on the decode kernel

// Warp groups per block: two at headDim 64 (2 x 82 KB of shared memory), one at 128.
template <int kDim>
constexpr int prefillGroups() {
  return kDim == 64 ? 2 : 1;
}

// One warp group's stages and tiles.
template <int kDim>
constexpr int prefillGroupBytes() {
  return 2 * 2 * kKvTile * kDim * 4 + 2 * kKvTile * (kDim + 8) * 2;
}

template <int kDim>
constexpr int prefillSmemBytes() {
  return prefillGroups<kDim>() * prefillGroupBytes<kDim>();
}

template <int kDim>
__global__ void __launch_bounds__(prefillGroups<kDim>() * kWarps * 32)
    attentionPrefillKernel(float* __restrict__ out, const float* __restrict__ q, const float* __restrict__ kc,
                           const float* __restrict__ vc, const int32_t* __restrict__ pos,
                           const int32_t* __restrict__ tableOffset, const int32_t* __restrict__ blockTables,
                           int firstRow, int rows, int heads, int group, int kvDim, int blockSize, float qScale) {
  constexpr int kLd = kDim + 8;  // 16 bytes of padding: ldmatrix rows on distinct bank groups
  constexpr int kKSteps = kDim / 16, kDimTiles = kDim / 8;
  constexpr int kChunks = kKvTile * kDim / 4;  // float4s of K (and of V) per tile
  constexpr int kGroups = prefillGroups<kDim>();
  constexpr int kGroupThreads = kWarps * 32;
  static_assert(kChunks % kGroupThreads == 0);
  // Per warp group: kf, vf: [2][kKvTile][kDim] f32 stages; ks, vs: [kKvTile][kLd] f16 tiles.
  // Q staging shares group 0's K tile (it is read into registers before any tile is written).
  extern __shared__ __align__(16) unsigned char smemRaw[];
  const int t = threadIdx.x, lane = t % 32, warp = t / 32;
  const int grp = warp / kWarps, wq = warp % kWarps, tg = t % kGroupThreads;
  float* kf = reinterpret_cast<float*>(smemRaw + grp * prefillGroupBytes<kDim>());
  float* vf = kf + 2 * kKvTile * kDim;
  __half* ks = reinterpret_cast<__half*>(vf + 2 * kKvTile * kDim);
  __half* vs = ks + kKvTile * kLd;
  __half* qStage = reinterpret_cast<__half*>(smemRaw + 4 * kKvTile * kDim * 4);  // group 0's ks
  __shared__ int blockLast;
  const int kvHead = blockIdx.y;
  const int v0 = (gridDim.x - 1 - blockIdx.x) * kVectors;  // the last rows (the longest blocks) first
  const int total = rows * group;
  if (t == 0) blockLast = 0;
  __syncthreads();
  // Each pair's last attended position; padding pairs (past the span) attend position 0 only,
  // so their softmax stays finite, and are never written.
  if (t < kVectors && v0 + t < total) atomicMax(&blockLast, pos[firstRow + (v0 + t) / group]);
  // Q of the block's pairs, scaled, as f16 rows of the staging buffer.
  for (int i = t; i < kVectors * (kDim / 4); i += kGroups * kGroupThreads) {
    const int v = i / (kDim / 4), d = (i % (kDim / 4)) * 4;
    float4 x = make_float4(0.f, 0.f, 0.f, 0.f);
    if (v0 + v < total) {
      const int row = firstRow + (v0 + v) / group, head = kvHead * group + (v0 + v) % group;
      x = *reinterpret_cast<const float4*>(q + (static_cast<int64_t>(row) * heads + head) * kDim + d);
    }
    *reinterpret_cast<uint2*>(qStage + v * kLd + d) = make_uint2(packHalf2(x.x * qScale, x.y * qScale),
                                                                packHalf2(x.z * qScale, x.w * qScale));
  }
  __syncthreads();
  // Warp wq of every group holds the Q fragments of pairs wq * 16 .. wq * 16 + 15.
  uint32_t qa[kKSteps][4];
#pragma unroll
  for (int s = 0; s < kKSteps; s++) {
    ldmatrixX4(qa[s], qStage + (wq * 16 + lane % 16) * kLd + s * 16 + (lane / 16) * 8);
  }
  if constexpr (kGroups > 1) __syncthreads();  // group 0 overwrites the staging with its first K tile
  const int g = lane / 4, tq = lane % 4;
  int limit[2];  // last attended position of this thread's two accumulator rows
#pragma unroll
  for (int h = 0; h < 2; h++) {
    const int v = v0 + wq * 16 + g + 8 * h;
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
  // Tile `it`'s K and V chunks of this thread into stage `stage` (zeros past the last position).
  auto copyTile = [&](int it, int stage) {
    float* kd = kf + stage * kKvTile * kDim;
    float* vd = vf + stage * kKvTile * kDim;
#pragma unroll
    for (int i = tg; i < kChunks; i += kGroupThreads) {
      const int r = i / (kDim / 4), d = (i % (kDim / 4)) * 4, p = it * kKvTile + r;
      const bool valid = p <= last;
      const int64_t slot = valid ? static_cast<int64_t>(table[p / blockSize]) * blockSize + p % blockSize : 0;
      cpAsync16(kd + r * kDim + d, kc + slot * kvDim + headOff + d, valid);
      cpAsync16(vd + r * kDim + d, vc + slot * kvDim + headOff + d, valid);
    }
  };
  auto sync = [&] {
    if constexpr (kGroups > 1) {
      groupSync<kWarps * 32>(grp);
    } else {
      __syncthreads();
    }
  };
  // Group grp takes tiles grp, grp + kGroups, ...; its step `step` uses stage step % 2.
  const int tiles = last / kKvTile + 1;
  if (grp < tiles) copyTile(grp, 0);
  cpAsyncCommit();
  for (int it = grp, step = 0; it < tiles; it += kGroups, step++) {
    const int p0 = it * kKvTile;
    // Stage (step + 1) % 2: this thread rounded it last step.
    if (it + kGroups < tiles) copyTile(it + kGroups, (step + 1) % 2);
    cpAsyncCommit();
    cpAsyncWait<1>();  // this thread's copies of tile it have landed
    sync();            // the group's previous tile (or the Q staging) is no longer read
    const float* kSrc = kf + (step % 2) * kKvTile * kDim;
    const float* vSrc = vf + (step % 2) * kKvTile * kDim;
#pragma unroll
    for (int i = tg; i < kChunks; i += kGroupThreads) {
      const int r = i / (kDim / 4), d = (i % (kDim / 4)) * 4;
      const float4 kx = *reinterpret_cast<const float4*>(kSrc + r * kDim + d);
      const float4 vx = *reinterpret_cast<const float4*>(vSrc + r * kDim + d);
      *reinterpret_cast<uint2*>(ks + r * kLd + d) = make_uint2(packHalf2(kx.x, kx.y), packHalf2(kx.z, kx.w));
      *reinterpret_cast<uint2*>(vs + r * kLd + d) = make_uint2(packHalf2(vx.x, vx.y), packHalf2(vx.z, vx.w));
    }
    sync();
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
      // A group past tile 0 may see a row with nothing attended yet (mx = -inf): subtracting 0
      // keeps corr and the weights 0 instead of NaN. Tile 0 always has position 0 (finite).
      const float base = mx[h] == -INFINITY ? 0.f : mx[h];
      corr[h] = exp2f(m[h] - base);  // 0 while m = -inf
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
        sc[j][e] = exp2f(sc[j][e] - (m[e / 2] == -INFINITY ? 0.f : m[e / 2]));
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
  if constexpr (kGroups > 1) {
    // Groups 1.. hand their state to group 0 through their own (now idle) stages, thread-major
    // so that both sides access consecutive words; group 0 always holds tile 0 (m finite).
    cpAsyncWait<0>();
    constexpr int kState = kDimTiles * 4 + 4;
    static_assert(kState * kGroupThreads * 4 <= 2 * kKvTile * kDim * 4, "the merge state fits a group's K stages");
    float* mine = kf;
    if (grp > 0) {
#pragma unroll
      for (int j = 0; j < kDimTiles; j++) {
#pragma unroll
        for (int e = 0; e < 4; e++) mine[(j * 4 + e) * kGroupThreads + tg] = o[j][e];
      }
#pragma unroll
      for (int h = 0; h < 2; h++) {
        mine[(kDimTiles * 4 + h) * kGroupThreads + tg] = m[h];
        mine[(kDimTiles * 4 + 2 + h) * kGroupThreads + tg] = l[h];
      }
    }
    __syncthreads();
    if (grp > 0) return;
#pragma unroll
    for (int other = 1; other < kGroups; other++) {
      const float* st = reinterpret_cast<const float*>(smemRaw + other * prefillGroupBytes<kDim>());
      float a[2], b[2];
#pragma unroll
      for (int h = 0; h < 2; h++) {
        const float mo = st[(kDimTiles * 4 + h) * kGroupThreads + tg];
        const float mm = fmaxf(m[h], mo);
        a[h] = exp2f(m[h] - mm);
        b[h] = exp2f(mo - mm);  // 0 where the other group attended nothing (mo = -inf)
        m[h] = mm;
        l[h] = l[h] * a[h] + st[(kDimTiles * 4 + 2 + h) * kGroupThreads + tg] * b[h];
      }
#pragma unroll
      for (int j = 0; j < kDimTiles; j++) {
#pragma unroll
        for (int e = 0; e < 4; e++) o[j][e] = o[j][e] * a[e / 2] + st[(j * 4 + e) * kGroupThreads + tg] * b[e / 2];
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
    const int v = v0 + wq * 16 + g + 8 * h;
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
  const int threads = (b.headDim == 64 ? prefillGroups<64>() : prefillGroups<128>()) * kWarps * 32;
  kernel<<<grid, threads, smem, s>>>(out, q, kv.k, kv.v, b.pos, b.tableOffset, b.blockTables, span.firstRow, span.rows,
                                      b.heads, group, kv.kvDim, kv.blockSize, qScale);
  cudaCheckLaunch("attentionPrefill");
}

}  // namespace llorch
