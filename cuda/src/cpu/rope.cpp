#include "cpu/rope.h"

#include <cmath>
#include <vector>

namespace llorch {

void cpuRope(float* x, const int32_t* pos, int n, const RopeParams& p) {
  const int half = p.ropeDim / 2;
  thread_local std::vector<float> invFreq, cosv, sinv;
  invFreq.resize(static_cast<size_t>(half));
  cosv.resize(static_cast<size_t>(half));
  sinv.resize(static_cast<size_t>(half));
  for (int i = 0; i < half; i++) {
    const double e = static_cast<double>(2 * i) / static_cast<double>(p.ropeDim);
    const double factor = p.freqFactors != nullptr ? p.freqFactors[i] : 1.0;
    invFreq[i] = static_cast<float>(1.0 / (std::pow(static_cast<double>(p.freqBase), e) * factor));
  }
  for (int r = 0; r < n; r++) {
    const float t = static_cast<float>(pos[r]) * p.posScale;
    for (int i = 0; i < half; i++) {
      const float theta = t * invFreq[i];
      cosv[i] = std::cos(theta);
      sinv[i] = std::sin(theta);
    }
    for (int h = 0; h < p.heads; h++) {
      float* v = x + (static_cast<int64_t>(r) * p.heads + h) * p.headDim;
      for (int i = 0; i < half; i++) {
        const int a = p.style == RopeStyle::Neox ? i : 2 * i;
        const int b = p.style == RopeStyle::Neox ? i + half : 2 * i + 1;
        const float x0 = v[a], x1 = v[b];
        v[a] = x0 * cosv[i] - x1 * sinv[i];
        v[b] = x1 * cosv[i] + x0 * sinv[i];
      }
    }
  }
}

}  // namespace llorch
