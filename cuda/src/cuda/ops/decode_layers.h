#pragma once
#include <cuda_runtime.h>

#include <cstddef>
#include <cstdint>

#include "backend/backend.h"

namespace llorch {

// What one launch of the persistent decode kernel needs besides the layers (device memory).
struct DecodeLayersScratch {
  float* partials = nullptr;  // decodeLayersPartialFloats(...) floats
  unsigned* sync = nullptr;   // decodeLayersSyncWords(...) words, zero before the first launch
};

// Whether cudaDecodeLayers takes these layers for one row attending up to ab.maxPos (shapes,
// weight types, head size, shared memory on the current device).
bool decodeLayersSupports(const DecodeLayer* layers, int count, const AttentionBatch& ab);
size_t decodeLayersPartialFloats(const AttentionBatch& ab);
size_t decodeLayersSyncWords(int count);
// The device table of the layers' weights (decodeLayersPlanBytes bytes) cudaDecodeLayers reads.
size_t decodeLayersPlanBytes(int count);
void decodeLayersPlan(const DecodeLayer* layers, int count, void* hostOut);
// Every layer of a one-row decode step in one persistent kernel (decode_layers.cu): x is the
// residual stream in and out; q, attn and gate hold the step's intermediates.
void cudaDecodeLayers(cudaStream_t s, const void* plan, const DecodeLayer* layers, int count,
                      const DecodeBuffers& buf, const AttentionBatch& ab, const DecodeLayersScratch& scratch);

}  // namespace llorch
