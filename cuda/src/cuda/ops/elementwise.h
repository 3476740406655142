#pragma once
#include <cuda_runtime.h>

#include <cstddef>
#include <cstdint>

#include "backend/backend.h"

namespace llorch {
// x[i][:] += bias for n rows of `dim`.
void cudaAddBias(cudaStream_t s, float* x, const float* bias, int n, int dim);
// gate[i] = silu(gate[i]) * up[i].
void cudaSiluMul(cudaStream_t s, float* gate, const float* up, size_t count);
// x[i] += y[i].
void cudaAdd(cudaStream_t s, float* x, const float* y, size_t count);
// out[i][:] = x[idx[i]][:].
void cudaGatherRows(cudaStream_t s, float* out, const float* x, const int32_t* idx, int n, int dim);
// Row i of k and v into cache slot slots[i].
void cudaKvStore(cudaStream_t s, const KvLayerView& kv, const float* k, const float* v, const int32_t* slots, int n);
}  // namespace llorch
