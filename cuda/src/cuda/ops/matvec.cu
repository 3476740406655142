// Decode-time matrix-vector products straight from the stored weight type. Memory traffic: each
// weight byte is read once (the activations, n x cols floats, stay in L1/L2), so the bound is
// weight bytes / DRAM bandwidth. At batch 1 a per-layer matrix is only 2-17 MB, so a launch is a
// few DRAM round trips long: what counts is how many bytes are in flight per SM. So each warp
// owns several rows (kRows) and issues every load of a round for all of them (kLoads per lane
// and row, kept as raw bytes: RawChunk) before it decodes and uses any; rows of 2048+ columns
// are also split over the block's four warps. The fused prologue (RMSNorm) and epilogues
// (residual add, SwiGLU) save whole launches and passes over the activations, which at batch 1
// cost more than the arithmetic.
#include "cuda/ops/matvec.h"

#include "cuda/cuda_check.h"
#include "cuda/ops/matvec_block.cuh"

namespace llorch {

namespace {

template <GgmlType T, int NR, int kRows, int kLoads>
__global__ void __launch_bounds__(kMvThreads, NR == 1 ? 4 : 1) matvecKernel(const MatvecParams p) {
  releaseDependents();
  matvecPrefetch<kRows>(p, blockIdx.x);
  awaitPrerequisite();
  matvecBlock<T, NR, kRows, kLoads>(p, blockIdx.x, p.x);
}

template <GgmlType T>
__global__ void __launch_bounds__(kMvThreads) qkvKernel(const QkvParams p) {
  releaseDependents();
  const int j = blockIdx.x * kMvWarps + threadIdx.x / 32;
  if (j >= qkvPairs(p)) return;
  qkvPrefetch(p, j);
  awaitPrerequisite();
  qkvWarp<T>(p, j, p.x);
}

struct QkvLaunch {
  cudaStream_t s;
  QkvParams p;
  template <GgmlType T>
  void operator()() {
    launchDependent(s, dim3((qkvPairs(p) + kMvWarps - 1) / kMvWarps), dim3(kMvThreads), qkvKernel<T>, p);
  }
};

struct Launch {
  cudaStream_t s;
  MatvecParams p;
  int n;
  template <GgmlType T, int kRows, int kLoads>
  void run() {
    const unsigned blocks = static_cast<unsigned>(matvecBlocks(p));
    const float* x0 = p.x;
    float* y0[kMaxWeights] = {p.y[0], p.y[1], p.y[2]};
    float* up0 = p.upOut;
    // Batches of up to 4 rows share one pass over the weights; larger n takes more passes.
    for (int done = 0; done < n;) {
      const int take = n - done >= 4 ? 4 : (n - done >= 2 ? 2 : 1);
      p.x = x0 + done * p.cols;
      for (int i = 0; i < p.count; i++) p.y[i] = y0[i] + done * (p.rowStart[i + 1] - p.rowStart[i]);
      if (up0 != nullptr) p.upOut = up0 + done * p.rowStart[1];
      if (take == 4) launchDependent(s, dim3(blocks), dim3(kMvThreads), matvecKernel<T, 4, kRows, kLoads>, p);
      else if (take == 2) launchDependent(s, dim3(blocks), dim3(kMvThreads), matvecKernel<T, 2, kRows, kLoads>, p);
      else launchDependent(s, dim3(blocks), dim3(kMvThreads), matvecKernel<T, 1, kRows, kLoads>, p);
      done += take;
    }
  }
  template <GgmlType T>
  void operator()() {
    using S = MatvecShape<T>;
    if (p.rowSplit > 1) run<T, kMvRows, S::kLongLoads>();
    else run<T, kMvRows, S::kShortLoads>();
  }
};
}  // namespace

bool matvecSupports(const MatvecJob& job, int n) {
  if (n < 1 || n > kMatvecMaxRows || job.count < 1 || job.count > kMaxWeights) return false;
  if (job.up != nullptr && (job.count != 1 || job.up->type != job.ws[0].type || job.up->rows != job.ws[0].rows ||
                            job.up->cols != job.ws[0].cols)) {
    return false;
  }
  for (int i = 0; i < job.count; i++) {
    if (job.ws[i].type != job.ws[0].type || job.ws[i].cols != job.ws[0].cols || job.ws[i].cols % 8 != 0) return false;
  }
  return true;
}

bool qkvMatvecSupports(const QkvStep& q, int n) {
  const WeightView ws[3] = {q.wq, q.wk, q.wv};
  float* ys[3] = {nullptr, nullptr, nullptr};
  MatvecJob job;
  job.count = 3;
  job.ws = ws;
  job.ys = ys;
  return n == 1 && q.normW != nullptr && matvecSupports(job, n) && q.ropeQ.ropeDim == q.ropeQ.headDim &&
         q.ropeQ.headDim % 2 == 0 && q.ropeQ.headDim <= 256 && q.wq.rows == int64_t{q.ropeQ.heads} * q.ropeQ.headDim &&
         q.wk.rows == int64_t{q.ropeK.heads} * q.ropeQ.headDim && q.wv.rows == q.wk.rows;
}

QkvParams qkvParams(float* q, float* k, float* v, const QkvStep& step, const float* x, const int32_t* pos,
                    const int32_t* slots, const KvLayerView& kv) {
  QkvParams p{};
  const WeightView* ws[3] = {&step.wq, &step.wk, &step.wv};
  for (int i = 0; i < 3; i++) {
    p.type[i] = ws[i]->type;
    p.rowBytes[i] = rowBytes(*typeTraits(static_cast<uint32_t>(ws[i]->type)), ws[i]->cols);
  }
  p.w[0] = static_cast<const uint8_t*>(step.wq.data);
  p.w[1] = static_cast<const uint8_t*>(step.wk.data);
  p.w[2] = static_cast<const uint8_t*>(step.wv.data);
  p.cols = step.wq.cols;
  p.x = x;
  p.normW = step.normW;
  p.eps = step.eps;
  p.out[0] = q;
  p.out[1] = k;
  p.out[2] = v;
  p.bias[0] = step.bq;
  p.bias[1] = step.bk;
  p.bias[2] = step.bv;
  p.pos = pos;
  p.slots = slots;
  p.kc = kv.k;
  p.vc = kv.v;
  p.heads = step.ropeQ.heads;
  p.kvHeads = step.ropeK.heads;
  p.headDim = step.ropeQ.headDim;
  p.neox = step.ropeQ.style == RopeStyle::Neox;
  p.posScale = step.ropeQ.posScale;
  p.f = ropeInvFreq(step.ropeQ);
  return p;
}

void cudaQkvMatvec(cudaStream_t s, float* q, float* k, float* v, const QkvStep& step, const float* x,
                   const int32_t* pos, const int32_t* slots, const KvLayerView& kv) {
  dispatchType(step.wq.type, QkvLaunch{s, qkvParams(q, k, v, step, x, pos, slots, kv)});
  cudaCheckLaunch("qkvMatvec");
}

MatvecParams matvecParams(const MatvecJob& job, const float* x) {
  MatvecParams p{};
  p.count = job.count;
  p.rowStart[0] = 0;
  for (int i = 0; i < job.count; i++) {
    p.w[i] = static_cast<const uint8_t*>(job.ws[i].data);
    p.y[i] = job.ys[i];
    p.rowStart[i + 1] = p.rowStart[i] + job.ws[i].rows;
  }
  p.up = job.up != nullptr ? static_cast<const uint8_t*>(job.up->data) : nullptr;
  p.upOut = job.upOut;
  p.x = x;
  p.cols = job.ws[0].cols;
  p.normW = job.normW;
  p.eps = job.eps;
  p.accumulate = job.accumulate;
  p.rowBytes = rowBytes(*typeTraits(static_cast<uint32_t>(job.ws[0].type)), p.cols);
  // Long rows (the FFN down projection) are split over the block's warps, or their few row groups
  // would leave most SMs idle.
  p.rowSplit = p.cols >= kSplitCols ? kMvWarps : 1;
  return p;
}

void cudaMatvec(cudaStream_t s, const MatvecJob& job, const float* x, int n) {
  dispatchType(job.ws[0].type, Launch{s, matvecParams(job, x), n});
  cudaCheckLaunch("matvec");
}

}  // namespace llorch
