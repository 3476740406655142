// CUDA status checks that turn every failing runtime call into a NativeError. Errors the CUDA
// runtime calls sticky (the context is corrupt: illegal address, launch failure, ...) also set a
// process-wide flag, so that the worker can exit with its own code and be restarted instead of
// serving from a dead context.
#pragma once

#include <cuda_runtime.h>

#include <string>

#include "native_error.h"

namespace llorch {

// True once any CUDA call in this process has hit a sticky (context-corrupting) error.
bool cudaDeviceFaulted();

// Throws NativeError: NATIVE_ERR_CUDA_FAULT for a sticky error, NATIVE_ERR_CUDA otherwise.
[[noreturn]] void throwCudaError(cudaError_t status, const char* what);

inline void cudaCheck(cudaError_t status, const char* what) {
  if (status != cudaSuccess) throwCudaError(status, what);
}

// After a kernel launch: configuration errors surface here, asynchronous faults at the next sync.
inline void cudaCheckLaunch(const char* kernel) { cudaCheck(cudaGetLastError(), kernel); }

}  // namespace llorch
