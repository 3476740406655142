// Every layer of a one-row decode step in one persistent kernel: one block per SM, each running
// the whole step. A one-row step is a chain of ~5 dependent products a layer whose weights are
// only 0.7-17 MB each, so separate kernels spend most of their time starting, waiting for their
// first loads and draining (cuda/PERF.md). Here the weights never wait for the chain:
// - a producer warp in each block streams the block's share of every weight matrix, in the order
//   the block will use them, into a ring of shared-memory slots with bulk copies (TMA, completing
//   on mbarriers), as far ahead as the ring allows (~0.5-1 layer);
// - the block's eight consumer warps run the step: they wait for the inputs of a product (a
//   counter in global memory that the blocks producing it increment), read them from L2, and
//   multiply them with the weights already in shared memory.
// A layer is: QKV (norm, products, bias, rope, K/V store; every block a few row pairs),
// attention (items of up to 64 positions of a KV head, staged before the wait, merged by the
// last item of each head), o + residual, gate/up + SwiGLU, down + residual; each ends with its
// counter. Blocks own disjoint rows of every product, so the residual stream needs no atomics.
//
// Coherence: data other blocks write during the launch (x, q, attn, the SwiGLU output, this
// step's K/V rows, the attention partials) is read through L2 (ld.cg or cp.async.cg), never
// from a possibly stale L1 line, after a counter was seen with acquire semantics; writers fence
// before they count. The counters start at zero: the block that completes the last one (every
// block has then passed every wait) zeroes them for the next launch.
#include "cuda/ops/decode_layers.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "backend/weight_layout.h"
#include "cuda/block_reduce.cuh"
#include "cuda/cuda_check.h"
#include "cuda/dependent_launch.cuh"
#include "cuda/dequant.cuh"
#include "cuda/device_info.h"
#include "cuda/mma_sync.cuh"
#include "cuda/ops/rope.h"

