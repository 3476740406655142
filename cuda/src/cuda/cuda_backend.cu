#include "cuda/cuda_backend.h"

#include <cuda_runtime.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "backend/weight_layout.h"
#include "cuda/cuda_check.h"
#include "cuda/kernel_trace.h"
#include "cuda/ops/argmax.h"
#include "cuda/ops/attention.h"
#include "cuda/ops/attention_prefill.h"
#include "cuda/ops/elementwise.h"
#include "cuda/ops/get_rows.h"
#include "cuda/ops/matmul.h"
#include "cuda/ops/matmul_tiled.h"
#include "cuda/ops/matvec.h"
#include "cuda/ops/qkv_rope_store.h"
#include "cuda/ops/rmsnorm.h"
#include "cuda/ops/rope.h"
#include "cuda/ops/sample.h"
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
  for (Epoch& e : epochs_) {
    cudaEvent_t ev;
    cudaCheck(cudaEventCreateWithFlags(&ev, cudaEventDisableTiming), "cudaEventCreate");
    e.done = ev;
  }
  splitScratchFn_ = [this](size_t floats) { return splitScratch(floats); };
}

namespace {
constexpr size_t kUpStageBytes = 1u << 20;    // per-step uploads are a few KB
constexpr size_t kDownStageMax = 64u << 20;   // the engine's logit scratch cap
constexpr size_t kDownAsyncBytes = 64u << 10;  // a step's sampled ids
}  // namespace

CudaBackend::~CudaBackend() {
  // Nothing here may throw; a faulted context fails these calls and that is fine at teardown.
  cudaSetDevice(ordinal_);
#ifdef LLORCH_TRACE
  if (const char* path = std::getenv("LLORCH_TRACE_FILE")) {
    cudaDeviceSynchronize();
    writeTrace(path);
  }
#endif
  for (auto& [key, r] : graphs_) cudaGraphExecDestroy(static_cast<cudaGraphExec_t>(r.exec));
  for (Epoch& e : epochs_) {
    if (e.up != nullptr) cudaFreeHost(e.up);
    if (e.down != nullptr) cudaFreeHost(e.down);
    if (e.done != nullptr) cudaEventDestroy(static_cast<cudaEvent_t>(e.done));
  }
  if (downStage_ != nullptr) cudaFreeHost(downStage_);
  if (scratch_ != nullptr) cudaFree(scratch_);
  if (counters_ != nullptr) cudaFree(counters_);
  if (argmaxScratch_ != nullptr) cudaFree(argmaxScratch_);
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

void* CudaBackend::pinned(void*& buf, size_t& cap, size_t bytes) {
  if (bytes <= cap) return buf;
  if (buf != nullptr) cudaFreeHost(buf);
  buf = nullptr;
  cap = 0;
  cudaCheck(cudaMallocHost(&buf, bytes), "cudaMallocHost");
  cap = bytes;
  return buf;
}

void CudaBackend::upload(void* dst, const void* src, size_t bytes) {
  if (bytes == 0) return;
  useDevice();
  Epoch& e = epochs_[epoch_];
  const size_t aligned = (bytes + 255) & ~size_t{255};
  if (e.upUsed + aligned <= kUpStageBytes) {
    uint8_t* stage = static_cast<uint8_t*>(pinned(e.up, e.upCap, kUpStageBytes)) + e.upUsed;
    std::memcpy(stage, src, bytes);
    e.upUsed += aligned;
    cudaCheck(cudaMemcpyAsync(dst, stage, bytes, cudaMemcpyHostToDevice, stream_), "upload");
    return;
  }
  // From pageable host memory the copy is staged before the call returns, so `src` may be reused.
  cudaCheck(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyHostToDevice, stream_), "upload");
  synchronize();
}

