// Programmatic dependent launch (Hopper): a kernel launched with launchDependent may start while
// the kernel before it in the stream is still running. It must call awaitPrerequisite() before
// it reads anything that kernel writes (or writes anything at all); until then it can warm L2
// with data no kernel writes, such as weights. Kernels call releaseDependents() early so that
// the next kernel's blocks can be scheduled as soon as all of theirs are. In trace builds
// (kernel_trace.h) the two also record the calling block's points 0 and 1.
#pragma once

#include <cuda_runtime.h>

#include <cstdint>
#include <utility>

#include "cuda/cuda_check.h"
#include "cuda/kernel_trace.cuh"

namespace llorch {

__device__ __forceinline__ void releaseDependents() {
  LLORCH_TRACE_POINT(0);
  asm volatile("griddepcontrol.launch_dependents;" ::: "memory");
}

// Waits until the previous kernel has finished and its writes are visible (a no-op for a kernel
// launched the ordinary way).
__device__ __forceinline__ void awaitPrerequisite() {
  asm volatile("griddepcontrol.wait;" ::: "memory");
  LLORCH_TRACE_POINT(1);
}

// Starts loading the 128-byte lines of [p, p + bytes) into L2 (no registers, nothing waits).
// Lines are taken lane, lane + stride, ... of the range.
__device__ __forceinline__ void prefetchL2(const void* p, size_t bytes, int lane, int stride) {
  const uintptr_t first = reinterpret_cast<uintptr_t>(p) & ~uintptr_t{127};
  const uintptr_t end = reinterpret_cast<uintptr_t>(p) + bytes;
  for (uintptr_t a = first + static_cast<uintptr_t>(lane) * 128; a < end; a += static_cast<uintptr_t>(stride) * 128) {
    asm volatile("prefetch.global.L2 [%0];" ::"l"(a));
  }
}

// kernel<<<grid, block, smem, s>>>(args...) as a programmatic dependent of the stream's previous
// work, in clusters of `cluster` blocks where that is more than one block.
template <typename... Params, typename... Args>
void launchDependent(cudaStream_t s, dim3 grid, dim3 block, size_t smem, dim3 cluster, void (*kernel)(Params...),
                     Args&&... args) {
  cudaLaunchConfig_t cfg = {};
  cfg.gridDim = grid;
  cfg.blockDim = block;
  cfg.dynamicSmemBytes = smem;
  cfg.stream = s;
  cudaLaunchAttribute attr[2];
  attr[0].id = cudaLaunchAttributeProgrammaticStreamSerialization;
  attr[0].val.programmaticStreamSerializationAllowed = 1;
  cfg.attrs = attr;
  cfg.numAttrs = 1;
  if (cluster.x * cluster.y * cluster.z > 1) {
    attr[1].id = cudaLaunchAttributeClusterDimension;
    attr[1].val.clusterDim.x = cluster.x;
    attr[1].val.clusterDim.y = cluster.y;
    attr[1].val.clusterDim.z = cluster.z;
    cfg.numAttrs = 2;
  }
  cudaCheck(cudaLaunchKernelEx(&cfg, kernel, std::forward<Args>(args)...), "cudaLaunchKernelEx");
}

// kernel<<<grid, block, 0, s>>>(args...) as a programmatic dependent of the stream's previous work.
template <typename... Params, typename... Args>
void launchDependent(cudaStream_t s, dim3 grid, dim3 block, void (*kernel)(Params...), Args&&... args) {
  launchDependent(s, grid, block, 0, dim3(1, 1, 1), kernel, std::forward<Args>(args)...);
}

}  // namespace llorch
