// Decode-time matrix-vector products straight from the stored weight type. Memory traffic: each
// weight byte is read once (the activations, n x cols floats, stay in L1/L2), so the bound is
// weight bytes / DRAM bandwidth. One warp per output row; lanes take consecutive 8-element
// chunks (16-byte loads for F16/BF16, 32 for F32) and keep four chunks in flight per iteration.
#include "cuda/ops/matvec.h"

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/dequant.cuh"

namespace llorch {

namespace {
constexpr int kWarps = 4;
constexpr int kUnroll = 4;

template <GgmlType T, int NR>
__global__ void __launch_bounds__(kWarps * 32) matvecKernel(float* __restrict__ y, const uint8_t* __restrict__ w,
                                                             const float* __restrict__ x, int64_t rows, int64_t cols,
                                                             size_t rowBytes) {
  const int lane = threadIdx.x % 32;
  const int64_t row = static_cast<int64_t>(blockIdx.x) * kWarps + threadIdx.x / 32;
  if (row >= rows) return;
  const uint8_t* wr = w + static_cast<size_t>(row) * rowBytes;
  const int64_t chunks = cols / 8;
  float acc[NR];
#pragma unroll
  for (int r = 0; r < NR; r++) acc[r] = 0.f;
  int64_t c = lane;
  for (; c + 32 * (kUnroll - 1) < chunks; c += 32 * kUnroll) {
    float wv[kUnroll][8];
#pragma unroll
    for (int u = 0; u < kUnroll; u++) Chunk<T>::load(wr, c + 32 * u, wv[u]);
#pragma unroll
    for (int u = 0; u < kUnroll; u++) {
#pragma unroll
      for (int r = 0; r < NR; r++) {
        const float4* xp = reinterpret_cast<const float4*>(x + r * cols + (c + 32 * u) * 8);
        const float4 a = xp[0], b = xp[1];
        acc[r] += wv[u][0] * a.x + wv[u][1] * a.y + wv[u][2] * a.z + wv[u][3] * a.w + wv[u][4] * b.x +
                  wv[u][5] * b.y + wv[u][6] * b.z + wv[u][7] * b.w;
      }
    }
  }
  for (; c < chunks; c += 32) {
    float wv[8];
    Chunk<T>::load(wr, c, wv);
#pragma unroll
    for (int r = 0; r < NR; r++) {
      const float4* xp = reinterpret_cast<const float4*>(x + r * cols + c * 8);
      const float4 a = xp[0], b = xp[1];
      acc[r] += wv[0] * a.x + wv[1] * a.y + wv[2] * a.z + wv[3] * a.w + wv[4] * b.x + wv[5] * b.y + wv[6] * b.z +
                wv[7] * b.w;
    }
  }
#pragma unroll
  for (int r = 0; r < NR; r++) {
    const float v = warpSum(acc[r]);
    if (lane == 0) y[r * rows + row] = v;
  }
}

template <GgmlType T, int NR>
void launch(cudaStream_t s, float* y, const WeightView& w, const float* x) {
  const size_t rb = static_cast<size_t>(w.cols / Chunk<T>::kBlock) * Chunk<T>::kBytes;
  const unsigned blocks = static_cast<unsigned>((w.rows + kWarps - 1) / kWarps);
  matvecKernel<T, NR><<<blocks, kWarps * 32, 0, s>>>(y, static_cast<const uint8_t*>(w.data), x, w.rows, w.cols, rb);
}

struct Launch {
  cudaStream_t s;
  float* y;
  const WeightView& w;
  const float* x;
  int n;
  template <GgmlType T>
  void operator()() const {
    // Batches of up to 4 rows share one pass over the weights; larger n takes more passes.
    int done = 0;
    for (; n - done >= 4; done += 4) launch<T, 4>(s, y + done * w.rows, w, x + done * w.cols);
    if (n - done >= 2) {
      launch<T, 2>(s, y + done * w.rows, w, x + done * w.cols);
      done += 2;
    }
    if (n - done == 1) launch<T, 1>(s, y + done * w.rows, w, x + done * w.cols);
  }
};
}  // namespace

void cudaMatvec(cudaStream_t s, float* y, const WeightView& w, const float* x, int n) {
  dispatchType(w.type, Launch{s, y, w, x, n});
  cudaCheckLaunch("matvec");
}

}  // namespace llorch
