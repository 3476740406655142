#pragma once

#include <cstddef>
#include <cstdint>

#include "backend/backend.h"

namespace llorch {

// Row gathers and cheap element-wise ops; all memory-bound single passes.
void cpuGetRows(float* out, const WeightView& table, const int32_t* ids, int n);
void cpuGatherRows(float* out, const float* x, const int32_t* idx, int n, int dim);
void cpuKvStore(const KvLayerView& kv, const float* k, const float* v, const int32_t* slots, int n);
void cpuAddBias(float* x, const float* bias, int n, int dim);
void cpuSiluMul(float* gate, const float* up, size_t count);
void cpuAdd(float* x, const float* y, size_t count);
void cpuArgmax(int32_t* out, const float* x, int n, int dim);

}  // namespace llorch
