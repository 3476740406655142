// The engine: weights, KV pool and forward graph on one backend, driven by its own thread that
// runs continuous batching. Sequences join and leave between steps; each step runs every running
// sequence's next rows (one decode token, or a chunk of prompt) through one forward pass, samples,
// and hands the step's token events to the sink in one batch.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "backend/backend.h"
#include "engine/kv_pool.h"
#include "engine/sampler.h"
#include "engine/sampling_params.h"
#include "model/forward.h"
#include "model/model_config.h"
#include "model/model_weights.h"

namespace llorch {

struct EngineOptions {
  std::string path;
  uint64_t dataOffset = 0;
  std::vector<TensorInfo> tensors;
  ModelConfig config;
  std::string device = "cpu";
  int threads = 0;        // 0: all cores
  int maxSeqs = 16;
  int ctx = 0;            // 0: min(contextLength, 4096)
  int kvBlockSize = 16;
  int kvBlocks = 0;       // 0: enough for maxSeqs * ctx
  int prefillChunk = 256;
  // Pads decode steps to row buckets even where the backend does not record steps (the CPU), so
  // that CPU tests cover the padding the CUDA backend gets by default.
  bool padDecodeSteps = false;
  // Launches the next greedy decode step before reading the current one's tokens even where the
  // backend does not overlap steps (the CPU), so that CPU tests cover what CUDA does by default.
  bool runAhead = false;
};

struct SeqEvent {
  int64_t seq = 0;
  std::vector<int32_t> tokens;
  std::vector<TokenLogprob> logprobs;
  std::string finish;  // empty, "stop", "length", "cancelled" or "error"
  std::string errorCode;
  std::string errorMessage;
  int promptTokens = -1;  // >= 0 on the first event after prefill
  double prefillMs = 0;
};

struct EngineStats {
  std::string device;
  int threads = 0;
  int runningSeqs = 0;
  int waitingSeqs = 0;
  int kvBlocksTotal = 0;
  int kvBlocksUsed = 0;
  int kvBlockSize = 0;
  size_t weightBytes = 0;
  size_t kvBytes = 0;
  size_t scratchBytes = 0;
  size_t memoryUsedBytes = 0;
  size_t memoryFreeBytes = 0;
  uint64_t steps = 0;
  // Sequences sent back to the queue for want of a KV block (their tokens recomputed later).
  uint64_t preemptions = 0;
  // Distinct shapes of the recordable steps run so far (Forward::stepShapes).
  int stepShapes = 0;
  int maxSeqs = 0;
  int ctx = 0;
};

// Called on the engine thread with each step's events (never empty).
// A step's events and the engine's step count after it (the heartbeat counter).
using EventSink = std::function<void(std::vector<SeqEvent>&&, uint64_t steps)>;
// Called on the engine thread when a forward() request completes; errorCode null on success.
using ForwardDone = std::function<void(std::vector<float>&& logits, const char* errorCode, const std::string& message)>;

class Engine {
 public:
  // Loads the weights and allocates the KV pool and scratch; throws NativeError.
  explicit Engine(EngineOptions opts);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  void start(EventSink sink);
  // Validates and enqueues; throws NativeError on bad input.
  void submit(int64_t seq, std::vector<int32_t> tokens, SamplingParams params);
  bool cancel(int64_t seq);
  // Validates (throws NativeError) and enqueues a standalone logits request.
  void forward(std::vector<int32_t> tokens, ForwardDone done);
  EngineStats stats();
  // Finishes every sequence as cancelled, fails pending forwards, joins the thread. Idempotent.
  void stop();

  int vocabSize() const { return opts_.config.vocabSize; }
  int ctx() const { return opts_.ctx; }

 private:
  struct Sequence {
    int64_t id = 0;
    bool isForward = false;
    std::vector<int32_t> tokens;  // prompt, then generated tokens
    int promptLen = 0;
    int computed = 0;             // tokens whose K/V are in the cache
    int generated = 0;            // including resumed tokens
    SamplingParams params;
    std::vector<int32_t> blocks;  // enough for `computed` (+ this step's rows), grown as it decodes
    int blocksNeeded = 0;         // for its whole budget: what it may come to hold
    ForwardDone done;
    std::vector<float> logits;    // forward requests: all rows' logits so far
    std::chrono::steady_clock::time_point admitted;
    bool prefillReported = false;
    uint64_t serial = 0;  // admission order: running_ is sorted by it
    // Rows of this sequence in the step being planned.
    int stepRows = 0;
    int stepLogitIndex = -1;
  };
  // A step launched on the backend and not yet collected: its sequences (by serial, in running_
  // order), their rows and first logit row, and where its greedy ids land.
  struct StepSeq {
    uint64_t serial;
    int rows;
    int logitIndex;  // -1: no logits this step
  };
  struct Launched {
    uint64_t ticket = 0;
    bool greedy = false;
    bool decode = false;  // every row is the next token of its own sequence
    std::vector<StepSeq> seqs;
    std::vector<int32_t> tokens;  // by logit row
  };

  void loop();
  bool admit();
  void reserveDecodeBlocks();
  void step(std::vector<SeqEvent>& events);
  std::unique_ptr<Launched> launchPlanned();
  std::unique_ptr<Launched> launchAhead(const Launched& cur);
  void collect(Launched& st, std::vector<SeqEvent>& events);
  void dropAhead();
  void sampleOnBackend(Launched& st);
  void finish(Sequence& s, const char* reason, std::vector<SeqEvent>& events, const char* code = nullptr,
              const std::string& message = std::string());
  SeqEvent& eventFor(Sequence& s, std::vector<SeqEvent>& events);

  EngineOptions opts_;
  std::unique_ptr<Backend> backend_;
  ModelWeights weights_;
  std::unique_ptr<KvPool> kv_;
  std::unique_ptr<Forward> forward_;
  StepBatch batch_;
  std::vector<float> logits_;           // forward() requests' logit rows, by logit row
  std::vector<TokenLogprob> stepLogprobs_;  // a sampled step's logprobs when asked for, by logit row
  std::vector<SampleRequest> sampleRequests_;
  std::vector<SampleResult> sampleResults_;
  EventSink sink_;
  std::thread thread_;

  // Shared with the JS thread, under mu_.
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<Sequence>> inbox_;
  std::set<int64_t> cancels_;
  std::set<int64_t> live_;  // ids submitted and not yet finished
  bool stopping_ = false;
  bool stopped_ = false;
  EngineStats stats_;

  // Engine thread only.
  std::deque<std::unique_ptr<Sequence>> waiting_;
  uint64_t preemptions_ = 0;  // engine thread only; published in stats_
  std::vector<std::unique_ptr<Sequence>> running_;
  uint64_t nextSerial_ = 1;
  bool runAhead_ = false;
  // The decode step launched before the last one was collected (see launchAhead).
  std::unique_ptr<Launched> ahead_;
};

}  // namespace llorch
