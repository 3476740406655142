#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace llorch {

// Mirrors the TypeScript SamplingParams of @llorch/native (see cuda/ts/types.ts).
struct SamplingParams {
  float temperature = 0.f;
  int topK = 0;
  float topP = 1.f;
  float minP = 0.f;
  float repetitionPenalty = 1.f;
  float presencePenalty = 0.f;
  float frequencyPenalty = 0.f;
  int penaltyLastN = 64;
  std::vector<std::pair<int32_t, float>> logitBias;
  uint64_t seed = 0;
  int maxTokens = 0;
  std::vector<int32_t> stopTokenIds;
  int topLogprobs = 0;
  int resumedTokens = 0;
};

}  // namespace llorch
