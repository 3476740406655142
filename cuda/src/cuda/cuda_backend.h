// The CUDA implementation of the Backend op interface: device memory from cudaMalloc (every
// byte counted, so stats report weights + KV + scratch exactly), ops enqueued in order on one
// stream of the selected device. Plain C++ (no CUDA headers), so the engine can include it.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "backend/backend.h"

struct CUstream_st;

namespace llorch {

class CudaBackend final : public Backend {
 public:
  // Selects device `ordinal`; throws NativeError(NATIVE_ERR_CUDA) when it does not exist.
  explicit CudaBackend(int ordinal);
  ~CudaBackend() override;
  CudaBackend(const CudaBackend&) = delete;
  CudaBackend& operator=(const CudaBackend&) = delete;

  std::string device() const override { return "cuda:" + std::to_string(ordinal_); }
  int threads() const override { return 1; }
  // The device's name as the driver reports it (e.g. "NVIDIA H100 80GB HBM3").
  const std::string& name() const { return name_; }

  void* alloc(size_t bytes) override;
  void free(void* ptr) override;
  void upload(void* dst, const void* src, size_t bytes) override;
  void download(void* dst, const void* src, size_t bytes) override;
  void synchronize() override;
  size_t memoryUsed() const override;
  size_t memoryFree() const override;

  void getRows(float* out, const WeightView& table, const int32_t* ids, int n) override;
  void gatherRows(float* out, const float* x, const int32_t* idx, int n, int dim) override;
  void rmsnorm(float* out, const float* x, const float* w, int n, int dim, float eps) override;
  void matmul(float* y, const WeightView& w, const float* x, int n) override;
  void addBias(float* x, const float* bias, int n, int dim) override;
  void rope(float* x, const int32_t* pos, int n, const RopeParams& p) override;
  void kvStore(const KvLayerView& kv, const float* k, const float* v, const int32_t* slots, int n) override;
  void attention(float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b) override;
  void siluMul(float* gate, const float* up, size_t count) override;
  void add(float* x, const float* y, size_t count) override;

 private:
  void useDevice() const;
  float* attentionScratch(size_t floats);

  int ordinal_;
  std::string name_;
  CUstream_st* stream_ = nullptr;
  mutable std::mutex mu_;
  std::unordered_map<void*, size_t> sizes_;
  size_t used_ = 0;
  float* scratch_ = nullptr;  // attention split partials, grown on demand (counted in used_)
  size_t scratchFloats_ = 0;
};

}  // namespace llorch
