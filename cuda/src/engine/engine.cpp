#include "engine/engine.h"

#include <algorithm>
#include <cmath>
#include <new>

#include "cpu/cpu_backend.h"
#ifdef LLORCH_WITH_CUDA
#include "cuda/cuda_backend.h"
#endif
#include "native_error.h"

namespace llorch {

namespace {

// Logits scratch is capped at this many bytes (beyond the rows every step needs), which bounds
// how many prompt rows a forward() request gets logits for per step on large vocabularies.
constexpr size_t kLogitScratchBytes = 64u << 20;

void requireArg(bool ok, const std::string& message) {
  if (!ok) throw NativeError(err::kBadArgument, message);
}

void validateConfig(const ModelConfig& c) {
  requireArg(c.blockCount > 0, "config.blockCount must be positive");
  requireArg(c.embeddingLength > 0, "config.embeddingLength must be positive");
  requireArg(c.feedForwardLength > 0, "config.feedForwardLength must be positive");
  requireArg(c.headCount > 0 && c.headCountKv > 0 && c.headCount % c.headCountKv == 0,
             "config.headCount must be a positive multiple of config.headCountKv");
  requireArg(c.headDim > 0, "config.headDim must be positive");
  if (c.headCount / c.headCountKv > 64) {
    throw NativeError(err::kLoad, "more than 64 query heads per KV head are not supported");
  }
  requireArg(c.ropeDim > 0 && c.ropeDim <= c.headDim && c.ropeDim % 2 == 0,
             "config.ropeDim must be even and at most headDim");
  requireArg(c.vocabSize > 0, "config.vocabSize must be positive");
  requireArg(c.contextLength > 0, "config.contextLength must be positive");
  requireArg(c.ropeFreqBase > 0 && c.ropeLinearFactor > 0, "config rope base and scaling factor must be positive");
  requireArg(c.rmsNormEps > 0, "config.rmsNormEps must be positive");
}

// -1 for 'cpu', N for 'cuda:N'; anything else is a bad argument.
int parseCudaDevice(const std::string& device) {
  if (device == "cpu") return -1;
  const std::string digits = device.rfind("cuda:", 0) == 0 ? device.substr(5) : std::string();
  const bool ok = !digits.empty() && digits.size() <= 3 &&
                  digits.find_first_not_of("0123456789") == std::string::npos;
  requireArg(ok, "device must be 'cpu' or 'cuda:N', got '" + device + "'");
  return std::stoi(digits);
}

}  // namespace

Engine::Engine(EngineOptions opts) : opts_(std::move(opts)) {
  const ModelConfig& c = opts_.config;
  validateConfig(c);
  const int cudaOrdinal = parseCudaDevice(opts_.device);
  if (opts_.threads == 0) opts_.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (opts_.ctx == 0) opts_.ctx = std::min(c.contextLength, 4096);
  requireArg(opts_.threads >= 1 && opts_.threads <= 256, "threads must be in 1..256");
  requireArg(opts_.maxSeqs >= 1 && opts_.maxSeqs <= 1024, "maxSeqs must be in 1..1024");
  requireArg(opts_.ctx >= 1 && opts_.ctx <= c.contextLength,
             "ctx must be in 1.." + std::to_string(c.contextLength) + " (the model's context length)");
  requireArg(opts_.kvBlockSize >= 1 && opts_.kvBlockSize <= 4096, "kvBlockSize must be in 1..4096");
  requireArg(opts_.prefillChunk >= 1 && opts_.prefillChunk <= 65536, "prefillChunk must be in 1..65536");
  const int blocksPerSeq = (opts_.ctx + opts_.kvBlockSize - 1) / opts_.kvBlockSize;
  if (opts_.kvBlocks == 0) opts_.kvBlocks = opts_.maxSeqs * blocksPerSeq;
  requireArg(opts_.kvBlocks >= 1 && opts_.kvBlocks <= (1 << 24), "kvBlocks must be in 1..16777216");

  if (cudaOrdinal < 0) {
    backend_ = std::make_unique<CpuBackend>(opts_.threads);
  } else {
#ifdef LLORCH_WITH_CUDA
    backend_ = std::make_unique<CudaBackend>(cudaOrdinal);
#else
    throw NativeError(err::kCuda, "device " + opts_.device + ": this build has no CUDA backend");
#endif
  }
  weights_ = loadWeights(*backend_, opts_.path, opts_.dataOffset, opts_.tensors, c);
  try {
    kv_ = std::make_unique<KvPool>(*backend_, c.blockCount, opts_.kvBlocks, opts_.kvBlockSize,
                                   c.headCountKv * c.headDim);
    const int maxRows = opts_.prefillChunk + opts_.maxSeqs;
    const size_t rowBytes = sizeof(float) * static_cast<size_t>(c.vocabSize);
    const int logitRows = std::max(opts_.maxSeqs + 1,
                                   static_cast<int>(std::min<size_t>(maxRows, kLogitScratchBytes / rowBytes)));
    // The running sequences plus one forward() request each hold at most a full block table.
    const int tableEntries = (opts_.maxSeqs + 1) * blocksPerSeq;
    forward_ = std::make_unique<Forward>(*backend_, c, weights_, *kv_, maxRows, logitRows, tableEntries,
                                         opts_.padDecodeSteps || backend_->recordsSteps());
    logits_.resize(static_cast<size_t>(logitRows) * c.vocabSize);
    stepLogprobs_.resize(static_cast<size_t>(logitRows));
    runAhead_ = opts_.runAhead || backend_->overlapsSteps();
  } catch (...) {
    forward_.reset();
    kv_.reset();
    releaseWeights(*backend_, weights_);
    throw;
  }
  stats_.device = backend_->device();
  stats_.threads = backend_->threads();
  stats_.kvBlocksTotal = kv_->blocks();
  stats_.kvBlockSize = kv_->blockSize();
  stats_.weightBytes = weights_.bytes;
  stats_.kvBytes = kv_->bytes();
  stats_.scratchBytes = forward_->scratchBytes();
  stats_.maxSeqs = opts_.maxSeqs;
  stats_.ctx = opts_.ctx;
}

Engine::~Engine() {
  stop();
  forward_.reset();
  kv_.reset();
  releaseWeights(*backend_, weights_);
}

void Engine::start(EventSink sink) {
  sink_ = std::move(sink);
  thread_ = std::thread([this] { loop(); });
}

void Engine::submit(int64_t seq, std::vector<int32_t> tokens, SamplingParams p) {
  const int vocab = opts_.config.vocabSize;
  requireArg(!tokens.empty(), "tokens must not be empty");
  for (size_t i = 0; i < tokens.size(); i++) {
    if (tokens[i] < 0 || tokens[i] >= vocab) {
      throw NativeError(err::kTokenOutOfRange, "tokens[" + std::to_string(i) + "] = " + std::to_string(tokens[i]) +
                                                   " is outside the vocabulary 0.." + std::to_string(vocab - 1));
    }
  }
  requireArg(std::isfinite(p.temperature) && p.temperature >= 0, "temperature must be finite and >= 0");
  requireArg(p.topK >= 0, "topK must be >= 0");
  requireArg(p.topP > 0 && p.topP <= 1, "topP must be in (0, 1]");
  requireArg(p.minP >= 0 && p.minP <= 1, "minP must be in [0, 1]");
  requireArg(std::isfinite(p.repetitionPenalty) && p.repetitionPenalty > 0, "repetitionPenalty must be > 0");
  requireArg(std::isfinite(p.presencePenalty), "presencePenalty must be finite");
  requireArg(std::isfinite(p.frequencyPenalty), "frequencyPenalty must be finite");
  requireArg(p.penaltyLastN >= -1, "penaltyLastN must be >= -1");
  for (const auto& [token, bias] : p.logitBias) {
    if (token < 0 || token >= vocab) {
      throw NativeError(err::kTokenOutOfRange, "logitBias token " + std::to_string(token) + " is outside the vocabulary");
    }
    requireArg(!std::isnan(bias), "logitBias values must not be NaN");
  }
  for (int32_t t : p.stopTokenIds) {
    if (t < 0 || t >= vocab) {
      throw NativeError(err::kTokenOutOfRange, "stopTokenIds entry " + std::to_string(t) + " is outside the vocabulary");
    }
  }
  requireArg(p.topLogprobs >= 0 && p.topLogprobs <= 100, "topLogprobs must be in 0..100");
  requireArg(p.resumedTokens >= 0 && static_cast<size_t>(p.resumedTokens) < tokens.size(),
             "resumedTokens must be in 0..tokens.length-1");
  requireArg(p.maxTokens > p.resumedTokens, "maxTokens must exceed resumedTokens (nothing left to generate)");
  const int64_t total = static_cast<int64_t>(tokens.size()) + (p.maxTokens - p.resumedTokens);
  if (total > opts_.ctx) {
    throw NativeError(err::kContextOverflow, "prompt (" + std::to_string(tokens.size()) + " tokens) + remaining maxTokens (" +
                                                 std::to_string(p.maxTokens - p.resumedTokens) + ") exceeds ctx " +
                                                 std::to_string(opts_.ctx));
  }
  const int need = kv_->blocksFor(static_cast<int>(total));
  if (need > kv_->blocks()) {
    throw NativeError(err::kKvExhausted, "sequence needs " + std::to_string(need) + " KV blocks, the pool has " +
                                             std::to_string(kv_->blocks()));
  }
  auto s = std::make_unique<Sequence>();
  s->id = seq;
  s->promptLen = static_cast<int>(tokens.size()) - p.resumedTokens;
  s->generated = p.resumedTokens;
  s->tokens = std::move(tokens);
  s->tokens.reserve(static_cast<size_t>(total));
  s->params = std::move(p);
  s->blocksNeeded = need;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) throw NativeError(err::kUnloaded, "the engine is unloaded");
    if (live_.count(seq)) throw NativeError(err::kDuplicateSeq, "sequence " + std::to_string(seq) + " is already active");
    live_.insert(seq);
    inbox_.push_back(std::move(s));
  }
  cv_.notify_one();
}

