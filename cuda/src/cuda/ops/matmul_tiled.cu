// Prefill matrix products. Memory traffic: each k-step of a tile reads its weight rows and
// activation rows once, so each weight byte is read ceil(n / tile) times and each activation
// ceil(rows / tile) times; with n = 512 the kernels are bound by the tensor (or FMA) rate and by
// their shared-memory traffic, not by DRAM.
#include "cuda/ops/matmul_tiled.h"

#include <mma.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <type_traits>

#include "cuda/cuda_check.h"
#include "cuda/dequant.cuh"
#include "cuda/device_info.h"
#include "cuda/mma_sync.cuh"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kBM = 64;   // weight rows per tile
constexpr int kBN = 64;   // activation rows per tile
constexpr int kBK = 32;   // columns per k-step
constexpr int kThreads = 256;
constexpr int kPadH = 8;  // halves of padding per shared row (16 bytes), against bank conflicts

// Thread t loads 8 columns (chunk t % 4) of tile row t / 4, zero outside the matrix.
template <GgmlType T>
__device__ __forceinline__ void loadWeightChunk(const uint8_t* w, size_t rowBytes, int64_t rows, int64_t cols,
                                                int64_t row, int64_t k, float* o) {
  if (row < rows && k < cols) {
    Chunk<T>::load(w + static_cast<size_t>(row) * rowBytes, k / 8, cols, o);
  } else {
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = 0.f;
  }
}

__device__ __forceinline__ void loadActChunk(const float* x, int n, int64_t cols, int64_t row, int64_t k, float* o) {
  if (row < n && k < cols) {
    const float4* p = reinterpret_cast<const float4*>(x + row * cols + k);
    const float4 a = p[0], b = p[1];
    o[0] = a.x; o[1] = a.y; o[2] = a.z; o[3] = a.w;
    o[4] = b.x; o[5] = b.y; o[6] = b.z; o[7] = b.w;
  } else {
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = 0.f;
  }
}

__device__ __forceinline__ void storeHalf8(__half* dst, const float* v) {
  __align__(16) __half2 h[4];
#pragma unroll
  for (int i = 0; i < 4; i++) h[i] = __floats2half2_rn(v[2 * i], v[2 * i + 1]);
  *reinterpret_cast<uint4*>(dst) = *reinterpret_cast<const uint4*>(h);
}

// Quantized weights: tensor-core tiles of 64 weight rows x 64 activation rows, weights
// dequantized to f16 through registers. Each warp owns a 16 x 32 output
// strip (two accumulators). The next k-step's chunks are fetched into registers while the
// current one is multiplied, so global latency overlaps the MMAs.
constexpr int kTcBM = 64;
constexpr int kLd = kBK + kPadH;

