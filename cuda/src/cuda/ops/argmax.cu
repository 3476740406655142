// Greedy sampling on the device: one block per row finds the first index of the row's largest
// value. The rows are logits the LM head has just written (151936 floats = 600 KB for Qwen2.5,
// still in L2), so one SM reading them takes a few microseconds; that replaces downloading the
// row and a host pass over it.
#include "cuda/ops/argmax.h"

#include <cmath>

#include "cuda/cuda_check.h"

namespace llorch {

namespace {
constexpr int kThreads = 1024;
constexpr int kLoads = 8;  // independent loads in flight per thread

// Whether (v, i) beats (bv, bi): larger, or equal and earlier. A NaN never wins (std::max_element
// differs only for a NaN at index 0, which it keeps).
__device__ __forceinline__ bool beats(float v, int i, float bv, int bi) { return v > bv || (v == bv && i < bi); }

__global__ void __launch_bounds__(kThreads) argmaxKernel(int32_t* out, const float* x, int dim) {
  const float* row = x + static_cast<int64_t>(blockIdx.x) * dim;
  // Sentinel: index dim loses every tie, so a row of -inf still picks index 0.
  float bv = -INFINITY;
  int bi = dim;
  for (int i0 = threadIdx.x; i0 < dim; i0 += kThreads * kLoads) {
    float v[kLoads];
#pragma unroll
    for (int u = 0; u < kLoads; u++) {
      const int i = i0 + u * kThreads;
      v[u] = i < dim ? row[i] : -INFINITY;
    }
#pragma unroll
    for (int u = 0; u < kLoads; u++) {
      const int i = i0 + u * kThreads;
      if (i < dim && beats(v[u], i, bv, bi)) {
        bv = v[u];
        bi = i;
      }
    }
  }
#pragma unroll
  for (int o = 16; o > 0; o >>= 1) {
    const float ov = __shfl_xor_sync(0xffffffffu, bv, o);
    const int oi = __shfl_xor_sync(0xffffffffu, bi, o);
    if (beats(ov, oi, bv, bi)) {
      bv = ov;
      bi = oi;
    }
  }
  __shared__ float sv[kThreads / 32];
  __shared__ int si[kThreads / 32];
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  if (lane == 0) {
    sv[warp] = bv;
    si[warp] = bi;
  }
  __syncthreads();
  if (warp != 0) return;
  bv = sv[lane];
  bi = si[lane];
#pragma unroll
  for (int o = 16; o > 0; o >>= 1) {
    const float ov = __shfl_xor_sync(0xffffffffu, bv, o);
    const int oi = __shfl_xor_sync(0xffffffffu, bi, o);
    if (beats(ov, oi, bv, bi)) {
      bv = ov;
      bi = oi;
    }
  }
  if (lane == 0) out[blockIdx.x] = bi < dim ? bi : 0;
}
}  // namespace

void cudaArgmax(cudaStream_t s, int32_t* out, const float* x, int n, int dim) {
  if (n == 0) return;
  argmaxKernel<<<n, kThreads, 0, s>>>(out, x, dim);
  cudaCheckLaunch("argmax");
}

}  // namespace llorch