bool Engine::cancel(int64_t seq) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) throw NativeError(err::kUnloaded, "the engine is unloaded");
    if (!live_.count(seq)) return false;
    cancels_.insert(seq);
  }
  cv_.notify_one();
  return true;
}

void Engine::forward(std::vector<int32_t> tokens, ForwardDone done) {
  const int vocab = opts_.config.vocabSize;
  requireArg(!tokens.empty(), "tokens must not be empty");
  for (size_t i = 0; i < tokens.size(); i++) {
    if (tokens[i] < 0 || tokens[i] >= vocab) {
      throw NativeError(err::kTokenOutOfRange, "tokens[" + std::to_string(i) + "] = " + std::to_string(tokens[i]) +
                                                   " is outside the vocabulary 0.." + std::to_string(vocab - 1));
    }
  }
  if (tokens.size() > static_cast<size_t>(opts_.ctx)) {
    throw NativeError(err::kContextOverflow, std::to_string(tokens.size()) + " tokens exceed ctx " + std::to_string(opts_.ctx));
  }
  const int need = kv_->blocksFor(static_cast<int>(tokens.size()));
  if (need > kv_->blocks()) {
    throw NativeError(err::kKvExhausted, "forward needs " + std::to_string(need) + " KV blocks, the pool has " +
                                             std::to_string(kv_->blocks()));
  }
  auto s = std::make_unique<Sequence>();
  s->id = -1;
  s->isForward = true;
  s->promptLen = static_cast<int>(tokens.size());
  s->tokens = std::move(tokens);
  s->blocksNeeded = need;
  s->done = std::move(done);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) throw NativeError(err::kUnloaded, "the engine is unloaded");
    inbox_.push_back(std::move(s));
  }
  cv_.notify_one();
}

