#pragma once
#include <cuda_runtime.h>

#include <cstdint>

#include "backend/backend.h"

namespace llorch {

// Largest batch the matrix-vector kernels take; larger ones go to the tiled kernels.
inline constexpr int kMatvecMaxRows = 8;

// One decode-time matrix-vector launch: `count` weights of one type and equal cols sharing the
// input x (their rows concatenated, e.g. Q, K and V), with optional fused steps:
// - normW: x is replaced by rmsnorm(x) * normW (computed per block, never stored);
// - accumulate: ys[i] += result instead of ys[i] = result (residual adds);
// - up/upOut: gate/up mode (count 1): ys[0] = silu(x . gate) * (x . up), upOut = x . up.
struct MatvecJob {
  int count = 1;
  const WeightView* ws = nullptr;
  float* const* ys = nullptr;
  const float* normW = nullptr;
  float eps = 0.f;
  bool accumulate = false;
  const WeightView* up = nullptr;
  float* upOut = nullptr;
  // One x row's argmax over ys[0] as well (the LM head of a greedy step): the first index of its
  // largest value into *argmax. argmaxScratch: two 64-bit words, zero, which the kernel leaves zero.
  int32_t* argmax = nullptr;
  uint64_t* argmaxScratch = nullptr;
};

// Whether cudaMatvec takes this job for n rows (same type and cols everywhere, cols % 8 == 0).
bool matvecSupports(const MatvecJob& job, int n);
// Whether cudaMatvec also takes the job's argmax (one x row through the streamed kernel).
bool matvecArgmaxSupports(const MatvecJob& job, int n);
void cudaMatvec(cudaStream_t s, const MatvecJob& job, const float* x, int n);

// Whether cudaQkvMatvec takes this step: one row, full-width rope, Q and K of one type, V of the
// same type or a Q8_0 / Q6_K one (the V of llama.cpp's _M and _L mixes).
bool qkvMatvecSupports(const QkvStep& step, int n);
// Backend::normQkvRopeStore for one row in one launch (see qkvKernel in matvec.cu).
void cudaQkvMatvec(cudaStream_t s, float* q, float* k, float* v, const QkvStep& step, const float* x,
                   const int32_t* pos, const int32_t* slots, const KvLayerView& kv);

}  // namespace llorch
