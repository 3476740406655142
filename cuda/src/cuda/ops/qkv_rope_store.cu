// One block per (row, head): q, k and v are read once and written once (k and v twice: to their
// buffers and to the cache); the six small ops it replaces each cost a launch and a pass.
#include "cuda/ops/qkv_rope_store.h"

#include "cuda/cuda_check.h"
#include "cuda/ops/rope.h"

namespace llorch {

namespace {
constexpr int kThreads = 64;

// Element e of a [heads][headDim] row, biased, rotated as a pair with its partner when e is the
// pair's first element; elements past ropeDim only take the bias.
__device__ __forceinline__ void biasRope(float* x, const float* bias, int heads, int headDim, int ropeDim, bool neox,
                                         float t, const float* invFreq, int e) {
  const int d = e % headDim;
  const int half = ropeDim / 2;
  if (d >= ropeDim) {
    if (bias != nullptr) x[e] += bias[e];
    return;
  }
  const bool first = neox ? d < half : (d % 2 == 0);
  if (!first) return;
  const int i = neox ? d : d / 2;
  const int e2 = neox ? e + half : e + 1;
  float x0 = x[e], x1 = x[e2];
  if (bias != nullptr) {
    x0 += bias[e];
    x1 += bias[e2];
  }
  float sn, cs;
  sincosf(t * invFreq[i], &sn, &cs);
  x[e] = x0 * cs - x1 * sn;
  x[e2] = x1 * cs + x0 * sn;
}

// Block (row, h): h < heads rotates q head h; otherwise it biases and rotates k head h - heads,
// biases that v head, and stores both into the cache slot. Heads are independent, so the
// blocks never wait for one another.
__global__ void qkvRopeStoreKernel(float* q, float* k, float* v, const float* bq, const float* bk, const float* bv,
                                   const int32_t* pos, const int32_t* slots, int heads, int kvHeads, int headDim,
                                   int ropeDim, bool neox, float posScale, RopeInvFreq f, float* kc, float* vc) {
  const int row = blockIdx.x, h = blockIdx.y;
  const int qDim = heads * headDim, kvDim = kvHeads * headDim;
  const float t = static_cast<float>(pos[row]) * posScale;
  if (h < heads) {
    float* qr = q + static_cast<int64_t>(row) * qDim;
    for (int e = h * headDim + threadIdx.x; e < (h + 1) * headDim; e += blockDim.x) {
      biasRope(qr, bq, heads, headDim, ropeDim, neox, t, f.v, e);
    }
    return;
  }
  const int kh = h - heads;
  float* kr = k + static_cast<int64_t>(row) * kvDim;
  float* vr = v + static_cast<int64_t>(row) * kvDim;
  for (int e = kh * headDim + threadIdx.x; e < (kh + 1) * headDim; e += blockDim.x) {
    biasRope(kr, bk, kvHeads, headDim, ropeDim, neox, t, f.v, e);
    if (bv != nullptr) vr[e] += bv[e];
  }
  __syncthreads();  // pairs were rotated by other threads of this block
  const int64_t slot = slots[row];
  for (int e = kh * headDim + threadIdx.x; e < (kh + 1) * headDim; e += blockDim.x) {
    kc[slot * kvDim + e] = kr[e];
    vc[slot * kvDim + e] = vr[e];
  }
}
}  // namespace

void cudaQkvRopeStore(cudaStream_t s, float* q, float* k, float* v, const float* bq, const float* bk,
                      const float* bv, const int32_t* pos, const int32_t* slots, int n, const RopeParams& ropeQ,
                      const RopeParams& ropeK, const KvLayerView& kv) {
  if (n <= 0) return;
  const RopeInvFreq f = ropeInvFreq(ropeQ);
  const dim3 grid(static_cast<unsigned>(n), static_cast<unsigned>(ropeQ.heads + ropeK.heads));
  qkvRopeStoreKernel<<<grid, kThreads, 0, s>>>(q, k, v, bq, bk, bv, pos, slots, ropeQ.heads, ropeK.heads, ropeQ.headDim,
                                            ropeQ.ropeDim, ropeQ.style == RopeStyle::Neox, ropeQ.posScale, f, kv.k,
                                            kv.v);
  cudaCheckLaunch("qkvRopeStore");
}

}  // namespace llorch