template <GgmlType T>
__global__ void __launch_bounds__(kThreads) matmulTcKernel(float* __restrict__ y, const uint8_t* __restrict__ w,
                                                           const float* __restrict__ x, int n, int64_t rows,
                                                           int64_t cols, size_t rowBytes) {
  using namespace nvcuda;
  // ws: [kTcBM][kLd] weights; xs/xl: [kBN][kLd] activations as hi + lo f16 pairs (lo = the
  // rounding residual: two MMAs recover ~22 bits of the f32 activation); the f32 output tile
  // reuses the same memory at the end.
  constexpr int kTileBytes = (kTcBM + 2 * kBN) * kLd * 2;
  constexpr int kOutBytes = kBN * (kTcBM + 4) * 4;
  __shared__ __align__(32) unsigned char smem[kTileBytes > kOutBytes ? kTileBytes : kOutBytes];
  __half* ws = reinterpret_cast<__half*>(smem);
  __half* xs = ws + kTcBM * kLd;
  __half* xl = xs + kBN * kLd;
  float* cs = reinterpret_cast<float*>(smem);
  const int t = threadIdx.x, warp = t / 32;
  const int64_t row0 = static_cast<int64_t>(blockIdx.x) * kTcBM;
  const int64_t xrow0 = static_cast<int64_t>(blockIdx.y) * kBN;
  const int lr = t / 4, lc = (t % 4) * 8;  // this thread's chunk: tile row lr, cols lc..lc+7
  const int xm = (warp / 2) * 16, wn = (warp % 2) * 32;
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[2];
#pragma unroll
  for (int j = 0; j < 2; j++) wmma::fill_fragment(acc[j], 0.f);
  float w0[8], a0[8];
  loadWeightChunk<T>(w, rowBytes, rows, cols, row0 + lr, lc, w0);
  loadActChunk(x, n, cols, xrow0 + lr, lc, a0);
  for (int64_t k0 = 0; k0 < cols; k0 += kBK) {
    storeHalf8(&ws[lr * kLd + lc], w0);
    storeHalf8(&xs[lr * kLd + lc], a0);
#pragma unroll
    for (int i = 0; i < 8; i++) a0[i] -= __half2float(xs[lr * kLd + lc + i]);
    storeHalf8(&xl[lr * kLd + lc], a0);
    __syncthreads();
    if (k0 + kBK < cols) {
      loadWeightChunk<T>(w, rowBytes, rows, cols, row0 + lr, k0 + kBK + lc, w0);
      loadActChunk(x, n, cols, xrow0 + lr, k0 + kBK + lc, a0);
    }
#pragma unroll
    for (int kk = 0; kk < kBK; kk += 16) {
      wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> a, al;
      wmma::load_matrix_sync(a, &xs[xm * kLd + kk], kLd);
      wmma::load_matrix_sync(al, &xl[xm * kLd + kk], kLd);
#pragma unroll
      for (int j = 0; j < 2; j++) {
        // B[k][m] = W[m][k]: the weight tile read column-major.
        wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::col_major> b;
        wmma::load_matrix_sync(b, &ws[(wn + 16 * j) * kLd + kk], kLd);
        wmma::mma_sync(acc[j], a, b, acc[j]);
        wmma::mma_sync(acc[j], al, b, acc[j]);
      }
    }
    __syncthreads();
  }
#pragma unroll
  for (int j = 0; j < 2; j++) {
    wmma::store_matrix_sync(&cs[xm * (kTcBM + 4) + wn + 16 * j], acc[j], kTcBM + 4, wmma::mem_row_major);
  }
  __syncthreads();
  for (int i = t; i < kBN * kTcBM; i += kThreads) {
    const int xr = i / kTcBM, wr = i % kTcBM;
    if (xrow0 + xr < n && row0 + wr < rows) y[(xrow0 + xr) * rows + row0 + wr] = cs[xr * (kTcBM + 4) + wr];
  }
}

// f32 FMA tiles: shared tiles stored k-major so that each thread reads 4 weights and 4
// activations per k as float4 and accumulates a 4x4 block of outputs.
template <GgmlType T>
__global__ void __launch_bounds__(kThreads) matmulF32Kernel(float* __restrict__ y, const uint8_t* __restrict__ w,
                                                            const float* __restrict__ x, int n, int64_t rows,
                                                            int64_t cols, size_t rowBytes) {
  __shared__ __align__(16) float ws[kBK][kBM + 4];
  __shared__ __align__(16) float xs[kBK][kBN + 4];
  const int t = threadIdx.x;
  const int64_t row0 = static_cast<int64_t>(blockIdx.x) * kBM;
  const int64_t xrow0 = static_cast<int64_t>(blockIdx.y) * kBN;
  const int lr = t / 4, lc = (t % 4) * 8;
  const int tw = (t % 16) * 4, tx = (t / 16) * 4;
  float acc[4][4] = {};
  for (int64_t k0 = 0; k0 < cols; k0 += kBK) {
    float v[8];
    loadWeightChunk<T>(w, rowBytes, rows, cols, row0 + lr, k0 + lc, v);
#pragma unroll
    for (int i = 0; i < 8; i++) ws[lc + i][lr] = v[i];
    loadActChunk(x, n, cols, xrow0 + lr, k0 + lc, v);
#pragma unroll
    for (int i = 0; i < 8; i++) xs[lc + i][lr] = v[i];
    __syncthreads();
#pragma unroll 8
    for (int k = 0; k < kBK; k++) {
      const float4 a = *reinterpret_cast<const float4*>(&xs[k][tx]);
      const float4 b = *reinterpret_cast<const float4*>(&ws[k][tw]);
      const float av[4] = {a.x, a.y, a.z, a.w}, bv[4] = {b.x, b.y, b.z, b.w};
#pragma unroll
      for (int i = 0; i < 4; i++) {
#pragma unroll
        for (int j = 0; j < 4; j++) acc[i][j] += av[i] * bv[j];
      }
    }
    __syncthreads();
  }
#pragma unroll
  for (int i = 0; i < 4; i++) {
#pragma unroll
    for (int j = 0; j < 4; j++) {
      if (xrow0 + tx + i < n && row0 + tw + j < rows) y[(xrow0 + tx + i) * rows + row0 + tw + j] = acc[i][j];
    }
  }
}

