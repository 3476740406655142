#pragma once

namespace llorch {

// out[i] = x[i] * (1 / sqrt(mean(x[i]^2) + eps)) * w, the way HF's LlamaRMSNorm computes it in f32.
void cpuRmsnorm(float* out, const float* x, const float* w, int n, int dim, float eps);

}  // namespace llorch
