#pragma once

#include "backend/backend.h"
#include "cpu/thread_pool.h"

namespace llorch {

// y[n][w.rows] = x[n][w.cols] . W^T. Each weight row is dequantized once per call into a
// per-thread f32 buffer and dotted with all n activation rows, so a batched decode step reads the
// weights once however many sequences run. Memory traffic: the weight bytes plus n * cols floats
// per weight-row tile; on a laptop CPU decode is bound by the weight bytes over DRAM bandwidth.
void cpuMatmul(ThreadPool& pool, float* y, const WeightView& w, const float* x, int n);

}  // namespace llorch
