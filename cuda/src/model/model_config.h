// The model hyper-parameters as @llorch/gguf's modelConfig() reports them, and the GGUF tensor
// table entries the loader reads. C++ never parses GGUF itself: TypeScript hands both over.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "backend/backend.h"

namespace llorch {

enum class Architecture { Qwen2, Llama };

struct ModelConfig {
  Architecture arch = Architecture::Llama;
  int blockCount = 0;
  int embeddingLength = 0;
  int feedForwardLength = 0;
  int headCount = 0;
  int headCountKv = 0;
  int headDim = 0;
  int vocabSize = 0;
  int contextLength = 0;
  float ropeFreqBase = 10000.f;
  int ropeDim = 0;
  RopeStyle ropeStyle = RopeStyle::Normal;
  float ropeLinearFactor = 1.f;  // 1 unless ropeScaling.type == 'linear'
  // YaRN (ropeScaling.type == 'yarn'): context extension factor (0: none) and the context the
  // model was trained at.
  float ropeYarnFactor = 0.f;
  int ropeYarnOriginalContext = 0;
  float rmsNormEps = 1e-5f;
  bool tiedOutput = false;
  bool qkvBias = false;
};

struct TensorInfo {
  std::string name;
  std::vector<int64_t> dims;  // ggml order: dims[0] is the row length
  uint32_t type = 0;
  uint64_t offset = 0;        // relative to the data section
  uint64_t size = 0;
};

}  // namespace llorch