// F16/BF16 weights on mma.sync tensor cores: block tiles of kBlockM activation rows x kBlockN
// weight rows, warps in a kWarpsM x kWarpsN grid. Weight and f32 activation tiles stream
// global -> shared with cp.async through kStages buffers (no register round trip). At its
// k-step each thread splits the activation chunks it copied itself (so no barrier is needed
// before) into two operands of the weight's type, hi = round(x) and lo = round(x - hi), in a
// double-buffered ldmatrix layout: the two MMAs recover ~22 (f16) or ~16 (bf16) bits of each
// activation, and the weights are exact in their own type, so the result is within a few f32
// roundings of the FMA kernels'. ldmatrix rows are padded by 16 bytes (80-byte stride): the 8
// rows an ldmatrix phase reads start on 8 distinct 16-byte bank groups.
constexpr int kMmaBK = 32;
constexpr int kMmaLd = kMmaBK + kPadH;
constexpr int kStages = 4;

template <GgmlType T>
struct MmaOps;

template <>
struct MmaOps<GgmlType::F16> {
  __device__ static uint32_t pack(float a, float b) { return packHalf2(a, b); }
  __device__ static float2 unpack(uint32_t u) { return __half22float2(*reinterpret_cast<const __half2*>(&u)); }
  __device__ static void mma(float* c, const uint32_t* a, uint32_t b0, uint32_t b1) { mmaF16(c, a, b0, b1); }
};

template <>
struct MmaOps<GgmlType::BF16> {
  __device__ static uint32_t pack(float a, float b) { return packBf162(a, b); }
  __device__ static float2 unpack(uint32_t u) {
    return __bfloat1622float2(*reinterpret_cast<const __nv_bfloat162*>(&u));
  }
  __device__ static void mma(float* c, const uint32_t* a, uint32_t b0, uint32_t b1) { mmaBf16(c, a, b0, b1); }
};

template <int kBlockM, int kBlockN>
constexpr int mmaSmemBytes() {
  return kStages * kBlockM * kMmaBK * 4 + (kStages * kBlockN + 4 * kBlockM) * kMmaLd * 2;
}

// What the tile writes: y = x . W^T; y += x . W^T (a residual branch); SwiGLU over two
// weights of equal shape (W = gate, W2 = up): the tile's weight rows alternate in runs of 8
// between the two matrices, so a thread's accumulators j (gate) and j + 1 (up) hold the same
// output column, and it writes up to y2 and silu(gate) * up to y; or, split over the columns,
// its part of x . W^T to the split's partial (splitSumKernel then stores or adds the sum).
enum class Epilogue { kStore, kAdd, kSwiGlu, kPartial };

// Up to kMaxMmaWeights products of the same activations in one launch (blockIdx.z picks the
// weight: the q, k and v projections), or one SwiGLU pair.
constexpr int kMaxMmaWeights = 3;
struct MmaArgs {
  float* y[kMaxMmaWeights];
  const __half* w[kMaxMmaWeights];
  int64_t rows[kMaxMmaWeights];
  float* up;          // SwiGLU: the up product (y[0] receives silu(gate) * up)
  const __half* wUp;  // SwiGLU: the up weight (w[0] is the gate)
  const float* x;
  int n;
  int64_t cols;
  // kPartial: blockIdx.z = weight * splits + split; split s takes k-steps [s, s + 1) x
  // tilesPerSplit and writes part[((weight * splits + s) * n + m) * partStride + c].
  float* part;
  int splits;
  int tilesPerSplit;
  int64_t partStride;
};

