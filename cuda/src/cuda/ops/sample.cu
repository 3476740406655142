// Sampling on the device, step for step what Sampler::sample does on the host (same order of
// operations, same float rounding: explicit _rn intrinsics where nvcc would otherwise fuse a
// multiply-add), one block per row. A row (151936 floats for Qwen2.5, 600 KB) does not fit in
// shared memory, so every step is a pass over it in global memory (L2, where the LM head left it):
// - top-k and the top logprobs find the k-th best value by a search on its bit pattern (16
//   buckets counted per pass, 3 to 4 bits a pass), ties going to the lower token ids; a top-k of
//   at most kPrefilterMaxK at a temperature is instead found by a block a slice of the row first
//   (each sorts its slice and keeps its best k), the row's block merging those few thousand
//   candidates and taking the weights, cut and draw on the k alone (sampleTopK);
// - top-p finds a weight just below the nucleus's smallest the same way, summing weights instead
//   of counting; only the candidates down to it (or down to the min-p floor) are then sorted
//   (bitonic; in shared memory up to kSharedSort, else in global scratch), and one thread walks
//   them in order exactly as the host does. Should rounding leave the cut outside those
//   candidates, every survivor is sorted instead: slower, never different.
// Sums taken in a different order than the host's (totals, the draw without a cut) can move a
// draw only when it falls within ~1e-16 (relative) of a boundary.
#include "cuda/ops/sample.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "engine/sampler.h"

