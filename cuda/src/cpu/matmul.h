#pragma once

#include "backend/backend.h"
#include "cpu/thread_pool.h"

namespace llorch {

// y[n][w.rows] = x[n][w.cols] . W^T. Each weight row is dequantized once per call into a
// per-thread f32 buffer and dotted with all n activation rows, so a batched decode step reads the
// weights once however many sequences run. Memory traffic: the weight bytes plus n * cols floats
// per weight-row tile; on a laptop CPU decode is bound by the weight bytes over DRAM bandwidth.
// Prefill and batched decode (n >= 4, AVX-512 builds) runs 8-row weight tiles against activation rows packed in
// pairs, two rows per zmm register; every path sums each (weight row, activation row) dot product
// in dotF32's order, so a row's result does not depend on n.
void cpuMatmul(ThreadPool& pool, float* y, const WeightView& w, const float* x, int n);

}  // namespace llorch