EngineStats Engine::stats() {
  std::lock_guard<std::mutex> lock(mu_);
  EngineStats s = stats_;
  // Submissions the engine thread has not picked up yet wait too.
  for (const auto& q : inbox_) s.waitingSeqs += q->isForward ? 0 : 1;
  s.memoryUsedBytes = backend_->memoryUsed();
  s.memoryFreeBytes = backend_->memoryFree();
  return s;
}

void Engine::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopped_) return;
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  stopped_ = true;
}

SeqEvent& Engine::eventFor(Sequence& s, std::vector<SeqEvent>& events) {
  for (auto& e : events) {
    if (e.seq == s.id) return e;
  }
  events.emplace_back();
  events.back().seq = s.id;
  return events.back();
}

void Engine::finish(Sequence& s, const char* reason, std::vector<SeqEvent>& events, const char* code,
                    const std::string& message) {
  kv_->give(s.blocks);
  if (s.isForward) {
    if (code == nullptr) {
      s.done(std::move(s.logits), nullptr, std::string());
    } else {
      s.done(std::vector<float>(), code, message);
    }
    return;
  }
  SeqEvent& e = eventFor(s, events);
  e.finish = reason;
  if (code != nullptr) {
    e.errorCode = code;
    e.errorMessage = message;
  }
  std::lock_guard<std::mutex> lock(mu_);
  live_.erase(s.id);
  cancels_.erase(s.id);
}

