// The op interface every compute backend implements (CPU now, CUDA later). All pointers given to
// an op are backend ("device") memory obtained from alloc(); the host reaches it only through
// upload()/download(). Ops are enqueued in order; synchronize() waits for them. Only the forward
// file (model/forward.cpp) knows the whole graph; ops know nothing about models.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "backend/ggml_type.h"
#include "engine/sampler.h"

namespace llorch {

// A 2-D weight in its stored ggml type: `rows` rows of `cols` elements, rows contiguous
// (ggml dims[0] == cols). A matmul computes y[n][rows] = x[n][cols] . W^T.
struct WeightView {
  const void* data = nullptr;
  GgmlType type = GgmlType::F32;
  int64_t rows = 0;
  int64_t cols = 0;
};

enum class RopeStyle { Neox, Normal };

struct RopeParams {
  int heads = 0;        // heads in the rotated tensor (q or k)
  int headDim = 0;
  int ropeDim = 0;      // leading dims of each head that rotate
  float freqBase = 10000.f;
  // ropeDim / 2 divisors of the pairs' frequencies (Llama 3.1's rope_freqs tensor, host memory),
  // or null for none: pair i turns at freqBase^(-2i / ropeDim) / freqFactors[i].
  const float* freqFactors = nullptr;
  float posScale = 1.f; // linear rope scaling: position multiplier (1 / factor)
  RopeStyle style = RopeStyle::Neox;
};

// One layer of the paged KV cache: `blocks` blocks of `blockSize` token slots, each slot holding
// kvDim floats of K (and of V). Slot s of block b is row b * blockSize + s.
struct KvLayerView {
  float* k = nullptr;
  float* v = nullptr;
  int blockSize = 0;
  int kvDim = 0;
};

// A run of consecutive query rows of one sequence (equal tableOffset), e.g. a prefill chunk.
struct AttentionSpan {
  int firstRow = 0;
  int rows = 0;
};

// Per-row attention metadata for a batch of n query rows (device memory):
// row i attends to positions 0..pos[i] of its sequence, whose blocks are
// blockTables[tableOffset[i] .. tableOffset[i] + ceil((pos[i]+1)/blockSize)).
struct AttentionBatch {
  const int32_t* pos = nullptr;
  const int32_t* tableOffset = nullptr;
  const int32_t* blockTables = nullptr;
  int n = 0;
  int heads = 0;
  int kvHeads = 0;
  int headDim = 0;
  int maxPos = 0;  // max over rows of pos[i] (host-known), bounds the per-row score scratch
  // Multiplies q . k / sqrt(headDim): YaRN's attention factor, squared (it scales both q and k).
  float scoreScale = 1.f;
  // Host memory, optional (null in recorded steps): the batch's runs of rows of one sequence, in
  // row order, so that a backend may attend a run tile by tile instead of row by row.
  const AttentionSpan* spans = nullptr;
  int spanCount = 0;
};

// One logit row to sample (host memory): Sampler::sample's arguments for row `row` of the logits.
struct SampleRequest {
  int row = 0;
  const SamplingParams* params = nullptr;
  const std::vector<int32_t>* history = nullptr;  // prompt and generated tokens (penalties)
  uint64_t drawIndex = 0;
  bool logprobs = false;  // fill SampleResult::logprob
};

struct SampleResult {
  int32_t token = 0;
  TokenLogprob logprob;
};

// The per-layer constants of the attention input step (normQkvRopeStore).
struct QkvStep {
  WeightView wq, wk, wv;
  const float* normW = nullptr;
  float eps = 0.f;
  const float* bq = nullptr;  // biases, null when the model has none
  const float* bk = nullptr;
  const float* bv = nullptr;
  RopeParams ropeQ, ropeK;
};

class Backend {
 public:
  virtual ~Backend() = default;

  virtual std::string device() const = 0;
  virtual int threads() const = 0;

