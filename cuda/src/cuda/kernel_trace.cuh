// Device side of kernel_trace.h. Without LLORCH_TRACE, LLORCH_TRACE_POINT compiles to nothing.
#pragma once

#ifdef LLORCH_TRACE
#include <cuda_runtime.h>

#include <cstdio>
#include <vector>

#include "cuda/kernel_trace.h"

namespace llorch {
namespace trace {
namespace {

// Slots by grid id modulo kGrids (a replayed graph keeps its kernels' grid ids, so the slots hold
// the last replay of each node); in a grid, blocks 0-31 and every 16th below 16 x 96.
constexpr unsigned kGrids = 512;
constexpr unsigned kBlockSlots = 128;
constexpr int kPoints = 8;
__device__ unsigned long long gTimes[kGrids * kBlockSlots * kPoints];
__device__ unsigned long long gMeta[kGrids * kBlockSlots];

// Thread 0 of a traced block stores the time of point `k` (no atomics: a round trip before a
// kernel's first loads would delay what is measured).
__device__ __forceinline__ void record(int k) {
  const unsigned b = blockIdx.x + gridDim.x * (blockIdx.y + gridDim.y * blockIdx.z);
  if (threadIdx.x + threadIdx.y + threadIdx.z != 0 || (b >= 32 && b % 16 != 0) || b >= 16 * 96) return;
  unsigned long long t, grid;
  unsigned sm;
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t));
  asm volatile("mov.u64 %0, %%gridid;" : "=l"(grid));
  asm volatile("mov.u32 %0, %%smid;" : "=r"(sm));
  const unsigned slot = static_cast<unsigned>(grid % kGrids) * kBlockSlots + (b < 32 ? b : 32 + b / 16);
  gTimes[slot * kPoints + k] = t;
  gMeta[slot] = (grid << 40) | (static_cast<unsigned long long>(sm) << 32) |
                (static_cast<unsigned long long>(b) << 20) | (gridDim.x * gridDim.y * gridDim.z);
}

void dump(std::FILE* f) {
  std::vector<unsigned long long> times(sizeof(gTimes) / sizeof(gTimes[0])), meta(sizeof(gMeta) / sizeof(gMeta[0]));
  if (cudaMemcpyFromSymbol(times.data(), gTimes, sizeof(gTimes)) != cudaSuccess ||
      cudaMemcpyFromSymbol(meta.data(), gMeta, sizeof(gMeta)) != cudaSuccess) {
    return;
  }
  for (size_t i = 0; i < meta.size(); i++) {
    const unsigned long long m = meta[i];
    if (m == 0) continue;
    std::fprintf(f, "%llu %llu %llu %llu", m >> 40, (m >> 20) & 0xfffull, m & 0xfffffull, (m >> 32) & 0xffull);
    for (int k = 0; k < kPoints; k++) std::fprintf(f, " %llu", times[i * kPoints + k]);
    std::fprintf(f, "\n");
  }
}

[[maybe_unused]] const bool registered = (registerTraceDump(dump), true);

}  // namespace
}  // namespace trace
}  // namespace llorch

#define LLORCH_TRACE_POINT(k) ::llorch::trace::record(k)
#else
#define LLORCH_TRACE_POINT(k) ((void)0)
#endif