bool Engine::admit() {
  int runningSeqs = 0;
  bool forwardRunning = false;
  for (const auto& s : running_) {
    if (s->isForward) forwardRunning = true;
    else runningSeqs++;
  }
  bool admitted = false;
  // FIFO: the head of the queue waits for blocks rather than being overtaken. A sequence takes
  // blocks for the tokens it has (prompt, plus what it generated before a preemption), not for
  // its whole budget: decode takes one more block at a time (reserveDecodeBlocks). One block per
  // running sequence stays free, so that the next decode step rarely has to preempt.
  while (!waiting_.empty()) {
    Sequence& s = *waiting_.front();
    if (s.isForward ? forwardRunning : runningSeqs >= opts_.maxSeqs) break;
    const int need = s.isForward ? s.blocksNeeded : kv_->blocksFor(static_cast<int>(s.tokens.size()));
    if (kv_->available() - need < runningSeqs) break;
    if (!kv_->take(need, s.blocks)) break;
    s.admitted = std::chrono::steady_clock::now();
    s.serial = nextSerial_++;
    if (s.isForward) forwardRunning = true;
    else runningSeqs++;
    running_.push_back(std::move(waiting_.front()));
    waiting_.pop_front();
    admitted = true;
  }
  return admitted;
}

void Engine::loop() {
  for (;;) {
    std::vector<SeqEvent> events;
    std::set<int64_t> cancels;
    bool stopping;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] {
        return stopping_ || !inbox_.empty() || !cancels_.empty() || !running_.empty() || !waiting_.empty() || ahead_;
      });
      stopping = stopping_;
      while (!inbox_.empty()) {
        waiting_.push_back(std::move(inbox_.front()));
        inbox_.pop_front();
      }
      // Taken in the same critical section as the inbox, so every cancelled id is already in
      // waiting_ or running_ (submit precedes cancel under mu_).
      cancels.swap(cancels_);
    }
    auto drop = [&](std::unique_ptr<Sequence>& s) {
      if (stopping) {
        finish(*s, "cancelled", events, s->isForward ? err::kUnloaded : nullptr, "the engine was unloaded");
        return true;
      }
      if (!s->isForward && cancels.count(s->id)) {
        finish(*s, "cancelled", events);
        return true;
      }
      return false;
    };
    running_.erase(std::remove_if(running_.begin(), running_.end(), drop), running_.end());
    waiting_.erase(std::remove_if(waiting_.begin(), waiting_.end(), drop), waiting_.end());
    if (stopping) dropAhead();
    if (!stopping) {
      admit();
      if (!running_.empty() || ahead_) {
        try {
          step(events);
        } catch (const std::exception& e) {
          // A failed step leaves the running sequences' KV state unknown: each finishes with the
          // error's code; waiting sequences and later submissions still run.
          const NativeError* ne = dynamic_cast<const NativeError*>(&e);
          const char* code = ne != nullptr                                  ? ne->code()
                             : dynamic_cast<const std::bad_alloc*>(&e) != nullptr ? err::kOom
                                                                                  : err::kInternal;
          for (auto& s : running_) finish(*s, "error", events, code, e.what());
          running_.clear();
          dropAhead();
        }
      }
    }
    // Stats first, so that a listener reacting to a finish already sees the freed blocks.
    uint64_t steps;
    {
      std::lock_guard<std::mutex> lock(mu_);
      steps = stats_.steps;
      stats_.runningSeqs = 0;
      for (const auto& s : running_) stats_.runningSeqs += s->isForward ? 0 : 1;
      stats_.waitingSeqs = static_cast<int>(waiting_.size());
      stats_.kvBlocksUsed = kv_->used();
      stats_.preemptions = preemptions_;
    }
    if (!events.empty() && sink_) sink_(std::move(events), steps);
    if (stopping) return;
  }
}