namespace llorch {

namespace {

constexpr int kWarps = 8;  // consumer warps
constexpr int kConsumers = kWarps * 32;
constexpr int kThreads = kConsumers + 32;  // and the producer warp
constexpr int kSlotBytes = 9984;           // one F16 row of 4864 columns, with alignment slack
constexpr int kMaxSlots = 24;
constexpr unsigned kInFlight = 6;  // bulk copies outstanding a block
constexpr int kMaxOwnRows = 64;    // rows of the residual stream a block owns
constexpr int kMaxGroup = 8;        // query heads a KV head
constexpr int kMaxKvHeads = 64;
constexpr int kPhases = 5;          // counters a layer: QKV, attention, o, gate/up, down
constexpr int kLine = 32;           // words a counter (a 128-byte line of its own)
constexpr int kSpread = 8;          // lines a phase counter is spread over (blocks b % kSpread)

enum Mat { kQ, kK, kV, kO, kGate, kUp, kDown, kMats };
enum Phase { kPhaseQkv, kPhaseAttention, kPhaseO, kPhaseGateUp, kPhaseDown };

// One layer as the kernel reads it (uploaded once per set of layers).
struct PlanLayer {
  const uint8_t* w[kMats];
  uint32_t rowBytes[kMats];
  GgmlType type[kMats];
  const float* attnNorm;
  const float* ffnNorm;
  const float* bias[3];
  float* kc;
  float* vc;
};

struct Params {
  const PlanLayer* layers;
  int layerCount;
  float* x;
  float* q;
  float* attn;
  float* h;
  float* partials;
  unsigned* sync;
  const int32_t* pos;
  const int32_t* slots;
  const int32_t* tableOffset;
  const int32_t* blockTables;
  int embd, ffn, heads, kvHeads, blockSize, maxSplits, slotCount, xsFloats;
  float eps, scale, posScale;
  bool neox;
  RopeInvFreq f;
};

// ---- PTX: mbarriers, bulk copies, counters ----

__device__ __forceinline__ void mbarInit(uint64_t* bar, unsigned count) {
  asm volatile("mbarrier.init.shared::cta.b64 [%0], %1;" ::"r"(sharedAddr(bar)), "r"(count) : "memory");
}

__device__ __forceinline__ void mbarWait(uint64_t* bar, unsigned parity) {
  asm volatile(
      "{\n"
      ".reg .pred done;\n"
      "WAIT_%=:\n"
      "mbarrier.try_wait.parity.shared::cta.b64 done, [%0], %1;\n"
      "@!done bra WAIT_%=;\n"
      "}" ::"r"(sharedAddr(bar)),
      "r"(parity)
      : "memory");
}

__device__ __forceinline__ void mbarArrive(uint64_t* bar) {
  asm volatile(
      "{\n"
      ".reg .b64 state;\n"
      "mbarrier.arrive.shared::cta.b64 state, [%0];\n"
      "}" ::"r"(sharedAddr(bar))
      : "memory");
}

__device__ __forceinline__ void mbarExpectTx(uint64_t* bar, unsigned bytes) {
  asm volatile(
      "{\n"
      ".reg .b64 state;\n"
      "mbarrier.arrive.expect_tx.shared::cta.b64 state, [%0], %1;\n"
      "}" ::"r"(sharedAddr(bar)),
      "r"(bytes)
      : "memory");
}

// bytes of global memory at src (16-byte aligned, a multiple of 16) into shared memory at dst,
// completing on bar.
__device__ __forceinline__ void bulkCopy(void* dst, const void* src, unsigned bytes, uint64_t* bar) {
  asm volatile("cp.async.bulk.shared::cluster.global.mbarrier::complete_tx::bytes [%0], [%1], %2, [%3];" ::"r"(
                   sharedAddr(dst)),
               "l"(src), "r"(bytes), "r"(sharedAddr(bar))
               : "memory");
}

__device__ __forceinline__ unsigned loadAcquire(const unsigned* p) {
  unsigned v;
  asm volatile("ld.acquire.gpu.global.u32 %0, [%1];" : "=r"(v) : "l"(p) : "memory");
  return v;
}

// The consumer warps only (the producer warp never joins).
__device__ __forceinline__ void consumerSync() { asm volatile("bar.sync 1, %0;" ::"n"(kConsumers) : "memory"); }

// The sync words: the merge counter of each KV head, the end-of-launch counter, then the counters
// of each layer's phases, kSpread lines each: block b counts on line b % kSpread, so no line takes
// more than ~17 of the 132 blocks' atomics (one line took ~2 us to collect them all).
__device__ __forceinline__ unsigned* mergeCounter(const Params& p, int kvHead) { return p.sync + kLine * kvHead; }

__device__ __forceinline__ unsigned* doneCounter(const Params& p) { return p.sync + kLine * kMaxKvHeads; }

__device__ __forceinline__ unsigned* counter(const Params& p, int layer, int phase) {
  return p.sync + kLine * (kMaxKvHeads + 1 + (layer * kPhases + phase) * kSpread);
}

// Every consumer thread returns once `total` counts have arrived on the first `spread` lines of
// c, count i on line i % spread.
__device__ __forceinline__ void waitCount(const unsigned* c, int spread, int total) {
  if (threadIdx.x < 32) {
    const int lane = threadIdx.x;
    const unsigned want = lane < spread ? static_cast<unsigned>(max(0, (total - lane + spread - 1) / spread)) : 0;
    bool ok = want == 0;
    while (!__all_sync(0xffffffffu, ok)) {
      if (!ok) ok = loadAcquire(c + lane * kLine) >= want;
    }
  }
  consumerSync();
}

// After every consumer thread's writes: counts once on line `line` of c; returns the count
// before it (thread 0 only).
__device__ __forceinline__ unsigned signalCount(unsigned* c, int line = 0) {
  consumerSync();
  unsigned before = 0;
  if (threadIdx.x == 0) {
    __threadfence();
    before = atomicAdd(c + line * kLine, 1u);
  }
  return before;
}

// ---- the step's weight tiles ----

// Bytes the producer copies into a slot at offset dst. The copy takes the 16-byte-aligned span
// around them, so they land at dst + (src & 15): a row keeps its alignment modulo 16 in shared
// memory (what the chunk loads of dequant.cuh assume).
struct Run {
  const uint8_t* src;  // null: no run
  uint32_t bytes;
  uint32_t dst;
};

// Room a run's span takes in a slot.
__host__ __device__ constexpr uint32_t spanRoom(uint32_t bytes) { return (bytes + 31) & ~15u; }

// A tile: what one ring slot holds.
// - A vector tile: a phase's f32 vectors (QKV: the norm weights and the three biases; gate/up:
//   the norm weights), one run each.
// - Otherwise whole rows of one or two weight matrices. Items are rows (o, down) or row pairs
//   (QKV: the two rows one rope rotation mixes, or two V rows; gate/up: a gate row and its up
//   row). Run 0 holds the items' first rows (both rows of each pair when the pairs are adjacent
//   rows), run 1 (at half the slot) the second rows when they are elsewhere.
struct Tile {
  Run run[4];
  bool vec;
  uint32_t rowBytes;
  int items;
  bool pair;
  int seg, head, i0;  // QKV: segment (0 q, 1 k, 2 v), head, first pair; o / down / gate/up: first row in i0
  GgmlType type;
  int64_t cols;
};

__device__ __forceinline__ const uint8_t* runData(const uint8_t* slot, const Run& r) {
  return slot + r.dst + (reinterpret_cast<uintptr_t>(r.src) & 15);
}

// The vector tile of up to four f32 vectors (null ones left out).
__device__ __forceinline__ Tile vectorTile(const float* const (&vs)[4], const int (&lengths)[4]) {
  Tile t{};
  t.vec = true;
  uint32_t at = 0;
#pragma unroll
  for (int i = 0; i < 4; i++) {
    const uint32_t bytes = vs[i] != nullptr ? sizeof(float) * lengths[i] : 0;
    t.run[i] = Run{reinterpret_cast<const uint8_t*>(vs[i]), bytes, at};
    at += vs[i] != nullptr ? spanRoom(bytes) : 0;
  }
  return t;
}

// A row tile of `items` rows from a (and as many from b, at half the slot, when b is not null).
__device__ __forceinline__ void rowRuns(Tile& t, const uint8_t* a, int64_t rowsA, const uint8_t* b, int64_t rowsB) {
  t.vec = false;
  t.run[0] = Run{a, static_cast<uint32_t>(rowsA * t.rowBytes), 0};
  t.run[1] = Run{b, static_cast<uint32_t>(rowsB * t.rowBytes), kSlotBytes / 2};
  t.run[2] = t.run[3] = Run{nullptr, 0, 0};
}

__device__ __forceinline__ int64_t splitAt(int64_t total, int part, int parts) { return total * part / parts; }

// Calls f(tile) for each of block b's tiles of `phase` in layer L, in the order both the
// producer and the consumers walk them.
template <int D, typename F>
__device__ __forceinline__ void forEachTile(const Params& p, const PlanLayer& L, int phase, int b, int blocks, F&& f) {
  constexpr int half = D / 2;
  if (phase == kPhaseQkv) {
    const float* vs[4] = {L.attnNorm, L.bias[0], L.bias[1], L.bias[2]};
    const int lengths[4] = {p.embd, p.heads * D, p.kvHeads * D, p.kvHeads * D};
    f(vectorTile(vs, lengths));
    const int qPairs = p.heads * half, kPairs = p.kvHeads * half;
    const int64_t total = qPairs + 2 * kPairs;
    int j = static_cast<int>(splitAt(total, b, blocks));
    const int j1 = static_cast<int>(splitAt(total, b + 1, blocks));
    const int share = (j1 - j + kWarps - 1) / kWarps;
    while (j < j1) {
      Tile t;
      t.seg = j < qPairs ? 0 : (j < qPairs + kPairs ? 1 : 2);
      const int jj = j - (t.seg == 0 ? 0 : (t.seg == 1 ? qPairs : qPairs + kPairs));
      t.head = jj / half;
      t.i0 = jj % half;
      const int mat = t.seg;
      t.rowBytes = L.rowBytes[mat];
      t.type = L.type[mat];
      t.cols = p.embd;
      t.pair = true;
      const bool twoRuns = t.seg < 2 && p.neox;
      const int fit = twoRuns ? (kSlotBytes / 2 - 32) / t.rowBytes : (kSlotBytes - 32) / (2 * t.rowBytes);
      t.items = min(min(j1 - j, half - t.i0), min(fit, share));
      const uint8_t* w = L.w[mat];
      if (twoRuns) {
        rowRuns(t, w + static_cast<size_t>(t.head * D + t.i0) * t.rowBytes, t.items,
                w + static_cast<size_t>(t.head * D + half + t.i0) * t.rowBytes, t.items);
      } else {
        rowRuns(t, w + static_cast<size_t>(t.head * D + 2 * t.i0) * t.rowBytes, 2 * t.items, nullptr, 0);
      }
      f(t);
      j += t.items;
    }
    return;
  }
  const bool gateUp = phase == kPhaseGateUp;
  if (gateUp) {
    const float* vs[4] = {L.ffnNorm, nullptr, nullptr, nullptr};
    const int lengths[4] = {p.embd, 0, 0, 0};
    f(vectorTile(vs, lengths));
  }
  const int mat = phase == kPhaseO ? kO : (gateUp ? kGate : kDown);
  const int64_t rows = gateUp ? p.ffn : p.embd;
  const int64_t cols = phase == kPhaseO ? int64_t{p.heads} * D : (gateUp ? p.embd : p.ffn);
  const int fit = gateUp ? (kSlotBytes / 2 - 32) / L.rowBytes[mat] : (kSlotBytes - 32) / L.rowBytes[mat];
  const int64_t r1 = splitAt(rows, b + 1, blocks);
  const int share = static_cast<int>((r1 - splitAt(rows, b, blocks) + kWarps - 1) / kWarps);
  for (int64_t r = splitAt(rows, b, blocks); r < r1;) {
    Tile t;
    t.rowBytes = L.rowBytes[mat];
    t.type = L.type[mat];
    t.cols = cols;
    t.pair = gateUp;
    t.items = static_cast<int>(min(r1 - r, static_cast<int64_t>(min(fit, share))));
    t.i0 = static_cast<int>(r);
    t.seg = t.head = 0;
    rowRuns(t, L.w[mat] + static_cast<size_t>(r) * t.rowBytes, t.items,
            gateUp ? L.w[kUp] + static_cast<size_t>(r) * t.rowBytes : nullptr, gateUp ? t.items : 0);
    f(t);
    r += t.items;
  }
}

// The 16-byte-aligned span that holds [p, p + bytes).
__device__ __forceinline__ uintptr_t spanStart(const void* p) { return reinterpret_cast<uintptr_t>(p) & ~uintptr_t{15}; }
__device__ __forceinline__ unsigned spanBytes(const void* p, int64_t bytes) {
  const uintptr_t a = reinterpret_cast<uintptr_t>(p);
  return static_cast<unsigned>(((a + bytes + 15) & ~uintptr_t{15}) - (a & ~uintptr_t{15}));
}

// The producer (one lane): every tile of the step into the ring, in order, with at most
// kInFlight copies outstanding. The ring keeps the stream ahead of the chain; the cap keeps the
// DRAM queues short: every load on the chain's critical path (x, the attention's cache rows)
// waits behind what is queued there, and 132 SMs with a whole ring each in flight (~20 MB) made
// those loads take several microseconds.
template <int D>
__device__ void produce(const Params& p, const PlanLayer* layers, uint8_t* ring, uint64_t* full, uint64_t* empty) {
  unsigned k = 0;
  for (int l = 0; l < p.layerCount; l++) {
    const PlanLayer& L = layers[l];
    auto issue = [&](const Tile& t) {
      const unsigned slot = k % p.slotCount, use = k / p.slotCount;
      if (use > 0) mbarWait(&empty[slot], (use - 1) & 1);
      if (k >= kInFlight) {
        const unsigned older = k - kInFlight;
        mbarWait(&full[older % p.slotCount], (older / p.slotCount) & 1);
      }
      uint8_t* dst = ring + static_cast<size_t>(slot) * kSlotBytes;
      unsigned total = 0;
#pragma unroll
      for (int i = 0; i < 4; i++) total += t.run[i].src != nullptr ? spanBytes(t.run[i].src, t.run[i].bytes) : 0;
      mbarExpectTx(&full[slot], total);
#pragma unroll
      for (int i = 0; i < 4; i++) {
        const Run& r = t.run[i];
        if (r.src != nullptr) {
          bulkCopy(dst + r.dst, reinterpret_cast<const void*>(spanStart(r.src)), spanBytes(r.src, r.bytes), &full[slot]);
        }
      }
      k++;
    };
#pragma unroll 1
    for (int phase = kPhaseQkv; phase <= kPhaseDown; phase++) {
      if (phase != kPhaseAttention) forEachTile<D>(p, L, phase, blockIdx.x, gridDim.x, issue);
    }
  }
}

// ---- the consumers' products ----

struct ConsumerSmem {
  float part[kWarps];
  int flag;
};

__device__ __forceinline__ void xChunk(const float* xs, int c, float* o) {
  const float4 a = reinterpret_cast<const float4*>(xs)[2 * c], b = reinterpret_cast<const float4*>(xs)[2 * c + 1];
  o[0] = a.x; o[1] = a.y; o[2] = a.z; o[3] = a.w;
  o[4] = b.x; o[5] = b.y; o[6] = b.z; o[7] = b.w;
}

template <GgmlType T>
__device__ __forceinline__ float chunkDot(const uint8_t* row, int c, int cols, const float* xv) {
  float w[8];
  RawChunk<T>::decode(RawChunk<T>::fetch(row, c, cols), c, w);
  const float p0 = fmaf(w[1], xv[1], w[0] * xv[0]), p1 = fmaf(w[3], xv[3], w[2] * xv[2]);
  const float p2 = fmaf(w[5], xv[5], w[4] * xv[4]), p3 = fmaf(w[7], xv[7], w[6] * xv[6]);
  return (p0 + p1) + (p2 + p3);
}

// A tile's items dotted with xs by the calling warp (in shared memory: first rows at a, item i's
// at a + i * stepA * rowBytes; second rows, for pairs, at b or right after the first); lane 0 gets
// epi(item, first row's sum, second row's sum). The warps take a phase's tiles in turn and go
// through them on their own: no block barrier between tiles.
template <GgmlType T, typename Epi>
__device__ __forceinline__ void warpTileOf(const uint8_t* a, const uint8_t* b, int stepA, uint32_t rowBytes, int items,
                                           int cols, bool pair, const float* xs, Epi& epi) {
  const int lane = threadIdx.x % 32;
  const int chunks = cols / 8;
  for (int i = 0; i < items; i++) {
    const uint8_t* ra = a + static_cast<size_t>(i) * stepA * rowBytes;
    const uint8_t* rb = b != nullptr ? b + static_cast<size_t>(i) * rowBytes : ra + rowBytes;
    float sa = 0.f, sb = 0.f;
#pragma unroll 4
    for (int c = lane; c < chunks; c += 32) {
      float xv[8];
      xChunk(xs, c, xv);
      sa += chunkDot<T>(ra, c, cols, xv);
      if (pair) sb += chunkDot<T>(rb, c, cols, xv);
    }
#pragma unroll
    for (int o = 16; o > 0; o >>= 1) {
      sa += __shfl_xor_sync(0xffffffffu, sa, o);
      sb += __shfl_xor_sync(0xffffffffu, sb, o);
    }
    if (lane == 0) epi(i, sa, sb);
  }
}

// warpTileOf for tile t in `slot`.
template <typename Epi>
__device__ __forceinline__ void warpTile(const Tile& t, const uint8_t* slot, const float* xs, Epi& epi) {
  const uint8_t* a = runData(slot, t.run[0]);
  const uint8_t* b = t.run[1].src != nullptr ? runData(slot, t.run[1]) : nullptr;
  const int stepA = t.pair && b == nullptr ? 2 : 1;
  const int cols = static_cast<int>(t.cols);
  switch (t.type) {
    case GgmlType::F32: warpTileOf<GgmlType::F32>(a, b, stepA, t.rowBytes, t.items, cols, t.pair, xs, epi); return;
    case GgmlType::F16: warpTileOf<GgmlType::F16>(a, b, stepA, t.rowBytes, t.items, cols, t.pair, xs, epi); return;
    case GgmlType::BF16: warpTileOf<GgmlType::BF16>(a, b, stepA, t.rowBytes, t.items, cols, t.pair, xs, epi); return;
    case GgmlType::Q8_0: warpTileOf<GgmlType::Q8_0>(a, b, stepA, t.rowBytes, t.items, cols, t.pair, xs, epi); return;
    case GgmlType::Q4_0: warpTileOf<GgmlType::Q4_0>(a, b, stepA, t.rowBytes, t.items, cols, t.pair, xs, epi); return;
    case GgmlType::Q5_0: warpTileOf<GgmlType::Q5_0>(a, b, stepA, t.rowBytes, t.items, cols, t.pair, xs, epi); return;
    case GgmlType::Q4_K: warpTileOf<GgmlType::Q4_K>(a, b, stepA, t.rowBytes, t.items, cols, t.pair, xs, epi); return;
    case GgmlType::Q6_K: warpTileOf<GgmlType::Q6_K>(a, b, stepA, t.rowBytes, t.items, cols, t.pair, xs, epi); return;
    default: return;
  }
}

// Sum over the consumer threads; every one of them gets it.
__device__ float consumerSum(float v, ConsumerSmem& cs) {
  v = warpSum(v);
  consumerSync();
  if (threadIdx.x % 32 == 0) cs.part[threadIdx.x / 32] = v;
  consumerSync();
  float s = 0.f;
#pragma unroll
  for (int w = 0; w < kWarps; w++) s += cs.part[w];
  return s;
}

// xs = rmsnorm(x) * w over n floats (x read through L2; w in a slot, 4-byte aligned).
__device__ void loadNormed(float* xs, const float* x, const float* w, int n, float eps, ConsumerSmem& cs) {
  float ss = 0.f;
  for (int i = threadIdx.x; i < n / 4; i += kConsumers) {
    const float4 v = __ldcg(reinterpret_cast<const float4*>(x) + i);
    reinterpret_cast<float4*>(xs)[i] = v;
    ss += v.x * v.x + v.y * v.y + v.z * v.z + v.w * v.w;
  }
  const float rs = rsqrtf(consumerSum(ss, cs) / static_cast<float>(n) + eps);
  for (int i = threadIdx.x; i < n / 4; i += kConsumers) {
    float4& v = reinterpret_cast<float4*>(xs)[i];
    v.x *= rs * w[4 * i];
    v.y *= rs * w[4 * i + 1];
    v.z *= rs * w[4 * i + 2];
    v.w *= rs * w[4 * i + 3];
  }
  consumerSync();
}

__device__ void loadPlain(float* xs, const float* x, int n) {
  for (int i = threadIdx.x; i < n / 4; i += kConsumers) {
    reinterpret_cast<float4*>(xs)[i] = __ldcg(reinterpret_cast<const float4*>(x) + i);
  }
  consumerSync();
}

// ---- attention ----

template <int D>
struct Attn {
  static constexpr int P = D <= 64 ? 64 : 32;  // positions an item
  static constexpr int LP = D / 4;             // float4s of a row
  static constexpr int kStride = D + 4;
  static constexpr int kParts = kConsumers / P;  // threads scoring one position
  static constexpr int kPartD4 = LP / kParts;
  static constexpr int kVGroups = kConsumers / LP;
  static constexpr int kPerLane = P / 32;
  static constexpr int kTile = P * kStride;                      // floats of the K or V tile
  static constexpr int kVsum = kWarps * kMaxGroup * LP * 4;      // the V phase's warp sums (over K)
  static constexpr int kFirst = kTile > kVsum ? kTile : kVsum;
  static constexpr int kFloats = kFirst + kTile + kMaxGroup * D + kParts * kMaxGroup * P + 2 * kMaxGroup;
  static constexpr int kPartial = D + 4;  // a head's partial: acc[D], max, sum (16-byte aligned)
  static_assert(kPartD4 >= 1 && kPartD4 * kParts == LP, "score shares cover the dims");
  static_assert(kMaxGroup * LP <= kConsumers, "one merging thread a float4 of every head");

