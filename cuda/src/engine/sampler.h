// Token selection from one row of logits: penalties, logit bias, then greedy or
// temperature / top-k / top-p / min-p sampling with a counter-based draw.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "engine/sampling_params.h"

namespace llorch {

struct TokenLogprob {
  int32_t token = 0;
  float logprob = 0.f;
  std::vector<std::pair<int32_t, float>> top;
};

// Uniform double in [0, 1) that depends only on (seed, index): a job replayed from any prefix
// of its output draws the same numbers (splitmix64 finaliser over the pair).
double counterUniform(uint64_t seed, uint64_t index);

// The tokens the penalties apply to: the last `penaltyLastN` of `history` (all of it for -1) as
// (token, occurrences) pairs in ascending token order. A device sampler uploads these instead
// of the history.
std::vector<std::pair<int32_t, int32_t>> penaltyWindow(const std::vector<int32_t>& history, int penaltyLastN);

class Sampler {
 public:
  // Samples from `logits` (modified in place) given the sequence so far (`history`, prompt and
  // generated tokens) for draw number `drawIndex`. Logprobs, when asked for, are log-softmax of
  // the logits after penalties and bias, before temperature and truncation. The CUDA sampler
  // (cuda/ops/sample.cu) follows every step of this, in the same order and float rounding.
  int32_t sample(float* logits, int vocab, const SamplingParams& p, const std::vector<int32_t>& history,
                 uint64_t drawIndex, TokenLogprob* logprob);

 private:
  // Temperature, top-k, top-p and min-p, then the draw for `drawIndex`.
  int32_t sampleTempered(const float* logits, int vocab, const SamplingParams& p, uint64_t drawIndex);

  std::vector<std::pair<float, int32_t>> cand_;
};

}  // namespace llorch
