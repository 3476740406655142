// Decode-time matrix-vector products straight from the stored weight type. Memory traffic: each
// weight byte is read once (the activations, n x cols floats, stay in L1/L2), so the bound is
// weight bytes / DRAM bandwidth. At batch 1 a per-layer matrix is only 2-17 MB, so a launch is a
// few DRAM round trips long: what counts is how many bytes are in flight per SM. So each warp
// owns several rows (kRows) and issues every load of a round for all of them (kLoads per lane
// and row, kept as raw bytes: RawChunk) before it decodes and uses any; rows of 2048+ columns
// are also split over the block's four warps. The fused prologue (RMSNorm) and epilogues
// (residual add, SwiGLU) save whole launches and passes over the activations, which at batch 1
// cost more than the arithmetic.
#include "cuda/ops/matvec.h"

#include <algorithm>
#include <climits>

#include "backend/weight_layout.h"
#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/dependent_launch.cuh"
#include "cuda/dequant.cuh"
#include "cuda/device_info.h"
#include "cuda/mma_sync.cuh"
#include "cuda/ops/rope.h"

namespace llorch {

namespace {

constexpr int kMvWarps = 4;
constexpr int kMvThreads = kMvWarps * 32;
constexpr int kMaxWeights = 3;
constexpr int64_t kSplitCols = 2048;
constexpr int kSmallGridSplit = 2;  // warps a row group of a product too small to fill the SMs
constexpr int kQkvSplit = 2;  // warps a row pair of the fused QKV step (each every kQkvSplit-th 32 chunks)
constexpr int kQkvGroups = kMvWarps / kQkvSplit;  // row pairs a block of the fused QKV step
constexpr int kQkvLoads = 2;  // chunk loads per lane and row in the fused QKV step: 896 columns in one round
constexpr int kMvRows = 2;    // weight rows per warp
// Output projections (a vocabulary of 32k-152k rows; layer matrices have at most ~20k) stream
// many waves of blocks, each holding its rows' bytes in flight for a DRAM round trip: two rows of
// a quantized type a warp (five blocks an SM: ~38 KB of Q8_0 in flight) reached half of F16's
// bandwidth (ncu, Qwen2.5-0.5B's Q8_0 LM head: 98.6 us for 144 MB against F16's 93.6 us for 272
// MB). Those take kManyRowsRows a warp.
constexpr int64_t kManyRows = 32768;
constexpr int kManyRowsRows = 4;
// One x row of those, in a planar type with rows of at most kStreamMaxRowBytes and 1024 columns,
// streams its weights through shared memory instead (streamMatvecKernel).
constexpr int kStreamWarps = 24;
constexpr int kStreamThreads = kStreamWarps * 32;
constexpr int kStreamLoads = 4;  // chunks a lane: 32 x 4 x 8 = 1024 columns
constexpr int kStreamStages = 4;
constexpr size_t kStreamMaxRowBytes = 1152;  // 24 warps x 4 slots x 2 such rows: 216 KB of shared memory

struct MatvecParams {
  const uint8_t* w[kMaxWeights];
  float* y[kMaxWeights];
  int64_t rowStart[kMaxWeights + 1];  // concatenated row ranges; rowStart[count] = total rows
  int count;
  const uint8_t* up;  // gate/up mode when non-null
  float* upOut;
  const float* x;
  int64_t cols;
  size_t rowBytes;
  const float* normW;
  float eps;
  bool accumulate;
  int rowSplit;  // warps per row group: 1; 2 where one a warp leaves SMs idle; 4 for long rows
  int32_t* argmax;                // MatvecJob::argmax (streamMatvecKernel), or null
  unsigned long long* argmaxKey;  // the blocks' best so far (argmaxKey), then its block count
};

// The activation chunk (8 floats at column 8c of x row r; every warp of a block reads all of x, so
// these loads hit L1), times the norm weights when there is a norm; the row's 1/rms factor is
// applied to the finished dot product (it is one scalar per row), so no pass over x has to finish
// before the weight loads start.
__device__ inline void loadX(const float* x, int64_t cols, const float* normW, int r, int64_t c, float* o,
                                      float& ss) {
  const float4* xp = reinterpret_cast<const float4*>(x + r * cols + c * 8);
  const float4 a = xp[0], b = xp[1];
  o[0] = a.x; o[1] = a.y; o[2] = a.z; o[3] = a.w;
  o[4] = b.x; o[5] = b.y; o[6] = b.z; o[7] = b.w;
  if (normW != nullptr) {
    const float4* gp = reinterpret_cast<const float4*>(normW + c * 8);
    const float4 ga = gp[0], gb = gp[1];
    const float g[8] = {ga.x, ga.y, ga.z, ga.w, gb.x, gb.y, gb.z, gb.w};
#pragma unroll
    for (int i = 0; i < 8; i++) {
      ss += o[i] * o[i];
      o[i] *= g[i];
    }
  }
}

__device__ inline float dot8(const float* a, const float* b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3] + a[4] * b[4] + a[5] * b[5] + a[6] * b[6] +
         a[7] * b[7];
}

// Types whose weights are a chunk scale times exact integers (their Chunk has decodeUnscaled): their
// dot products take the scale once a chunk, not once a weight (a quarter of Q8_0's instructions a
// chunk).
template <GgmlType T, typename = void>
constexpr bool kScaledChunk = false;
template <GgmlType T>
constexpr bool kScaledChunk<T, decltype(void(&Chunk<T>::decodeUnscaled))> = true;

// acc plus chunk c's weights (raw) times x's 8 floats.
template <GgmlType T>
__device__ __forceinline__ float chunkDot(const typename RawChunk<T>::Raw& raw, int64_t c, const float* x, float acc) {
  float w[8];
  if constexpr (kScaledChunk<T>) {
    const float d = Chunk<T>::decodeUnscaled(raw, c, w);
    return fmaf(d, dot8(w, x), acc);
  } else {
    RawChunk<T>::decode(raw, c, w);
    return acc + dot8(w, x);
  }
}

// One round of a warp's weight loads: kLoads raw chunks per lane for each of kRows rows (chunks
// c0, c0 + stride, ... of each row), issued together before any is decoded, so a short row costs
// one memory round trip, not one per chunk. Weights are no kernel's output, so a dependent kernel
// issues its first round before it waits for the kernel before it.
template <GgmlType T, int kRows, int kLoads>
struct WeightRound {
  typename RawChunk<T>::Raw raw[kRows][kLoads];

