#pragma once
#include <cuda_runtime.h>

#include <cstdint>

#include "backend/backend.h"

namespace llorch {
// out[i][:] = dequant(table row ids[i]) for n ids (device memory); out is [n][table.cols] f32.
void cudaGetRows(cudaStream_t s, float* out, const WeightView& table, const int32_t* ids, int n);
}  // namespace llorch
