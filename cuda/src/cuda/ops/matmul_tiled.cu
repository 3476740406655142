// Prefill matrix products. Memory traffic: each k-step of a tile reads its weight rows and
// activation rows once, so each weight byte is read ceil(n / 64) times and each activation
// ceil(rows / 64) times; with n = 512 the kernels are
// bound by the tensor (or FMA) rate and by their shared-memory traffic, not by DRAM.
#include "cuda/ops/matmul_tiled.h"

#include <mma.h>

#include "cuda/cuda_check.h"
#include "cuda/dequant.cuh"

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

// Tensor-core tiles are 64 weight rows x 64 activation rows: each warp owns a 16 x 32 output
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
  // rounding residual: two MMAs recover ~22 bits of the f32 activation, so F16 weights compute
  // as exactly as f32 FMA would); the f32 output tile reuses the same memory at the end.
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
    if constexpr (T == GgmlType::F32 || T == GgmlType::BF16) {
      const dim3 grid(static_cast<unsigned>((w.rows + kBM - 1) / kBM), xTiles);
      matmulF32Kernel<T><<<grid, kThreads, 0, s>>>(y, wd, x, n, w.rows, w.cols, rb);
    } else {
      const dim3 grid(static_cast<unsigned>((w.rows + kTcBM - 1) / kTcBM), xTiles);
      matmulTcKernel<T><<<grid, kThreads, 0, s>>>(y, wd, x, n, w.rows, w.cols, rb);
    }
  }
};
}  // namespace

void cudaMatmulTiled(cudaStream_t s, float* y, const WeightView& w, const float* x, int n) {
  dispatchType(w.type, Launch{s, y, w, x, n});
  cudaCheckLaunch("matmulTiled");
}

}  // namespace llorch
