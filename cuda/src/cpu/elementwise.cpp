#include "cpu/elementwise.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "cpu/dequant.h"

namespace llorch {

void cpuGetRows(float* out, const WeightView& table, const int32_t* ids, int n) {
  const size_t rb = rowBytes(*typeTraits(static_cast<uint32_t>(table.type)), table.cols);
  const uint8_t* base = static_cast<const uint8_t*>(table.data);
  for (int i = 0; i < n; i++) {
    dequantRow(table.type, base + static_cast<size_t>(ids[i]) * rb, out + static_cast<int64_t>(i) * table.cols,
               table.cols);
  }
}

void cpuGatherRows(float* out, const float* x, const int32_t* idx, int n, int dim) {
  for (int i = 0; i < n; i++) {
    std::memcpy(out + static_cast<int64_t>(i) * dim, x + static_cast<int64_t>(idx[i]) * dim,
                sizeof(float) * static_cast<size_t>(dim));
  }
}

void cpuKvStore(const KvLayerView& kv, const float* k, const float* v, const int32_t* slots, int n) {
  const size_t bytes = sizeof(float) * static_cast<size_t>(kv.kvDim);
  for (int i = 0; i < n; i++) {
    std::memcpy(kv.k + static_cast<int64_t>(slots[i]) * kv.kvDim, k + static_cast<int64_t>(i) * kv.kvDim, bytes);
    std::memcpy(kv.v + static_cast<int64_t>(slots[i]) * kv.kvDim, v + static_cast<int64_t>(i) * kv.kvDim, bytes);
  }
}

void cpuAddBias(float* x, const float* bias, int n, int dim) {
  for (int i = 0; i < n; i++) {
    float* r = x + static_cast<int64_t>(i) * dim;
    for (int j = 0; j < dim; j++) r[j] += bias[j];
  }
}

void cpuSiluMul(float* gate, const float* up, size_t count) {
  for (size_t i = 0; i < count; i++) {
    const float g = gate[i];
    gate[i] = (g / (1.0f + std::exp(-g))) * up[i];
  }
}

void cpuAdd(float* x, const float* y, size_t count) {
  for (size_t i = 0; i < count; i++) x[i] += y[i];
}

void cpuArgmax(int32_t* out, const float* x, int n, int dim) {
  for (int i = 0; i < n; i++) {
    const float* row = x + static_cast<int64_t>(i) * dim;
    out[i] = static_cast<int32_t>(std::max_element(row, row + dim) - row);
  }
}

}  // namespace llorch
