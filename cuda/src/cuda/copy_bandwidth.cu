#include "cuda/copy_bandwidth.h"

#include <cuda_runtime.h>

#include <algorithm>
#include <vector>

#include "cuda/cuda_check.h"

namespace llorch {

namespace {
constexpr size_t kBytes = size_t{1} << 30;  // far beyond the 50 MB L2
constexpr int kRuns = 15;
}  // namespace

CopyBandwidth measureCopyBandwidth(int ordinal) {
  cudaCheck(cudaSetDevice(ordinal), "cudaSetDevice");
  cudaDeviceProp prop;
  cudaCheck(cudaGetDeviceProperties(&prop, ordinal), "cudaGetDeviceProperties");
  void *src = nullptr, *dst = nullptr;
  cudaEvent_t start = nullptr, stop = nullptr;
  std::vector<float> ms;
  try {
    cudaCheck(cudaMalloc(&src, kBytes), "cudaMalloc");
    cudaCheck(cudaMalloc(&dst, kBytes), "cudaMalloc");
    cudaCheck(cudaMemset(src, 0x5a, kBytes), "cudaMemset");
    cudaCheck(cudaEventCreate(&start), "cudaEventCreate");
    cudaCheck(cudaEventCreate(&stop), "cudaEventCreate");
    cudaCheck(cudaMemcpy(dst, src, kBytes, cudaMemcpyDeviceToDevice), "warm-up copy");
    for (int i = 0; i < kRuns; i++) {
      cudaCheck(cudaEventRecord(start), "cudaEventRecord");
      cudaCheck(cudaMemcpyAsync(dst, src, kBytes, cudaMemcpyDeviceToDevice), "copy");
      cudaCheck(cudaEventRecord(stop), "cudaEventRecord");
      cudaCheck(cudaEventSynchronize(stop), "cudaEventSynchronize");
      float t = 0;
      cudaCheck(cudaEventElapsedTime(&t, start, stop), "cudaEventElapsedTime");
      ms.push_back(t);
    }
  } catch (...) {
    cudaFree(src);
    cudaFree(dst);
    if (start) cudaEventDestroy(start);
    if (stop) cudaEventDestroy(stop);
    throw;
  }
  cudaFree(src);
  cudaFree(dst);
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  std::sort(ms.begin(), ms.end());
  return CopyBandwidth{prop.name, 2.0 * static_cast<double>(kBytes) / (ms[ms.size() / 2] * 1e-3)};
}

}  // namespace llorch
