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

}  // namespace llorch