namespace llorch {

namespace {
constexpr int kThreads = 512;
constexpr int kWarps = kThreads / 32;
constexpr int kBuckets = 16;       // a search pass's buckets (one warp totals each)
constexpr int kSharedSort = 4096;  // candidates sorted in shared memory (32 KB, shared with the searches)
constexpr int kMaxSlots = 64;      // rows sampled at once (each has its own scratch)
// Top-k rows (k <= kPrefilterMaxK, every slice's best k fitting kSharedSort) are first cut down
// by a block a slice of kSlice tokens (topKPrefilterKernel), so the row's block merges a few
// thousand candidates instead of making a dozen passes over the whole row.
constexpr int kSlice = 4096;
constexpr int kPrefilterMaxK = 128;
constexpr unsigned kFull = 0xffffffffu;
static_assert(kWarps == kBuckets, "a search pass totals one bucket per warp");

__host__ __device__ int pow2AtLeast(int n) {
  int p = 1;
  while (p < n) p <<= 1;
  return p;
}

// A float's bits as an unsigned key in the float order (-0 as +0: they compare equal on the host).
__device__ __forceinline__ uint32_t orderedBits(float v) {
  const uint32_t b = v == 0.f ? 0u : __float_as_uint(v);
  return (b & 0x80000000u) != 0 ? ~b : (b | 0x80000000u);
}

// The float whose orderedBits are k (-0 comes back as +0).
__device__ __forceinline__ float orderedValue(uint32_t k) {
  return __uint_as_float((k & 0x80000000u) != 0 ? k & 0x7fffffffu : ~k);
}

// Sort key of a candidate: larger value first, then lower token id.
__device__ __forceinline__ unsigned long long candidateKey(uint32_t valueKey, int token) {
  return static_cast<unsigned long long>(valueKey) << 32 | (0xffffffffu - static_cast<uint32_t>(token));
}
__device__ __forceinline__ int keyToken(unsigned long long key) {
  return static_cast<int>(0xffffffffu - static_cast<uint32_t>(key));
}

// A block reduction: every thread gets op over all threads' values, the warps' results combined
// in warp order, so a sum is the same on every call.
template <typename T, typename Op>
__device__ T blockReduce(T v, Op op) {
  __shared__ T part[kWarps];
  for (int o = 16; o > 0; o >>= 1) v = op(v, __shfl_xor_sync(kFull, v, o));
  __syncthreads();  // part[] may still be read by a previous call
  if (threadIdx.x % 32 == 0) part[threadIdx.x / 32] = v;
  __syncthreads();
  v = part[0];
  for (int w = 1; w < kWarps; w++) v = op(v, part[w]);
  return v;
}

template <typename T>
__device__ T blockSum(T v) {
  return blockReduce(v, [](T a, T b) { return a + b; });
}

__device__ __forceinline__ float maxOf(float a, float b) { return fmaxf(a, b); }
__device__ __forceinline__ int maxOf(int a, int b) { return max(a, b); }

template <typename T>
__device__ T blockMax(T v) {
  return blockReduce(v, [](T a, T b) { return maxOf(a, b); });
}

// Exclusive prefix sum of one double per thread, in thread order.
__device__ double blockExclusiveScan(double v) {
  __shared__ double part[kWarps];
  const int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  double incl = v;
  for (int o = 1; o < 32; o <<= 1) {
    const double y = __shfl_up_sync(kFull, incl, o);
    if (lane >= o) incl += y;
  }
  __syncthreads();
  if (lane == 31) part[warp] = incl;
  __syncthreads();
  double before = 0.0;
  for (int w = 0; w < warp; w++) before += part[w];
  const double inWarp = __shfl_up_sync(kFull, incl, 1);
  return lane == 0 ? before : before + inWarp;
}


__device__ int blockArgmax(const float* x, int n) {
  __shared__ float sv[kWarps];
  __shared__ int si[kWarps];
  float bv = -INFINITY;
  int bi = n;
  for (int i = threadIdx.x; i < n; i += kThreads) {
    const float v = x[i];
    if (beats(v, i, bv, bi)) {
      bv = v;
      bi = i;
    }
  }
  warpBest(bv, bi);
  __syncthreads();
  if (threadIdx.x % 32 == 0) {
    sv[threadIdx.x / 32] = bv;
    si[threadIdx.x / 32] = bi;
  }
  __syncthreads();
  bv = sv[0];
  bi = si[0];
  for (int w = 1; w < kWarps; w++) {
    if (beats(sv[w], si[w], bv, bi)) {
      bv = sv[w];
      bi = si[w];
    }
  }
  return bi < n ? bi : 0;
}

// The largest key K in [lo, hi] whose F(K), the sum of the weights of the elements with key >= K,
// reaches `target` (lo when none above it does). Each pass splits the range into kBuckets buckets
// of 2^shift keys and sums every thread's elements into its own column of `pool` (no atomics, no
// bank conflicts); F at each bucket's first key is then a suffix sum of the bucket totals, which
// never increases with the key (rounding included), and the range shrinks to the bucket where F
// last reaches the target: 3 to 4 bits of the key a pass. Element::Weight is int (counts) or
// float (weights; the totals are summed in double).
template <typename Element>
__device__ uint32_t searchThreshold(int n, uint32_t lo, uint32_t hi, double target, const Element& element,
                                    unsigned long long* pool) {
  using Weight = typename Element::Weight;
  static_assert(sizeof(Weight) * kBuckets * kThreads <= sizeof(unsigned long long) * kSharedSort, "pool size");
  auto* columns = reinterpret_cast<Weight(*)[kThreads]>(pool);  // [kBuckets][kThreads]
  __shared__ double totals[kBuckets];
  while (lo < hi) {
    const uint64_t span = static_cast<uint64_t>(hi) - lo + 1;
    int shift = 0;
    while ((static_cast<uint64_t>(kBuckets) << shift) < span) shift++;
    __syncthreads();  // the pool and totals[] may still be read (previous pass, or its last user)
    for (int b = 0; b < kBuckets; b++) columns[b][threadIdx.x] = 0;
    for (int i = threadIdx.x; i < n; i += kThreads) {
      uint32_t key;
      Weight w;
      element(i, key, w);
      if (key >= lo) columns[min(static_cast<uint32_t>(kBuckets - 1), (key - lo) >> shift)][threadIdx.x] += w;
    }
    __syncthreads();
    // Warp b totals bucket b (kWarps == kBuckets).
    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    double t = 0.0;
    for (int j = lane; j < kThreads; j += 32) t += static_cast<double>(columns[warp][j]);
    for (int o = 16; o > 0; o >>= 1) t += __shfl_xor_sync(kFull, t, o);
    if (lane == 0) totals[warp] = t;
    __syncthreads();
    const uint64_t width = uint64_t{1} << shift;
    // The last key of the bucket starting at `first` (within [lo, hi]).
    auto bucketEnd = [&](uint64_t first) {
      return static_cast<uint32_t>(first + width - 1 < hi ? first + width - 1 : hi);
    };
    uint32_t newLo = lo, newHi = bucketEnd(lo);
    double above = 0.0;
    for (int b = kBuckets - 1; b >= 1; b--) {
      above += totals[b];
      const uint64_t first = lo + static_cast<uint64_t>(b) * width;
      if (first > hi) continue;
      if (above >= target) {
        newLo = static_cast<uint32_t>(first);
        newHi = bucketEnd(first);
        break;
      }
    }
    lo = newLo;
    hi = newHi;
  }
  return lo;
}

// Values (logits, or logits / temperature) keyed by their order, counted.
struct ValueKey {
  using Weight = int;
  const float* v;
  __device__ uint32_t key(int i) const { return orderedBits(v[i]); }
  __device__ void operator()(int i, uint32_t& k, int& w) const {
    k = key(i);
    w = 1;
  }
};

// The ranks of elements tied at the threshold key: greater elements always count, tied ones by
// ascending index (key n - 1 - i), lesser ones never.
struct TieRank {
  using Weight = int;
  ValueKey value;
  uint32_t threshold;
  int n;
  __device__ void operator()(int i, uint32_t& k, int& w) const {
    const uint32_t v = value.key(i);
    k = v > threshold ? 0xffffffffu : static_cast<uint32_t>(n - 1 - i);
    w = v >= threshold ? 1 : 0;
  }
};

// Survivor weights (w >= 0; -1 marks a token top-k dropped) keyed by their bits.
struct WeightKey {
  using Weight = float;
  const float* w;
  __device__ void operator()(int i, uint32_t& k, float& weight) const {
    const float v = w[i];
    k = v >= 0.f ? __float_as_uint(v) : 0u;
    weight = v >= 0.f ? v : 0.f;
  }
};

// The k best of n values by (value desc, index asc): element i is in iff its key is above `key`,
// or equal to it with i <= lastTied.
struct Best {
  uint32_t key;
  int lastTied;
  __device__ bool contains(uint32_t k, int i) const { return k > key || (k == key && i <= lastTied); }
};

__device__ Best selectBest(const ValueKey& value, int n, int k, unsigned long long* pool) {
  Best b;
  b.key = searchThreshold(n, 0u, 0xffffffffu, k, value, pool);
  int atLeast = 0;
  for (int i = threadIdx.x; i < n; i += kThreads) atLeast += value.key(i) >= b.key ? 1 : 0;
  atLeast = blockSum(atLeast);
  b.lastTied = n - 1;
  if (atLeast > k) {
    const TieRank tie{value, b.key, n};
    b.lastTied = n - 1 - static_cast<int>(searchThreshold(n, 0u, static_cast<uint32_t>(n - 1), k, tie, pool));
  }
  return b;
}

// Sorts keys[0..n) descending; n is a power of two.
__device__ void sortDescending(unsigned long long* keys, int n) {
  for (int k = 2; k <= n; k <<= 1) {
    for (int j = k >> 1; j > 0; j >>= 1) {
      for (int i = threadIdx.x; i < n; i += kThreads) {
        const int p = i ^ j;
        if (p > i) {
          const unsigned long long x = keys[i], y = keys[p];
          if ((i & k) == 0 ? x < y : x > y) {
            keys[i] = y;
            keys[p] = x;
          }
        }
      }
      __syncthreads();
    }
  }
}

// Zero-fills keys[0..n) (n a power of two: the pad sorts last) and resets the gather counter.
__device__ void clearKeys(unsigned long long* keys, int n, int* fill) {
  for (int i = threadIdx.x; i < n; i += kThreads) keys[i] = 0ull;
  if (threadIdx.x == 0) *fill = 0;
  __syncthreads();
}

struct Scratch {
  float* w;                      // [vocab] survivor weights
  unsigned long long* keys;      // [pow2(vocab)] candidates to sort
};

// Penalties over the (token, occurrences) pairs, then the logit bias in its order, for the tokens
// in [lo, hi) (each token gets its own operations in the same order whatever the range).
__device__ void applyPenalties(float* l, const SampleRowArgs& a, const int32_t* pairs, int lo = 0,
                               int hi = 0x7fffffff) {
  for (int j = threadIdx.x; j < a.penaltyCount; j += kThreads) {
    const int t = pairs[2 * (a.penaltyFirst + j)];
    if (t < lo || t >= hi) continue;
    const float count = static_cast<float>(pairs[2 * (a.penaltyFirst + j) + 1]);
    float v = l[t];
    if (a.repetitionPenalty != 1.f) v = v > 0.f ? __fdiv_rn(v, a.repetitionPenalty) : __fmul_rn(v, a.repetitionPenalty);
    l[t] = __fsub_rn(v, __fadd_rn(__fmul_rn(count, a.frequencyPenalty), a.presencePenalty));
  }
  __syncthreads();
  if (threadIdx.x == 0) {
    for (int j = 0; j < a.biasCount; j++) {
      const int t = pairs[2 * (a.biasFirst + j)];
      if (t < lo || t >= hi) continue;
      l[t] = __fadd_rn(l[t], __int_as_float(pairs[2 * (a.biasFirst + j) + 1]));
    }
  }
  __syncthreads();
}

__host__ __device__ int prefilterSlices(int vocab) { return (vocab + kSlice - 1) / kSlice; }

// Whether row a takes topKPrefilterKernel and sampleTopK; `slotted`: the launch has a scratch slot
// for every row (row r is block r of sampleKernel and owns slot r, where its candidates wait).
__device__ bool prefiltered(const SampleRowArgs& a, int vocab, bool slotted) {
  return slotted && a.temperature > 0.f && a.topK > 0 && a.topK < vocab && a.topK <= kPrefilterMaxK &&
         prefilterSlices(vocab) * a.topK <= kSharedSort;
}

// Block (row r, slice y): applies the row's penalties and bias to the slice's tokens, then leaves
// the slice's best topK keys (tempered value desc, token asc; zeros past a short slice, below
// every real key) at keys[r][y * topK ...].
__global__ void __launch_bounds__(kThreads) topKPrefilterKernel(float* logits, int vocab, const SampleRowArgs* rows,
                                                                const int32_t* pairs, unsigned long long* keys,
                                                                int keyStride) {
  __shared__ unsigned long long slice[kSlice];
  const SampleRowArgs a = rows[blockIdx.x];
  if (!prefiltered(a, vocab, true)) return;
  float* l = logits + static_cast<size_t>(a.row) * vocab;
  const int lo = static_cast<int>(blockIdx.y) * kSlice, hi = min(vocab, lo + kSlice);
  applyPenalties(l, a, pairs, lo, hi);
  for (int j = threadIdx.x; j < kSlice; j += kThreads) {
    const int i = lo + j;
    slice[j] = i < hi ? candidateKey(orderedBits(__fdiv_rn(l[i], a.temperature)), i) : 0ull;
  }
  __syncthreads();
  sortDescending(slice, kSlice);
  unsigned long long* out = keys + static_cast<size_t>(blockIdx.x) * keyStride + static_cast<size_t>(blockIdx.y) * a.topK;
  for (int j = threadIdx.x; j < a.topK; j += kThreads) out[j] = slice[j];
}

// Sampler::sampleTempered for a prefiltered row: the slices' candidates (s.keys) merged into the
// row's top k, then the host's weights, cut and walk over those k alone. Returns -1 where a weight
// is not a number (a NaN logit, or every survivor -inf), which sampleTempered then handles.
__device__ int sampleTopK(int vocab, const SampleRowArgs& a, const Scratch& s, unsigned long long* keys) {
  __shared__ float w[kPrefilterMaxK];
  __shared__ int result;
  const int k = a.topK;
  const int m = prefilterSlices(vocab) * k, n = pow2AtLeast(m);
  for (int j = threadIdx.x; j < n; j += kThreads) keys[j] = j < m ? s.keys[j] : 0ull;
  __syncthreads();
  sortDescending(keys, n);
  // keys[0..k): the k best by (value desc, token asc), the set selectBest finds.
  const float maxV = orderedValue(static_cast<uint32_t>(keys[0] >> 32));
  bool bad = false;
  int token = 0;
  if (threadIdx.x < k) {
    token = keyToken(keys[threadIdx.x]);
    const float v = orderedValue(static_cast<uint32_t>(keys[threadIdx.x] >> 32));
    w[threadIdx.x] = static_cast<float>(exp(static_cast<double>(__fsub_rn(v, maxV))));
    bad = !(w[threadIdx.x] >= 0.f);
  }
  if (__syncthreads_or(bad)) return -1;
  // The walk's order: (weight desc, token asc) where top-p or min-p cut it, token order where
  // nothing does (the host's order for each); weights are read back through the key.
  const bool cut = a.topP < 1.f || a.minP > 0.f;
  const int kn = pow2AtLeast(k);
  if (threadIdx.x < kn) {
    unsigned long long key = 0ull;
    if (threadIdx.x < k) {
      key = cut ? candidateKey(__float_as_uint(w[threadIdx.x]), token)
                : (static_cast<unsigned long long>(0xffffffffu - static_cast<uint32_t>(token)) << 32 | threadIdx.x);
    }
    keys[threadIdx.x] = key;
  }
  __syncthreads();
  sortDescending(keys, kn);
  if (threadIdx.x == 0) {
    auto weightAt = [&](int j) {
      return cut ? __uint_as_float(static_cast<uint32_t>(keys[j] >> 32)) : w[static_cast<uint32_t>(keys[j])];
    };
    auto tokenAt = [&](int j) {
      return cut ? keyToken(keys[j]) : static_cast<int>(0xffffffffu - static_cast<uint32_t>(keys[j] >> 32));
    };
    int keep = k;
    if (cut) {
      double total = 0.0;
      for (int j = 0; j < k; j++) total += weightAt(j);
      const double floor = static_cast<double>(weightAt(0)) * a.minP;
      double cum = 0.0;
      for (int j = 0; j < k; j++) {
        if (j > 0 && a.minP > 0.f && weightAt(j) < floor) {
          keep = j;
          break;
        }
        cum += weightAt(j);
        if (a.topP < 1.f && cum >= a.topP * total) {
          keep = j + 1;
          break;
        }
      }
    }
    double kept = 0.0;
    for (int j = 0; j < keep; j++) kept += weightAt(j);
    const double u = a.uniform * kept;
    result = tokenAt(keep - 1);
    double cum = 0.0;
    for (int j = 0; j < keep; j++) {
      cum += weightAt(j);
      if (u < cum) {
        result = tokenAt(j);
        break;
      }
    }
  }
  __syncthreads();
  const int chosen = result;
  __syncthreads();  // `result` is rewritten by the next row
  return chosen;
}

// Sampler::sampleTempered.
__device__ int sampleTempered(const float* l, int vocab, const SampleRowArgs& a, const Scratch& s,
                              unsigned long long* sharedKeys) {
  __shared__ int fill;
  __shared__ int result;
  // The tempered values v = logit / temperature, kept in s.w until the weights replace them.
  float maxV = -INFINITY;
  for (int i = threadIdx.x; i < vocab; i += kThreads) {
    const float v = __fdiv_rn(l[i], a.temperature);
    s.w[i] = v;
    maxV = fmaxf(maxV, v);
  }
  maxV = blockMax(maxV);

  // Top-k survivors, their weights exp(v - max) (exp in double, rounded once as the host does).
  const bool topK = a.topK > 0 && a.topK < vocab;
  const int survivors = topK ? a.topK : vocab;
  Best best{0u, vocab - 1};
  if (topK) best = selectBest(ValueKey{s.w}, vocab, a.topK, sharedKeys);
  double total = 0.0;
  int lastSurvivor = -1;
  for (int i = threadIdx.x; i < vocab; i += kThreads) {
    const float v = s.w[i];
    float w = -1.f;
    if (best.contains(orderedBits(v), i)) {
      w = static_cast<float>(exp(static_cast<double>(__fsub_rn(v, maxV))));
      total += w;
      lastSurvivor = i;
    }
    s.w[i] = w;
  }
  total = blockSum(total);
  lastSurvivor = blockMax(lastSurvivor);

  if (a.topP >= 1.f && a.minP <= 0.f) {
    // No cut: the draw walks the survivors in token order. Each thread owns a contiguous segment;
    // the first whose running total passes u walks on from there.
    const double u = a.uniform * total;
    const int seg = (vocab + kThreads - 1) / kThreads;
    const int begin = min(vocab, static_cast<int>(threadIdx.x) * seg), end = min(vocab, begin + seg);
    double segSum = 0.0;
    for (int i = begin; i < end; i++) segSum += s.w[i] >= 0.f ? s.w[i] : 0.f;
    const double before = blockExclusiveScan(segSum);
    if (threadIdx.x == 0) result = kThreads;
    __syncthreads();
    if (u < before + segSum) atomicMin(&result, static_cast<int>(threadIdx.x));
    __syncthreads();
    const int owner = result;
    __syncthreads();
    if (threadIdx.x == 0) result = lastSurvivor;
    __syncthreads();
    if (static_cast<int>(threadIdx.x) == owner) {
      double cum = before;
      for (int i = begin; i < vocab; i++) {
        const float w = s.w[i];
        if (w < 0.f) continue;
        cum += w;
        if (u < cum) {
          result = i;
          break;
        }
      }
    }
    __syncthreads();
    return result;
  }

  // Top-p / min-p: the candidates down to a threshold weight, sorted, then the host's walk.
  const double floorW = static_cast<double>(1.f) * a.minP;  // the best weight is exp(0) = 1
  uint32_t minThreshold = 0u;
  if (a.minP > 0.f) {
    float f = static_cast<float>(floorW);
    if (static_cast<double>(f) < floorW) f = nextafterf(f, INFINITY);
    minThreshold = __float_as_uint(f);
  }
  uint32_t threshold = minThreshold;
  if (a.topP < 1.f && survivors > kSharedSort) {
    // Aimed 0.1% above the target: the search sums weights in float per thread (relative error
    // < 2e-5 here), and the candidates must reach the target whatever the summation order.
    const double want = static_cast<double>(a.topP) * total * 1.001;
    if (total >= want) {
      threshold = max(threshold, searchThreshold(vocab, 0u, __float_as_uint(1.f), want, WeightKey{s.w}, sharedKeys));
    }
  }
  for (;;) {
    int candidates = 0;
    for (int i = threadIdx.x; i < vocab; i += kThreads) {
      candidates += s.w[i] >= 0.f && __float_as_uint(s.w[i]) >= threshold ? 1 : 0;
    }
    candidates = blockSum(candidates);
    const int n = pow2AtLeast(candidates);
    unsigned long long* keys = n <= kSharedSort ? sharedKeys : s.keys;
    clearKeys(keys, n, &fill);
    for (int i = threadIdx.x; i < vocab; i += kThreads) {
      const float w = s.w[i];
      if (w >= 0.f && __float_as_uint(w) >= threshold) keys[atomicAdd(&fill, 1)] = candidateKey(__float_as_uint(w), i);
    }
    __syncthreads();
    sortDescending(keys, n);
    if (threadIdx.x == 0) {
      const float w0 = __uint_as_float(static_cast<uint32_t>(keys[0] >> 32));
      const double floorJ = static_cast<double>(w0) * a.minP;
      double cum = 0.0;
      int cut = -1;
      for (int j = 0; j < candidates; j++) {
        const float w = __uint_as_float(static_cast<uint32_t>(keys[j] >> 32));
        if (j > 0 && a.minP > 0.f && w < floorJ) {
          cut = j;
          break;
        }
        cum += w;
        if (a.topP < 1.f && cum >= a.topP * total) {
          cut = j + 1;
          break;
        }
      }
      // Walked off the end: the cut is there when nothing was left out, or when what was left
      // out is all below the min-p floor; otherwise the threshold was too high (rounding).
      if (cut < 0 && (threshold == 0u || (a.minP > 0.f && threshold == minThreshold))) cut = candidates;
      if (cut < 0) {
        result = -1;
      } else if (cut == 0) {
        result = max(lastSurvivor, 0);  // no finite weight at all (NaN logits)
      } else {
        double kept = 0.0;
        for (int j = 0; j < cut; j++) kept += __uint_as_float(static_cast<uint32_t>(keys[j] >> 32));
        const double u = a.uniform * kept;
        result = keyToken(keys[cut - 1]);
        cum = 0.0;
        for (int j = 0; j < cut; j++) {
          cum += __uint_as_float(static_cast<uint32_t>(keys[j] >> 32));
          if (u < cum) {
            result = keyToken(keys[j]);
            break;
          }
        }
      }
    }
    __syncthreads();
    const int chosen = result;
    __syncthreads();  // `result` and `fill` are rewritten by the next round or the next row
    if (chosen >= 0) return chosen;
    threshold = 0u;
  }
}

// The logprob record: log-softmax of the (penalized, biased) logits at `chosen` and the top n.
__device__ void writeLogprobs(const float* l, int vocab, int chosen, int topLogprobs, int32_t* out,
                              unsigned long long* sharedKeys) {
  __shared__ int fill;
  float maxL = -INFINITY;
  for (int i = threadIdx.x; i < vocab; i += kThreads) maxL = fmaxf(maxL, l[i]);
  maxL = blockMax(maxL);
  double sum = 0.0;
  for (int i = threadIdx.x; i < vocab; i += kThreads) sum += exp(static_cast<double>(__fsub_rn(l[i], maxL)));
  sum = blockSum(sum);
  const float logZ = __fadd_rn(maxL, static_cast<float>(log(sum)));
  if (threadIdx.x == 0) out[1] = __float_as_int(__fsub_rn(l[chosen], logZ));
  const int k = min(topLogprobs, vocab);
  if (k <= 0) return;
  const ValueKey value{l};
  const Best best = selectBest(value, vocab, k, sharedKeys);
  const int n = pow2AtLeast(k);  // k <= 100: in shared memory
  clearKeys(sharedKeys, n, &fill);
  for (int i = threadIdx.x; i < vocab; i += kThreads) {
    const uint32_t key = value.key(i);
    if (best.contains(key, i)) sharedKeys[atomicAdd(&fill, 1)] = candidateKey(key, i);
  }
  __syncthreads();
  sortDescending(sharedKeys, n);
  for (int j = threadIdx.x; j < k; j += kThreads) {
    const int t = keyToken(sharedKeys[j]);
    out[2 + 2 * j] = t;
    out[3 + 2 * j] = __float_as_int(__fsub_rn(l[t], logZ));
  }
  __syncthreads();
}

__global__ void __launch_bounds__(kThreads, 1)
    sampleKernel(float* logits, int vocab, const SampleRowArgs* rows, const int32_t* pairs, int count, int outStride,
                 float* weights, unsigned long long* keys, int keyStride, int32_t* out) {
  __shared__ unsigned long long sharedKeys[kSharedSort];
  const Scratch s{weights + static_cast<size_t>(blockIdx.x) * vocab,
                  keys + static_cast<size_t>(blockIdx.x) * keyStride};
  for (int r = blockIdx.x; r < count; r += gridDim.x) {
    const SampleRowArgs a = rows[r];
    float* l = logits + static_cast<size_t>(a.row) * vocab;
    int32_t* o = out + static_cast<size_t>(r) * outStride;
    const bool pre = prefiltered(a, vocab, count <= static_cast<int>(gridDim.x));
    if (!pre) applyPenalties(l, a, pairs);
    int chosen = pre ? sampleTopK(vocab, a, s, sharedKeys) : -1;
    if (chosen < 0) chosen = a.temperature <= 0.f ? blockArgmax(l, vocab) : sampleTempered(l, vocab, a, s, sharedKeys);
    if (a.topLogprobs >= 0) writeLogprobs(l, vocab, chosen, a.topLogprobs, o, sharedKeys);
    if (threadIdx.x == 0) o[0] = chosen;
    __syncthreads();  // the scratch and shared keys serve the block's next row
  }
}

size_t alignUp(size_t n) { return (n + 255) & ~size_t{255}; }

}  // namespace

SampleLaunch packSampleRows(const SampleRequest* rows, int count) {
  SampleLaunch l;
  l.rows.resize(static_cast<size_t>(count));
  int maxTop = 0;
  for (int i = 0; i < count; i++) {
    const SampleRequest& r = rows[i];
    const SamplingParams& p = *r.params;
    SampleRowArgs& a = l.rows[static_cast<size_t>(i)];
    a.row = r.row;
    a.topK = p.topK;
    a.topLogprobs = r.logprobs ? p.topLogprobs : -1;
    if (r.logprobs) maxTop = std::max(maxTop, p.topLogprobs);
    a.temperature = p.temperature;
    a.topP = p.topP;
    a.minP = p.minP;
    a.repetitionPenalty = p.repetitionPenalty;
    a.presencePenalty = p.presencePenalty;
    a.frequencyPenalty = p.frequencyPenalty;
    a.uniform = counterUniform(p.seed, r.drawIndex);
    a.penaltyFirst = static_cast<int>(l.pairs.size() / 2);
    if (p.repetitionPenalty != 1.f || p.presencePenalty != 0.f || p.frequencyPenalty != 0.f) {
      for (const auto& [token, n] : penaltyWindow(*r.history, p.penaltyLastN)) {
        l.pairs.push_back(token);
        l.pairs.push_back(n);
      }
    }
    a.penaltyCount = static_cast<int>(l.pairs.size() / 2) - a.penaltyFirst;
    a.biasFirst = static_cast<int>(l.pairs.size() / 2);
    for (const auto& [token, bias] : p.logitBias) {
      int32_t bits;
      std::memcpy(&bits, &bias, sizeof bits);
      l.pairs.push_back(token);
      l.pairs.push_back(bits);
    }
    a.biasCount = static_cast<int>(p.logitBias.size());
  }
  l.outStride = 2 + 2 * maxTop;
  return l;
}

void unpackSampleRow(const int32_t* out, const SampleRequest& request, int vocab, SampleResult& result) {
  result.token = out[0];
  if (!request.logprobs) return;
  auto asFloat = [](int32_t bits) {
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  };
  TokenLogprob& lp = result.logprob;
  lp.token = out[0];
  lp.logprob = asFloat(out[1]);
  lp.top.clear();
  const int k = std::min(request.params->topLogprobs, vocab);
  for (int j = 0; j < k; j++) lp.top.emplace_back(out[2 + 2 * j], asFloat(out[3 + 2 * j]));
}

int cudaSampleSlots(int count) { return std::max(1, std::min(count, kMaxSlots)); }

size_t cudaSampleScratchBytes(int vocab, int slots) {
  const size_t n = static_cast<size_t>(slots);
  return alignUp(n * vocab * sizeof(float)) + n * pow2AtLeast(vocab) * sizeof(unsigned long long);
}

void cudaSample(cudaStream_t s, float* logits, int vocab, const SampleRowArgs* rows, const int32_t* pairs, int count,
                int outStride, void* scratch, int slots, int32_t* out) {
  if (count == 0) return;
  float* weights = static_cast<float*>(scratch);
  auto* keys = reinterpret_cast<unsigned long long*>(static_cast<char*>(scratch) +
                                                      alignUp(static_cast<size_t>(slots) * vocab * sizeof(float)));
  if (count <= slots) {
    topKPrefilterKernel<<<dim3(static_cast<unsigned>(count), static_cast<unsigned>(prefilterSlices(vocab))), kThreads, 0,
                          s>>>(logits, vocab, rows, pairs, keys, pow2AtLeast(vocab));
  }
  sampleKernel<<<std::min(count, slots), kThreads, 0, s>>>(logits, vocab, rows, pairs, count, outStride, weights, keys,
                                                           pow2AtLeast(vocab), out);
  cudaCheckLaunch("sample");
}

}  // namespace llorch
