// Queries of the calling thread's current device (the backend makes its device current before
// every op), and set-up that a launch needs once per device.
#pragma once

#include <cuda_runtime.h>

#include <atomic>
#include <cstdint>

#include "cuda/cuda_check.h"

namespace llorch {

inline int currentDevice() {
  int dev = 0;
  cudaCheck(cudaGetDevice(&dev), "cudaGetDevice");
  return dev;
}

inline int deviceAttribute(cudaDeviceAttr attr) {
  int value = 0;
  cudaCheck(cudaDeviceGetAttribute(&value, attr, currentDevice()), "cudaDeviceGetAttribute");
  return value;
}

inline int smCount() { return deviceAttribute(cudaDevAttrMultiProcessorCount); }

// Runs setUp (raising a kernel's shared-memory limit, say) the first time it is asked for on the
// current device: `done` is the caller's record, bit d for device d; devices past 63 run it at
// every call.
template <typename SetUp>
void oncePerDevice(std::atomic<uint64_t>& done, SetUp setUp) {
  const int dev = currentDevice();
  const uint64_t bit = dev < 64 ? uint64_t{1} << dev : 0;
  if (bit != 0 && (done.load() & bit) != 0) return;
  setUp();
  done.fetch_or(bit);
}

// The dynamic shared memory that fills a block of kKernel to the most one block may have, so that
// its SM runs no other block beside it. The kernel's limit is raised to it once per device, so a
// launch may also ask for any smaller amount above the default 48 KB.
template <auto kKernel>
size_t wholeSm() {
  // The kernel's static shared memory is the same on every device of the build's one target.
  static const size_t staticBytes = [] {
    cudaFuncAttributes fa;
    cudaCheck(cudaFuncGetAttributes(&fa, kKernel), "cudaFuncGetAttributes");
    return fa.sharedSizeBytes;
  }();
  static std::atomic<uint64_t> opted{0};
  const size_t whole = static_cast<size_t>(deviceAttribute(cudaDevAttrMaxSharedMemoryPerBlockOptin)) - staticBytes;
  oncePerDevice(opted, [&] {
    cudaCheck(cudaFuncSetAttribute(kKernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(whole)),
              "cudaFuncSetAttribute(MaxDynamicSharedMemorySize)");
  });
  return whole;
}

}  // namespace llorch