void CudaBackend::uploadWeight(void* dst, const void* src, GgmlType type, int64_t rows, int64_t cols) {
  if (!hasPlanarLayout(type)) {
    Backend::uploadWeight(dst, src, type, rows, cols);
    return;
  }
  // One host pass over the loader's chunk (whole rows, 16 MB at most), cheap next to reading it.
  const size_t bytes = rowBytes(*typeTraits(static_cast<uint32_t>(type)), cols) * static_cast<size_t>(rows);
  std::vector<uint8_t> planar(bytes);
  toPlanarRows(type, static_cast<const uint8_t*>(src), planar.data(), rows, cols);
  upload(dst, planar.data(), bytes);
}

void CudaBackend::download(void* dst, const void* src, size_t bytes) {
  if (bytes == 0) return;
  useDevice();
  if (bytes <= kDownStageMax) {
    void* stage = pinned(downStage_, downStageCap_, bytes);
    cudaCheck(cudaMemcpyAsync(stage, src, bytes, cudaMemcpyDeviceToHost, stream_), "download");
    synchronize();
    std::memcpy(dst, stage, bytes);
  } else {
    cudaCheck(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToHost, stream_), "download");
    synchronize();
  }
}

void CudaBackend::synchronize() {
  useDevice();
  cudaCheck(cudaStreamSynchronize(stream_), "synchronize");
  epochs_[epoch_].upUsed = 0;
}

void CudaBackend::downloadAsync(void* dst, const void* src, size_t bytes) {
  if (bytes == 0) return;
  Epoch& e = epochs_[epoch_];
  const size_t aligned = (bytes + 255) & ~size_t{255};
  if (e.downUsed + aligned > kDownAsyncBytes) {
    download(dst, src, bytes);
    return;
  }
  useDevice();
  uint8_t* stage = static_cast<uint8_t*>(pinned(e.down, e.downCap, kDownAsyncBytes));
  cudaCheck(cudaMemcpyAsync(stage + e.downUsed, src, bytes, cudaMemcpyDeviceToHost, stream_), "download");
  e.copies.push_back(DeferredCopy{dst, e.downUsed, bytes});
  e.downUsed += aligned;
}

uint64_t CudaBackend::mark() {
  useDevice();
  Epoch& e = epochs_[epoch_];
  cudaCheck(cudaEventRecord(static_cast<cudaEvent_t>(e.done), stream_), "cudaEventRecord");
  e.ticket = nextTicket_++;
  epoch_ = (epoch_ + 1) % kEpochs;
  reopenEpoch();
  return e.ticket;
}

void CudaBackend::reopenEpoch() {
  Epoch& e = epochs_[epoch_];
  if (e.ticket != 0) {
    cudaCheck(cudaEventSynchronize(static_cast<cudaEvent_t>(e.done)), "cudaEventSynchronize");
    e.copies.clear();
    e.ticket = 0;
  }
  e.upUsed = 0;
  e.downUsed = 0;
}

void CudaBackend::wait(uint64_t ticket) {
  for (Epoch& e : epochs_) {
    if (ticket == 0 || e.ticket != ticket) continue;
    useDevice();
    cudaCheck(cudaEventSynchronize(static_cast<cudaEvent_t>(e.done)), "cudaEventSynchronize");
    for (const DeferredCopy& c : e.copies) std::memcpy(c.dst, static_cast<uint8_t*>(e.down) + c.offset, c.bytes);
    e.copies.clear();
    e.ticket = 0;
    return;
  }
  throw NativeError(err::kInternal, "step ticket " + std::to_string(ticket) + " is not outstanding");
}

size_t CudaBackend::memoryUsed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return used_ + scratchFloats_ * sizeof(float) + counterCount_ * sizeof(int) +
         argmaxScratchCount_ * sizeof(uint64_t);
}

size_t CudaBackend::memoryFree() const {
  useDevice();
  size_t freeB = 0, total = 0;
  cudaCheck(cudaMemGetInfo(&freeB, &total), "cudaMemGetInfo");
  return freeB;
}