  float* kt;
  float4* vsum;
  float* vt;
  float* sq;
  float* ss;
  float2* sml;

  __device__ explicit Attn(float* base) {
    kt = base;
    vsum = reinterpret_cast<float4*>(base);
    vt = base + kFirst;
    sq = vt + kTile;
    ss = sq + kMaxGroup * D;
    sml = reinterpret_cast<float2*>(ss + kParts * kMaxGroup * P);
  }
};

// The cache row of position pp.
__device__ __forceinline__ int64_t cacheRow(const Params& p, const int32_t* table, int pp) {
  return static_cast<int64_t>(table[pp / p.blockSize]) * p.blockSize + pp % p.blockSize;
}

// Starts copying the K and V rows of positions [p0, p0 + cnt) of KV head g, except `skip`, into
// the tiles.
template <int D>
__device__ void stageItem(const Params& p, const PlanLayer& L, const Attn<D>& at, const int32_t* table, int g, int p0,
                          int cnt, int skip) {
  using A = Attn<D>;
  const int kvDim = p.kvHeads * D;
  for (int i = threadIdx.x; i < cnt * 2 * A::LP; i += kConsumers) {
    const int j = i / (2 * A::LP), piece = i % (2 * A::LP);
    if (p0 + j == skip) continue;
    const bool isV = piece >= A::LP;
    const int d4 = isV ? piece - A::LP : piece;
    const int64_t row = cacheRow(p, table, p0 + j);
    cpAsync16((isV ? at.vt : at.kt) + j * A::kStride + 4 * d4,
              (isV ? L.vc : L.kc) + row * kvDim + static_cast<int64_t>(g) * D + 4 * d4, true);
  }
  cpAsyncCommit();
}

// Attention item (g, s) of one layer: the group's query heads over positions [p0, p0 + cnt) (the
// tiles staged but for `last`, this step's position), its partial into global memory; the last
// item of head g to finish merges them all into attn. Returns with the tiles free again.
template <int D>
__device__ void attentionItem(const Params& p, const PlanLayer& L, const Attn<D>& at, const int32_t* table, int g,
                              int s, int splits, int last, int layer, ConsumerSmem& cs) {
  using A = Attn<D>;
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int group = p.heads / p.kvHeads;
  const int kvDim = p.kvHeads * D;
  const int p0 = s * A::P;
  const int cnt = min(A::P, last + 1 - p0);
  if (last >= p0 && last < p0 + cnt && threadIdx.x < 2 * A::LP) {
    const bool isV = threadIdx.x >= A::LP;
    const int d4 = isV ? threadIdx.x - A::LP : threadIdx.x;
    const int64_t row = cacheRow(p, table, last);
    const float4 v =
        __ldcg(reinterpret_cast<const float4*>((isV ? L.vc : L.kc) + row * kvDim + static_cast<int64_t>(g) * D) + d4);
    reinterpret_cast<float4*>((isV ? at.vt : at.kt) + (last - p0) * A::kStride)[d4] = v;
  }
  for (int i = threadIdx.x; i < group * A::LP; i += kConsumers) {
    reinterpret_cast<float4*>(at.sq)[i] =
        __ldcg(reinterpret_cast<const float4*>(p.q + static_cast<int64_t>(g) * group * D) + i);
  }
  cpAsyncWait<0>();
  consumerSync();
  // Scores: thread t takes position t % P and share t / P of its dims, for every head.
  {
    const int j = threadIdx.x % A::P, part = threadIdx.x / A::P;
    if (j < cnt) {
      float4 k[A::kPartD4];
#pragma unroll
      for (int i = 0; i < A::kPartD4; i++) k[i] = reinterpret_cast<const float4*>(at.kt + j * A::kStride)[part * A::kPartD4 + i];
#pragma unroll
      for (int h = 0; h < kMaxGroup; h++) {
        if (h < group) {
          float sc = 0.f;
#pragma unroll
          for (int i = 0; i < A::kPartD4; i++) {
            const float4 q = reinterpret_cast<const float4*>(at.sq + h * D)[part * A::kPartD4 + i];
            sc += q.x * k[i].x + q.y * k[i].y + q.z * k[i].z + q.w * k[i].w;
          }
          at.ss[(part * kMaxGroup + h) * A::P + j] = sc;
        }
      }
    }
  }
  consumerSync();
  // Softmax: warp h takes head h; the weights replace the first share.
  if (warp < group) {
    float e[A::kPerLane];
    float m = -INFINITY;
#pragma unroll
    for (int u = 0; u < A::kPerLane; u++) {
      const int j = lane + 32 * u;
      e[u] = -INFINITY;
      if (j < cnt) {
        float sc = 0.f;
#pragma unroll
        for (int part = 0; part < A::kParts; part++) sc += at.ss[(part * kMaxGroup + warp) * A::P + j];
        e[u] = sc * p.scale;
      }
      m = fmaxf(m, e[u]);
    }
    m = warpMax(m);
    float l = 0.f;
#pragma unroll
    for (int u = 0; u < A::kPerLane; u++) {
      const int j = lane + 32 * u;
      if (j < cnt) {
        const float w = expf(e[u] - m);
        l += w;
        at.ss[warp * A::P + j] = w;
      }
    }
    l = warpSum(l);
    if (lane == 0) at.sml[warp] = make_float2(m, l);
  }
  consumerSync();
  // V: thread t takes float4 t % LP of positions t / LP, t / LP + kVGroups, ... for every head.
  {
    const int d4 = threadIdx.x % A::LP;
    float4 acc[kMaxGroup];
#pragma unroll
    for (int h = 0; h < kMaxGroup; h++) acc[h] = make_float4(0.f, 0.f, 0.f, 0.f);
    for (int j = threadIdx.x / A::LP; j < cnt; j += A::kVGroups) {
      const float4 v = reinterpret_cast<const float4*>(at.vt + j * A::kStride)[d4];
#pragma unroll
      for (int h = 0; h < kMaxGroup; h++) {
        if (h < group) {
          const float w = at.ss[h * A::P + j];
          acc[h].x += w * v.x;
          acc[h].y += w * v.y;
          acc[h].z += w * v.z;
          acc[h].w += w * v.w;
        }
      }
    }
    consumerSync();  // every score thread is done with the K tile, which vsum overwrites
#pragma unroll
    for (int h = 0; h < kMaxGroup; h++) {
      if (h >= group) continue;
#pragma unroll
      for (int o = A::LP; o < 32; o <<= 1) {
        acc[h].x += __shfl_xor_sync(0xffffffffu, acc[h].x, o);
        acc[h].y += __shfl_xor_sync(0xffffffffu, acc[h].y, o);
        acc[h].z += __shfl_xor_sync(0xffffffffu, acc[h].z, o);
        acc[h].w += __shfl_xor_sync(0xffffffffu, acc[h].w, o);
      }
      if (lane < A::LP) at.vsum[(warp * kMaxGroup + h) * A::LP + lane] = acc[h];
    }
  }
  consumerSync();
  float* const partials = p.partials + static_cast<size_t>(g) * p.maxSplits * kMaxGroup * A::kPartial;
  if (threadIdx.x < group * A::LP) {
    const int h = threadIdx.x / A::LP, d4 = threadIdx.x % A::LP;
    float4 a = at.vsum[h * A::LP + d4];
#pragma unroll
    for (int w = 1; w < kWarps; w++) {
      const float4 b = at.vsum[(w * kMaxGroup + h) * A::LP + d4];
      a.x += b.x;
      a.y += b.y;
      a.z += b.z;
      a.w += b.w;
    }
    float* part = partials + (static_cast<size_t>(s) * kMaxGroup + h) * A::kPartial;
    reinterpret_cast<float4*>(part)[d4] = a;
    if (d4 == 0) {
      part[D] = at.sml[h].x;
      part[D + 1] = at.sml[h].y;
    }
  }
  // The last item of head g to finish merges.
  const unsigned before = signalCount(mergeCounter(p, g));
  if (threadIdx.x == 0) cs.flag = before == static_cast<unsigned>(splits - 1);
  consumerSync();
  if (!cs.flag) return;
  if (threadIdx.x == 0) atomicExch(mergeCounter(p, g), 0u);
  __threadfence();
  if (threadIdx.x < group * A::LP) {
    const int h = threadIdx.x / A::LP, d4 = threadIdx.x % A::LP;
    // One pass with a running max (the loads of a few splits in flight at once).
    float m = -INFINITY, l = 0.f;
    float4 a = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll 4
    for (int u = 0; u < splits; u++) {
      const float* part = partials + (static_cast<size_t>(u) * kMaxGroup + h) * A::kPartial;
      const float2 ml = __ldcg(reinterpret_cast<const float2*>(part + D));
      const float4 v = __ldcg(reinterpret_cast<const float4*>(part) + d4);
      const float mNew = fmaxf(m, ml.x);
      const float keep = expf(m - mNew), f = expf(ml.x - mNew);
      l = l * keep + ml.y * f;
      a.x = a.x * keep + f * v.x;
      a.y = a.y * keep + f * v.y;
      a.z = a.z * keep + f * v.z;
      a.w = a.w * keep + f * v.w;
      m = mNew;
    }
    const float inv = 1.f / l;
    reinterpret_cast<float4*>(p.attn + (static_cast<int64_t>(g) * group + h) * D)[d4] =
        make_float4(a.x * inv, a.y * inv, a.z * inv, a.w * inv);
  }
  signalCount(counter(p, layer, kPhaseAttention));
}

// ---- the kernel ----

template <int D>
__global__ void __launch_bounds__(kThreads, 1) decodeLayersKernel(const __grid_constant__ Params p) {
  using A = Attn<D>;
  extern __shared__ __align__(128) uint8_t smem[];
  __shared__ uint64_t full[kMaxSlots], empty[kMaxSlots];
  __shared__ ConsumerSmem cs;
  __shared__ float xOwn[kMaxOwnRows];  // this block's rows of the residual stream
  uint8_t* const ring = smem;
  float* const xs = reinterpret_cast<float*>(smem + static_cast<size_t>(p.slotCount) * kSlotBytes);
  const Attn<D> at(xs + p.xsFloats);
  PlanLayer* const layers = reinterpret_cast<PlanLayer*>(xs + p.xsFloats + A::kFloats);
  if (threadIdx.x == 0) {
    for (int i = 0; i < p.slotCount; i++) {
      mbarInit(&full[i], 1);
      mbarInit(&empty[i], 1);
    }
    asm volatile("fence.mbarrier_init.release.cluster;" ::: "memory");
  }
  {
    const uint32_t* src = reinterpret_cast<const uint32_t*>(p.layers);
    uint32_t* dst = reinterpret_cast<uint32_t*>(layers);
    const int words = p.layerCount * static_cast<int>(sizeof(PlanLayer) / sizeof(uint32_t));
    for (int i = threadIdx.x; i < words; i += kThreads) dst[i] = src[i];
  }
  __syncthreads();
  releaseDependents();
  if (threadIdx.x >= kConsumers) {
    if (threadIdx.x == kConsumers) produce<D>(p, layers, ring, full, empty);
    return;
  }
  const int b = blockIdx.x, blocks = gridDim.x, warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int last = p.pos[0];
  const int32_t* table = p.blockTables + p.tableOffset[0];
  const int64_t kvRow = static_cast<int64_t>(p.slots[0]) * p.kvHeads * D;
  const int splits = (last + A::P) / A::P;
  const int items = p.kvHeads * splits;
  const int ownFirst = static_cast<int>(splitAt(p.embd, b, blocks));
  // Tile k of the step is in slot k % slotCount, its use k / slotCount of the slot. A row tile is
  // one warp's (the phase's tiles go round the warps), which waits for it and frees it; a vector
  // tile is the block's, freed by thread 0 once every warp is past it.
  unsigned k = 0;
  auto slotOf = [&](unsigned tile) { return ring + static_cast<size_t>(tile % p.slotCount) * kSlotBytes; };
  auto awaitTile = [&](unsigned tile) { mbarWait(&full[tile % p.slotCount], (tile / p.slotCount) & 1); };
  auto freeTile = [&](unsigned tile) { mbarArrive(&empty[tile % p.slotCount]); };
  // Adds v to row r of the residual stream (a row this block owns).
  auto addOwn = [&](int r, float v) {
    const float sum = xOwn[r - ownFirst] + v;
    xOwn[r - ownFirst] = sum;
    p.x[r] = sum;
  };
  for (int l = 0; l < p.layerCount; l++) {
    const PlanLayer& L = layers[l];
    // This block's first attention item: its earlier positions' K/V do not depend on this step.
    if (b < items) {
      const int g = b % p.kvHeads, s = b / p.kvHeads;
      stageItem<D>(p, L, at, table, g, s * A::P, min(A::P, last + 1 - s * A::P), last);
    }
    // The QKV phase's vector tile (norm weights, biases) stays until its last pair is written.
    unsigned vecTile = 0;
    const float *bq = nullptr, *bk = nullptr, *bv = nullptr;
#pragma unroll 1
    for (int phase = kPhaseQkv; phase <= kPhaseDown; phase++) {
      // The phase's inputs.
      if (phase == kPhaseQkv) {
        if (l == 0) {
          awaitPrerequisite();
          const int own = static_cast<int>(splitAt(p.embd, b + 1, blocks)) - ownFirst;
          if (threadIdx.x < own) xOwn[threadIdx.x] = __ldcg(p.x + ownFirst + threadIdx.x);
          consumerSync();
        } else {
          waitCount(counter(p, l - 1, kPhaseDown), kSpread, blocks);
        }
      } else if (phase == kPhaseAttention) {
        // This block's attention items; the last item of each KV head counts the phase.
        if (b < items) {
          waitCount(counter(p, l, kPhaseQkv), kSpread, blocks);
          for (int item = b; item < items; item += blocks) {
            const int g = item % p.kvHeads, s = item / p.kvHeads;
            if (item != b) stageItem<D>(p, L, at, table, g, s * A::P, min(A::P, last + 1 - s * A::P), last);
            attentionItem<D>(p, L, at, table, g, s, splits, last, l, cs);
            consumerSync();
          }
        }
        continue;
      } else if (phase == kPhaseO) {
        waitCount(counter(p, l, kPhaseAttention), 1, p.kvHeads);
        loadPlain(xs, p.attn, p.heads * D);
      } else if (phase == kPhaseGateUp) {
        waitCount(counter(p, l, kPhaseO), kSpread, blocks);
      } else {
        waitCount(counter(p, l, kPhaseGateUp), kSpread, blocks);
        loadPlain(xs, p.h, p.ffn);
      }
      // QKV: rmsnorm(x) . Wq/Wk/Wv, biases, rope; q to p.q, K and V to the cache. o: x += attn . Wo.
      // gate/up: SwiGLU of rmsnorm(x) . Wgate, Wup. down: x += h . Wdown.
      int rowTiles = 0;  // the phase's row tiles so far
      forEachTile<D>(p, L, phase, b, blocks, [&](const Tile& t) {
        const unsigned tile = k++;
        const uint8_t* slot = slotOf(tile);
        if (t.vec) {
          awaitTile(tile);
          if (phase == kPhaseQkv) {
            vecTile = tile;
            if (t.run[1].src != nullptr) bq = reinterpret_cast<const float*>(runData(slot, t.run[1]));
            if (t.run[2].src != nullptr) bk = reinterpret_cast<const float*>(runData(slot, t.run[2]));
            if (t.run[3].src != nullptr) bv = reinterpret_cast<const float*>(runData(slot, t.run[3]));
          }
          loadNormed(xs, p.x, reinterpret_cast<const float*>(runData(slot, t.run[0])), p.embd, p.eps, cs);
          if (phase != kPhaseQkv && threadIdx.x == 0) freeTile(tile);
          return;
        }
        if (rowTiles++ % kWarps != warp) return;
        awaitTile(tile);
        auto epi = [&](int item, float sa, float sb) {
          if (phase == kPhaseQkv) {
            const int i = t.i0 + item;
            const bool rotate = t.seg < 2;
            const int ra = t.head * D + (rotate && p.neox ? i : 2 * i);
            const int rb = t.head * D + (rotate && p.neox ? i + D / 2 : 2 * i + 1);
            const float* bs = t.seg == 0 ? bq : (t.seg == 1 ? bk : bv);
            const float x0 = sa + (bs != nullptr ? bs[ra] : 0.f);
            const float x1 = sb + (bs != nullptr ? bs[rb] : 0.f);
            float sn = 0.f, cn = 1.f;
            if (rotate) sincosf(static_cast<float>(last) * p.posScale * p.f.v[i], &sn, &cn);
            const float va = x0 * cn - x1 * sn, vb = x1 * cn + x0 * sn;
            float* out = t.seg == 0 ? p.q : (t.seg == 1 ? L.kc + kvRow : L.vc + kvRow);
            out[ra] = va;
            out[rb] = vb;
          } else if (phase == kPhaseGateUp) {
            p.h[t.i0 + item] = (sa / (1.0f + expf(-sa))) * sb;
          } else {
            addOwn(t.i0 + item, sa);
          }
        };
        warpTile(t, slot, xs, epi);
        __syncwarp();
        if (lane == 0) freeTile(tile);
      });
      signalCount(counter(p, l, phase), b % kSpread);
      if (phase == kPhaseQkv && threadIdx.x == 0) freeTile(vecTile);
    }
  }
  // The last block to finish zeroes the counters for the next launch (every block has then
  // passed every wait).
  const unsigned before = signalCount(doneCounter(p));
  if (threadIdx.x == 0) cs.flag = before + 1 == static_cast<unsigned>(blocks);
  consumerSync();
  if (cs.flag) {
    for (int i = threadIdx.x; i < 1 + p.layerCount * kPhases * kSpread; i += kConsumers) {
      p.sync[kLine * (kMaxKvHeads + i)] = 0;
    }
  }
}

// ---- host side ----

bool supportedType(GgmlType t) {
  return t == GgmlType::F32 || t == GgmlType::F16 || t == GgmlType::BF16 || t == GgmlType::Q8_0 ||
         t == GgmlType::Q4_0 || t == GgmlType::Q5_0 || t == GgmlType::Q4_K || t == GgmlType::Q6_K;
}

size_t rowBytesOf(const WeightView& w) { return rowBytes(*typeTraits(static_cast<uint32_t>(w.type)), w.cols); }

int attnPositions(int headDim) { return headDim <= 64 ? 64 : 32; }

size_t attnFloats(int headDim) {
  switch (headDim) {
    case 16: return Attn<16>::kFloats;
    case 32: return Attn<32>::kFloats;
    case 64: return Attn<64>::kFloats;
    default: return Attn<128>::kFloats;
  }
}

int xsFloats(const DecodeLayer& L) {
  const int64_t n = std::max({L.wo.rows, L.wo.cols, L.down.cols});
  return static_cast<int>((n + 3) / 4 * 4);
}

template <int D>
void* kernelOf() {
  return reinterpret_cast<void*>(decodeLayersKernel<D>);
}

void* kernelFor(int headDim) {
  switch (headDim) {
    case 16: return kernelOf<16>();
    case 32: return kernelOf<32>();
    case 64: return kernelOf<64>();
    default: return kernelOf<128>();
  }
}

// Dynamic shared memory the kernel may take on the current device beside its static part.
size_t dynamicSmemLimit(int headDim) {
  cudaFuncAttributes attr{};
  cudaCheck(cudaFuncGetAttributes(&attr, kernelFor(headDim)), "cudaFuncGetAttributes");
  const size_t optin = static_cast<size_t>(deviceAttribute(cudaDevAttrMaxSharedMemoryPerBlockOptin));
  return optin > attr.sharedSizeBytes + 1024 ? optin - attr.sharedSizeBytes - 1024 : 0;
}

// Dynamic shared memory besides the ring: xs, the attention tiles, the layer table.
size_t fixedSmem(const DecodeLayer& L, int count) {
  return sizeof(float) * (static_cast<size_t>(xsFloats(L)) + attnFloats(L.qkv.ropeQ.headDim)) +
         sizeof(PlanLayer) * static_cast<size_t>(count);
}

int slotCount(const DecodeLayer& L, int count, size_t dynLimit) {
  const size_t fixed = fixedSmem(L, count);
  if (dynLimit <= fixed) return 0;
  return static_cast<int>(std::min<size_t>(kMaxSlots, (dynLimit - fixed) / kSlotBytes));
}

}  // namespace

bool decodeLayersSupports(const DecodeLayer* layers, int count, const AttentionBatch& ab) {
  if (count < 1 || ab.n != 1) return false;
  const int D = ab.headDim;
  if (D != 16 && D != 32 && D != 64 && D != 128) return false;
  if (ab.kvHeads < 1 || ab.kvHeads > kMaxKvHeads || ab.heads % ab.kvHeads != 0 || ab.heads / ab.kvHeads > kMaxGroup) {
    return false;
  }
  const DecodeLayer& first = layers[0];
  const int64_t embd = first.wo.rows, ffn = first.down.cols;
  for (int l = 0; l < count; l++) {
    const DecodeLayer& L = layers[l];
    const QkvStep& q = L.qkv;
    const WeightView* mats[kMats] = {&q.wq, &q.wk, &q.wv, &L.wo, &L.gate, &L.up, &L.down};
    for (const WeightView* w : mats) {
      if (!supportedType(w->type) || w->cols % 8 != 0) return false;
    }
    if (q.normW == nullptr || L.ffnNorm == nullptr || q.ropeQ.ropeDim != D || q.ropeQ.headDim != D ||
        q.ropeQ.heads != ab.heads || q.ropeK.heads != ab.kvHeads || L.kv.kvDim != ab.kvHeads * D ||
        L.kv.blockSize != first.kv.blockSize) {
      return false;
    }
    if (q.ropeQ.style != first.qkv.ropeQ.style || q.ropeQ.freqBase != first.qkv.ropeQ.freqBase ||
        q.ropeQ.posScale != first.qkv.ropeQ.posScale || q.ropeQ.freqFactors != first.qkv.ropeQ.freqFactors ||
        q.eps != first.qkv.eps) {
      return false;
    }
    if (q.wq.rows != int64_t{ab.heads} * D || q.wk.rows != int64_t{ab.kvHeads} * D || q.wv.rows != q.wk.rows ||
        q.wq.cols != embd || q.wk.cols != embd || q.wv.cols != embd || L.wo.rows != embd ||
        L.wo.cols != int64_t{ab.heads} * D || L.gate.rows != ffn || L.up.rows != ffn || L.gate.cols != embd ||
        L.up.cols != embd || L.up.type != L.gate.type || L.down.rows != embd || L.down.cols != ffn) {
      return false;
    }
    // A pair tile's run takes half a slot, a row tile's the whole slot.
    const size_t half = kSlotBytes / 2 - 32, whole = kSlotBytes - 32;
    const bool neox = q.ropeQ.style == RopeStyle::Neox;
    if (rowBytesOf(q.wq) > (neox ? half : whole / 2) || rowBytesOf(q.wk) > (neox ? half : whole / 2) ||
        rowBytesOf(q.wv) > whole / 2 || rowBytesOf(L.gate) > half || rowBytesOf(L.wo) > whole ||
        rowBytesOf(L.down) > whole) {
      return false;
    }
  }
  if (ab.maxPos < 0) return false;
  // The QKV vector tile: the norm weights and three biases.
  if (spanRoom(4 * embd) + spanRoom(4 * ab.heads * D) + 2 * spanRoom(4 * ab.kvHeads * D) > kSlotBytes) return false;
  const int sms = smCount();
  if ((embd + sms - 1) / sms > kMaxOwnRows) return false;
  return slotCount(first, count, dynamicSmemLimit(D)) > static_cast<int>(kInFlight);
}

size_t decodeLayersPartialFloats(const AttentionBatch& ab) {
  const size_t splits = static_cast<size_t>(ab.maxPos + attnPositions(ab.headDim)) / attnPositions(ab.headDim);
  return static_cast<size_t>(ab.kvHeads) * splits * kMaxGroup * (ab.headDim + 4);
}

size_t decodeLayersSyncWords(int count) {
  return static_cast<size_t>(kLine) * (kMaxKvHeads + 1 + count * kPhases * kSpread);
}

size_t decodeLayersPlanBytes(int count) { return sizeof(PlanLayer) * static_cast<size_t>(count); }

void decodeLayersPlan(const DecodeLayer* layers, int count, void* hostOut) {
  auto* out = static_cast<PlanLayer*>(hostOut);
  for (int l = 0; l < count; l++) {
    const DecodeLayer& L = layers[l];
    const WeightView* mats[kMats] = {&L.qkv.wq, &L.qkv.wk, &L.qkv.wv, &L.wo, &L.gate, &L.up, &L.down};
    PlanLayer& P = out[l];
    for (int m = 0; m < kMats; m++) {
      P.w[m] = static_cast<const uint8_t*>(mats[m]->data);
      P.rowBytes[m] = static_cast<uint32_t>(rowBytesOf(*mats[m]));
      P.type[m] = mats[m]->type;
    }
    P.attnNorm = L.qkv.normW;
    P.ffnNorm = L.ffnNorm;
    P.bias[0] = L.qkv.bq;
    P.bias[1] = L.qkv.bk;
    P.bias[2] = L.qkv.bv;
    P.kc = L.kv.k;
    P.vc = L.kv.v;
  }
}

void cudaDecodeLayers(cudaStream_t s, const void* plan, const DecodeLayer* layers, int count,
                      const DecodeBuffers& buf, const AttentionBatch& ab, const DecodeLayersScratch& scratch) {
  const DecodeLayer& L = layers[0];
  const int D = ab.headDim;
  Params p{};
  p.layers = static_cast<const PlanLayer*>(plan);
  p.layerCount = count;
  p.x = buf.x;
  p.q = buf.q;
  p.attn = buf.attn;
  p.h = buf.gate;
  p.partials = scratch.partials;
  p.sync = scratch.sync;
  p.pos = ab.pos;
  p.slots = buf.slots;
  p.tableOffset = ab.tableOffset;
  p.blockTables = ab.blockTables;
  p.embd = static_cast<int>(L.wo.rows);
  p.ffn = static_cast<int>(L.down.cols);
  p.heads = ab.heads;
  p.kvHeads = ab.kvHeads;
  p.blockSize = L.kv.blockSize;
  p.maxSplits = (ab.maxPos + attnPositions(D)) / attnPositions(D);
  p.xsFloats = xsFloats(L);
  p.eps = L.qkv.eps;
  p.scale = ab.scoreScale / std::sqrt(static_cast<float>(D));
  p.posScale = L.qkv.ropeQ.posScale;
  p.neox = L.qkv.ropeQ.style == RopeStyle::Neox;
  p.f = ropeInvFreq(L.qkv.ropeQ);
  const size_t dynLimit = dynamicSmemLimit(D);
  p.slotCount = slotCount(L, count, dynLimit);
  const size_t smem = static_cast<size_t>(p.slotCount) * kSlotBytes + fixedSmem(L, count);
  static std::atomic<uint64_t> raised[4];
  const int which = D == 16 ? 0 : (D == 32 ? 1 : (D == 64 ? 2 : 3));
  oncePerDevice(raised[which], [&] {
    cudaCheck(cudaFuncSetAttribute(kernelFor(D), cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(dynLimit)),
              "cudaFuncSetAttribute");
  });
  const dim3 grid(static_cast<unsigned>(smCount())), block(kThreads);
  switch (D) {
    case 16: launchDependent(s, grid, block, smem, dim3(1, 1, 1), decodeLayersKernel<16>, p); break;
    case 32: launchDependent(s, grid, block, smem, dim3(1, 1, 1), decodeLayersKernel<32>, p); break;
    case 64: launchDependent(s, grid, block, smem, dim3(1, 1, 1), decodeLayersKernel<64>, p); break;
    default: launchDependent(s, grid, block, smem, dim3(1, 1, 1), decodeLayersKernel<128>, p); break;
  }
  cudaCheckLaunch("decodeLayers");
}

}  // namespace llorch
