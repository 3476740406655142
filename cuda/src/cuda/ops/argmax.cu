// Greedy sampling on the device: a cluster of blocks per row finds the first index of the row's
// largest value. The rows are logits the LM head has just written (151936 floats = 600 KB for
// Qwen2.5, still in L2); one SM reading a row took ~10-20 us, so each of a cluster's 8 blocks scans
// an eighth and sends its winner to the first block's shared memory (distributed shared memory,
// no global scratch or second launch). That replaces downloading the row and a host pass over it.
#include "cuda/ops/argmax.h"

#include <cooperative_groups.h>

#include <cmath>

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"

namespace llorch {

namespace {
constexpr int kThreads = 1024;
constexpr int kLoads = 8;  // independent loads in flight per thread
constexpr int kCluster = 8;  // blocks per row

__global__ void __cluster_dims__(kCluster, 1, 1) __launch_bounds__(kThreads)
    argmaxKernel(int32_t* out, const float* x, int dim) {
  namespace cg = cooperative_groups;
  cg::cluster_group cluster = cg::this_cluster();
  const int rank = static_cast<int>(cluster.block_rank());
  const int r = blockIdx.x / kCluster;
  const float* row = x + static_cast<int64_t>(r) * dim;
  const int per = (dim + kCluster - 1) / kCluster;
  const int lo = rank * per, hi = min(dim, lo + per);
  // Sentinel: index dim loses every tie, so a row of -inf still picks index 0.
  float bv = -INFINITY;
  int bi = dim;
  for (int i0 = lo + threadIdx.x; i0 < hi; i0 += kThreads * kLoads) {
    float v[kLoads];
#pragma unroll
    for (int u = 0; u < kLoads; u++) {
      const int i = i0 + u * kThreads;
      v[u] = i < hi ? row[i] : -INFINITY;
    }
#pragma unroll
    for (int u = 0; u < kLoads; u++) {
      const int i = i0 + u * kThreads;
      if (i < hi && beats(v[u], i, bv, bi)) {
        bv = v[u];
        bi = i;
      }
    }
  }
  warpBest(bv, bi);
  __shared__ float cv[kCluster];  // the cluster's block winners, used in rank 0's copy
  __shared__ int ci[kCluster];
  blockBest<kThreads / 32>(bv, bi);
  if (threadIdx.x == 0) {
    cluster.map_shared_rank(cv, 0)[rank] = bv;
    cluster.map_shared_rank(ci, 0)[rank] = bi;
  }
  // Every block's winner is in rank 0's shared memory after this (and no block exits while
  // another may still write into its shared memory).
  cluster.sync();
  const int lane = threadIdx.x % 32;
  if (rank != 0 || threadIdx.x >= 32) return;
  bv = lane < kCluster ? cv[lane] : -INFINITY;
  bi = lane < kCluster ? ci[lane] : dim;
  warpBest(bv, bi);
  if (lane == 0) out[r] = bi < dim ? bi : 0;
}
}  // namespace

void cudaArgmax(cudaStream_t s, int32_t* out, const float* x, int n, int dim) {
  if (n == 0) return;
  argmaxKernel<<<n * kCluster, kThreads, 0, s>>>(out, x, dim);
  cudaCheckLaunch("argmax");
}

}  // namespace llorch
