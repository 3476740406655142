#pragma once
#include <cuda_runtime.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "backend/backend.h"

namespace llorch {

// Whether the persistent decode kernel takes these layers for a one-row step: every weight of a
// type it reads (F32, F16, BF16, Q8_0, Q4_0, Q5_0, Q4_K, Q6_K), the shapes the fused QKV and
// grouped attention steps take, and activations that fit its shared-memory staging.
bool decodeLayersSupported(const DecodeLayer* layers, int count, const AttentionBatch& ab);

// The kernel's per-layer parameters as bytes, to be uploaded to device memory once and passed to
// cudaDecodeLayers (the same bytes for every step of one shape: only pointers and sizes).
std::vector<uint8_t> decodeLayerPlans(const DecodeLayer* layers, int count, const DecodeBuffers& buf,
                                      const AttentionBatch& ab, float eps, float* partials, int* counters);

// Runs every layer of a one-row step as one persistent kernel; `plans` is decodeLayerPlans'
// bytes in device memory, `barrier` two zeroed unsigned ints (left ready for the next launch).
void cudaDecodeLayers(cudaStream_t s, const void* plans, const DecodeLayer* layers, int count, const AttentionBatch& ab,
                      unsigned* barrier);

}  // namespace llorch