// kMinBlocks: blocks an SM must hold (a register cap; at 2 the 128 x 128 tile spills).
template <GgmlType T, Epilogue E, int kWarpsM, int kWarpsN, int kBlockM, int kBlockN, int kMinBlocks>
__global__ void __launch_bounds__(kWarpsM* kWarpsN * 32, kMinBlocks)
    matmulMmaKernel(const MmaArgs args) {
  constexpr int kThreads = kWarpsM * kWarpsN * 32;
  constexpr int kTileM = kBlockM / kWarpsM, kTileN = kBlockN / kWarpsN;  // one warp's outputs
  constexpr int kMt = kTileM / 16, kNt = kTileN / 8;
  constexpr int kXLoads = kBlockM * (kMmaBK / 4) / kThreads;  // float4s of activations a thread stages
  constexpr int kWLoads = kBlockN * (kMmaBK / 8) / kThreads;  // 16-byte weight chunks a thread copies
  static_assert(kXLoads * kThreads == kBlockM * kMmaBK / 4 && kWLoads * kThreads == kBlockN * kMmaBK / 8);
  static_assert(kNt % 2 == 0, "B fragments are loaded two n-tiles at a time");
  extern __shared__ __align__(16) unsigned char smemRaw[];
  float* xf = reinterpret_cast<float*>(smemRaw);                           // [kStages][kBlockM][kMmaBK]
  __half* ws = reinterpret_cast<__half*>(xf + kStages * kBlockM * kMmaBK);  // [kStages][kBlockN][kMmaLd]
  __half* xh = ws + kStages * kBlockN * kMmaLd;                             // [2][kBlockM][kMmaLd]
  __half* xl = xh + 2 * kBlockM * kMmaLd;                                   // [2][kBlockM][kMmaLd]
  // This block's weight (selects, not an indexed parameter array, which would go to local memory)
  // and, split over the columns, its split.
  const int split = E == Epilogue::kPartial ? static_cast<int>(blockIdx.z) % args.splits : 0;
  const int z = E == Epilogue::kPartial ? static_cast<int>(blockIdx.z) / args.splits : static_cast<int>(blockIdx.z);
  float* __restrict__ y = z == 0 ? args.y[0] : (z == 1 ? args.y[1] : args.y[2]);
  const __half* __restrict__ w = z == 0 ? args.w[0] : (z == 1 ? args.w[1] : args.w[2]);
  const int64_t rows = z == 0 ? args.rows[0] : (z == 1 ? args.rows[1] : args.rows[2]);
  float* __restrict__ y2 = args.up;
  const __half* __restrict__ w2 = args.wUp;
  const float* __restrict__ x = args.x;
  const int n = args.n;
  const int64_t cols = args.cols;
  const int t = threadIdx.x, lane = t % 32, warp = t / 32;
  const int wm = warp / kWarpsN, wn = warp % kWarpsN;
  // First weight row (of each matrix under SwiGLU, where a tile holds kBlockN / 2 of each).
  const int64_t n0 = static_cast<int64_t>(blockIdx.x) * (E == Epilogue::kSwiGlu ? kBlockN / 2 : kBlockN);
  if (n0 >= rows) return;  // the grid spans the widest weight of the launch
  const int64_t m0 = static_cast<int64_t>(blockIdx.y) * kBlockM;  // first activation row
  // This block's k-steps: kBegin + 0 .. kTiles - 1.
  const int kAll = static_cast<int>((cols + kMmaBK - 1) / kMmaBK);
  const int kBegin = E == Epilogue::kPartial ? split * args.tilesPerSplit : 0;
  const int kTiles = E == Epilogue::kPartial ? min(args.tilesPerSplit, kAll - kBegin) : kAll;

  // One k-step's weight and activation chunks, zero-filled outside the matrices.
  auto copyStage = [&](int kt) {
    __half* dst = ws + (kt % kStages) * kBlockN * kMmaLd;
#pragma unroll
    for (int j = 0; j < kWLoads; j++) {
      const int i = t + j * kThreads, r = i / 4, c = (i % 4) * 8;
      const bool second = E == Epilogue::kSwiGlu && (r / 8) % 2 == 1;
      const int64_t row = E == Epilogue::kSwiGlu ? n0 + (r / 16) * 8 + r % 8 : n0 + r;
      const int64_t k = static_cast<int64_t>(kBegin + kt) * kMmaBK + c;
      const bool valid = row < rows && k < cols;
      const __half* src = second ? w2 : w;
      cpAsync16(dst + r * kMmaLd + c, valid ? src + row * cols + k : src, valid);
    }
    float* xdst = xf + (kt % kStages) * kBlockM * kMmaBK;
#pragma unroll
    for (int j = 0; j < kXLoads; j++) {
      const int i = t + j * kThreads, r = i / 8, c = (i % 8) * 4;
      const int64_t row = m0 + r, k = static_cast<int64_t>(kBegin + kt) * kMmaBK + c;
      const bool valid = row < n && k < cols;
      cpAsync16(xdst + r * kMmaBK + c, valid ? x + row * cols + k : x, valid);
    }
  };
  // This thread's activation chunks of step kt -> hi / lo buffer kt % 2.
  auto splitActs = [&](int kt) {
    const float* src = xf + (kt % kStages) * kBlockM * kMmaBK;
    __half* hi = xh + (kt % 2) * kBlockM * kMmaLd;
    __half* lo = xl + (kt % 2) * kBlockM * kMmaLd;
#pragma unroll
    for (int j = 0; j < kXLoads; j++) {
      const int i = t + j * kThreads, r = i / 8, c = (i % 8) * 4;
      const float4 v = *reinterpret_cast<const float4*>(src + r * kMmaBK + c);
      const uint32_t h0 = MmaOps<T>::pack(v.x, v.y), h1 = MmaOps<T>::pack(v.z, v.w);
      const float2 f0 = MmaOps<T>::unpack(h0), f1 = MmaOps<T>::unpack(h1);
      const uint32_t l0 = MmaOps<T>::pack(v.x - f0.x, v.y - f0.y);
      const uint32_t l1 = MmaOps<T>::pack(v.z - f1.x, v.w - f1.y);
      *reinterpret_cast<uint2*>(hi + r * kMmaLd + c) = make_uint2(h0, h1);
      *reinterpret_cast<uint2*>(lo + r * kMmaLd + c) = make_uint2(l0, l1);
    }
  };

  float acc[kMt][kNt][4];
#pragma unroll
  for (int i = 0; i < kMt; i++) {
#pragma unroll
    for (int j = 0; j < kNt; j++) {
#pragma unroll
      for (int e = 0; e < 4; e++) acc[i][j][e] = 0.f;
    }
  }
  // Prologue: stages 0 .. kStages-2 in flight (one commit group each, empty past the end).
#pragma unroll
  for (int s = 0; s < kStages - 1; s++) {
    if (s < kTiles) copyStage(s);
    cpAsyncCommit();
  }
  for (int kt = 0; kt < kTiles; kt++) {
    cpAsyncWait<kStages - 2>();  // this thread's copies for step kt have landed
    // hi / lo buffer kt % 2 was last read at step kt - 2, before the previous barrier.
    splitActs(kt);
    __syncthreads();  // everyone's copies and splits are visible, step kt - 1's reads are done
    // Refill the stage step kt - 1 read.
    if (kt + kStages - 1 < kTiles) copyStage(kt + kStages - 1);
    cpAsyncCommit();
    const __half* wt = ws + (kt % kStages) * kBlockN * kMmaLd;
    const __half* ht = xh + (kt % 2) * kBlockM * kMmaLd;
    const __half* lt = xl + (kt % 2) * kBlockM * kMmaLd;
#pragma unroll
    for (int kk = 0; kk < kMmaBK; kk += 16) {
      // B fragments for the whole k16 slice, A fragments one m-tile at a time (registers).
      uint32_t b[kNt][2];
#pragma unroll
      for (int j = 0; j < kNt; j += 2) {
        uint32_t r[4];
        ldmatrixX4(r, wt + (wn * kTileN + j * 8 + (lane / 16) * 8 + lane % 8) * kMmaLd + kk + ((lane / 8) % 2) * 8);
        b[j][0] = r[0];
        b[j][1] = r[1];
        b[j + 1][0] = r[2];
        b[j + 1][1] = r[3];
      }
#pragma unroll
      for (int i = 0; i < kMt; i++) {
        uint32_t ah[4], al[4];
        const int off = (wm * kTileM + i * 16 + lane % 16) * kMmaLd + kk + (lane / 16) * 8;
        ldmatrixX4(ah, ht + off);
        ldmatrixX4(al, lt + off);
#pragma unroll
        for (int j = 0; j < kNt; j++) {
          MmaOps<T>::mma(acc[i][j], ah, b[j][0], b[j][1]);
          MmaOps<T>::mma(acc[i][j], al, b[j][0], b[j][1]);
        }
      }
    }
  }
  cpAsyncWait<0>();
  const int g = lane / 4, q = lane % 4;
#pragma unroll
  for (int i = 0; i < kMt; i++) {
#pragma unroll
    for (int j = 0; j < kNt; j++) {
      if (E == Epilogue::kSwiGlu && j % 2 == 1) continue;  // the up half, written with its gate
#pragma unroll
      for (int e = 0; e < 4; e++) {
        const int64_t m = m0 + wm * kTileM + i * 16 + g + (e / 2) * 8;
        const int64_t c = E == Epilogue::kSwiGlu ? n0 + (wn * kTileN + j * 8) / 2 + 2 * q + e % 2
                                                 : n0 + wn * kTileN + j * 8 + 2 * q + e % 2;
        if (m >= n || c >= rows) continue;
        float* o = y + m * rows + c;
        if constexpr (E == Epilogue::kPartial) {
          args.part[((static_cast<int64_t>(z) * args.splits + split) * n + m) * args.partStride + c] = acc[i][j][e];
        } else if constexpr (E == Epilogue::kStore) {
          *o = acc[i][j][e];
        } else if constexpr (E == Epilogue::kAdd) {
          *o += acc[i][j][e];
        } else {
          const float gate = acc[i][j][e], up = acc[i][j + 1][e];
          y2[m * rows + c] = up;
          *o = (gate / (1.0f + expf(-gate))) * up;
        }
      }
    }
  }
}