// Every decoding sequence gets the block its next token's K/V goes to. When the pool has none
// left, the most recently admitted sequence is preempted (vLLM's recompute policy): its blocks go
// back, it returns to the front of the queue with its tokens, and when it is admitted again it
// prefills them all and samples on from where it was (the sampler is a function of the tokens and
// the position, so the continuation is the one it would have produced). Forward requests hold
// their whole prompt from admission and are never preempted.
void Engine::reserveDecodeBlocks() {
  std::vector<std::unique_ptr<Sequence>> preempted;
  for (size_t i = 0; i < running_.size(); i++) {
    Sequence& s = *running_[i];
    if (s.isForward || s.blocks.empty() || static_cast<int>(s.tokens.size()) - s.computed != 1) continue;
    const int need = kv_->blocksFor(s.computed + 1);
    while (static_cast<int>(s.blocks.size()) < need && !kv_->take(1, s.blocks)) {
      // The newest running sequence that still holds blocks: s itself when it is the newest.
      Sequence* victim = nullptr;
      for (size_t j = running_.size(); j-- > 0;) {
        Sequence& c = *running_[j];
        if (!c.isForward && !c.blocks.empty()) {
          victim = &c;
          break;
        }
      }
      kv_->give(victim->blocks);
      victim->computed = 0;
      if (victim == &s) break;
    }
  }
  // Preempted sequences (no blocks left) go back to the queue, the newest last so that they are
  // admitted again in their original order.
  for (auto& sp : running_) {
    if (!sp->isForward && sp->blocks.empty()) preempted.push_back(std::move(sp));
  }
  running_.erase(std::remove(running_.begin(), running_.end(), nullptr), running_.end());
  for (auto it = preempted.rbegin(); it != preempted.rend(); ++it) waiting_.push_front(std::move(*it));
  preemptions_ += preempted.size();
}

// After a step whose logits stayed in backend memory: downloads the forward() requests' rows and
// samples every other logit row where the logits are, into st.tokens / stepLogprobs_. Nothing runs
// ahead of such a step, so running_ holds exactly what it did at launch.
void Engine::sampleOnBackend(Launched& st) {
  const int vocab = opts_.config.vocabSize;
  float* logits = forward_->deviceLogits();
  sampleRequests_.clear();
  for (const auto& sp : running_) {
    const Sequence& s = *sp;
    if (s.stepRows == 0 || s.stepLogitIndex < 0) continue;
    if (s.isForward) {
      const size_t first = static_cast<size_t>(s.stepLogitIndex) * vocab;
      backend_->download(logits_.data() + first, logits + first,
                         sizeof(float) * static_cast<size_t>(s.stepRows) * vocab);
      continue;
    }
    SampleRequest r;
    r.row = s.stepLogitIndex;
    r.params = &s.params;
    r.history = &s.tokens;
    r.drawIndex = static_cast<uint64_t>(s.generated);
    r.logprobs = s.params.topLogprobs > 0;
    sampleRequests_.push_back(r);
  }
  sampleResults_.resize(sampleRequests_.size());
  backend_->sample(logits, vocab, sampleRequests_.data(), static_cast<int>(sampleRequests_.size()),
                   sampleResults_.data());
  for (size_t i = 0; i < sampleRequests_.size(); i++) {
    const size_t row = static_cast<size_t>(sampleRequests_[i].row);
    st.tokens[row] = sampleResults_[i].token;
    stepLogprobs_[row] = std::move(sampleResults_[i].logprob);
  }
}

// One step: the one launched ahead, or the running sequences' next rows planned and launched now;
// then, where it can, the step after it launched before this one's tokens are read; then this
// one's tokens.
void Engine::step(std::vector<SeqEvent>& events) {
  std::unique_ptr<Launched> cur = std::move(ahead_);
  if (!cur) cur = launchPlanned();
  if (!cur) return;
  ahead_ = launchAhead(*cur);
  collect(*cur, events);
}