// Grows a scratch buffer to `count` elements, zero-filled. Geometrically, so that a slowly
// growing context reallocates O(log) times; every recording holds the old pointer, so the
// generation moves on and they are all recorded again.
template <typename T>
T* CudaBackend::growScratch(T*& buf, size_t& capacity, size_t count, const char* what) {
  if (count <= capacity) return buf;
  if (capturing_) throw NativeError(err::kInternal, std::string(what) + " grew while recording a step");
  scratchGeneration_++;
  const size_t want = std::max(count, capacity * 2);
  if (buf != nullptr) {
    cudaCheck(cudaStreamSynchronize(stream_), what);
    cudaFree(buf);
    buf = nullptr;
    std::lock_guard<std::mutex> lock(mu_);
    capacity = 0;
  }
  void* p = nullptr;
  const cudaError_t st = cudaMalloc(&p, want * sizeof(T));
  if (st == cudaErrorMemoryAllocation) {
    cudaGetLastError();
    throw NativeError(err::kOom, "cannot allocate " + std::to_string(want * sizeof(T)) + " bytes of " + what +
                                     " on " + device());
  }
  cudaCheck(st, "cudaMalloc");
  cudaCheck(cudaMemsetAsync(p, 0, want * sizeof(T), stream_), "cudaMemset");
  std::lock_guard<std::mutex> lock(mu_);
  buf = static_cast<T*>(p);
  capacity = want;
  return buf;
}

float* CudaBackend::splitScratch(size_t floats) {
  return growScratch(scratch_, scratchFloats_, floats, "split scratch");
}

