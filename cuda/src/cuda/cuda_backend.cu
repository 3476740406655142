#include "cuda/cuda_backend.h"

#include <cuda_runtime.h>

#include "cuda/cuda_check.h"
#include "cuda/ops/attention.h"
#include "cuda/ops/elementwise.h"
#include "cuda/ops/get_rows.h"
#include "cuda/ops/matmul.h"
#include "cuda/ops/rmsnorm.h"
#include "cuda/ops/rope.h"
#include "native_error.h"

namespace llorch {

CudaBackend::CudaBackend(int ordinal) : ordinal_(ordinal) {
  int count = 0;
  const cudaError_t st = cudaGetDeviceCount(&count);
  if (st != cudaSuccess) {
    throw NativeError(err::kCuda, std::string("no usable CUDA device: ") + cudaGetErrorString(st));
  }
  if (ordinal < 0 || ordinal >= count) {
    throw NativeError(err::kCuda, "device cuda:" + std::to_string(ordinal) + " does not exist (" +
                                      std::to_string(count) + " CUDA device(s))");
  }
  useDevice();
  cudaDeviceProp prop;
  cudaCheck(cudaGetDeviceProperties(&prop, ordinal), "cudaGetDeviceProperties");
  name_ = prop.name;
  cudaStream_t s;
  cudaCheck(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking), "cudaStreamCreate");
  stream_ = s;
}

CudaBackend::~CudaBackend() {
  // Nothing here may throw; a faulted context fails these calls and that is fine at teardown.
  cudaSetDevice(ordinal_);
  if (scratch_ != nullptr) cudaFree(scratch_);
  for (auto& [p, bytes] : sizes_) cudaFree(p);
  if (stream_ != nullptr) cudaStreamDestroy(stream_);
}

void CudaBackend::useDevice() const { cudaCheck(cudaSetDevice(ordinal_), "cudaSetDevice"); }

void* CudaBackend::alloc(size_t bytes) {
  useDevice();
  void* p = nullptr;
  const cudaError_t st = cudaMalloc(&p, bytes == 0 ? 1 : bytes);
  if (st == cudaErrorMemoryAllocation) {
    cudaGetLastError();  // not sticky: clear it so the next call does not see it
    size_t freeB = 0, total = 0;
    cudaMemGetInfo(&freeB, &total);
    throw NativeError(err::kOom, "cannot allocate " + std::to_string(bytes) + " bytes on " + device() + ": " +
                                     std::to_string(freeB) + " of " + std::to_string(total) +
                                     " bytes free, this engine holds " + std::to_string(memoryUsed()));
  }
  cudaCheck(st, "cudaMalloc");
  std::lock_guard<std::mutex> lock(mu_);
  sizes_[p] = bytes;
  used_ += bytes;
  return p;
}

void CudaBackend::free(void* ptr) {
  if (ptr == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = sizes_.find(ptr);
    if (it == sizes_.end()) return;
    used_ -= it->second;
    sizes_.erase(it);
  }
  useDevice();
  cudaFree(ptr);
}

void CudaBackend::upload(void* dst, const void* src, size_t bytes) {
  if (bytes == 0) return;
  useDevice();
  // From pageable host memory the copy is staged before the call returns, so `src` may be reused.
  cudaCheck(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyHostToDevice, stream_), "upload");
  cudaCheck(cudaStreamSynchronize(stream_), "upload");
}

void CudaBackend::download(void* dst, const void* src, size_t bytes) {
  if (bytes == 0) return;
  useDevice();
  cudaCheck(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToHost, stream_), "download");
  cudaCheck(cudaStreamSynchronize(stream_), "download");
}

void CudaBackend::synchronize() {
  useDevice();
  cudaCheck(cudaStreamSynchronize(stream_), "synchronize");
}

size_t CudaBackend::memoryUsed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return used_ + scratchFloats_ * sizeof(float);
}

size_t CudaBackend::memoryFree() const {
  useDevice();
  size_t freeB = 0, total = 0;
  cudaCheck(cudaMemGetInfo(&freeB, &total), "cudaMemGetInfo");
  return freeB;
}

float* CudaBackend::attentionScratch(size_t floats) {
  if (floats <= scratchFloats_) return scratch_;
  // Grow geometrically so that a slowly growing context reallocates O(log) times.
  const size_t want = std::max(floats, scratchFloats_ * 2);
  if (scratch_ != nullptr) {
    cudaCheck(cudaStreamSynchronize(stream_), "attention scratch");
    cudaFree(scratch_);
    scratch_ = nullptr;
    std::lock_guard<std::mutex> lock(mu_);
    scratchFloats_ = 0;
  }
  void* p = nullptr;
  const cudaError_t st = cudaMalloc(&p, want * sizeof(float));
  if (st == cudaErrorMemoryAllocation) {
    cudaGetLastError();
    throw NativeError(err::kOom, "cannot allocate " + std::to_string(want * sizeof(float)) +
                                     " bytes of attention scratch on " + device());
  }
  cudaCheck(st, "cudaMalloc");
  std::lock_guard<std::mutex> lock(mu_);
  scratch_ = static_cast<float*>(p);
  scratchFloats_ = want;
  return scratch_;
}

void CudaBackend::getRows(float* out, const WeightView& table, const int32_t* ids, int n) {
  // The first op of a forward step: the engine thread may not have this device selected yet.
  useDevice();
  cudaGetRows(stream_, out, table, ids, n);
}

void CudaBackend::gatherRows(float* out, const float* x, const int32_t* idx, int n, int dim) {
  cudaGatherRows(stream_, out, x, idx, n, dim);
}

void CudaBackend::rmsnorm(float* out, const float* x, const float* w, int n, int dim, float eps) {
  cudaRmsnorm(stream_, out, x, w, n, dim, eps);
}

void CudaBackend::matmul(float* y, const WeightView& w, const float* x, int n) { cudaMatmul(stream_, y, w, x, n); }

void CudaBackend::addBias(float* x, const float* bias, int n, int dim) { cudaAddBias(stream_, x, bias, n, dim); }

void CudaBackend::rope(float* x, const int32_t* pos, int n, const RopeParams& p) { cudaRope(stream_, x, pos, n, p); }

void CudaBackend::kvStore(const KvLayerView& kv, const float* k, const float* v, const int32_t* slots, int n) {
  cudaKvStore(stream_, kv, k, v, slots, n);
}

void CudaBackend::attention(float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b) {
  cudaAttention(stream_, out, q, kv, b, attentionScratch(cudaAttentionScratchFloats(b)));
}

void CudaBackend::siluMul(float* gate, const float* up, size_t count) { cudaSiluMul(stream_, gate, up, count); }

void CudaBackend::add(float* x, const float* y, size_t count) { cudaAdd(stream_, x, y, count); }

}  // namespace llorch
