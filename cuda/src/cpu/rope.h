#pragma once

#include <cstdint>

#include "backend/backend.h"

namespace llorch {

// Rotary position embedding in place. Neox rotates pairs (i, i + ropeDim/2) (HF rotate_half);
// Normal rotates adjacent pairs (2i, 2i+1), the order GGUF stores llama q/k weights in.
// theta_i = pos * posScale * base^(-2i/ropeDim), computed in f32 like HF's inv_freq path.
void cpuRope(float* x, const int32_t* pos, int n, const RopeParams& p);

}  // namespace llorch