// The counters must be zero between launches: the kernel's last block resets the ones it used.
int* CudaBackend::attentionCounters(size_t count) {
  return growScratch(counters_, counterCount_, count, "attention counters");
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

void CudaBackend::matmul(float* y, const WeightView& w, const float* x, int n) {
  cudaMatmul(stream_, y, w, x, n, splitScratchFn_);
}

void CudaBackend::addBias(float* x, const float* bias, int n, int dim) { cudaAddBias(stream_, x, bias, n, dim); }

void CudaBackend::rope(float* x, const int32_t* pos, int n, const RopeParams& p) { cudaRope(stream_, x, pos, n, p); }

void CudaBackend::kvStore(const KvLayerView& kv, const float* k, const float* v, const int32_t* slots, int n) {
  cudaKvStore(stream_, kv, k, v, slots, n);
}

void CudaBackend::attention(float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b) {
  // Spans long enough for the tensor-core prefill kernel take it; the rows between them (decode
  // rows, short runs) go to the decode kernel as sub-batches of consecutive rows.
  const size_t qDim = static_cast<size_t>(b.heads) * b.headDim;
  auto decodeRows = [&](int first, int count) {
    if (count <= 0) return;
    AttentionBatch sub = b;
    sub.pos += first;
    sub.tableOffset += first;
    sub.n = count;
    sub.spans = nullptr;
    sub.spanCount = 0;
    float* partials = splitScratch(std::max<size_t>(1, cudaAttentionScratchFloats(sub)));
    cudaAttention(stream_, out + first * qDim, q + first * qDim, kv, sub, partials,
                  attentionCounters(cudaAttentionCounters(sub)));
  };
  int next = 0;  // first row not yet attended
  for (int i = 0; i < b.spanCount; i++) {
    const AttentionSpan& span = b.spans[i];
    if (!attentionPrefillSupports(b, span)) continue;
    decodeRows(next, span.firstRow - next);
    cudaAttentionPrefill(stream_, out, q, kv, b, span);
    next = span.firstRow + span.rows;
  }
  decodeRows(next, b.n - next);
}

void CudaBackend::siluMul(float* gate, const float* up, size_t count) { cudaSiluMul(stream_, gate, up, count); }

void CudaBackend::add(float* x, const float* y, size_t count) { cudaAdd(stream_, x, y, count); }

void CudaBackend::argmax(int32_t* out, const float* x, int n, int dim) { cudaArgmax(stream_, out, x, n, dim); }

void* CudaBackend::deviceBuffer(void*& buf, size_t& cap, size_t bytes) {
  if (bytes <= cap) return buf;
  if (capturing_) throw NativeError(err::kInternal, "sampler buffers grew while recording a step");
  if (buf != nullptr) {
    synchronize();
    free(buf);
  }
  buf = nullptr;
  cap = 0;
  buf = alloc(bytes);
  cap = bytes;
  return buf;
}

void CudaBackend::sample(float* logits, int vocab, const SampleRequest* rows, int count, SampleResult* out) {
  if (count == 0) return;
  useDevice();
  const SampleLaunch launch = packSampleRows(rows, count);
  auto aligned = [](size_t n) { return (n + 255) & ~size_t{255}; };
  const size_t argBytes = sizeof(SampleRowArgs) * launch.rows.size();
  const size_t pairBytes = sizeof(int32_t) * launch.pairs.size();
  const size_t outWords = static_cast<size_t>(count) * launch.outStride;
  const size_t pairsAt = aligned(argBytes), outAt = pairsAt + aligned(pairBytes);
  auto* io = static_cast<uint8_t*>(deviceBuffer(sampleIo_, sampleIoBytes_, outAt + sizeof(int32_t) * outWords));
  const int slots = cudaSampleSlots(count);
  void* scratch = deviceBuffer(sampleScratch_, sampleScratchBytes_, cudaSampleScratchBytes(vocab, slots));
  upload(io, launch.rows.data(), argBytes);
  upload(io + pairsAt, launch.pairs.data(), pairBytes);
  auto* results = reinterpret_cast<int32_t*>(io + outAt);
  cudaSample(stream_, logits, vocab, reinterpret_cast<const SampleRowArgs*>(io),
             reinterpret_cast<const int32_t*>(io + pairsAt), count, launch.outStride, scratch, slots, results);
  std::vector<int32_t> host(outWords);
  download(host.data(), results, sizeof(int32_t) * outWords);
  for (int i = 0; i < count; i++) {
    unpackSampleRow(host.data() + static_cast<size_t>(i) * launch.outStride, rows[i], vocab, out[i]);
  }
}

void CudaBackend::normMatmul(float* const* ys, const WeightView* ws, int count, const float* x, const float* normW,
                             float eps, int n, float* normed) {
  MatvecJob job;
  job.count = count;
  job.ws = ws;
  job.ys = ys;
  job.normW = normW;
  job.eps = eps;
  if (matvecSupports(job, n)) {
    cudaMatvec(stream_, job, x, n);
  } else if (matmulTiledMultiSupports(ws, count, n)) {
    cudaRmsnorm(stream_, normed, x, normW, n, static_cast<int>(ws[0].cols), eps);
    cudaMatmulTiledMulti(stream_, ys, ws, count, normed, n, splitScratchFn_);
  } else {
    Backend::normMatmul(ys, ws, count, x, normW, eps, n, normed);
  }
}

void CudaBackend::normGateUp(float* gate, float* up, const WeightView& wg, const WeightView& wu, const float* x,
                             const float* normW, float eps, int n, float* normed) {
  MatvecJob job;
  job.ws = &wg;
  job.ys = &gate;
  job.normW = normW;
  job.eps = eps;
  job.up = &wu;
  job.upOut = up;
  if (matvecSupports(job, n)) {
    cudaMatvec(stream_, job, x, n);
  } else if (matmulTiledGateUpSupports(wg, wu, n)) {
    cudaRmsnorm(stream_, normed, x, normW, n, static_cast<int>(wg.cols), eps);
    cudaMatmulTiledGateUp(stream_, gate, up, wg, wu, normed, n);
  } else {
    Backend::normGateUp(gate, up, wg, wu, x, normW, eps, n, normed);
  }
}

void CudaBackend::matmulAdd(float* x, const WeightView& w, const float* in, int n, float* tmp) {
  MatvecJob job;
  job.ws = &w;
  job.ys = &x;
  job.accumulate = true;
  if (matvecSupports(job, n)) {
    cudaMatvec(stream_, job, in, n);
  } else if (matmulTiledAddSupports(w, n)) {
    cudaMatmulTiledAdd(stream_, x, w, in, n, splitScratchFn_);
  } else {
    Backend::matmulAdd(x, w, in, n, tmp);
  }
}

// One row's greedy LM head: the argmax in the head's kernel (its blocks' winners folded by the last
// one), not a kernel of its own that reads the logits again.
void CudaBackend::normMatmulArgmax(int32_t* ids, float* logits, const WeightView& w, const float* x,
                                   const float* normW, float eps, int n, float* normed) {
  MatvecJob job;
  job.ws = &w;
  job.ys = &logits;
  job.normW = normW;
  job.eps = eps;
  job.argmax = ids;
  if (!matvecArgmaxSupports(job, n)) {
    Backend::normMatmulArgmax(ids, logits, w, x, normW, eps, n, normed);
    return;
  }
  job.argmaxScratch = growScratch(argmaxScratch_, argmaxScratchCount_, 2, "argmax scratch");
  cudaMatvec(stream_, job, x, n);
}

void CudaBackend::qkvRopeStore(float* q, float* k, float* v, const float* bq, const float* bk, const float* bv,
                               const int32_t* pos, const int32_t* slots, int n, const RopeParams& ropeQ,
                               const RopeParams& ropeK, const KvLayerView& kv) {
  cudaQkvRopeStore(stream_, q, k, v, bq, bk, bv, pos, slots, n, ropeQ, ropeK, kv);
}

void CudaBackend::normQkvRopeStore(float* q, float* k, float* v, const QkvStep& s, const float* x,
                                   const int32_t* pos, const int32_t* slots, int n, const KvLayerView& kv,
                                   float* normed) {
  if (!qkvMatvecSupports(s, n)) {
    Backend::normQkvRopeStore(q, k, v, s, x, pos, slots, n, kv, normed);
    return;
  }
  cudaQkvMatvec(stream_, q, k, v, s, x, pos, slots, kv);
}

void CudaBackend::runStep(uint64_t key, const std::function<void()>& enqueue) {
  useDevice();
  if (key == 0) {
    enqueue();
    return;
  }
  auto it = graphs_.find(key);
  if (it != graphs_.end() && it->second.generation == scratchGeneration_) {
    cudaCheck(cudaGraphLaunch(static_cast<cudaGraphExec_t>(it->second.exec), stream_), "cudaGraphLaunch");
    return;
  }
  auto seen = seen_.find(key);
  if (seen == seen_.end() || seen->second != scratchGeneration_) {
    // First sight (or scratch moved since): run eagerly, which also sizes the scratch.
    enqueue();
    seen_[key] = scratchGeneration_;
    return;
  }
  if (it != graphs_.end()) {
    cudaGraphExecDestroy(static_cast<cudaGraphExec_t>(it->second.exec));
    graphs_.erase(it);
  }
  cudaCheck(cudaStreamBeginCapture(stream_, cudaStreamCaptureModeThreadLocal), "cudaStreamBeginCapture");
  capturing_ = true;
  cudaGraph_t graph = nullptr;
  try {
    enqueue();
  } catch (...) {
    capturing_ = false;
    cudaStreamEndCapture(stream_, &graph);
    if (graph != nullptr) cudaGraphDestroy(graph);
    cudaGetLastError();
    throw;
  }
  capturing_ = false;
  cudaCheck(cudaStreamEndCapture(stream_, &graph), "cudaStreamEndCapture");
  cudaGraphExec_t exec = nullptr;
  const cudaError_t st = cudaGraphInstantiate(&exec, graph, 0);
  cudaGraphDestroy(graph);
  cudaCheck(st, "cudaGraphInstantiate");
  graphs_[key] = Recording{exec, scratchGeneration_};
  cudaCheck(cudaGraphLaunch(exec, stream_), "cudaGraphLaunch");
}

}  // namespace llorch
