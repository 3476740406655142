#pragma once
#include <cuda_runtime.h>

#include "backend/backend.h"

namespace llorch {
// y[n][w.rows] = x[n][w.cols] . W^T for any n, w.cols % 8 == 0.
// F16/BF16 weights: mma.sync tensor-core tiles (weights exact in their type, activations split
// into hi + lo halves of that type, f32 accumulation). Quantized weights: 64x64 WMMA tiles,
// dequantized to f16 in shared memory. F32 weights: f32 FMA tiles.
void cudaMatmulTiled(cudaStream_t s, float* y, const WeightView& w, const float* x, int n);
// The norm-folded products: h = rmsnorm(x) * normW (normW [cols], epsilon eps) is never
// materialized; the tiles read x and scale each output row by its rsqrt(mean(x^2) + eps).
// ys[i] = h . ws[i]^T for count (1..3) F16/BF16 weights of one type and width, one launch.
bool matmulTiledNormMultiSupports(const WeightView* ws, int count, int n);
void cudaMatmulTiledNormMulti(cudaStream_t s, float* const* ys, const WeightView* ws, int count, const float* x,
                              const float* normW, float eps, int n);
// y[n][w.rows] += x . W^T in the tensor-core epilogue (a residual branch without a second pass):
// F16/BF16 weights, w.cols % 8 == 0.
bool matmulTiledAddSupports(const WeightView& w, int n);
void cudaMatmulTiledAdd(cudaStream_t s, float* y, const WeightView& w, const float* x, int n);
// gate = silu(h . wg^T) * (h . wu^T), up = h . wu^T in one pass of tiles that hold rows of both
// weights (the SwiGLU input half): F16/BF16 weights of one shape, cols % 8 == 0.
bool matmulTiledNormGateUpSupports(const WeightView& wg, const WeightView& wu, int n);
void cudaMatmulTiledNormGateUp(cudaStream_t s, float* gate, float* up, const WeightView& wg, const WeightView& wu,
                               const float* x, const float* normW, float eps, int n);
// The whole attention input step in one launch: q, k, v = h . {wq, wk, wv}^T (h from st.normW,
// st.eps), biases, rope on q and k at pos[i] (cudaQkvRopeStore's math, ropeQ's parameters for
// both), k and v also into cache slots[i]. F16/BF16 weights of one type and width, heads of a
// headDim dividing 128 with an even ropeDim, kv.kvDim == wk.rows.
bool matmulTiledQkvRopeSupports(const QkvStep& st, const KvLayerView& kv, int n);
void cudaMatmulTiledQkvRope(cudaStream_t s, float* q, float* k, float* v, const QkvStep& st, const float* x,
                            const int32_t* pos, const int32_t* slots, int n, const KvLayerView& kv);
}  // namespace llorch