int64_t tileCount(int n, int64_t rows, int bm, int bn) { return ((n + bm - 1) / bm) * ((rows + bn - 1) / bn); }

// Split-K: a store or residual product with fewer 128 x 128 tiles than SMs (the q/k/v, o and down
// projections of a 512-row prefill have 28-36) runs each tile as up to kMaxSplits blocks over
// ranges of its columns. Measured on an H100 (PERF.md), the down projection (4864 columns) took
// 97 us as 224 64 x 32 tiles against 115 us for gate/up's twice larger product in 128 x 128
// tiles; split in 4, 56 us plus 7 for the sum.
constexpr int kMaxSplits = 8;
constexpr int kMinSplitSteps = 6;  // k-steps a split takes at least (its pipeline fills first)

struct SplitPlan {
  int splits = 1;
  int tilesPerSplit = 0;
  int64_t widest = 0;
};

SplitPlan splitPlan(const int64_t* rows, int count, int n, int64_t cols, int sms) {
  SplitPlan plan;
  int64_t tiles = 0;
  for (int i = 0; i < count; i++) {
    tiles += tileCount(n, rows[i], 128, 128);
    plan.widest = std::max(plan.widest, rows[i]);
  }
  const int64_t steps = (cols + kMmaBK - 1) / kMmaBK;
  const int64_t want = std::min({int64_t{kMaxSplits}, sms / std::max<int64_t>(tiles, 1), steps / kMinSplitSteps});
  if (want < 2) return plan;
  plan.tilesPerSplit = static_cast<int>((steps + want - 1) / want);
  plan.splits = static_cast<int>((steps + plan.tilesPerSplit - 1) / plan.tilesPerSplit);
  return plan;
}

