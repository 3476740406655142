#pragma once

#include <cstdint>

namespace llorch {

// Weight ranges a matrix-vector kernel starts into L2 for the kernels after it
// (Backend::prefetchWeights): its blocks split them, each issuing one bulk prefetch per range it
// touches before it waits for the kernel before it. p 16-byte aligned, bytes a multiple of 16.
inline constexpr int kAheadRanges = 4;
struct L2Ahead {
  const void* p[kAheadRanges] = {};
  uint32_t bytes[kAheadRanges] = {};
  int count = 0;
};

}  // namespace llorch
