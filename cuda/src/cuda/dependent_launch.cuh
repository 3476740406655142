// Programmatic dependent launch (sm_90): a kernel launched with launchDependent may start while
// the previous kernel in the stream is finishing; it must call gridDependencyWait() before it
// reads anything the previous kernel writes or writes anything it reads. Kernels call
// gridDependentsLaunch() once their main work is issued, so the next kernel's blocks can get
// going (and issue their weight loads) in the meantime. Both are no-ops without a dependent
// launch, and recorded into CUDA graphs as programmatic edges.
#pragma once

#include <cuda_runtime.h>

#include "cuda/cuda_check.h"

namespace llorch {

__device__ __forceinline__ void gridDependencyWait() { asm volatile("griddepcontrol.wait;" ::: "memory"); }

__device__ __forceinline__ void gridDependentsLaunch() { asm volatile("griddepcontrol.launch_dependents;" :::); }

template <typename... Args>
void launchDependent(void (*kernel)(Args...), unsigned blocks, unsigned threads, cudaStream_t s, Args... args) {
  cudaLaunchConfig_t cfg{};
  cfg.gridDim = dim3(blocks);
  cfg.blockDim = dim3(threads);
  cfg.stream = s;
  cudaLaunchAttribute attr{};
  attr.id = cudaLaunchAttributeProgrammaticStreamSerialization;
  attr.val.programmaticStreamSerializationAllowed = 1;
  cfg.attrs = &attr;
  cfg.numAttrs = 1;
  cudaCheck(cudaLaunchKernelEx(&cfg, kernel, args...), "cudaLaunchKernelEx");
}

}  // namespace llorch