// y (+)= the sum of a split product's partials, taken in split order (so the result does not
// depend on which split finished first), V consecutive outputs a thread (V = 4 where every row
// count is a multiple of 4: float4 loads). blockIdx.y is the weight.
template <int V>
__global__ void splitSumKernel(const MmaArgs args, bool add) {
  using Vec = std::conditional_t<V == 4, float4, float>;
  const int z = blockIdx.y;
  float* __restrict__ y = z == 0 ? args.y[0] : (z == 1 ? args.y[1] : args.y[2]);
  const int64_t rows = z == 0 ? args.rows[0] : (z == 1 ? args.rows[1] : args.rows[2]);
  const int64_t total = args.n * rows, plane = args.n * args.partStride;
  for (int64_t i = (static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x) * V; i < total;
       i += static_cast<int64_t>(gridDim.x) * blockDim.x * V) {
    const int64_t m = i / rows, c = i % rows;
    const float* p = args.part + (static_cast<int64_t>(z) * args.splits * args.n + m) * args.partStride + c;
    float sum[V] = {};
    for (int s = 0; s < args.splits; s++) {
      const Vec v = *reinterpret_cast<const Vec*>(p + s * plane);
      const float* f = reinterpret_cast<const float*>(&v);
#pragma unroll
      for (int j = 0; j < V; j++) sum[j] += f[j];
    }
    Vec out = add ? *reinterpret_cast<const Vec*>(y + i) : Vec{};
    float* o = reinterpret_cast<float*>(&out);
#pragma unroll
    for (int j = 0; j < V; j++) o[j] += sum[j];
    *reinterpret_cast<Vec*>(y + i) = out;
  }
}