  // Memory. alloc throws NativeError(NATIVE_ERR_OOM) when the device is out of memory.
  virtual void* alloc(size_t bytes) = 0;
  virtual void free(void* ptr) = 0;
  virtual void upload(void* dst, const void* src, size_t bytes) = 0;
  virtual void download(void* dst, const void* src, size_t bytes) = 0;
  virtual void synchronize() = 0;
  // Steps in flight. mark() closes the work enqueued since the previous mark and returns its
  // ticket; wait(ticket) returns once that work is done, with its downloadAsync copies written.
  // downloadAsync's `dst` must stay valid and untouched until that wait returns (the copy may
  // land there as late as inside it); `src` is read in stream order, before any work enqueued
  // after the call, which may overwrite it. At most two marks are outstanding: a third waits for
  // the oldest's work and drops its copies. The defaults are synchronous (host memory backends).
  virtual void downloadAsync(void* dst, const void* src, size_t bytes) { download(dst, src, bytes); }
  virtual uint64_t mark() { return 0; }
  virtual void wait(uint64_t ticket) { (void)ticket; }
  // Whether the work between marks runs while the host goes on, so that enqueuing the next step
  // before waiting for the current one hides the host's part of a step (Engine's run-ahead).
  virtual bool overlapsSteps() const { return false; }
  // Uploads `rows` whole rows of a weight matrix (`cols` elements of `type` a row) to dst in the
  // layout this backend's kernels read (the CUDA backend: weight_layout.h); the default keeps
  // the stored GGUF blocks. Only for matrices the ops take as WeightView, never f32 vectors.
  virtual void uploadWeight(void* dst, const void* src, GgmlType type, int64_t rows, int64_t cols) {
    upload(dst, src, rowBytes(*typeTraits(static_cast<uint32_t>(type)), cols) * static_cast<size_t>(rows));
  }
  // Device memory in use by this process / still free (bytes).
  virtual size_t memoryUsed() const = 0;
  virtual size_t memoryFree() const = 0;

  // out[i][:] = dequant(table row ids[i]); out is [n][table.cols] f32.
  virtual void getRows(float* out, const WeightView& table, const int32_t* ids, int n) = 0;
  // out[i][:] = x[idx[i]][:] for f32 rows of `dim`.
  virtual void gatherRows(float* out, const float* x, const int32_t* idx, int n, int dim) = 0;
  // out[i] = x[i] * rsqrt(mean(x[i]^2) + eps) * w, rows of `dim`. out may alias x.
  virtual void rmsnorm(float* out, const float* x, const float* w, int n, int dim, float eps) = 0;
  // y[n][w.rows] = x[n][w.cols] . W^T with W in its stored type, f32 accumulation.
  virtual void matmul(float* y, const WeightView& w, const float* x, int n) = 0;
  // x[i][:] += bias for n rows of `dim`.
  virtual void addBias(float* x, const float* bias, int n, int dim) = 0;
  // Rotates x ([n][heads * headDim]) in place; row i is at position pos[i].
  virtual void rope(float* x, const int32_t* pos, int n, const RopeParams& p) = 0;
  // Writes row i of k and v ([n][kvDim]) into cache slot slots[i].
  virtual void kvStore(const KvLayerView& kv, const float* k, const float* v, const int32_t* slots,
                       int n) = 0;
  // Causal attention of q ([n][heads * headDim]) over the paged cache; out is [n][heads * headDim].
  virtual void attention(float* out, const float* q, const KvLayerView& kv,
                         const AttentionBatch& b) = 0;
  // gate[i] = silu(gate[i]) * up[i] over `count` elements.
  virtual void siluMul(float* gate, const float* up, size_t count) = 0;
  // x[i] += y[i] over `count` elements.
  virtual void add(float* x, const float* y, size_t count) = 0;
  // out[i] = index of the largest of x[i][0..dim), the first one on ties (as std::max_element):
  // greedy sampling on the device, so a step downloads token ids instead of logits.
  virtual void argmax(int32_t* out, const float* x, int n, int dim) = 0;
  // out[i] = Sampler::sample of logit row rows[i].row of `logits` ([*][vocab], modified in place
  // by penalties and bias): sampling where the logits are, so that only token ids (and logprobs
  // when asked) reach the host. Synchronous. The default is the host Sampler on each row, for
  // backends whose memory is host memory.
  virtual void sample(float* logits, int vocab, const SampleRequest* rows, int count, SampleResult* out) {
    for (int i = 0; i < count; i++) {
      const SampleRequest& r = rows[i];
      out[i].token = hostSampler_.sample(logits + static_cast<size_t>(r.row) * vocab, vocab, *r.params, *r.history,
                                         r.drawIndex, r.logprobs ? &out[i].logprob : nullptr);
    }
  }

