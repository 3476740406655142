// One thread per rotated pair; the row's position is read from device memory, so a recorded
// step replays at any position.
#include "cuda/ops/rope.h"

#include <cmath>

#include "cuda/cuda_check.h"
#include "native_error.h"

namespace llorch {

namespace {
__global__ void ropeKernel(float* x, const int32_t* pos, int heads, int headDim, int half, float posScale, bool neox,
                           RopeInvFreq f) {
  const int row = blockIdx.x;
  const float t = static_cast<float>(pos[row]) * posScale;
  for (int k = threadIdx.x; k < heads * half; k += blockDim.x) {
    const int h = k / half, i = k % half;
    float* v = x + (static_cast<int64_t>(row) * heads + h) * headDim;
    float sn, cs;
    sincosf(t * f.v[i], &sn, &cs);
    const int a = neox ? i : 2 * i;
    const int b = neox ? i + half : 2 * i + 1;
    const float x0 = v[a], x1 = v[b];
    v[a] = x0 * cs - x1 * sn;
    v[b] = x1 * cs + x0 * sn;
  }
}
}  // namespace

RopeInvFreq ropeInvFreq(const RopeParams& p) {
  const int half = p.ropeDim / 2;
  if (half > 128 || p.ropeDim > p.headDim) {
    throw NativeError(err::kBadArgument, "rope: ropeDim " + std::to_string(p.ropeDim) +
                                             " exceeds the supported 256 or headDim " + std::to_string(p.headDim));
  }
  RopeInvFreq f{};
  for (int i = 0; i < half; i++) {
    const double e = static_cast<double>(2 * i) / static_cast<double>(p.ropeDim);
    const double factor = p.freqFactors != nullptr ? p.freqFactors[i] : 1.0;
    f.v[i] = static_cast<float>(1.0 / (std::pow(static_cast<double>(p.freqBase), e) * factor));
  }
  return f;
}

void cudaRope(cudaStream_t s, float* x, const int32_t* pos, int n, const RopeParams& p) {
  const RopeInvFreq f = ropeInvFreq(p);
  if (n <= 0) return;
  ropeKernel<<<n, 128, 0, s>>>(x, pos, p.heads, p.headDim, p.ropeDim / 2, p.posScale, p.style == RopeStyle::Neox, f);
  cudaCheckLaunch("rope");
}

}  // namespace llorch