// Three tile shapes, the largest that still gives every SM a block: 128 x 128 (8 warps of
// 64 x 32), 64 x 64 (4 warps of 32 x 32), 64 x 32 (4 warps of 32 x 16) for the narrow
// matrices (o, down, k/v), which would otherwise leave SMs idle.
template <GgmlType T, Epilogue E, int kWarpsM, int kWarpsN, int kBlockM, int kBlockN, int kMinBlocks>
void launchMma(cudaStream_t s, const MmaArgs& args, int count, int zBlocks) {
  constexpr int kSmem = mmaSmemBytes<kBlockM, kBlockN>();
  auto kernel = matmulMmaKernel<T, E, kWarpsM, kWarpsN, kBlockM, kBlockN, kMinBlocks>;
  // Over 48 KB of dynamic shared memory is opt-in per device.
  static std::atomic<uint64_t> opted{0};
  oncePerDevice(opted, [&] {
    cudaCheck(cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, kSmem),
              "cudaFuncSetAttribute(matmulMma)");
  });
  constexpr int kRowsPerTile = E == Epilogue::kSwiGlu ? kBlockN / 2 : kBlockN;
  int64_t widest = 0;
  for (int i = 0; i < count; i++) widest = std::max(widest, args.rows[i]);
  const dim3 grid(static_cast<unsigned>((widest + kRowsPerTile - 1) / kRowsPerTile),
                  static_cast<unsigned>((args.n + kBlockM - 1) / kBlockM), static_cast<unsigned>(zBlocks));
  kernel<<<grid, kWarpsM * kWarpsN * 32, kSmem, s>>>(args);
}

// Picks the tile shape by the launch's block count (SwiGLU tiles hold half as many output
// columns of each weight), or a split over the columns (splitPlan) into `scratch`.
template <GgmlType T, Epilogue E>
void launchMmaShaped(cudaStream_t s, MmaArgs args, int count, const SplitScratch& scratch) {
  const int sms = smCount();
  if constexpr (E != Epilogue::kSwiGlu) {
    const SplitPlan plan = splitPlan(args.rows, count, args.n, args.cols, sms);
    if (plan.splits > 1) {
      args.part = scratch(static_cast<size_t>(count) * plan.splits * args.n * plan.widest);
      args.splits = plan.splits;
      args.tilesPerSplit = plan.tilesPerSplit;
      args.partStride = plan.widest;
      launchMma<T, Epilogue::kPartial, 2, 4, 128, 128, 1>(s, args, count, count * plan.splits);
      bool quads = true;
      for (int i = 0; i < count; i++) {
        quads = quads && args.rows[i] % 4 == 0 && reinterpret_cast<uintptr_t>(args.y[i]) % 16 == 0;
      }
      const int64_t total = args.n * plan.widest / (quads ? 4 : 1);
      const dim3 grid(static_cast<unsigned>(std::min<int64_t>((total + 255) / 256, int64_t{sms} * 8)),
                      static_cast<unsigned>(count));
      if (quads) {
        splitSumKernel<4><<<grid, 256, 0, s>>>(args, E == Epilogue::kAdd);
      } else {
        splitSumKernel<1><<<grid, 256, 0, s>>>(args, E == Epilogue::kAdd);
      }
      return;
    }
  }
  auto tiles = [&](int bm, int bn) {
    int64_t sum = 0;
    for (int i = 0; i < count; i++) sum += tileCount(args.n, E == Epilogue::kSwiGlu ? 2 * args.rows[i] : args.rows[i], bm, bn);
    return sum;
  };
  if (tiles(128, 128) >= sms) {
    launchMma<T, E, 2, 4, 128, 128, 1>(s, args, count, count);
  } else if (tiles(64, 64) >= sms) {
    launchMma<T, E, 2, 2, 64, 64, 3>(s, args, count, count);
  } else {
    launchMma<T, E, 2, 2, 64, 32, 3>(s, args, count, count);
  }
}

bool isMmaType(GgmlType t) { return t == GgmlType::F16 || t == GgmlType::BF16; }

// The products of `count` F16/BF16 weights of one type and width (or a SwiGLU pair) in one launch.
void launchMmaJob(cudaStream_t s, Epilogue e, float* const* ys, const WeightView* ws, int count, float* up,
                  const WeightView* wu, const float* x, int n, const SplitScratch& scratch) {
  MmaArgs args{};
  for (int i = 0; i < count; i++) {
    args.y[i] = ys[i];
    args.w[i] = static_cast<const __half*>(ws[i].data);
    args.rows[i] = ws[i].rows;
  }
  args.up = up;
  args.wUp = wu != nullptr ? static_cast<const __half*>(wu->data) : nullptr;
  args.x = x;
  args.n = n;
  args.cols = ws[0].cols;
  auto go = [&](auto type) {
    constexpr GgmlType T = decltype(type)::value;
    switch (e) {
      case Epilogue::kStore: launchMmaShaped<T, Epilogue::kStore>(s, args, count, scratch); break;
      case Epilogue::kAdd: launchMmaShaped<T, Epilogue::kAdd>(s, args, count, scratch); break;
      case Epilogue::kSwiGlu: launchMmaShaped<T, Epilogue::kSwiGlu>(s, args, count, scratch); break;
      case Epilogue::kPartial: break;
    }
  };
  if (ws[0].type == GgmlType::F16) {
    go(std::integral_constant<GgmlType, GgmlType::F16>{});
  } else {
    go(std::integral_constant<GgmlType, GgmlType::BF16>{});
  }
}