  __device__ void fetch(const uint8_t* const (&wr)[kRows], const bool (&live)[kRows], int64_t cols, int64_t c0,
                        int stride) {
    const int64_t chunks = cols / 8;
#pragma unroll
    for (int s = 0; s < kRows; s++) {
#pragma unroll
      for (int u = 0; u < kLoads; u++) {
        const int64_t c = c0 + static_cast<int64_t>(stride) * u;
        raw[s][u] = live[s] && c < chunks ? RawChunk<T>::fetch(wr[s], c, cols) : typename RawChunk<T>::Raw{};
      }
    }
  }
};

// Partial dot products of kRows weight rows (wr[s], skipped where !live[s]) with NR rows of x
// over the chunks first, first + stride, ..., the round at `first` already fetched into `round`.
// x is read once per chunk for all the rows; ss[r] sums the squares of x row r over the same
// chunks.
template <GgmlType T, int NR, int kRows, int kLoads>
__device__ inline void dotRows(WeightRound<T, kRows, kLoads>& round, const uint8_t* const (&wr)[kRows],
                               const bool (&live)[kRows], const float* x, const float* normW, int64_t cols,
                               int64_t first, int stride, float (&acc)[kRows][NR], float (&ss)[NR]) {
  const int64_t chunks = cols / 8;
  for (int64_t c0 = first; c0 < chunks; c0 += static_cast<int64_t>(stride) * kLoads) {
    if (c0 != first) round.fetch(wr, live, cols, c0, stride);
#pragma unroll
    for (int u = 0; u < kLoads; u++) {
      const int64_t c = c0 + static_cast<int64_t>(stride) * u;
      if (c >= chunks) break;
#pragma unroll
      for (int r = 0; r < NR; r++) {
        float xv[8];
        loadX(x, cols, normW, r, c, xv, ss[r]);
#pragma unroll
        for (int s = 0; s < kRows; s++) acc[s][r] = chunkDot<T>(round.raw[s][u], c, xv, acc[s][r]);
      }
    }
  }
}

// The rows warp `warp` of block vb owns (gate/up: kRows / 2 gate rows, then the same up
// rows), their weight row pointers, whether they exist, their segment (which of the count weights)
// and row within it.
template <int kRows>
struct RowGroup {
  const uint8_t* wr[kRows];
  bool live[kRows];
  int seg[kRows];
  int64_t lr[kRows];
  int sub;  // this warp's part of the row group's columns
};

template <int kRows>
__device__ inline RowGroup<kRows> rowGroup(const MatvecParams& p, int64_t vb, int warp) {
  static_assert(kRows % 2 == 0, "gate/up pairs need an even row count");
  constexpr int kHalf = kRows / 2;
  const bool gateUp = p.up != nullptr;
  RowGroup<kRows> g;
  g.sub = warp % p.rowSplit;
  const int64_t group = vb * (kMvWarps / p.rowSplit) + warp / p.rowSplit;
  const int64_t base = group * (gateUp ? kHalf : kRows);
  const int64_t total = p.rowStart[p.count];
#pragma unroll
  for (int s = 0; s < kRows; s++) {
    const int64_t row = base + (gateUp ? s % kHalf : s);
    g.live[s] = row < total;
    g.seg[s] = 0;
#pragma unroll
    for (int i = 1; i < kMaxWeights; i++) g.seg[s] += (i < p.count && row >= p.rowStart[i]) ? 1 : 0;
    g.lr[s] = row - p.rowStart[g.seg[s]];
    g.wr[s] = (gateUp && s >= kHalf ? p.up : p.w[g.seg[s]]) + static_cast<size_t>(g.lr[s]) * p.rowBytes;
  }
  return g;
}

// Starts loading the weight rows of row group g into L2 (weights are no kernel's output, so
// this may run before the producer of x has finished).
template <int kRows>
__device__ inline void matvecPrefetch(const MatvecParams& p, const RowGroup<kRows>& g) {
  const int lane = threadIdx.x % 32;
#pragma unroll
  for (int s = 0; s < kRows; s++) {
    if (g.live[s]) prefetchL2(g.wr[s], p.rowBytes, lane + 32 * g.sub, 32 * p.rowSplit);
  }
}

// The calling warp's part of a matrix-vector product: row group g (see RowGroup), whose first
// round of weight loads is in `round`, split over p.rowSplit warps of the block for long rows.
// Every thread of the block calls it (long rows meet in shared memory).
template <GgmlType T, int NR, int kRows, int kLoads>
__device__ inline void matvecBlock(const MatvecParams& p, const RowGroup<kRows>& g,
                                   WeightRound<T, kRows, kLoads>& round) {
  constexpr int kHalf = kRows / 2;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const bool gateUp = p.up != nullptr;
  const int sub = g.sub;
  // What the rows accumulate into is loaded as soon as the wait is over, alongside x, rather than
  // after the reduction.
  float prior[kRows][NR];
#pragma unroll
  for (int r = 0; r < NR; r++) {
#pragma unroll
    for (int s = 0; s < kRows; s++) {
      const int64_t segRows = p.rowStart[g.seg[s] + 1] - p.rowStart[g.seg[s]];
      const bool own = p.accumulate && !gateUp && g.live[s] && lane == 0 && sub == 0;
      prior[s][r] = own ? p.y[g.seg[s]][r * segRows + g.lr[s]] : 0.f;
    }
  }
  // The lanes of a row group's warps cover every chunk, so they also see all of x and sum its
  // squares for the norm without a separate pass.
  float acc[kRows][NR], ss[NR];
#pragma unroll
  for (int r = 0; r < NR; r++) {
    ss[r] = 0.f;
#pragma unroll
    for (int s = 0; s < kRows; s++) acc[s][r] = 0.f;
  }
  dotRows<T, NR, kRows, kLoads>(round, g.wr, g.live, p.x, p.normW, p.cols, lane + 32 * sub, 32 * p.rowSplit, acc,
                                ss);
#pragma unroll
  for (int r = 0; r < NR; r++) {
#pragma unroll
    for (int s = 0; s < kRows; s++) acc[s][r] = warpSum(acc[s][r]);
    if (p.normW != nullptr) ss[r] = warpSum(ss[r]);
  }
  if (p.rowSplit > 1) {
    __shared__ float part[kMvWarps][kRows + 1][NR];
    if (lane == 0) {
#pragma unroll
      for (int r = 0; r < NR; r++) {
#pragma unroll
        for (int s = 0; s < kRows; s++) part[warp][s][r] = acc[s][r];
        part[warp][kRows][r] = ss[r];
      }
    }
    __syncthreads();
    if (sub == 0 && lane == 0) {
      for (int w = 1; w < p.rowSplit; w++) {
#pragma unroll
        for (int r = 0; r < NR; r++) {
#pragma unroll
          for (int s = 0; s < kRows; s++) acc[s][r] += part[warp + w][s][r];
          ss[r] += part[warp + w][kRows][r];
        }
      }
    }
  }
  // Lane 0 of the group's first warp writes its rows.
  if (lane != 0 || sub != 0) return;
#pragma unroll
  for (int r = 0; r < NR; r++) {
    const float rs = p.normW != nullptr ? rsqrtf(ss[r] / static_cast<float>(p.cols) + p.eps) : 1.f;
#pragma unroll
    for (int s = 0; s < (gateUp ? kHalf : kRows); s++) {
      if (!g.live[s]) continue;
      const int64_t segRows = p.rowStart[g.seg[s] + 1] - p.rowStart[g.seg[s]];
      const float v = acc[s][r] * rs;
      float* out = p.y[g.seg[s]] + r * segRows + g.lr[s];
      if (gateUp) {
        const float u = acc[s + kHalf][r] * rs;
        p.upOut[r * segRows + g.lr[s]] = u;
        *out = (v / (1.0f + expf(-v))) * u;
      } else if (p.accumulate) {
        *out = prior[s][r] + v;
      } else {
        *out = v;
      }
    }
  }
}

// The attention input step for one row (decode), fused: each group of kQkvSplit warps computes a
// rotated pair of output rows (a, b) of Q or K (neox: d and d + headDim/2; normal: 2i and 2i + 1)
// or two adjacent V rows, applies the norm scale and biases, rotates the pair, and writes q/k/v and
// the K/V cache slot. Saves the separate bias+rope+store launch and its pass. Two warps a pair
// halve each warp's chain after the wait (x, the dot products), as the o projection's split rows
// do (kSmallGridSplit).
struct QkvParams {
  const uint8_t* w[3];
  size_t rowBytesQk;  // Q and K share a type and cols
  size_t rowBytesV;   // V may have its own type (quantization mixes give it more bits)
  int64_t cols;
  const float* x;
  const float* normW;
  float eps;
  float* out[3];
  const float* bias[3];
  const int32_t* pos;
  const int32_t* slots;
  float* kc;
  float* vc;
  int heads, kvHeads, headDim;
  bool neox;
  float posScale;
  RopeInvFreq f;
};

// Warp j's output row pair: segment (0 q, 1 k, 2 v), the rows a and b, and the rope frequency.
struct QkvPair {
  int seg, ra, rb, fi;
};

__device__ inline QkvPair qkvPair(const QkvParams& p, int j) {
  const int half = p.headDim / 2;
  const int qPairs = p.heads * half, kvPairs = p.kvHeads * half;
  QkvPair r;
  r.seg = j < qPairs ? 0 : (j < qPairs + kvPairs ? 1 : 2);
  j -= r.seg == 0 ? 0 : (r.seg == 1 ? qPairs : qPairs + kvPairs);
  r.fi = 0;
  if (r.seg == 2) {
    r.ra = 2 * j;
    r.rb = 2 * j + 1;
  } else {
    const int h = j / half, i = j % half;
    r.fi = i;
    r.ra = h * p.headDim + (p.neox ? i : 2 * i);
    r.rb = h * p.headDim + (p.neox ? i + half : 2 * i + 1);
  }
  return r;
}

__host__ __device__ inline int qkvPairs(const QkvParams& p) { return (p.heads + 2 * p.kvHeads) * p.headDim / 2; }

// Starts loading pair q's two weight rows into L2 (the calling warp's lanes).
__device__ inline void qkvPrefetch(const QkvParams& p, const QkvPair& q) {
  const int lane = threadIdx.x % 32;
  const size_t rb = q.seg == 2 ? p.rowBytesV : p.rowBytesQk;
  prefetchL2(p.w[q.seg] + static_cast<size_t>(q.ra) * rb, rb, lane, 32);
  prefetchL2(p.w[q.seg] + static_cast<size_t>(q.rb) * rb, rb, lane, 32);
}

// Pair q of the attention input step, computed by the kQkvSplit warps of the block's warp group
// `group`, warp `sub` of them taking chunks (lane + 32 sub) + 32 kQkvSplit k; T is the type of q's
// segment. The first round of both rows' weight loads is issued before the wait for the kernel
// before it. The group's first warp adds the others' sums (in warp order) and writes the pair.
template <GgmlType T, bool kAligned>
__device__ inline void qkvWarp(const QkvParams& p, const QkvPair& q, int group, int sub) {
  const int lane = threadIdx.x % 32;
  const int seg = q.seg, ra = q.ra, rb = q.rb, fi = q.fi;
  const size_t bytes = seg == 2 ? p.rowBytesV : p.rowBytesQk;
  const uint8_t* wr[2] = {p.w[seg] + static_cast<size_t>(ra) * bytes, p.w[seg] + static_cast<size_t>(rb) * bytes};
  if constexpr (kAligned) {
    wr[0] = static_cast<const uint8_t*>(__builtin_assume_aligned(wr[0], 8));
    wr[1] = static_cast<const uint8_t*>(__builtin_assume_aligned(wr[1], 8));
  }
  const bool live[2] = {true, true};
  const int64_t first = lane + 32 * sub;
  constexpr int kStride = 32 * kQkvSplit;
  WeightRound<T, 2, kQkvLoads> round;
  round.fetch(wr, live, p.cols, first, kStride);
  if (sub == 0 && p.cols / 8 > kStride * kQkvLoads) qkvPrefetch(p, q);
  // Nothing a kernel of this step writes: the biases, the rotation (the position was uploaded
  // before the step) and the cache slot are ready before the wait, so after it the chain is x,
  // the dot products and the stores.
  float biasA = 0.f, biasB = 0.f, sn = 0.f, cs = 1.f;
  int64_t cacheRow = 0;
  if (lane == 0 && sub == 0) {
    if (p.bias[seg] != nullptr) {
      biasA = p.bias[seg][ra];
      biasB = p.bias[seg][rb];
    }
    if (seg < 2) sincosf(static_cast<float>(p.pos[0]) * p.posScale * p.f.v[fi], &sn, &cs);
    cacheRow = static_cast<int64_t>(p.slots[0]) * p.kvHeads * p.headDim;
  }
  LLORCH_TRACE_POINT(2);  // the weight loads issued
  awaitPrerequisite();
  float acc[2][1] = {{0.f}, {0.f}}, ss[1] = {0.f};
  dotRows<T, 1, 2, kQkvLoads>(round, wr, live, p.x, p.normW, p.cols, first, kStride, acc, ss);
  float sums[3] = {warpSum(acc[0][0]), warpSum(acc[1][0]), warpSum(ss[0])};
  __shared__ float part[kMvWarps][3];
  if (lane == 0) {
#pragma unroll
    for (int i = 0; i < 3; i++) part[threadIdx.x / 32][i] = sums[i];
  }
  // The group's warps alone (a group past the last pair has returned).
  groupSync<32 * kQkvSplit>(group);
  if (lane != 0 || sub != 0) return;
  for (int w = 1; w < kQkvSplit; w++) {
#pragma unroll
    for (int i = 0; i < 3; i++) sums[i] += part[threadIdx.x / 32 + w][i];
  }
  const float rs = rsqrtf(sums[2] / static_cast<float>(p.cols) + p.eps);
  const float x0 = sums[0] * rs + biasA, x1 = sums[1] * rs + biasB;
  const float va = x0 * cs - x1 * sn, vb = x1 * cs + x0 * sn;
  p.out[seg][ra] = va;
  p.out[seg][rb] = vb;
  if (seg > 0) {
    float* cache = seg == 1 ? p.kc : p.vc;
    cache[cacheRow + ra] = va;
    cache[cacheRow + rb] = vb;
  }
}

// Chunk loads per lane and row (every type takes kMvRows = 2 rows per warp). Measured on an H100
// (PERF.md) before the planar layout: chunks that are one 16-byte vector load (F16, BF16) did best
// at 2 rows x 4 loads, and so did types kept as 8 widened floats; quantized chunks gathered from
// 5-9 two-byte loads wanted 2 x 2 on short rows and 2 x 8 on long ones (their many small loads
// queued behind each other). The planar types (backend/weight_layout.h) now fetch a chunk in 2-4
// aligned loads into 2-3 registers, like F16's one load into 4, so they take F16's 2 x 4 on short
// rows (896 columns: 112 chunks, one round of 4 per lane); rows of 2048+ columns are split over 4
// warps and 4864 columns leave 4.75 chunks a lane, so 2 x 8 there keeps them to one round trip in
// ~48 registers of raw words. With the planar layout Q8_0 decode went from 944 to ~1075 tok/s and
// the Q4_K_M mix from 740 to ~840 on an H100 (bench/RESULTS.md). F16 and BF16 long rows take 2 x 8
// too since the first round is loaded before the PDL wait: the whole down projection is then in
// flight before it. Where 5 loads a lane already cover the row (up to 5120 columns: the 4864-wide
// down projection), those rows take 2 x 5 (8 left 3 of every lane's slots empty), and the one-row
// kernel keeps to the 102 registers that 5 blocks an SM allow (Q8_0's gate/up took 101: 4 blocks).
// Measured on an H100 (PERF.md, 5c39149): Q8_0 decode +5%, Q4_K_M +3%, F16 within the spread.
template <GgmlType T>
struct MatvecShape {
  static constexpr bool kRaw = hasPlanarLayout(T) || T == GgmlType::F16 || T == GgmlType::BF16;
  static constexpr int kShortLoads = 4;
  static constexpr int kFitLoads = kRaw ? 5 : 4;
  static constexpr int kLongLoads = kRaw ? 8 : 4;
  // One x row's blocks an SM (the register cap): short rows (4 loads) fit six (72-80 registers
  // since the byte-permute decode and the chunk scale), long ones five; the wide-chunk types spill
  // at 5. The K-quants' raw chunks are five words (Chunk: their fetches only load), so their
  // kernels take a block an SM fewer, and so does their many-rows kernel (kManyRowsBlocks).
  static constexpr bool kWideRaw = T == GgmlType::Q4_K || T == GgmlType::Q6_K;
  static constexpr int kManyRowsBlocks = kWideRaw ? 3 : 4;
  static constexpr int minBlocks(int loads) {
    return (kRaw && loads <= kShortLoads ? 6 : (kRaw && loads <= kFitLoads ? 5 : 4)) - (kWideRaw ? 1 : 0);
  }
};

// Blocks of a product with p's shape, kRows weight rows a warp.
int64_t matvecBlocks(const MatvecParams& p, int kRows) {
  const int rowsPerBlock = (p.up != nullptr ? kRows / 2 : kRows) * (kMvWarps / p.rowSplit);
  return (p.rowStart[p.count] + rowsPerBlock - 1) / rowsPerBlock;
}

// Types whose one-row kernels take an aligned form where rowsAligned (below) holds: the planar
// types but Q8_0. Their word loads then need no alignment test a chunk (qkvKernel<Q5_0, Q8_0> also
// stops spilling); measured on an H100, the Q4_K_M mix decoded ~5 % faster. Q8_0's aligned form
// has a fifth fewer instructions too, yet decoded 1.5-7 % slower in two runs, so it keeps the
// general form. A launch picks kernel<kAlignedForm<T>> where the rows are aligned, which for the
// other types is the general kernel too.
template <GgmlType T>
constexpr bool kAlignedForm = hasPlanarLayout(T) && T != GgmlType::Q8_0;

// Whether p's matrices start 8-byte aligned and their rows are a multiple of 8 bytes.
bool rowsAligned(const MatvecParams& p) {
  bool aligned = p.rowBytes % 8 == 0 && reinterpret_cast<uintptr_t>(p.up) % 8 == 0;
  for (int i = 0; i < p.count; i++) aligned = aligned && reinterpret_cast<uintptr_t>(p.w[i]) % 8 == 0;
  return aligned;
}

// A matvec kernel's body: kRows weight rows a warp, kLoads chunk loads a lane and row. kAligned:
// rowsAligned(p) holds (the launch checks), which said to the compiler spares every chunk's word
// loads their alignment test (kAlignedForm).
template <GgmlType T, int NR, int kRows, int kLoads, bool kAligned>
__device__ inline void matvecRun(const MatvecParams& p) {
  releaseDependents();
  RowGroup<kRows> g = rowGroup<kRows>(p, blockIdx.x, threadIdx.x / 32);
  if constexpr (kAligned) {
#pragma unroll
    for (int s = 0; s < kRows; s++) g.wr[s] = static_cast<const uint8_t*>(__builtin_assume_aligned(g.wr[s], 8));
  }
  // Four x rows take half the loads per round, or the accumulators spill.
  constexpr int kRound = NR == 4 ? kLoads / 2 : kLoads;
  WeightRound<T, kRows, kRound> round;
  round.fetch(g.wr, g.live, p.cols, threadIdx.x % 32 + 32 * g.sub, 32 * p.rowSplit);
  // Rows longer than one round go on to L2 behind it.
  if (p.cols / 8 > int64_t{32} * p.rowSplit * kRound) matvecPrefetch<kRows>(p, g);
  LLORCH_TRACE_POINT(2);  // the first round's loads issued
  awaitPrerequisite();
  matvecBlock<T, NR, kRows, kRound>(p, g, round);
  LLORCH_TRACE_POINT(5);  // warp 0's rows written
}

// One x row keeps to 128, 102 or 85 registers (four, five or six blocks per SM, MatvecShape; more
// rows a warp than kMvRows spill at 102, so they take 128; see MatvecShape for the K-quants); more
// x rows may take more registers rather than spill.
template <GgmlType T, int NR, int kRows, int kLoads>
constexpr int kMatvecMinBlocks =
    NR != 1 ? 1 : (kRows == kMvRows ? MatvecShape<T>::minBlocks(kLoads) : MatvecShape<T>::kManyRowsBlocks);

template <GgmlType T, int NR, int kRows, int kLoads, bool kAligned>
__global__ void __launch_bounds__(kMvThreads, kMatvecMinBlocks<T, NR, kRows, kLoads>)
    matvecKernel(const MatvecParams p) {
  matvecRun<T, NR, kRows, kLoads, kAligned>(p);
}

// One x row's gate/up (SwiGLU) product on rows short enough for one warp a row group. What such a
// launch guarantees (one weight, no accumulation, no row split) is known here at compile time, so
// the kernel keeps no registers for segments, prior outputs or split sums (Q8_0's four rows a warp:
// 96 registers and no spill, against 224 bytes spilled in the general kernel). Fewer registers a
// block put more of the product's blocks on the SMs at once, each loading its rows before the
// wait: GateUpShape.
template <GgmlType T, int kRows, int kMinBlocks, bool kAligned>
__global__ void __launch_bounds__(kMvThreads, kMinBlocks) gateUpKernel(MatvecParams p) {
  p.count = 1;
  p.accumulate = false;
  p.rowSplit = 1;
  matvecRun<T, 1, kRows, MatvecShape<T>::kShortLoads, kAligned>(p);
}

// Rows a warp and blocks an SM of gateUpKernel<T> (kRows 0: T takes the general kernel). Qwen2.5-
// 0.5B's 4864-row gate/up is 1216 blocks at two rows a warp, of which an H100 held 792 at six
// blocks an SM: the rest loaded only after the first ones ended. Two gate rows and their up rows a
// warp (608 blocks) fit at five blocks an SM in the types of at most three words a chunk; F16's
// four-word chunks spill there, and take 7 blocks of two rows (924 at once) where
// gateUpStageKernel does not take them.
template <GgmlType T>
struct GateUpShape {
  static constexpr bool kQuads = T == GgmlType::Q8_0 || T == GgmlType::Q4_0 || T == GgmlType::Q5_0;
  static constexpr bool kPairs = T == GgmlType::F16 || T == GgmlType::BF16;
  static constexpr int kRows = kQuads ? 4 : (kPairs ? 2 : 0);
  static constexpr int kMinBlocks = kQuads ? 5 : 7;
  static_assert(kMinBlocks * kMvThreads <= 2048, "more blocks an SM than threads allow");
};

// One x row's chunks lane + 32 u (u < kStreamLoads) times the norm weights into xv (zeros past the
// row), for a kernel whose lanes each keep theirs for every row they take; returns the row's 1/rms
// factor (1 without a norm). Every lane of the warp calls it.
__device__ inline float laneX(const MatvecParams& p, int lane, float (&xv)[kStreamLoads][8]) {
  const int64_t chunks = p.cols / 8;
  float ss = 0.f;
#pragma unroll
  for (int u = 0; u < kStreamLoads; u++) {
    const int64_t c = lane + 32 * u;
    if (c < chunks) {
      loadX(p.x, p.cols, p.normW, 0, c, xv[u], ss);
    } else {
#pragma unroll
      for (int i = 0; i < 8; i++) xv[u][i] = 0.f;
    }
  }
  return p.normW != nullptr ? rsqrtf(warpSum(ss) / static_cast<float>(p.cols) + p.eps) : 1.f;
}

// (v, i) as one integer that orders as beats() does (larger v, then smaller i), above 0: 0 is "no
// candidate", which NaNs are.
__device__ __forceinline__ unsigned long long argmaxKey(float v, int i) {
  const uint32_t b = __float_as_uint(v);
  const uint32_t ordered = (b & 0x80000000u) != 0 ? ~b : b | 0x80000000u;
  return (static_cast<unsigned long long>(ordered) << 32) | (0xffffffffu - static_cast<uint32_t>(i));
}

// The end of a streamed product with an argmax: the block's best (blockBest of its warps' bv, bi)
// goes into p.argmaxKey[0] by atomicMax; the last block to count itself in p.argmaxKey[1] writes
// the winner's index (0 where every value was NaN, as argmaxKernel) and zeroes both words for the
// next launch.
__device__ inline void streamArgmax(const MatvecParams& p, float bv, int bi) {
  blockBest<kStreamWarps>(bv, bi);
  if (threadIdx.x != 0) return;
  if (bi != INT_MAX) atomicMax(&p.argmaxKey[0], argmaxKey(bv, bi));
  __threadfence();
  if (atomicAdd(&p.argmaxKey[1], 1ull) != gridDim.x - 1) return;
  __threadfence();
  const unsigned long long key = atomicExch(&p.argmaxKey[0], 0ull);
  *p.argmax = key == 0 ? 0 : static_cast<int32_t>(0xffffffffu - static_cast<uint32_t>(key));
  p.argmaxKey[1] = 0;
}

// One x row times a matrix of many short rows (an output projection), one block an SM: each warp
// streams its row pairs (pair first + k x stride, kMvRows contiguous rows) through a ring of
// kStreamStages shared-memory slots of its own with bulk copies (one instruction a pair, where
// 16-byte cp.async took ~4 a lane and held the SM's request queue), so ~130 KB of Q8_0 an SM are
// in flight however long a warp takes over its rows, and no warp waits for another. Each lane keeps
// its chunks of x (times the norm weights) in registers for every pair, where the per-row-group
// kernel reads all of x again for every two rows.
template <GgmlType T>
__global__ void __launch_bounds__(kStreamThreads, 1) streamMatvecKernel(const MatvecParams p, int64_t pairs) {
  releaseDependents();
  extern __shared__ uint4 ring[];
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int64_t rows = p.rowStart[1], chunks = p.cols / 8;
  const size_t pairBytes = kMvRows * p.rowBytes, total = static_cast<size_t>(rows) * p.rowBytes;
  uint8_t* const slots = reinterpret_cast<uint8_t*>(ring) + static_cast<size_t>(warp) * kStreamStages * pairBytes;
  const int64_t first = static_cast<int64_t>(blockIdx.x) * kStreamWarps + warp;
  const int64_t stride = static_cast<int64_t>(gridDim.x) * kStreamWarps;
  // The warp's k-th pair into slot k % kStreamStages, as one bulk copy that lane 0 starts and
  // the slot's barrier tracks (its (k / kStreamStages)-th phase); the matrix's last bytes past a
  // whole 16-byte piece are copied by plain loads.
  __shared__ uint64_t bars[kStreamWarps][kStreamStages];
  if (lane == 0) {
    for (int i = 0; i < kStreamStages; i++) mbarrierInit(&bars[warp][i], 1);
    fenceBarrierInit();
  }
  __syncwarp();
  auto issue = [&](int64_t k) {
    const int64_t pair = first + k * stride;
    if (pair >= pairs) return;
    const size_t start = static_cast<size_t>(pair) * pairBytes;
    const size_t bytes = start + pairBytes <= total ? pairBytes : total - start;
    const size_t whole = bytes & ~size_t{15};
    uint8_t* const dst = slots + static_cast<size_t>(k % kStreamStages) * pairBytes;
    if (lane == 0) {
      uint64_t* const bar = &bars[warp][k % kStreamStages];
      fenceProxyAsync();  // the slot's previous pair was read by plain loads
      if (whole > 0) {
        mbarrierExpect(bar, static_cast<uint32_t>(whole));
        bulkCopy(dst, p.w[0] + start, static_cast<uint32_t>(whole), bar);
      } else {
        mbarrierArrive(bar);
      }
    }
    for (size_t off = whole + lane; off < bytes; off += 32) dst[off] = p.w[0][start + off];
  };
  // Weights are no kernel's output: the first pairs are in flight before the wait.
  for (int k = 0; k < kStreamStages - 1; k++) issue(k);
  awaitPrerequisite();
  float xv[kStreamLoads][8];
  const float rs = laneX(p, lane, xv);
  float bv = -INFINITY;  // with p.argmax: the warp's best row so far (every lane holds it)
  int bi = INT_MAX;
  for (int64_t k = 0; first + k * stride < pairs; k++) {
    issue(k + kStreamStages - 1);
    mbarrierWait(&bars[warp][k % kStreamStages], static_cast<uint32_t>(k / kStreamStages) & 1u);
    __syncwarp();
    const uint8_t* const slot = slots + static_cast<size_t>(k % kStreamStages) * pairBytes;
    const int64_t row0 = (first + k * stride) * kMvRows;
    float acc[kMvRows];
#pragma unroll
    for (int s = 0; s < kMvRows; s++) {
      acc[s] = 0.f;
      if (row0 + s >= rows) continue;
#pragma unroll
      for (int u = 0; u < kStreamLoads; u++) {
        const int64_t c = lane + 32 * u;
        if (c >= chunks) break;
        acc[s] = chunkDot<T>(RawChunk<T>::fetch(slot + s * p.rowBytes, c, p.cols), c, xv[u], acc[s]);
      }
    }
#pragma unroll
    for (int s = 0; s < kMvRows; s++) {
      const float v = warpSum(acc[s]) * rs;
      if (row0 + s >= rows) continue;
      if (lane == 0) p.y[0][row0 + s] = p.accumulate ? p.y[0][row0 + s] + v : v;
      if (p.argmax != nullptr && beats(v, static_cast<int>(row0 + s), bv, bi)) {
        bv = v;
        bi = static_cast<int>(row0 + s);
      }
    }
    // The next iteration refills this slot.
    __syncwarp();
  }
  if (p.argmax != nullptr) streamArgmax(p, bv, bi);
}

// One x row's gate/up (SwiGLU) product with all of its weights in flight before the wait: a block
// an SM takes `per` gate rows and the same up rows, two contiguous byte ranges it copies into
// shared memory as soon as it starts, as two bulk copies (F16 / BF16: rows of whole 16-byte
// pieces). After the wait each lane reads its chunks of x once (times the norm weights), and a
// warp takes every kStageWarps-th row pair from shared memory.
constexpr int kStageWarps = 16;

template <GgmlType T>
__global__ void __launch_bounds__(kStageWarps * 32, 1) gateUpStageKernel(const MatvecParams p, int64_t per) {
  releaseDependents();
  extern __shared__ uint4 staged[];
  __shared__ uint64_t bar;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int64_t rows = p.rowStart[1], chunks = p.cols / 8;
  const int64_t r0 = static_cast<int64_t>(blockIdx.x) * per;
  const int64_t n = r0 < rows ? min(per, rows - r0) : 0;
  const size_t start = static_cast<size_t>(r0) * p.rowBytes, bytes = static_cast<size_t>(n) * p.rowBytes;
  const size_t half = static_cast<size_t>(per) * p.rowBytes;
  uint8_t* const gateS = reinterpret_cast<uint8_t*>(staged);
  uint8_t* const upS = gateS + half;
  if (threadIdx.x == 0) {
    mbarrierInit(&bar, 1);
    fenceBarrierInit();
    mbarrierExpect(&bar, static_cast<uint32_t>(2 * bytes));
    bulkCopy(gateS, p.w[0] + start, static_cast<uint32_t>(bytes), &bar);
    bulkCopy(upS, p.up + start, static_cast<uint32_t>(bytes), &bar);
  }
  awaitPrerequisite();
  float xv[kStreamLoads][8];
  const float rs = laneX(p, lane, xv);
  __syncthreads();  // the barrier initialized
  mbarrierWait(&bar, 0);
  for (int64_t i = warp; i < n; i += kStageWarps) {
    const uint8_t* const g = gateS + static_cast<size_t>(i) * p.rowBytes;
    const uint8_t* const u = upS + static_cast<size_t>(i) * p.rowBytes;
    float accG = 0.f, accU = 0.f;
#pragma unroll
    for (int k = 0; k < kStreamLoads; k++) {
      const int64_t c = lane + 32 * k;
      if (c >= chunks) break;
      accG = chunkDot<T>(RawChunk<T>::fetch(g, c, p.cols), c, xv[k], accG);
      accU = chunkDot<T>(RawChunk<T>::fetch(u, c, p.cols), c, xv[k], accU);
    }
    const float v = warpSum(accG) * rs, w = warpSum(accU) * rs;
    if (lane == 0) {
      p.upOut[r0 + i] = w;
      p.y[0][r0 + i] = (v / (1.0f + expf(-v))) * w;
    }
  }
}

// Rows a block of gateUpStageKernel takes for p (F16 / BF16 weights), or 0 where it does not take
// p: one x row of at most 32 x kStreamLoads chunks in rows of whole 16-byte pieces, whose gate and
// up rows for one block an SM fit its shared memory.
template <GgmlType T>
int64_t gateUpStageRows(const MatvecParams& p, int n) {
  if (n != 1 || p.up == nullptr || p.rowBytes % 16 != 0 ||
      p.cols / 8 > int64_t{32} * kStreamLoads || reinterpret_cast<uintptr_t>(p.w[0]) % 16 != 0 ||
      reinterpret_cast<uintptr_t>(p.up) % 16 != 0) {
    return 0;
  }
  const int64_t per = (p.rowStart[1] + smCount() - 1) / smCount();
  return 2 * static_cast<size_t>(per) * p.rowBytes <= wholeSm<gateUpStageKernel<T>>() ? per : 0;
}

template <GgmlType T>
void launchGateUpStage(cudaStream_t s, const MatvecParams& p, int64_t per) {
  const unsigned blocks = static_cast<unsigned>((p.rowStart[1] + per - 1) / per);
  launchDependent(s, dim3(blocks), dim3(kStageWarps * 32), 2 * static_cast<size_t>(per) * p.rowBytes, dim3(1, 1, 1),
                  gateUpStageKernel<T>, p, per);
}

// Whether one x row times p's weights takes streamMatvecKernel.
bool streamFits(const MatvecParams& p) {
  return p.up == nullptr && p.count == 1 && p.rowSplit == 1 && p.rowStart[1] >= kManyRows &&
         p.rowBytes <= kStreamMaxRowBytes && kMvRows * p.rowBytes % 16 == 0 &&
         p.cols / 8 <= int64_t{32} * kStreamLoads && reinterpret_cast<uintptr_t>(p.w[0]) % 16 == 0;
}

template <GgmlType T>
void launchStream(cudaStream_t s, const MatvecParams& p) {
  static std::atomic<uint64_t> opted{0};
  constexpr size_t kMaxSmem = kStreamWarps * kStreamStages * kMvRows * kStreamMaxRowBytes;
  oncePerDevice(opted, [] {
    cudaCheck(cudaFuncSetAttribute(streamMatvecKernel<T>, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                   static_cast<int>(kMaxSmem)),
              "cudaFuncSetAttribute(streamMatvec)");
  });
  const int64_t pairs = (p.rowStart[1] + kMvRows - 1) / kMvRows;
  const int64_t groups = (pairs + kStreamWarps - 1) / kStreamWarps;
  const unsigned blocks = static_cast<unsigned>(std::min<int64_t>(groups, smCount()));
  launchDependent(s, dim3(blocks), dim3(kStreamThreads), kStreamWarps * kStreamStages * kMvRows * p.rowBytes,
                  dim3(1, 1, 1), streamMatvecKernel<T>, p, pairs);
}

// TQK: the Q and K weights' type, TV: V's (the same for single-type models). kAligned: the three
// matrices start 8-byte aligned and their rows are a multiple of 8 bytes (the launch checks).
template <GgmlType TQK, GgmlType TV, bool kAligned>
__global__ void __launch_bounds__(kMvThreads) qkvKernel(const QkvParams p) {
  releaseDependents();
  const int warp = threadIdx.x / 32, group = warp / kQkvSplit, sub = warp % kQkvSplit;
  const int j = blockIdx.x * kQkvGroups + group;
  if (j >= qkvPairs(p)) return;
  const QkvPair q = qkvPair(p, j);
  if (TQK != TV && q.seg == 2) {
    qkvWarp<TV, kAligned>(p, q, group, sub);
  } else {
    qkvWarp<TQK, kAligned>(p, q, group, sub);
  }
  LLORCH_TRACE_POINT(5);  // warp 0's pair written
}

QkvParams qkvParams(float* q, float* k, float* v, const QkvStep& step, const float* x, const int32_t* pos,
                    const int32_t* slots, const KvLayerView& kv) {
  QkvParams p{};
  p.rowBytesQk = rowBytes(*typeTraits(static_cast<uint32_t>(step.wq.type)), step.wq.cols);
  p.rowBytesV = rowBytes(*typeTraits(static_cast<uint32_t>(step.wv.type)), step.wv.cols);
  p.w[0] = static_cast<const uint8_t*>(step.wq.data);
  p.w[1] = static_cast<const uint8_t*>(step.wk.data);
  p.w[2] = static_cast<const uint8_t*>(step.wv.data);
  p.cols = step.wq.cols;
  p.x = x;
  p.normW = step.normW;
  p.eps = step.eps;
  p.out[0] = q;
  p.out[1] = k;
  p.out[2] = v;
  p.bias[0] = step.bq;
  p.bias[1] = step.bk;
  p.bias[2] = step.bv;
  p.pos = pos;
  p.slots = slots;
  p.kc = kv.k;
  p.vc = kv.v;
  p.heads = step.ropeQ.heads;
  p.kvHeads = step.ropeK.heads;
  p.headDim = step.ropeQ.headDim;
  p.neox = step.ropeQ.style == RopeStyle::Neox;
  p.posScale = step.ropeQ.posScale;
  p.f = ropeInvFreq(step.ropeQ);
  return p;
}

MatvecParams matvecParams(const MatvecJob& job, const float* x) {
  MatvecParams p{};
  p.count = job.count;
  p.rowStart[0] = 0;
  for (int i = 0; i < job.count; i++) {
    p.w[i] = static_cast<const uint8_t*>(job.ws[i].data);
    p.y[i] = job.ys[i];
    p.rowStart[i + 1] = p.rowStart[i] + job.ws[i].rows;
  }
  p.up = job.up != nullptr ? static_cast<const uint8_t*>(job.up->data) : nullptr;
  p.upOut = job.upOut;
  p.x = x;
  p.cols = job.ws[0].cols;
  p.normW = job.normW;
  p.eps = job.eps;
  p.accumulate = job.accumulate;
  p.rowBytes = rowBytes(*typeTraits(static_cast<uint32_t>(job.ws[0].type)), p.cols);
  p.argmax = job.argmax;
  p.argmaxKey = reinterpret_cast<unsigned long long*>(job.argmaxScratch);
  // Long rows (the FFN down projection) are split over the block's warps, or their few row groups
  // would leave most SMs idle. So are the rows of a product whose row groups, one a warp, would not
  // give every SM a block (the attention's output projection: 112 blocks): a warp's chain of
  // dependent instructions after the wait, not its bytes, is then the kernel's time.
  p.rowSplit = 1;
  if (p.cols >= kSplitCols) {
    p.rowSplit = kMvWarps;
  } else if (p.up == nullptr && matvecBlocks(p, kMvRows) < smCount()) {
    p.rowSplit = kSmallGridSplit;
  }
  return p;
}

// V types other than Q's that the fused step takes: what llama.cpp's _M / _L mixes give V (Q6_K, or
// Q8_0 where rows are not a multiple of 256 columns), over any Q/K type.
bool fusedVType(GgmlType v) { return v == GgmlType::Q8_0 || v == GgmlType::Q6_K; }

struct QkvLaunch {
  cudaStream_t s;
  QkvParams p;
  GgmlType v;
  template <GgmlType T, GgmlType TV>
  void launch() {
    bool aligned = p.rowBytesQk % 8 == 0 && p.rowBytesV % 8 == 0;
    for (const uint8_t* w : p.w) aligned = aligned && reinterpret_cast<uintptr_t>(w) % 8 == 0;
    constexpr bool kForm = kAlignedForm<T> || kAlignedForm<TV>;
    launchDependent(s, dim3((qkvPairs(p) + kQkvGroups - 1) / kQkvGroups), dim3(kMvThreads),
                    aligned ? qkvKernel<T, TV, kForm> : qkvKernel<T, TV, false>, p);
  }
  template <GgmlType T>
  void operator()() {
    if (v == T) {
      launch<T, T>();
    } else if (v == GgmlType::Q8_0) {
      launch<T, GgmlType::Q8_0>();
    } else {
      launch<T, GgmlType::Q6_K>();
    }
  }
};

struct Launch {
  cudaStream_t s;
  MatvecParams p;
  int n;
  template <GgmlType T, int kRows, int kLoads>
  void run() {
    const unsigned blocks = static_cast<unsigned>(matvecBlocks(p, kRows));
    const float* x0 = p.x;
    float* y0[kMaxWeights] = {p.y[0], p.y[1], p.y[2]};
    float* up0 = p.upOut;
    // Batches of up to 4 rows share one pass over the weights; larger n takes more passes.
    for (int done = 0; done < n;) {
      const int take = n - done >= 4 ? 4 : (n - done >= 2 ? 2 : 1);
      p.x = x0 + done * p.cols;
      for (int i = 0; i < p.count; i++) p.y[i] = y0[i] + done * (p.rowStart[i + 1] - p.rowStart[i]);
      if (up0 != nullptr) p.upOut = up0 + done * p.rowStart[1];
      // One x row (decode) takes the aligned form where it applies: the planar types' word loads.
      auto one = rowsAligned(p) ? matvecKernel<T, 1, kRows, kLoads, kAlignedForm<T>>
                                : matvecKernel<T, 1, kRows, kLoads, false>;
      auto kernel = take == 4 ? matvecKernel<T, 4, kRows, kLoads, false>
                              : (take == 2 ? matvecKernel<T, 2, kRows, kLoads, false> : one);
      launchDependent(s, dim3(blocks), dim3(kMvThreads), kernel, p);
      done += take;
    }
  }
  template <GgmlType T>
  void operator()() {
    using S = MatvecShape<T>;
    if constexpr (hasPlanarLayout(T)) {
      if (n == 1 && streamFits(p)) {
        launchStream<T>(s, p);
        return;
      }
      if (p.rowSplit == 1 && p.up == nullptr && p.rowStart[p.count] >= kManyRows) {
        run<T, kManyRowsRows, S::kShortLoads>();
        return;
      }
    }
    if constexpr (T == GgmlType::F16 || T == GgmlType::BF16) {
      if (const int64_t per = gateUpStageRows<T>(p, n); per > 0) {
        launchGateUpStage<T>(s, p, per);
        return;
      }
    }
    if constexpr (GateUpShape<T>::kRows > 0) {
      if (n == 1 && p.rowSplit == 1 && p.up != nullptr) {
        using G = GateUpShape<T>;
        launchDependent(s, dim3(static_cast<unsigned>(matvecBlocks(p, G::kRows))), dim3(kMvThreads),
                        rowsAligned(p) ? gateUpKernel<T, G::kRows, G::kMinBlocks, kAlignedForm<T>>
                                       : gateUpKernel<T, G::kRows, G::kMinBlocks, false>,
                        p);
        return;
      }
    }
    if (p.cols / 8 <= int64_t{32} * p.rowSplit * S::kShortLoads) {
      run<T, kMvRows, S::kShortLoads>();
    } else if (p.cols / 8 <= int64_t{32} * p.rowSplit * S::kFitLoads) {
      run<T, kMvRows, S::kFitLoads>();
    } else {
      run<T, kMvRows, S::kLongLoads>();
    }
  }
};
}  // namespace

