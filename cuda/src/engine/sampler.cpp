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

int32_t Sampler::sample(float* logits, int vocab, const SamplingParams& p,
                        const std::vector<int32_t>& history, uint64_t drawIndex, TokenLogprob* logprob) {
  const bool penalize =
      p.repetitionPenalty != 1.f || p.presencePenalty != 0.f || p.frequencyPenalty != 0.f;
  if (penalize) {
    if (counts_.size() < static_cast<size_t>(vocab)) counts_.assign(static_cast<size_t>(vocab), 0);
    const size_t n = history.size();
    const size_t window = p.penaltyLastN < 0 ? n : std::min(n, static_cast<size_t>(p.penaltyLastN));
    for (size_t i = n - window; i < n; i++) {
      if (counts_[history[i]]++ == 0) touched_.push_back(history[i]);
    }
    for (int32_t t : touched_) {
      float& l = logits[t];
      if (p.repetitionPenalty != 1.f) l = l > 0.f ? l / p.repetitionPenalty : l * p.repetitionPenalty;
      l -= static_cast<float>(counts_[t]) * p.frequencyPenalty + p.presencePenalty;
      counts_[t] = 0;
    }
    touched_.clear();
  }
  for (const auto& [token, bias] : p.logitBias) logits[token] += bias;

  int32_t chosen;
  if (p.temperature <= 0.f) {
    chosen = static_cast<int32_t>(std::max_element(logits, logits + vocab) - logits);
  } else {
    cand_.clear();
    for (int i = 0; i < vocab; i++) cand_.emplace_back(logits[i] / p.temperature, i);
    auto byLogit = [](const std::pair<float, int32_t>& a, const std::pair<float, int32_t>& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    };
    size_t keep = cand_.size();
    if (p.topK > 0 && static_cast<size_t>(p.topK) < keep) {
      keep = static_cast<size_t>(p.topK);
      std::partial_sort(cand_.begin(), cand_.begin() + static_cast<long>(keep), cand_.end(), byLogit);
      cand_.resize(keep);
    } else {
      std::sort(cand_.begin(), cand_.end(), byLogit);
    }
    // Softmax over the survivors, in descending order.
    const float maxL = cand_[0].first;
    double sum = 0.0;
    for (auto& c : cand_) {
      c.first = std::exp(c.first - maxL);
      sum += c.first;
    }
    for (auto& c : cand_) c.first = static_cast<float>(c.first / sum);
    if (p.topP < 1.f) {
      double cum = 0.0;
      size_t k = 0;
      while (k < cand_.size()) {
        cum += cand_[k].first;
        k++;
        if (cum >= p.topP) break;
      }
      cand_.resize(k);
    }
    if (p.minP > 0.f) {
      const float floor = cand_[0].first * p.minP;
      size_t k = 1;
      while (k < cand_.size() && cand_[k].first >= floor) k++;
      cand_.resize(k);
    }
    double total = 0.0;
    for (const auto& c : cand_) total += c.first;
    const double u = counterUniform(p.seed, drawIndex) * total;
    double cum = 0.0;
    chosen = cand_.back().second;
    for (const auto& c : cand_) {
      cum += c.first;
      if (u < cum) {
        chosen = c.second;
        break;
      }
    }
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