  // Fused steps of the forward pass. Each default is the plain op sequence it replaces (so the
  // CPU backend computes exactly what it did before); a backend may override it with fewer
  // passes and launches. `normed`/`tmp` are caller scratch the defaults need.

  // ys[i] = rmsnorm(x) * normW . ws[i]^T for `count` (1..3) weights of equal cols (QKV, or the
  // LM head); normed ([n][cols]) receives rmsnorm(x) * normW where a backend materializes it.
  virtual void normMatmul(float* const* ys, const WeightView* ws, int count, const float* x, const float* normW,
                          float eps, int n, float* normed) {
    rmsnorm(normed, x, normW, n, static_cast<int>(ws[0].cols), eps);
    for (int i = 0; i < count; i++) matmul(ys[i], ws[i], normed, n);
  }
  // gate = silu(h . wg^T) * (h . wu^T) with h = rmsnorm(x) * normW (the SwiGLU input half).
  virtual void normGateUp(float* gate, float* up, const WeightView& wg, const WeightView& wu, const float* x,
                          const float* normW, float eps, int n, float* normed) {
    normMatmul(&gate, &wg, 1, x, normW, eps, n, normed);
    matmul(up, wu, normed, n);
    siluMul(gate, up, static_cast<size_t>(n) * static_cast<size_t>(wg.rows));
  }
  // The LM head of a greedy step: logits = rmsnorm(x) * normW . w^T (normMatmul) and ids[i] = the
  // argmax of logits row i (argmax).
  virtual void normMatmulArgmax(int32_t* ids, float* logits, const WeightView& w, const float* x, const float* normW,
                                float eps, int n, float* normed) {
    normMatmul(&logits, &w, 1, x, normW, eps, n, normed);
    argmax(ids, logits, n, static_cast<int>(w.rows));
  }
  // x += in . w^T (a residual branch); tmp is [n][w.rows].
  virtual void matmulAdd(float* x, const WeightView& w, const float* in, int n, float* tmp) {
    matmul(tmp, w, in, n);
    add(x, tmp, static_cast<size_t>(n) * static_cast<size_t>(w.rows));
  }
  // The attention input step: optional biases on q, k, v (null when absent), rope on q and k at
  // pos[i], and k, v into cache slots[i].
  virtual void qkvRopeStore(float* q, float* k, float* v, const float* bq, const float* bk, const float* bv,
                            const int32_t* pos, const int32_t* slots, int n, const RopeParams& ropeQ,
                            const RopeParams& ropeK, const KvLayerView& kv) {
    if (bq != nullptr) addBias(q, bq, n, ropeQ.heads * ropeQ.headDim);
    if (bk != nullptr) addBias(k, bk, n, kv.kvDim);
    if (bv != nullptr) addBias(v, bv, n, kv.kvDim);
    rope(q, pos, n, ropeQ);
    rope(k, pos, n, ropeK);
    kvStore(kv, k, v, slots, n);
  }

  // The whole attention input step: q, k, v = (rmsnorm(x) * s.normW) . {wq, wk, wv}^T, then
  // qkvRopeStore. normed ([n][cols]) as for normMatmul.
  virtual void normQkvRopeStore(float* q, float* k, float* v, const QkvStep& s, const float* x, const int32_t* pos,
                                const int32_t* slots, int n, const KvLayerView& kv, float* normed) {
    float* const ys[3] = {q, k, v};
    const WeightView ws[3] = {s.wq, s.wk, s.wv};
    normMatmul(ys, ws, 3, x, s.normW, s.eps, n, normed);
    qkvRopeStore(q, k, v, s.bq, s.bk, s.bv, pos, slots, n, s.ropeQ, s.ropeK, kv);
  }

  // Runs `enqueue` (the ops of one forward step). A backend may record the ops the first times
  // it sees `key` and replay the recording for later steps with the same key (a CUDA graph), so
  // every pointer and host-side size the ops use must be the same for one key; what changes per
  // step must live in device memory. key 0: never recorded.
  virtual void runStep(uint64_t key, const std::function<void()>& enqueue) {
    (void)key;
    enqueue();
  }
  // Whether runStep replays recordings, so that padding a step to a recorded shape pays for its
  // extra rows (model/forward.cpp pads decode steps to row buckets only then).
  virtual bool recordsSteps() const { return false; }

 private:
  Sampler hostSampler_;
};

}  // namespace llorch
