// Prefill matrix products. Memory traffic per 64x64 tile pair: 64 weight rows and 64 activation
// rows of 32 columns per k-step, so each weight byte is read ceil(n / 64) times and each
// activation ceil(rows / 64) times; with n = 512 the kernels are bound by the tensor (or FMA)
// rate, not by bandwidth.
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
    Chunk<T>::load(w + static_cast<size_t>(row) * rowBytes, k / 8, o);
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

template <GgmlType T>
__global__ void __launch_bounds__(kThreads) matmulTcKernel(float* __restrict__ y, const uint8_t* __restrict__ w,
                                                           const float* __restrict__ x, int n, int64_t rows,
                                                           int64_t cols, size_t rowBytes) {
  using namespace nvcuda;
  __shared__ __align__(32) __half ws[kBM][kBK + kPadH];
  // Activations as hi + lo f16 pairs (lo = the rounding residual): two MMAs per tile recover
  // ~22 bits of the f32 activation, so F16 weights compute as exactly as f32 FMA would.
  __shared__ __align__(32) __half xs[kBN][kBK + kPadH];
  __shared__ __align__(32) __half xl[kBN][kBK + kPadH];
  __shared__ __align__(32) float cs[kBN][kBM + 4];
  const int t = threadIdx.x, warp = t / 32;
  const int64_t row0 = static_cast<int64_t>(blockIdx.x) * kBM;
  const int64_t xrow0 = static_cast<int64_t>(blockIdx.y) * kBN;
  const int lr = t / 4, lc = (t % 4) * 8;
  const int xm = (warp / 2) * 16, wn = (warp % 2) * 32;
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[2];
  wmma::fill_fragment(acc[0], 0.f);
  wmma::fill_fragment(acc[1], 0.f);
  for (int64_t k0 = 0; k0 < cols; k0 += kBK) {
    float v[8];
    loadWeightChunk<T>(w, rowBytes, rows, cols, row0 + lr, k0 + lc, v);
    storeHalf8(&ws[lr][lc], v);
    loadActChunk(x, n, cols, xrow0 + lr, k0 + lc, v);
    storeHalf8(&xs[lr][lc], v);
#pragma unroll
    for (int i = 0; i < 8; i++) v[i] -= __half2float(xs[lr][lc + i]);
    storeHalf8(&xl[lr][lc], v);
    __syncthreads();
#pragma unroll
    for (int kk = 0; kk < kBK; kk += 16) {
      wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> a, al;
      wmma::load_matrix_sync(a, &xs[xm][kk], kBK + kPadH);
      wmma::load_matrix_sync(al, &xl[xm][kk], kBK + kPadH);
#pragma unroll
      for (int j = 0; j < 2; j++) {
        // B[k][m] = W[m][k]: the weight tile read column-major.
        wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::col_major> b;
        wmma::load_matrix_sync(b, &ws[wn + 16 * j][kk], kBK + kPadH);
        wmma::mma_sync(acc[j], a, b, acc[j]);
        wmma::mma_sync(acc[j], al, b, acc[j]);
      }
    }
    __syncthreads();
  }
  wmma::store_matrix_sync(&cs[xm][wn], acc[0], kBM + 4, wmma::mem_row_major);
  wmma::store_matrix_sync(&cs[xm][wn + 16], acc[1], kBM + 4, wmma::mem_row_major);
  __syncthreads();
  for (int i = t; i < kBN * kBM; i += kThreads) {
    const int xr = i / kBM, wr = i % kBM;
    if (xrow0 + xr < n && row0 + wr < rows) y[(xrow0 + xr) * rows + row0 + wr] = cs[xr][wr];
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
    const dim3 grid(static_cast<unsigned>((w.rows + kBM - 1) / kBM), static_cast<unsigned>((n + kBN - 1) / kBN));
    const uint8_t* wd = static_cast<const uint8_t*>(w.data);
    if constexpr (T == GgmlType::F32 || T == GgmlType::BF16) {
      matmulF32Kernel<T><<<grid, kThreads, 0, s>>>(y, wd, x, n, w.rows, w.cols, rb);
    } else {
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
