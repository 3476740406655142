// One thread per rotated pair. The inverse frequencies are computed on the host in double, as
// the CPU reference does, and passed by value (at most 128 of them for head dims up to 256).
#include "cuda/ops/rope.h"

#include <cmath>

#include "cuda/cuda_check.h"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kMaxHalf = 128;

struct InvFreq {
  float v[kMaxHalf];
};

__global__ void ropeKernel(float* x, const int32_t* pos, int heads, int headDim, int half, float posScale,
                           bool neox, InvFreq f) {
  const int row = blockIdx.x;
  const float t = static_cast<float>(pos[row]) * posScale;
  for (int k = threadIdx.x; k < heads * half; k += blockDim.x) {
    const int h = k / half, i = k % half;
    float* v = x + (static_cast<int64_t>(row) * heads + h) * headDim;
    const float theta = t * f.v[i];
    float sn, cs;
    sincosf(theta, &sn, &cs);
    const int a = neox ? i : 2 * i;
    const int b = neox ? i + half : 2 * i + 1;
    const float x0 = v[a], x1 = v[b];
    v[a] = x0 * cs - x1 * sn;
    v[b] = x1 * cs + x0 * sn;
  }
}
}  // namespace

void cudaRope(cudaStream_t s, float* x, const int32_t* pos, int n, const RopeParams& p) {
  const int half = p.ropeDim / 2;
  if (half > kMaxHalf || p.ropeDim > p.headDim) {
    throw NativeError(err::kBadArgument, "rope: ropeDim " + std::to_string(p.ropeDim) + " exceeds the supported " +
                                             std::to_string(2 * kMaxHalf) + " or headDim");
  }
  if (n <= 0) return;
  InvFreq f{};
  for (int i = 0; i < half; i++) {
    const double e = static_cast<double>(2 * i) / static_cast<double>(p.ropeDim);
    f.v[i] = static_cast<float>(1.0 / std::pow(static_cast<double>(p.freqBase), e));
  }
  ropeKernel<<<n, 128, 0, s>>>(x, pos, p.heads, p.headDim, half, p.posScale, p.style == RopeStyle::Neox, f);
  cudaCheckLaunch("rope");
}

}  // namespace llorch
