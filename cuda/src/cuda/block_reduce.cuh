// Warp and block reductions over float (shuffles, then one shared-memory pass over warp results),
// the warp fold of an argmax, and the barrier of a group of warps.
#pragma once

#include <cuda_runtime.h>

namespace llorch {

// Barrier of the kThreads threads of warp group `group` alone (named barrier group + 1; 0 is
// __syncthreads'): the block's other groups neither wait nor need to reach it.
template <int kThreads>
__device__ __forceinline__ void groupSync(int group) {
  asm volatile("bar.sync %0, %1;" ::"r"(group + 1), "n"(kThreads) : "memory");
}

__device__ __forceinline__ float warpSum(float v) {
#pragma unroll
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
  return v;
}

__device__ __forceinline__ float warpMax(float v) {
#pragma unroll
  for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
  return v;
}

// Whether (v, i) beats (bv, bi) for an argmax: larger, or equal and earlier. A NaN never wins
// (std::max_element differs only for a NaN at index 0, which it keeps).
__device__ __forceinline__ bool beats(float v, int i, float bv, int bi) { return v > bv || (v == bv && i < bi); }

// Folds the lanes' (value, index) candidates: every lane ends with the warp's winner.
__device__ __forceinline__ void warpBest(float& bv, int& bi) {
#pragma unroll
  for (int o = 16; o > 0; o >>= 1) {
    const float ov = __shfl_xor_sync(0xffffffffu, bv, o);
    const int oi = __shfl_xor_sync(0xffffffffu, bi, o);
    if (beats(ov, oi, bv, bi)) {
      bv = ov;
      bi = oi;
    }
  }
}

// Folds the block's kWarps warp winners (each warp's (bv, bi) as its lane 0 holds it) into warp 0,
// whose lanes all end with the block's winner; the other warps' values are left as they were.
// Every thread of the block calls it (a barrier inside).
template <int kWarps>
__device__ void blockBest(float& bv, int& bi) {
  static_assert(kWarps <= 32, "a warp's lanes hold the warps' winners");
  __shared__ float sv[kWarps];
  __shared__ int si[kWarps];
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  if (lane == 0) {
    sv[warp] = bv;
    si[warp] = bi;
  }
  __syncthreads();
  if (warp != 0) return;
  const int w = lane < kWarps ? lane : 0;  // lanes past the warps repeat warp 0's winner
  bv = sv[w];
  bi = si[w];
  warpBest(bv, bi);
}

// Every thread of the block gets the sum. kThreads is a multiple of 32, at most 1024.
template <int kThreads>
__device__ float blockSum(float v) {
  __shared__ float part[kThreads / 32];
  v = warpSum(v);
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  __syncthreads();  // part[] may still be read by a previous call
  if (lane == 0) part[warp] = v;
  __syncthreads();
  v = lane < kThreads / 32 ? part[lane] : 0.f;
  return warpSum(v);
}

}  // namespace llorch
