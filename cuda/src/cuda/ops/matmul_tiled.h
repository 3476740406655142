#pragma once
#include <cuda_runtime.h>

#include <cstddef>
#include <functional>

#include "backend/backend.h"

namespace llorch {
// y[n][w.rows] = x[n][w.cols] . W^T for any n, w.cols % 8 == 0.
// F16/BF16 weights: mma.sync tensor-core tiles (weights exact in their type, activations split
// into hi + lo halves of that type, f32 accumulation). Quantized weights: 64x64 WMMA tiles,
// dequantized to f16 in shared memory. F32 weights: f32 FMA tiles.
// F16/BF16 products with too few tiles to fill the GPU are split over their columns, their
// partials in device memory that `scratch(floats)` provides (called only for such a product).
using SplitScratch = std::function<float*(size_t floats)>;
void cudaMatmulTiled(cudaStream_t s, float* y, const WeightView& w, const float* x, int n, const SplitScratch& scratch);
// ys[i] = x . ws[i]^T for count (1..3) F16/BF16 weights of one type and width, one launch (the
// q, k and v projections of a prefill step).
bool matmulTiledMultiSupports(const WeightView* ws, int count, int n);
void cudaMatmulTiledMulti(cudaStream_t s, float* const* ys, const WeightView* ws, int count, const float* x, int n,
                          const SplitScratch& scratch);
// y[n][w.rows] += x . W^T in the tensor-core epilogue (a residual branch without a second pass):
// F16/BF16 weights, w.cols % 8 == 0.
bool matmulTiledAddSupports(const WeightView& w, int n);
void cudaMatmulTiledAdd(cudaStream_t s, float* y, const WeightView& w, const float* x, int n,
                        const SplitScratch& scratch);
// gate = silu(x . wg^T) * (x . wu^T), up = x . wu^T in one pass of tiles that hold rows of both
// weights (the SwiGLU input half): F16/BF16 weights of one shape, cols % 8 == 0.
bool matmulTiledGateUpSupports(const WeightView& wg, const WeightView& wu, int n);
void cudaMatmulTiledGateUp(cudaStream_t s, float* gate, float* up, const WeightView& wg, const WeightView& wu,
                           const float* x, int n);
}  // namespace llorch
