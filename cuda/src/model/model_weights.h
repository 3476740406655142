// The weights of a Qwen2/Llama model in backend memory, each in its stored ggml type.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "model/model_config.h"

namespace llorch {

struct LayerWeights {
  const float* attnNorm = nullptr;  // [n_embd]
  WeightView wq;                    // [n_head * head_dim, n_embd] (rows, cols)
  WeightView wk;                    // [n_head_kv * head_dim, n_embd]
  WeightView wv;                    // [n_head_kv * head_dim, n_embd]
  const float* bq = nullptr;        // [n_head * head_dim]    (qwen2 only)
  const float* bk = nullptr;        // [n_head_kv * head_dim] (qwen2 only)
  const float* bv = nullptr;        // [n_head_kv * head_dim] (qwen2 only)
  WeightView wo;                    // [n_embd, n_head * head_dim]
  const float* ffnNorm = nullptr;   // [n_embd]
  WeightView gate;                  // [n_ff, n_embd]
  WeightView up;                    // [n_ff, n_embd]
  WeightView down;                  // [n_embd, n_ff]
};

struct ModelWeights {
  WeightView tokEmbd;                 // [n_vocab, n_embd]
  const float* outputNorm = nullptr;  // [n_embd]
  WeightView output;                  // [n_vocab, n_embd]; tok_embd when tied
  std::vector<LayerWeights> layers;
  std::vector<float> ropeFreqs;       // [rope dim / 2] rope frequency divisors, empty when absent
  std::vector<void*> buffers;         // every allocation, for release
  size_t bytes = 0;
};

// Reads every tensor the config needs from `path` (positional reads, data section at
// `dataOffset`) into backend memory. Throws NativeError: NATIVE_ERR_LOAD for a missing or
// mis-shaped tensor, NATIVE_ERR_UNSUPPORTED_TYPE for a type the engine cannot compute with,
// NATIVE_ERR_IO for read failures or data beyond the file, NATIVE_ERR_OOM.
ModelWeights loadWeights(Backend& backend, const std::string& path, uint64_t dataOffset,
                         const std::vector<TensorInfo>& tensors, const ModelConfig& config);

void releaseWeights(Backend& backend, ModelWeights& weights);

}  // namespace llorch
