// One block per looked-up row: reads one stored row, writes cols floats.
#include "cuda/ops/get_rows.h"

#include "cuda/cuda_check.h"
#include "cuda/dequant.cuh"
#include "cuda/float_element.cuh"

namespace llorch {

namespace {
constexpr int kThreads = 128;

template <GgmlType T>
__global__ void getRowsKernel(float* out, const uint8_t* table, const int32_t* ids, int64_t cols, size_t rowBytes) {
  const uint8_t* row = table + static_cast<size_t>(ids[blockIdx.x]) * rowBytes;
  float* o = out + static_cast<int64_t>(blockIdx.x) * cols;
  for (int64_t c = threadIdx.x; c < cols / 8; c += kThreads) {
    float v[8];
    Chunk<T>::load(row, c, cols, v);
#pragma unroll
    for (int i = 0; i < 8; i++) o[c * 8 + i] = v[i];
  }
}

__global__ void getRowsFloatKernel(float* out, GgmlType type, const uint8_t* table, const int32_t* ids, int64_t cols,
                                   size_t rowBytes) {
  const uint8_t* row = table + static_cast<size_t>(ids[blockIdx.x]) * rowBytes;
  float* o = out + static_cast<int64_t>(blockIdx.x) * cols;
  for (int64_t i = threadIdx.x; i < cols; i += kThreads) o[i] = floatElement(type, row, i);
}

struct Launch {
  cudaStream_t s;
  float* out;
  const WeightView& t;
  const int32_t* ids;
  int n;
  template <GgmlType T>
  void operator()() const {
    const size_t rb = static_cast<size_t>(t.cols / Chunk<T>::kBlock) * Chunk<T>::kBytes;
    getRowsKernel<T><<<n, kThreads, 0, s>>>(out, static_cast<const uint8_t*>(t.data), ids, t.cols, rb);
  }
};
}  // namespace

void cudaGetRows(cudaStream_t s, float* out, const WeightView& table, const int32_t* ids, int n) {
  if (n <= 0) return;
  if (table.cols % 8 != 0) {
    const size_t rb = rowBytes(*typeTraits(static_cast<uint32_t>(table.type)), table.cols);
    getRowsFloatKernel<<<n, kThreads, 0, s>>>(out, table.type, static_cast<const uint8_t*>(table.data), ids, table.cols,
                                              rb);
  } else {
    dispatchType(table.type, Launch{s, out, table, ids, n});
  }
  cudaCheckLaunch("getRows");
}

}  // namespace llorch