std::unique_ptr<Engine::Launched> Engine::launchPlanned() {
  const int bs = kv_->blockSize();
  batch_.clear();
  int rowBudget = forward_->maxRows();
  int logitBudget = forward_->maxLogitRows();

  auto addRows = [&](Sequence& s, int count, bool allLogits) {
    const int32_t offset = batch_.addTable(s.blocks);
    for (int j = s.computed; j < s.computed + count; j++) batch_.addRow(s.tokens[j], j, offset, bs);
    const int last = batch_.rows() - 1;
    if (allLogits) {
      s.stepLogitIndex = static_cast<int>(batch_.logitRows.size());
      for (int r = last - count + 1; r <= last; r++) batch_.logitRows.push_back(r);
    } else if (s.computed + count == static_cast<int>(s.tokens.size())) {
      s.stepLogitIndex = static_cast<int>(batch_.logitRows.size());
      batch_.logitRows.push_back(last);
    }
    s.stepRows = count;
    rowBudget -= count;
    logitBudget -= allLogits ? count : (s.stepLogitIndex >= 0 ? 1 : 0);
  };

  reserveDecodeBlocks();
  for (auto& sp : running_) {
    sp->stepRows = 0;
    sp->stepLogitIndex = -1;
  }
  // Decode rows first (one token each), so running sequences keep streaming while prompts prefill.
  for (auto& sp : running_) {
    Sequence& s = *sp;
    if (!s.isForward && static_cast<int>(s.tokens.size()) - s.computed == 1) addRows(s, 1, false);
  }
  for (auto& sp : running_) {
    Sequence& s = *sp;
    const int remaining = static_cast<int>(s.tokens.size()) - s.computed;
    if (s.stepRows > 0 || remaining <= 0 || rowBudget <= 0) continue;
    int count = std::min({remaining, opts_.prefillChunk, rowBudget});
    if (s.isForward) {
      count = std::min(count, logitBudget);
    } else if (count == remaining && logitBudget < 1) {
      count--;
    }
    if (count > 0) addRows(s, count, s.isForward);
  }
  if (batch_.rows() == 0) return nullptr;

  // When every sampled row is plain greedy (what Sampler::sample reduces to without penalties,
  // bias or logprobs), the recorded step itself picks the tokens (argmax); otherwise the logits
  // stay in backend memory and Backend::sample picks them there. Either way only token ids (and
  // logprobs) come back, except for the rows of forward() requests.
  auto st = std::make_unique<Launched>();
  batch_.greedy = !batch_.logitRows.empty();
  st->decode = true;
  for (const auto& sp : running_) {
    const Sequence& s = *sp;
    if (s.stepRows == 0) continue;
    st->seqs.push_back(StepSeq{s.serial, s.stepRows, s.stepLogitIndex});
    st->decode = st->decode && !s.isForward && s.stepRows == 1 && s.stepLogitIndex >= 0;
    if (s.stepLogitIndex < 0) continue;
    const SamplingParams& p = s.params;
    batch_.greedy = batch_.greedy && !s.isForward && p.temperature <= 0.f && p.repetitionPenalty == 1.f &&
                    p.presencePenalty == 0.f && p.frequencyPenalty == 0.f && p.logitBias.empty() &&
                    p.topLogprobs == 0;
  }
  st->greedy = batch_.greedy;
  st->tokens.resize(batch_.logitRows.size());
  st->ticket = forward_->launch(batch_, st->tokens.data());
  return st;
}

