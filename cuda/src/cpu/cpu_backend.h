// The CPU implementation of the Backend op interface. "Device" memory is 64-byte aligned host
// memory; ops run on the calling thread, fanned out over a ThreadPool where the work is large
// enough to pay for the wake-up.
#pragma once

#include <atomic>
#include <memory>

#include "backend/backend.h"
#include "cpu/thread_pool.h"

namespace llorch {

class CpuBackend final : public Backend {
 public:
  explicit CpuBackend(int threads);

  std::string device() const override { return "cpu"; }
  int threads() const override { return pool_.size(); }

  void* alloc(size_t bytes) override;
  void free(void* ptr) override;
  void upload(void* dst, const void* src, size_t bytes) override;
  void download(void* dst, const void* src, size_t bytes) override;
  void synchronize() override {}
  size_t memoryUsed() const override { return used_.load(); }
  size_t memoryFree() const override;

  void getRows(float* out, const WeightView& table, const int32_t* ids, int n) override;
  void gatherRows(float* out, const float* x, const int32_t* idx, int n, int dim) override;
  void rmsnorm(float* out, const float* x, const float* w, int n, int dim, float eps) override;
  void matmul(float* y, const WeightView& w, const float* x, int n) override;
  void addBias(float* x, const float* bias, int n, int dim) override;
  void rope(float* x, const int32_t* pos, int n, const RopeParams& p) override;
  void kvStore(const KvLayerView& kv, const float* k, const float* v, const int32_t* slots,
               int n) override;
  void attention(float* out, const float* q, const KvLayerView& kv,
                 const AttentionBatch& b) override;
  void siluMul(float* gate, const float* up, size_t count) override;
  void add(float* x, const float* y, size_t count) override;
  void argmax(int32_t* out, const float* x, int n, int dim) override;

 private:
  ThreadPool pool_;
  std::atomic<size_t> used_{0};
};

}  // namespace llorch
