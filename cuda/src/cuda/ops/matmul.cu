#include "cuda/ops/matmul.h"

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/float_element.cuh"
#include "cuda/ops/matmul_tiled.h"
#include "cuda/ops/matvec.h"
#include "native_error.h"

namespace llorch {

namespace {
constexpr int kWarps = 4;

// One warp per (weight row, activation row); only tiny odd-length float matrices come here.
__global__ void matmulFloatKernel(float* y, GgmlType type, const uint8_t* w, const float* x, int64_t rows,
                                  int64_t cols, size_t rowBytes) {
  const int lane = threadIdx.x % 32;
  const int64_t row = static_cast<int64_t>(blockIdx.x) * kWarps + threadIdx.x / 32;
  if (row >= rows) return;
  const uint8_t* wr = w + static_cast<size_t>(row) * rowBytes;
  const float* xr = x + static_cast<int64_t>(blockIdx.y) * cols;
  float acc = 0.f;
  for (int64_t i = lane; i < cols; i += 32) acc += floatElement(type, wr, i) * xr[i];
  acc = warpSum(acc);
  if (lane == 0) y[static_cast<int64_t>(blockIdx.y) * rows + row] = acc;
}
}  // namespace

void cudaMatmul(cudaStream_t s, float* y, const WeightView& w, const float* x, int n, const SplitScratch& scratch) {
  const TypeTraits* traits = typeTraits(static_cast<uint32_t>(w.type));
  if (traits == nullptr) throw NativeError(err::kUnsupportedType, "matmul: unsupported weight type");
  if (n <= 0 || w.rows <= 0) return;
  if (w.cols % 8 != 0) {
    const dim3 grid(static_cast<unsigned>((w.rows + kWarps - 1) / kWarps), static_cast<unsigned>(n));
    matmulFloatKernel<<<grid, kWarps * 32, 0, s>>>(y, w.type, static_cast<const uint8_t*>(w.data), x, w.rows, w.cols,
                                                   rowBytes(*traits, w.cols));
    cudaCheckLaunch("matmulFloat");
  } else if (n <= kMatvecMaxRows) {
    MatvecJob job;
    job.ws = &w;
    job.ys = &y;
    cudaMatvec(s, job, x, n);
  } else {
    cudaMatmulTiled(s, y, w, x, n, scratch);
  }
}

}  // namespace llorch
