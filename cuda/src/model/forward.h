// The transformer graph for the Qwen2/Llama family, written once as a sequence of backend ops;
// the architectures differ only in flags (QKV biases, rope style, tied output).
#pragma once

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "backend/backend.h"
#include "engine/kv_pool.h"
#include "model/model_config.h"
#include "model/model_weights.h"

namespace llorch {

// One engine step on the host side: n rows, each one token of some sequence at some position.
struct StepBatch {
  std::vector<int32_t> tokens;       // [n]
  std::vector<int32_t> pos;          // [n]
  std::vector<int32_t> slots;        // [n] KV slot each row's K/V is written to
  std::vector<int32_t> tableOffset;  // [n] offset of the row's sequence block table in blockTables
  std::vector<int32_t> blockTables;  // concatenated block tables of the step's sequences
  std::vector<int32_t> logitRows;    // rows whose logits are wanted, in output order
  // Every logit row is sampled greedily from the raw logits (no penalties, bias or logprobs): the
  // device computes the argmax and launch() downloads only the token ids.
  bool greedy = false;
  // Row i's token is the argmax of logit row i of the step launched just before (a greedy decode
  // step of the same rows, run ahead of reading its tokens): `tokens` is not read.
  bool tokensOnDevice = false;
  int maxPos = 0;

  int rows() const { return static_cast<int>(tokens.size()); }
  // Appends a sequence's block table; returns its offset, the tableOffset of the sequence's rows.
  int32_t addTable(const std::vector<int32_t>& blocks);
  // Appends a row: `token` at `position` of the sequence whose table is at `offset`, its K/V slot
  // found in that table (`blockSize` positions a block).
  void addRow(int32_t token, int position, int32_t offset, int blockSize);
  void clear();
};

// How Forward::run executes a step. A decode step (every row one token of its own sequence and a
// logit row, in order) may be padded up to a bucket of rows so that the few buckets, not every
// batch size, are recorded (Backend::runStep).
struct StepPlan {
  int rows = 0;          // b.rows(), or the bucket a padded decode step runs
  int maxPos = 0;        // the attention bound: b.maxPos, or its position bucket's last position when recorded
  bool allRows = false;  // every row is a logit row, in order (the LM head reads x directly)
  uint64_t key = 0;      // recording key; 0: not recorded
};

// A pure function of the batch: `maxBucket` is the most rows a decode step is padded to (0: no
// padding).
StepPlan planStep(const StepBatch& b, int maxBucket);

// One transformer layer's weights, constants and cache view, as the step's ops take them.
struct LayerStep {
  QkvStep qkv;
  KvLayerView kv;
  WeightView wo, gate, up, down;
  const float* ffnNorm = nullptr;
};

class Forward {
 public:
  Forward(Backend& backend, const ModelConfig& config, const ModelWeights& weights, KvPool& kv,
          int maxRows, int maxLogitRows, int maxTableEntries, bool padDecodeSteps);
  ~Forward();
  Forward(const Forward&) = delete;
  Forward& operator=(const Forward&) = delete;

  int maxRows() const { return maxRows_; }
  int maxLogitRows() const { return maxLogitRows_; }
  size_t scratchBytes() const { return scratchBytes_; }
  // Distinct recording keys of the steps run so far (on CUDA: at most one graph each).
  int stepShapes() const { return static_cast<int>(keys_.size()); }

  // Enqueues the step and returns its ticket (Backend::mark). With b.greedy the argmax token ids
  // of b.logitRows reach `tokens` ([count]) when wait(ticket) returns, and `tokens` must stay
  // untouched until then; otherwise the logits stay in backend memory (deviceLogits(), in
  // logitRows order) for the next step to be launched after wait(ticket).
  uint64_t launch(const StepBatch& b, int32_t* tokens);
  void wait(uint64_t ticket) { be_.wait(ticket); }
  float* deviceLogits() { return logits_; }

 private:
  float* allocFloats(size_t count);
  int32_t* allocInts(size_t count);

  Backend& be_;
  const ModelConfig& c_;
  const ModelWeights& w_;
  KvPool& kv_;
  int maxRows_;
  int maxLogitRows_;
  int maxTableEntries_;
  size_t scratchBytes_ = 0;
  int maxBucket_ = 0;  // 0: decode steps run unpadded
  // A step's integer inputs, one upload: tokens, pos, slots and tableOffset (`stride` each),
  // logitRows ([maxLogitRows]), then the block tables (one entry more for the padding rows').
  std::vector<int32_t> stepInts_;
  std::unordered_set<uint64_t> keys_;
  std::vector<void*> buffers_;
  float *x_, *h_, *q_, *k_, *v_, *attn_, *gate_, *up_, *lx_, *logits_;
  std::vector<LayerStep> layers_;
  // YaRN's per-pair rope frequency divisors (Llama 3.1's stay in the weights) and its attention
  // score multiplier.
  std::vector<float> yarnFactors_;
  float scoreScale_ = 1.f;
  // Device copies of stepInts_' arrays. A greedy step's argmax writes its ids over `tokens`, where
  // a step launched after it with tokensOnDevice reads them. Steps of up to kCompactRows rows
  // (every recorded step) use `compact_`, whose row arrays are that long, so that their upload
  // stays small however long a prefill chunk may be; longer steps use `wide_` ([maxRows]).
  struct StepInts {
    size_t stride = 0;
    int32_t *base, *tokens, *pos, *slots, *tableOffset, *logitRows, *blockTables;
  };
  StepInts allocStepInts(size_t stride);
  StepInts compact_, wide_;
};

}  // namespace llorch