// Quantized and F32 weights (F16/BF16 take launchMmaJob; dispatchType names every type).
struct Launch {
  cudaStream_t s;
  float* y;
  const WeightView& w;
  const float* x;
  int n;
  template <GgmlType T>
  void operator()() const {
    const size_t rb = static_cast<size_t>(w.cols / Chunk<T>::kBlock) * Chunk<T>::kBytes;
    const unsigned xTiles = static_cast<unsigned>((n + kBN - 1) / kBN);
    const uint8_t* wd = static_cast<const uint8_t*>(w.data);
    if constexpr (T == GgmlType::F32) {
      const dim3 grid(static_cast<unsigned>((w.rows + kBM - 1) / kBM), xTiles);
      matmulF32Kernel<T><<<grid, kThreads, 0, s>>>(y, wd, x, n, w.rows, w.cols, rb);
    } else if constexpr (T != GgmlType::F16 && T != GgmlType::BF16) {
      const dim3 grid(static_cast<unsigned>((w.rows + kTcBM - 1) / kTcBM), xTiles);
      matmulTcKernel<T><<<grid, kThreads, 0, s>>>(y, wd, x, n, w.rows, w.cols, rb);
    }
  }
};
}  // namespace

void cudaMatmulTiled(cudaStream_t s, float* y, const WeightView& w, const float* x, int n,
                     const SplitScratch& scratch) {
  if (isMmaType(w.type)) {
    launchMmaJob(s, Epilogue::kStore, &y, &w, 1, nullptr, nullptr, x, n, scratch);
  } else {
    dispatchType(w.type, Launch{s, y, w, x, n});
  }
  cudaCheckLaunch("matmulTiled");
}

bool matmulTiledMultiSupports(const WeightView* ws, int count, int n) {
  if (n <= 0 || count < 1 || count > kMaxMmaWeights || !isMmaType(ws[0].type) || ws[0].cols % 8 != 0) return false;
  for (int i = 1; i < count; i++) {
    if (ws[i].type != ws[0].type || ws[i].cols != ws[0].cols) return false;
  }
  return true;
}

void cudaMatmulTiledMulti(cudaStream_t s, float* const* ys, const WeightView* ws, int count, const float* x, int n,
                          const SplitScratch& scratch) {
  if (!matmulTiledMultiSupports(ws, count, n)) throw NativeError(err::kInternal, "matmulTiledMulti: unsupported weights");
  launchMmaJob(s, Epilogue::kStore, ys, ws, count, nullptr, nullptr, x, n, scratch);
  cudaCheckLaunch("matmulTiledMulti");
}

bool matmulTiledAddSupports(const WeightView& w, int n) { return matmulTiledMultiSupports(&w, 1, n); }

void cudaMatmulTiledAdd(cudaStream_t s, float* y, const WeightView& w, const float* x, int n,
                        const SplitScratch& scratch) {
  if (!matmulTiledAddSupports(w, n)) throw NativeError(err::kInternal, "matmulTiledAdd: unsupported weight");
  launchMmaJob(s, Epilogue::kAdd, &y, &w, 1, nullptr, nullptr, x, n, scratch);
  cudaCheckLaunch("matmulTiledAdd");
}

bool matmulTiledGateUpSupports(const WeightView& wg, const WeightView& wu, int n) {
  return matmulTiledAddSupports(wg, n) && wu.type == wg.type && wu.rows == wg.rows && wu.cols == wg.cols;
}

void cudaMatmulTiledGateUp(cudaStream_t s, float* gate, float* up, const WeightView& wg, const WeightView& wu,
                           const float* x, int n) {
  if (!matmulTiledGateUpSupports(wg, wu, n)) throw NativeError(err::kInternal, "matmulTiledGateUp: unsupported weights");
  launchMmaJob(s, Epilogue::kSwiGlu, &gate, &wg, 1, up, &wu, x, n, nullptr);
  cudaCheckLaunch("matmulTiledGateUp");
}

}  // namespace llorch
