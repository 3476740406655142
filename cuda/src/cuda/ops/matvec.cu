// Decode-time matrix-vector products straight from the stored weight type. Memory traffic: each
// weight byte is read once (the activations, n x cols floats, stay in L1/L2), so the bound is
// weight bytes / DRAM bandwidth. One warp per output row (four for rows of 2048+ columns);
// lanes take consecutive 8-element chunks (16-byte loads for F16/BF16, 32 for F32), four in
// flight per lane, and a block holds few registers so that many warps' loads are in flight.
// The fused prologue (RMSNorm) and epilogues (residual add, SwiGLU) save whole launches and
// passes over the activations, which at batch 1 cost more than the arithmetic.
#include "cuda/ops/matvec.h"

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/dequant.cuh"
#include "cuda/ops/rope.h"

namespace llorch {

namespace {
constexpr int kWarps = 4;
constexpr int kThreads = kWarps * 32;
constexpr int kUnroll = 4;
constexpr int kMaxWeights = 3;
constexpr int64_t kSplitCols = 2048;

struct Params {
  const uint8_t* w[kMaxWeights];
  float* y[kMaxWeights];
  int64_t rowStart[kMaxWeights + 1];  // concatenated row ranges; rowStart[count] = total rows
  int count;
  const uint8_t* up;  // gate/up mode when non-null
  float* upOut;
  const float* x;
  int64_t cols;
  size_t rowBytes;
  const float* normW;
  float eps;
  bool accumulate;
  int rowSplit;  // warps per row: 1, or 4 for long rows (more loads in flight per row)
};

// The activation chunk (8 floats at column 8c of row r), times the norm weights when the job has
// a norm; the row's 1/rms factor is applied to the finished dot product (it is one scalar per
// row), so no pass over x has to finish before the weight loads start.
__device__ __forceinline__ void loadX(const Params& p, int r, int64_t c, float* o, float& ss) {
  const float4* xp = reinterpret_cast<const float4*>(p.x + r * p.cols + c * 8);
  const float4 a = xp[0], b = xp[1];
  o[0] = a.x; o[1] = a.y; o[2] = a.z; o[3] = a.w;
  o[4] = b.x; o[5] = b.y; o[6] = b.z; o[7] = b.w;
  if (p.normW != nullptr) {
    const float4* gp = reinterpret_cast<const float4*>(p.normW + c * 8);
    const float4 ga = gp[0], gb = gp[1];
    const float g[8] = {ga.x, ga.y, ga.z, ga.w, gb.x, gb.y, gb.z, gb.w};
#pragma unroll
    for (int i = 0; i < 8; i++) {
      ss += o[i] * o[i];
      o[i] *= g[i];
    }
  }
}

__device__ __forceinline__ float dot8(const float* a, const float* b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3] + a[4] * b[4] + a[5] * b[5] + a[6] * b[6] +
         a[7] * b[7];
}

template <GgmlType T, int NR>
__global__ void __launch_bounds__(kThreads) matvecKernel(const Params p) {
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const bool gateUp = p.up != nullptr;
  // Gate/up: warps 0-1 take two gate rows, warps 2-3 the same two up rows. Otherwise the block's
  // warps take kWarps / rowSplit rows, rowSplit warps sharing each row's chunks.
  const int rowsPerBlock = gateUp ? kWarps / 2 : kWarps / p.rowSplit;
  const int sub = gateUp ? 0 : warp % p.rowSplit;
  const int64_t row = static_cast<int64_t>(blockIdx.x) * rowsPerBlock + (gateUp ? warp % 2 : warp / p.rowSplit);
  const bool active = row < p.rowStart[p.count];
  int seg = 0;
#pragma unroll
  for (int i = 1; i < kMaxWeights; i++) seg += (i < p.count && row >= p.rowStart[i]) ? 1 : 0;
  const int64_t lr = row - p.rowStart[seg];
  const uint8_t* wr = (gateUp && warp >= 2 ? p.up : p.w[seg]) + static_cast<size_t>(lr) * p.rowBytes;
  const int64_t chunks = p.cols / 8;
  const int stride = 32 * p.rowSplit;
  // The lanes of a row's warps cover every chunk, so they also see all of x and sum its
  // squares for the norm without a separate pass.
  float acc[NR], ss[NR];
#pragma unroll
  for (int r = 0; r < NR; r++) acc[r] = ss[r] = 0.f;
  for (int64_t c0 = lane + 32 * sub; active && c0 < chunks; c0 += stride * kUnroll) {
    // All of this round's weight loads are issued before any is used (predicated at the end
    // of the row), so a short row costs one memory round trip, not one per chunk.
    auto use = [&](int64_t c, const float* wv) {
#pragma unroll
      for (int r = 0; r < NR; r++) {
        float xv[8];
        loadX(p, r, c, xv, ss[r]);
        acc[r] += dot8(wv, xv);
      }
    };
    if constexpr (HasRawChunk<T>::value) {
      // Raw words in flight (half the registers of widened chunks: more warps fit per SM),
      // widened one at a time.
      uint4 raw[kUnroll];
#pragma unroll
      for (int u = 0; u < kUnroll; u++) {
        if (c0 + stride * u < chunks) raw[u] = Chunk<T>::fetch(wr, c0 + stride * u);
      }
#pragma unroll
      for (int u = 0; u < kUnroll; u++) {
        if (c0 + stride * u >= chunks) break;
        float wv[8];
        Chunk<T>::decode(raw[u], wv);
        use(c0 + stride * u, wv);
      }
    } else {
      float wv[kUnroll][8];
#pragma unroll
      for (int u = 0; u < kUnroll; u++) {
        if (c0 + stride * u < chunks) Chunk<T>::load(wr, c0 + stride * u, wv[u]);
      }
#pragma unroll
      for (int u = 0; u < kUnroll; u++) {
        if (c0 + stride * u >= chunks) break;
        use(c0 + stride * u, wv[u]);
      }
    }
  }
  __shared__ float part[kWarps][NR][2];
#pragma unroll
  for (int r = 0; r < NR; r++) {
    acc[r] = warpSum(acc[r]);
    if (p.normW != nullptr) ss[r] = warpSum(ss[r]);
  }
  if (p.rowSplit > 1 || gateUp) {
    if (lane == 0) {
#pragma unroll
      for (int r = 0; r < NR; r++) {
        part[warp][r][0] = acc[r];
        part[warp][r][1] = ss[r];
      }
    }
    __syncthreads();
  }
  // One lane per row writes: the first warp of a split row, the gate warp of a gate/up pair.
  if (!active || lane != 0 || sub != 0 || (gateUp && warp >= 2)) return;
  const int64_t segRows = p.rowStart[seg + 1] - p.rowStart[seg];
#pragma unroll
  for (int r = 0; r < NR; r++) {
    float v = acc[r], sq = ss[r];
    if (p.rowSplit > 1) {
      for (int w = 1; w < p.rowSplit; w++) {
        v += part[warp + w][r][0];
        sq += part[warp + w][r][1];
      }
    }
    const float rs = p.normW != nullptr ? rsqrtf(sq / static_cast<float>(p.cols) + p.eps) : 1.f;
    v *= rs;
    float* out = p.y[seg] + r * segRows + lr;
    if (gateUp) {
      const float u = part[warp + 2][r][0] * rs;
      p.upOut[r * segRows + lr] = u;
      *out = (v / (1.0f + expf(-v))) * u;
    } else if (p.accumulate) {
      *out += v;
    } else {
      *out = v;
    }
  }
}

// The attention input step for one row (decode), fused: each warp computes a rotated pair of
// output rows (a, b) of Q or K (neox: d and d + headDim/2; normal: 2i and 2i + 1) or two
// adjacent V rows, applies the norm scale and biases, rotates the pair, and writes q/k/v and the
// K/V cache slot. Saves the separate bias+rope+store launch and its pass.
struct QkvParams {
  const uint8_t* w[3];
  size_t rowBytes;
  int64_t cols;
  const float* x;
  const float* normW;
  float eps;
  float* out[3];
  const float* bias[3];
  const int32_t* pos;
  const int32_t* slots;
  float* kc;
  float* vc;
  int heads, kvHeads, headDim;
  bool neox;
  float posScale;
  RopeInvFreq f;
};

template <GgmlType T>
__device__ __forceinline__ void dotRow(const QkvParams& p, const uint8_t* wr, int lane, float& acc, float& ss) {
  const int64_t chunks = p.cols / 8;
  for (int64_t c0 = lane; c0 < chunks; c0 += 32 * kUnroll) {
    float wv[kUnroll][8];
#pragma unroll
    for (int u = 0; u < kUnroll; u++) {
      if (c0 + 32 * u < chunks) Chunk<T>::load(wr, c0 + 32 * u, wv[u]);
    }
#pragma unroll
    for (int u = 0; u < kUnroll; u++) {
      const int64_t c = c0 + 32 * u;
      if (c >= chunks) break;
      const float4* xp = reinterpret_cast<const float4*>(p.x + c * 8);
      const float4* gp = reinterpret_cast<const float4*>(p.normW + c * 8);
      const float4 a = xp[0], b = xp[1], ga = gp[0], gb = gp[1];
      const float xv[8] = {a.x, a.y, a.z, a.w, b.x, b.y, b.z, b.w};
      const float g[8] = {ga.x, ga.y, ga.z, ga.w, gb.x, gb.y, gb.z, gb.w};
#pragma unroll
      for (int i = 0; i < 8; i++) {
        ss += xv[i] * xv[i];
        acc += wv[u][i] * (xv[i] * g[i]);
      }
    }
  }
}

template <GgmlType T>
__global__ void __launch_bounds__(kThreads) qkvKernel(const QkvParams p) {
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int half = p.headDim / 2;
  const int qPairs = p.heads * half, kvPairs = p.kvHeads * half;
  int j = blockIdx.x * kWarps + warp;
  if (j >= qPairs + 2 * kvPairs) return;
  const int seg = j < qPairs ? 0 : (j < qPairs + kvPairs ? 1 : 2);
  j -= seg == 0 ? 0 : (seg == 1 ? qPairs : qPairs + kvPairs);
  int ra, rb, fi = 0;
  if (seg == 2) {
    ra = 2 * j;
    rb = 2 * j + 1;
  } else {
    const int h = j / half, i = j % half;
    fi = i;
    ra = h * p.headDim + (p.neox ? i : 2 * i);
    rb = h * p.headDim + (p.neox ? i + half : 2 * i + 1);
  }
  float accA = 0.f, accB = 0.f, ssA = 0.f, ssB = 0.f;
  dotRow<T>(p, p.w[seg] + static_cast<size_t>(ra) * p.rowBytes, lane, accA, ssA);
  dotRow<T>(p, p.w[seg] + static_cast<size_t>(rb) * p.rowBytes, lane, accB, ssB);
  accA = warpSum(accA);
  accB = warpSum(accB);
  ssA = warpSum(ssA);
  if (lane != 0) return;
  const float rs = rsqrtf(ssA / static_cast<float>(p.cols) + p.eps);
  float va = accA * rs, vb = accB * rs;
  if (p.bias[seg] != nullptr) {
    va += p.bias[seg][ra];
    vb += p.bias[seg][rb];
  }
  if (seg < 2) {
    float sn, cs;
    sincosf(static_cast<float>(p.pos[0]) * p.posScale * p.f.v[fi], &sn, &cs);
    const float x0 = va, x1 = vb;
    va = x0 * cs - x1 * sn;
    vb = x1 * cs + x0 * sn;
  }
  p.out[seg][ra] = va;
  p.out[seg][rb] = vb;
  if (seg > 0) {
    float* cache = seg == 1 ? p.kc : p.vc;
    const int64_t base = static_cast<int64_t>(p.slots[0]) * p.kvHeads * p.headDim;
    cache[base + ra] = va;
    cache[base + rb] = vb;
  }
}

struct QkvLaunch {
  cudaStream_t s;
  QkvParams p;
  template <GgmlType T>
  void operator()() {
    p.rowBytes = static_cast<size_t>(p.cols / Chunk<T>::kBlock) * Chunk<T>::kBytes;
    const int pairs = (p.heads + 2 * p.kvHeads) * p.headDim / 2;
    qkvKernel<T><<<(pairs + kWarps - 1) / kWarps, kThreads, 0, s>>>(p);
  }
};

struct Launch {
  cudaStream_t s;
  Params p;
  int n;
  template <GgmlType T>
  void operator()() {
    p.rowBytes = static_cast<size_t>(p.cols / Chunk<T>::kBlock) * Chunk<T>::kBytes;
    // Long rows (the FFN down projection) with few rows would leave most SMs with too few loads
    // in flight at one warp per row.
    p.rowSplit = p.up == nullptr && p.cols >= kSplitCols ? kWarps : 1;
    const int rowsPerBlock = p.up != nullptr ? kWarps / 2 : kWarps / p.rowSplit;
    const unsigned blocks = static_cast<unsigned>((p.rowStart[p.count] + rowsPerBlock - 1) / rowsPerBlock);
    const float* x0 = p.x;
    float* y0[kMaxWeights] = {p.y[0], p.y[1], p.y[2]};
    float* up0 = p.upOut;
    // Batches of up to 4 rows share one pass over the weights; larger n takes more passes.
    for (int done = 0; done < n;) {
      const int take = n - done >= 4 ? 4 : (n - done >= 2 ? 2 : 1);
      p.x = x0 + done * p.cols;
      for (int i = 0; i < p.count; i++) p.y[i] = y0[i] + done * (p.rowStart[i + 1] - p.rowStart[i]);
      if (up0 != nullptr) p.upOut = up0 + done * p.rowStart[1];
      if (take == 4) matvecKernel<T, 4><<<blocks, kThreads, 0, s>>>(p);
      else if (take == 2) matvecKernel<T, 2><<<blocks, kThreads, 0, s>>>(p);
      else matvecKernel<T, 1><<<blocks, kThreads, 0, s>>>(p);
      done += take;
    }
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

void cudaQkvMatvec(cudaStream_t s, float* q, float* k, float* v, const QkvStep& step, const float* x,
                   const int32_t* pos, const int32_t* slots, const KvLayerView& kv) {
  QkvParams p{};
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
  dispatchType(step.wq.type, QkvLaunch{s, p});
  cudaCheckLaunch("qkvMatvec");
}

void cudaMatvec(cudaStream_t s, const MatvecJob& job, const float* x, int n) {
  Params p{};
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
  dispatchType(job.ws[0].type, Launch{s, p, n});
  cudaCheckLaunch("matvec");
}

}  // namespace llorch
