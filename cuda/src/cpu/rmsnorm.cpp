#include "cpu/rmsnorm.h"

#include <cmath>
#include <cstdint>

#include "cpu/vec.h"

namespace llorch {

void cpuRmsnorm(float* out, const float* x, const float* w, int n, int dim, float eps) {
  for (int i = 0; i < n; i++) {
    const float* xr = x + static_cast<int64_t>(i) * dim;
    float* orow = out + static_cast<int64_t>(i) * dim;
    const float ms = dotF32(xr, xr, dim) / static_cast<float>(dim);
    const float r = 1.0f / std::sqrt(ms + eps);
    for (int j = 0; j < dim; j++) orow[j] = (xr[j] * r) * w[j];
  }
}

}  // namespace llorch
