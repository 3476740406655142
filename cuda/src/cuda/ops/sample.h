// Sampling on the device: Sampler::sample (engine/sampler.cpp) for many logit rows at once, one
// block per row, so that only token ids and logprob records cross to the host.
#pragma once
#include <cuda_runtime.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "backend/backend.h"

namespace llorch {

// One row's request as the kernel reads it. The host reduces the history to its penalty window
// and copies the logit bias, both as (token, value) pairs in the launch's `pairs`.
struct SampleRowArgs {
  int row = 0;
  int topK = 0;
  int topLogprobs = -1;  // -1: no logprob record
  int penaltyFirst = 0;  // (token, occurrences) pairs, first pair and count
  int penaltyCount = 0;
  int biasFirst = 0;     // (token, float bits of the bias) pairs
  int biasCount = 0;
  float temperature = 0.f;
  float topP = 1.f;
  float minP = 0.f;
  float repetitionPenalty = 1.f;
  float presencePenalty = 0.f;
  float frequencyPenalty = 0.f;
  double uniform = 0.0;  // counterUniform(seed, drawIndex), drawn on the host
};

struct SampleLaunch {
  std::vector<SampleRowArgs> rows;
  std::vector<int32_t> pairs;  // [pairs][2]
  int outStride = 0;           // int32 words of output per row
};

// The kernel's arguments for `count` requests.
SampleLaunch packSampleRows(const SampleRequest* rows, int count);
// A row's result from its `outStride` words of output: token, then (with logprobs) the chosen
// token's logprob and min(topLogprobs, vocab) (token, logprob) pairs, floats as bits.
void unpackSampleRow(const int32_t* out, const SampleRequest& request, int vocab, SampleResult& result);

// Rows sampled at once (blocks of the launch) for `count` rows, and the scratch they need.
int cudaSampleSlots(int count);
size_t cudaSampleScratchBytes(int vocab, int slots);

// Samples rows[i] from logits row rows[i].row ([*][vocab], modified in place by penalties and
// bias) into out + i * outStride. `rows`, `pairs`, `scratch` and `out` are device memory.
void cudaSample(cudaStream_t s, float* logits, int vocab, const SampleRowArgs* rows, const int32_t* pairs,
                int count, int outStride, void* scratch, int slots, int32_t* out);

}  // namespace llorch
