// The CUDA implementation of the Backend op interface: device memory from cudaMalloc (every
// byte counted, so stats report weights + KV + scratch exactly), ops enqueued in order on one
// stream of the selected device. Plain C++ (no CUDA headers), so the engine can include it.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

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
  // Quantized types with a planar layout (backend/weight_layout.h) are rewritten into it on the
  // host first; every CUDA reader of those types expects it.
  void uploadWeight(void* dst, const void* src, GgmlType type, int64_t rows, int64_t cols) override;
  void download(void* dst, const void* src, size_t bytes) override;
  void synchronize() override;
  void downloadAsync(void* dst, const void* src, size_t bytes) override;
  uint64_t mark() override;
  void wait(uint64_t ticket) override;
  bool overlapsSteps() const override { return true; }
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
  void argmax(int32_t* out, const float* x, int n, int dim) override;
  void sample(float* logits, int vocab, const SampleRequest* rows, int count, SampleResult* out) override;

  void normMatmul(float* const* ys, const WeightView* ws, int count, const float* x, const float* normW, float eps,
                  int n, float* normed) override;
  void normGateUp(float* gate, float* up, const WeightView& wg, const WeightView& wu, const float* x,
                  const float* normW, float eps, int n, float* normed) override;
  void matmulAdd(float* x, const WeightView& w, const float* in, int n, float* tmp) override;
  void normMatmulArgmax(int32_t* ids, float* logits, const WeightView& w, const float* x, const float* normW,
                        float eps, int n, float* normed) override;
  void qkvRopeStore(float* q, float* k, float* v, const float* bq, const float* bk, const float* bv,
                    const int32_t* pos, const int32_t* slots, int n, const RopeParams& ropeQ, const RopeParams& ropeK,
                    const KvLayerView& kv) override;
  void normQkvRopeStore(float* q, float* k, float* v, const QkvStep& s, const float* x, const int32_t* pos,
                        const int32_t* slots, int n, const KvLayerView& kv, float* normed) override;
  // Runs a key's first step eagerly (sizing scratch), records the second as a CUDA graph and
  // replays it from then on; a scratch reallocation invalidates every recording.
  void runStep(uint64_t key, const std::function<void()>& enqueue) override;
  bool recordsSteps() const override { return true; }

 private:
  struct Recording {
    void* exec = nullptr;  // cudaGraphExec_t
    uint64_t generation = 0;
  };

  void useDevice() const;
  // Partials of split attention and split-K products (one op at a time on the stream: shared).
  float* splitScratch(size_t floats);
  int* attentionCounters(size_t count);
  template <typename T>
  T* growScratch(T*& buf, size_t& capacity, size_t count, const char* what);
  void* pinned(void*& buf, size_t& cap, size_t bytes);
  void* deviceBuffer(void*& buf, size_t& cap, size_t bytes);

  int ordinal_;
  std::string name_;
  CUstream_st* stream_ = nullptr;
  mutable std::mutex mu_;
  std::unordered_map<void*, size_t> sizes_;
  size_t used_ = 0;
  float* scratch_ = nullptr;  // split partials, grown on demand (counted in used_)
  size_t scratchFloats_ = 0;
  std::function<float*(size_t)> splitScratchFn_;  // splitScratch as the tiled products take it (SplitScratch)
  int* counters_ = nullptr;   // attention completion counters, zero between launches
  size_t counterCount_ = 0;
  uint64_t* argmaxScratch_ = nullptr;  // the LM head's argmax (MatvecJob::argmaxScratch), zero between launches
  size_t argmaxScratchCount_ = 0;
  uint64_t scratchGeneration_ = 1;
  bool capturing_ = false;
  std::unordered_map<uint64_t, Recording> graphs_;
  std::unordered_map<uint64_t, uint64_t> seen_;  // key -> scratch generation of its eager run
  // The sampler's arguments + output, and its per-row scratch (alloc()ed: counted in used_).
  void* sampleIo_ = nullptr;
  size_t sampleIoBytes_ = 0;
  void* sampleScratch_ = nullptr;
  size_t sampleScratchBytes_ = 0;
  // The work between two marks and its pinned host staging: small uploads are copied to `up` and
  // sent asynchronously, downloadAsync lands in `down` and reaches its destination in wait(). The
  // epochs take turns: two may be outstanding (marked, not yet waited for) while the third takes
  // the next step's work; an epoch's staging is reused only after its mark's event.
  struct DeferredCopy {
    void* dst;
    size_t offset;
    size_t bytes;
  };
  struct Epoch {
    void* up = nullptr;
    size_t upCap = 0;
    size_t upUsed = 0;
    void* down = nullptr;
    size_t downCap = 0;
    size_t downUsed = 0;
    std::vector<DeferredCopy> copies;
    void* done = nullptr;  // cudaEvent_t, recorded by mark()
    uint64_t ticket = 0;   // the outstanding mark's ticket; 0: none
  };
  // Makes epochs_[epoch_] free for new work (waits for its previous mark if still outstanding).
  void reopenEpoch();

  static constexpr int kEpochs = 3;
  Epoch epochs_[kEpochs];
  int epoch_ = 0;
  uint64_t nextTicket_ = 1;
  // Synchronous downloads land here first.
  void* downStage_ = nullptr;
  size_t downStageCap_ = 0;
};

}  // namespace llorch
