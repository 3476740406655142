// The small memory-bound ops: each element is read and written once, a grid-stride loop of
// 256-thread blocks; at decode sizes (a few thousand floats) their cost is the launch.
#include "cuda/ops/elementwise.h"

#include <algorithm>

#include "cuda/cuda_check.h"

namespace llorch {

namespace {
constexpr int kThreads = 256;

int gridFor(size_t count) {
  return static_cast<int>(std::min<size_t>((count + kThreads - 1) / kThreads, 65535));
}

__global__ void addBiasKernel(float* x, const float* bias, size_t count, int dim) {
  for (size_t i = blockIdx.x * size_t{kThreads} + threadIdx.x; i < count; i += size_t{gridDim.x} * kThreads) {
    x[i] += bias[i % dim];
  }
}

__global__ void siluMulKernel(float* gate, const float* up, size_t count) {
  for (size_t i = blockIdx.x * size_t{kThreads} + threadIdx.x; i < count; i += size_t{gridDim.x} * kThreads) {
    const float g = gate[i];
    gate[i] = (g / (1.0f + expf(-g))) * up[i];
  }
}

__global__ void addKernel(float* x, const float* y, size_t count) {
  for (size_t i = blockIdx.x * size_t{kThreads} + threadIdx.x; i < count; i += size_t{gridDim.x} * kThreads) {
    x[i] += y[i];
  }
}

__global__ void gatherRowsKernel(float* out, const float* x, const int32_t* idx, int dim) {
  const float* src = x + static_cast<int64_t>(idx[blockIdx.x]) * dim;
  float* dst = out + static_cast<int64_t>(blockIdx.x) * dim;
  for (int j = threadIdx.x; j < dim; j += kThreads) dst[j] = src[j];
}

__global__ void kvStoreKernel(float* kc, float* vc, const float* k, const float* v, const int32_t* slots, int kvDim) {
  const int64_t slot = slots[blockIdx.x];
  const int64_t row = blockIdx.x;
  for (int j = threadIdx.x; j < kvDim; j += kThreads) {
    kc[slot * kvDim + j] = k[row * kvDim + j];
    vc[slot * kvDim + j] = v[row * kvDim + j];
  }
}
}  // namespace

void cudaAddBias(cudaStream_t s, float* x, const float* bias, int n, int dim) {
  const size_t count = static_cast<size_t>(n) * dim;
  if (count == 0) return;
  addBiasKernel<<<gridFor(count), kThreads, 0, s>>>(x, bias, count, dim);
  cudaCheckLaunch("addBias");
}

void cudaSiluMul(cudaStream_t s, float* gate, const float* up, size_t count) {
  if (count == 0) return;
  siluMulKernel<<<gridFor(count), kThreads, 0, s>>>(gate, up, count);
  cudaCheckLaunch("siluMul");
}

void cudaAdd(cudaStream_t s, float* x, const float* y, size_t count) {
  if (count == 0) return;
  addKernel<<<gridFor(count), kThreads, 0, s>>>(x, y, count);
  cudaCheckLaunch("add");
}

void cudaGatherRows(cudaStream_t s, float* out, const float* x, const int32_t* idx, int n, int dim) {
  if (n <= 0) return;
  gatherRowsKernel<<<n, kThreads, 0, s>>>(out, x, idx, dim);
  cudaCheckLaunch("gatherRows");
}

void cudaKvStore(cudaStream_t s, const KvLayerView& kv, const float* k, const float* v, const int32_t* slots, int n) {
  if (n <= 0) return;
  kvStoreKernel<<<n, kThreads, 0, s>>>(kv.k, kv.v, k, v, slots, kv.kvDim);
  cudaCheckLaunch("kvStore");
}

}  // namespace llorch