bool matvecSupports(const MatvecJob& job, int n) {
  if (n < 1 || n > kMatvecMaxRows || job.count < 1 || job.count > kMaxWeights) return false;
  if (job.up != nullptr && (job.count != 1 || job.up->type != job.ws[0].type || job.up->rows != job.ws[0].rows ||
                            job.up->cols != job.ws[0].cols)) {
    return false;
  }
  for (int i = 0; i < job.count; i++) {
    if (job.ws[i].type != job.ws[0].type || job.ws[i].cols != job.ws[0].cols || job.ws[i].cols % 8 != 0) return false;
  }
  return true;
}

bool matvecArgmaxSupports(const MatvecJob& job, int n) {
  if (!matvecSupports(job, n) || n != 1 || job.count != 1 || job.up != nullptr || job.accumulate ||
      !hasPlanarLayout(job.ws[0].type)) {
    return false;
  }
  return streamFits(matvecParams(job, nullptr));
}

bool qkvMatvecSupports(const QkvStep& q, int n) {
  // Q and K as one job, V as another of the same width.
  const WeightView ws[2] = {q.wq, q.wk};
  float* ys[2] = {nullptr, nullptr};
  MatvecJob job;
  job.count = 2;
  job.ws = ws;
  job.ys = ys;
  MatvecJob vJob;
  vJob.ws = &q.wv;
  vJob.ys = ys;
  const bool vFits = matvecSupports(vJob, n) && q.wv.cols == q.wq.cols &&
                     (q.wv.type == q.wq.type || fusedVType(q.wv.type));
  return n == 1 && q.normW != nullptr && matvecSupports(job, n) && vFits && q.ropeQ.ropeDim == q.ropeQ.headDim &&
         q.ropeQ.headDim % 2 == 0 && q.ropeQ.headDim <= 256 && q.wq.rows == int64_t{q.ropeQ.heads} * q.ropeQ.headDim &&
         q.wk.rows == int64_t{q.ropeK.heads} * q.ropeQ.headDim && q.wv.rows == q.wk.rows;
}

void cudaQkvMatvec(cudaStream_t s, float* q, float* k, float* v, const QkvStep& step, const float* x,
                   const int32_t* pos, const int32_t* slots, const KvLayerView& kv) {
  dispatchType(step.wq.type, QkvLaunch{s, qkvParams(q, k, v, step, x, pos, slots, kv), step.wv.type});
  cudaCheckLaunch("qkvMatvec");
}

void cudaMatvec(cudaStream_t s, const MatvecJob& job, const float* x, int n) {
  dispatchType(job.ws[0].type, Launch{s, matvecParams(job, x), n});
  cudaCheckLaunch("matvec");
}

}  // namespace llorch