// The decode step after `cur`, launched before cur's tokens are read: each row's token is cur's
// argmax of the same row, still on the device, so the host's work between two steps (reading the
// tokens, events, the next launch) overlaps the device's. Only when that step is certain to be
// wanted but for a stop token: cur is a greedy decode step of every running sequence, nothing
// waits to be admitted, none reaches its length limit with cur's token, and each gets the block
// its next position needs without preempting. A sequence that stops on cur's token (or is
// cancelled meanwhile) wastes its row: collect() finds it gone.
std::unique_ptr<Engine::Launched> Engine::launchAhead(const Launched& cur) {
  if (!runAhead_ || !cur.greedy || !cur.decode || !waiting_.empty() || running_.size() != cur.seqs.size()) {
    return nullptr;
  }
  for (size_t i = 0; i < running_.size(); i++) {
    Sequence& s = *running_[i];
    const int pos = s.computed + 1;  // cur computes position s.computed
    if (s.serial != cur.seqs[i].serial || s.generated + 1 >= s.params.maxTokens || pos + 1 >= opts_.ctx) {
      return nullptr;
    }
    const int need = kv_->blocksFor(pos + 1);
    while (static_cast<int>(s.blocks.size()) < need) {
      if (!kv_->take(1, s.blocks)) return nullptr;
    }
  }
  const int bs = kv_->blockSize();
  batch_.clear();
  batch_.greedy = true;
  batch_.tokensOnDevice = true;
  for (size_t i = 0; i < running_.size(); i++) {
    const Sequence& s = *running_[i];
    batch_.addRow(0, s.computed + 1, batch_.addTable(s.blocks), bs);  // cur computes s.computed
    batch_.logitRows.push_back(static_cast<int32_t>(i));
  }
  auto st = std::make_unique<Launched>();
  st->greedy = true;
  st->decode = true;
  st->seqs = cur.seqs;
  st->tokens.resize(running_.size());
  st->ticket = forward_->launch(batch_, st->tokens.data());
  return st;
}

// Waits for a launched step and applies it: sampled tokens appended and reported, finished
// sequences retired. Its sequences that finished or were cancelled since its launch are skipped.
void Engine::collect(Launched& st, std::vector<SeqEvent>& events) {
  const int vocab = opts_.config.vocabSize;
  forward_->wait(st.ticket);
  {
    // Counted before anything it finishes is reported (a forward() request's callback runs below).
    std::lock_guard<std::mutex> lock(mu_);
    stats_.steps++;
    stats_.stepShapes = forward_->stepShapes();
  }
  if (!st.greedy) sampleOnBackend(st);

  const auto now = std::chrono::steady_clock::now();
  size_t next = 0;  // running_ keeps its order, so each sequence is searched for after the last
  for (const StepSeq& q : st.seqs) {
    size_t r = next;
    while (r < running_.size() && running_[r]->serial != q.serial) r++;
    if (r == running_.size()) continue;
    next = r + 1;
    Sequence& s = *running_[r];
    s.computed += q.rows;
    if (s.isForward) {
      const float* src = logits_.data() + static_cast<size_t>(q.logitIndex) * vocab;
      s.logits.insert(s.logits.end(), src, src + static_cast<size_t>(q.rows) * vocab);
      if (s.computed == static_cast<int>(s.tokens.size())) finish(s, "stop", events);
      continue;
    }
    if (q.logitIndex < 0) continue;
    const int32_t token = st.tokens[static_cast<size_t>(q.logitIndex)];
    s.tokens.push_back(token);
    s.generated++;
    SeqEvent& e = eventFor(s, events);
    e.tokens.push_back(token);
    if (s.params.topLogprobs > 0) e.logprobs.push_back(std::move(stepLogprobs_[static_cast<size_t>(q.logitIndex)]));
    if (!s.prefillReported) {
      s.prefillReported = true;
      e.promptTokens = s.promptLen;
      e.prefillMs = std::chrono::duration<double, std::milli>(now - s.admitted).count();
    }
    const auto& stops = s.params.stopTokenIds;
    if (std::find(stops.begin(), stops.end(), token) != stops.end()) {
      finish(s, "stop", events);
    } else if (s.generated >= s.params.maxTokens || static_cast<int>(s.tokens.size()) >= opts_.ctx) {
      finish(s, "length", events);
    }
  }
  running_.erase(std::remove_if(running_.begin(), running_.end(),
                                [](const std::unique_ptr<Sequence>& s) { return s->blocks.empty(); }),
                 running_.end());
}

// A step launched ahead whose rows nobody will read (the engine stops, or a step failed and
// finished its sequences): waited for, so that nothing still runs when buffers are released. A
// device failure here was already reported by the step that failed, or has no one to go to.
void Engine::dropAhead() {
  if (!ahead_) return;
  try {
    forward_->wait(ahead_->ticket);
  } catch (const std::exception&) {
  }
  ahead_.reset();
}

}  // namespace llorch
