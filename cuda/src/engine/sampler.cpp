#include "engine/sampler.h"

#include <algorithm>
#include <cmath>

namespace llorch {

namespace {

uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

double counterUniform(uint64_t seed, uint64_t index) {
  const uint64_t bits = splitmix64(splitmix64(seed) ^ index);
  return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);
}

std::vector<std::pair<int32_t, int32_t>> penaltyWindow(const std::vector<int32_t>& history, int penaltyLastN) {
  const size_t n = history.size();
  const size_t window = penaltyLastN < 0 ? n : std::min(n, static_cast<size_t>(penaltyLastN));
  std::vector<int32_t> tokens(history.end() - static_cast<long>(window), history.end());
  std::sort(tokens.begin(), tokens.end());
  std::vector<std::pair<int32_t, int32_t>> pairs;
  for (size_t i = 0; i < tokens.size(); i++) {
    if (i > 0 && tokens[i] == tokens[i - 1]) {
      pairs.back().second++;
    } else {
      pairs.emplace_back(tokens[i], 1);
    }
  }
  return pairs;
}

int32_t Sampler::sampleTempered(const float* logits, int vocab, const SamplingParams& p, uint64_t drawIndex) {
  cand_.clear();
  for (int i = 0; i < vocab; i++) cand_.emplace_back(logits[i] / p.temperature, i);
  // Descending by value (logit, later weight), ties by token id: a deterministic order.
  auto byLogit = [](const std::pair<float, int32_t>& a, const std::pair<float, int32_t>& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  // Top-k: the k best, in no particular order yet (a selection, not a sort).
  if (p.topK > 0 && static_cast<size_t>(p.topK) < cand_.size()) {
    std::nth_element(cand_.begin(), cand_.begin() + (p.topK - 1), cand_.end(), byLogit);
    cand_.resize(static_cast<size_t>(p.topK));
  }
  // Softmax over the survivors (unnormalized weights, their total).
  float maxL = -INFINITY;
  for (const auto& c : cand_) maxL = std::max(maxL, c.first);
  // exp in double, rounded once to float: the correctly rounded weight (std::exp on a float is
  // not always), which the CUDA sampler computes the same way.
  double total = 0.0;
  for (auto& c : cand_) {
    c.first = static_cast<float>(std::exp(static_cast<double>(c.first - maxL)));
    total += c.first;
  }
  // Top-p / min-p cut the descending order; sorting a growing prefix until the cut falls inside it
  // avoids sorting a 150k vocabulary for every token.
  size_t keep = cand_.size();
  if (p.topP < 1.f || p.minP > 0.f) {
    for (size_t k = std::min<size_t>(256, cand_.size());; k = std::min(cand_.size(), k * 4)) {
      std::partial_sort(cand_.begin(), cand_.begin() + static_cast<long>(k), cand_.end(), byLogit);
      const double floor = static_cast<double>(cand_[0].first) * p.minP;
      double cum = 0.0;
      size_t cut = k;
      for (size_t j = 0; j < k; j++) {
        if (j > 0 && p.minP > 0.f && cand_[j].first < floor) {
          cut = j;
          break;
        }
        cum += cand_[j].first;
        if (p.topP < 1.f && cum >= p.topP * total) {
          cut = j + 1;
          break;
        }
      }
      if (cut < k || k == cand_.size()) {
        keep = cut;
        break;
      }
    }
  } else if (cand_.size() < static_cast<size_t>(vocab)) {
    // Without a cut the draw walks the candidates in token order, as it walks the whole
    // vocabulary without top-k: an order a device sampler can follow (nth_element's is arbitrary).
    std::sort(cand_.begin(), cand_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  }
  double kept = 0.0;
  for (size_t j = 0; j < keep; j++) kept += cand_[j].first;
  const double u = counterUniform(p.seed, drawIndex) * kept;
  double cum = 0.0;
  for (size_t j = 0; j < keep; j++) {
    cum += cand_[j].first;
    if (u < cum) return cand_[j].second;
  }
  return cand_[keep - 1].second;
}

int32_t Sampler::sample(float* logits, int vocab, const SamplingParams& p,
                        const std::vector<int32_t>& history, uint64_t drawIndex, TokenLogprob* logprob) {
  if (p.repetitionPenalty != 1.f || p.presencePenalty != 0.f || p.frequencyPenalty != 0.f) {
    for (const auto& [t, count] : penaltyWindow(history, p.penaltyLastN)) {
      float& l = logits[t];
      if (p.repetitionPenalty != 1.f) l = l > 0.f ? l / p.repetitionPenalty : l * p.repetitionPenalty;
      l -= static_cast<float>(count) * p.frequencyPenalty + p.presencePenalty;
    }
  }
  for (const auto& [token, bias] : p.logitBias) logits[token] += bias;

  int32_t chosen;
  if (p.temperature <= 0.f) {
    chosen = static_cast<int32_t>(std::max_element(logits, logits + vocab) - logits);
  } else {
    chosen = sampleTempered(logits, vocab, p, drawIndex);
  }

  if (logprob != nullptr) {
    const float maxL = *std::max_element(logits, logits + vocab);
    double sum = 0.0;
    for (int i = 0; i < vocab; i++) sum += std::exp(static_cast<double>(logits[i] - maxL));
    const float logZ = maxL + static_cast<float>(std::log(sum));
    logprob->token = chosen;
    logprob->logprob = logits[chosen] - logZ;
    logprob->top.clear();
    if (p.topLogprobs > 0) {
      cand_.clear();
      for (int i = 0; i < vocab; i++) cand_.emplace_back(logits[i], i);
      const size_t k = std::min(static_cast<size_t>(p.topLogprobs), cand_.size());
      std::partial_sort(cand_.begin(), cand_.begin() + static_cast<long>(k), cand_.end(),
                        [](const auto& a, const auto& b) {
                          return a.first > b.first || (a.first == b.first && a.second < b.second);
                        });
      for (size_t i = 0; i < k; i++) logprob->top.emplace_back(cand_[i].second, cand_[i].first - logZ);
    }
  }
  return chosen;
}

}  // namespace llorch
