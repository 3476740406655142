#include "cuda/op_parity.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <thread>

#include "cpu/cpu_backend.h"
#include "cuda/cuda_backend.h"
#include "cuda/ops/matvec.h"

namespace llorch {

namespace {

uint16_t toHalfBits(float f) {
  // Round-to-nearest f32 -> f16 for normal-range values (inputs here are in [-4, 4]).
  uint32_t x;
  std::memcpy(&x, &f, 4);
  const uint32_t sign = (x >> 16) & 0x8000u;
  const int exp = static_cast<int>((x >> 23) & 0xff) - 127 + 15;
  uint32_t mant = x & 0x7fffffu;
  if (exp <= 0) return static_cast<uint16_t>(sign);
  uint32_t h = sign | (static_cast<uint32_t>(exp) << 10) | (mant >> 13);
  if ((mant & 0x1fffu) > 0x1000u || ((mant & 0x1fffu) == 0x1000u && (h & 1u))) h++;
  return static_cast<uint16_t>(h);
}

// Offsets of the f16 scale fields in each block format; random bytes elsewhere are valid data.
std::vector<int> scaleOffsets(GgmlType t) {
  switch (t) {
    case GgmlType::Q4_0: case GgmlType::Q5_0: case GgmlType::Q8_0: return {0};
    case GgmlType::Q4_1: case GgmlType::Q5_1: case GgmlType::Q4_K: case GgmlType::Q5_K: return {0, 2};
    case GgmlType::Q2_K: return {80, 82};
    case GgmlType::Q3_K: return {108};
    case GgmlType::Q6_K: return {208};
    default: return {};
  }
}

class Harness {
 public:
  Harness(int ordinal, uint32_t seed)
      : cpu_(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))), gpu_(ordinal), rng_(seed) {}

  ~Harness() {
    for (void* p : cpuBufs_) cpu_.free(p);
    for (void* p : gpuBufs_) gpu_.free(p);
  }

  std::vector<float> randomFloats(size_t n, float lo = -1.f, float hi = 1.f) {
    std::uniform_real_distribution<float> d(lo, hi);
    std::vector<float> v(n);
    for (float& f : v) f = d(rng_);
    return v;
  }

  // A weight of `rows` x `cols` in `type` with random content and sane scales.
  std::vector<uint8_t> randomWeight(GgmlType type, int64_t rows, int64_t cols) {
    const TypeTraits& tr = *typeTraits(static_cast<uint32_t>(type));
    const size_t rb = rowBytes(tr, cols);
    std::vector<uint8_t> bytes(rb * static_cast<size_t>(rows));
    if (type == GgmlType::F32) {
      const std::vector<float> f = randomFloats(static_cast<size_t>(rows * cols));
      std::memcpy(bytes.data(), f.data(), bytes.size());
      return bytes;
    }
    if (type == GgmlType::F16 || type == GgmlType::BF16) {
      const std::vector<float> f = randomFloats(static_cast<size_t>(rows * cols));
      for (size_t i = 0; i < f.size(); i++) {
        uint16_t h;
        if (type == GgmlType::F16) {
          h = toHalfBits(f[i]);
        } else {
          uint32_t x;
          std::memcpy(&x, &f[i], 4);
          h = static_cast<uint16_t>(x >> 16);
        }
        std::memcpy(bytes.data() + 2 * i, &h, 2);
      }
      return bytes;
    }
    std::uniform_int_distribution<int> byte(0, 255);
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(byte(rng_));
    std::uniform_real_distribution<float> scale(0.002f, 0.05f);
    const size_t blocks = bytes.size() / static_cast<size_t>(tr.blockBytes);
    for (size_t b = 0; b < blocks; b++) {
      for (int off : scaleOffsets(type)) {
        const uint16_t h = toHalfBits(scale(rng_));
        std::memcpy(bytes.data() + b * tr.blockBytes + off, &h, 2);
      }
    }
    return bytes;
  }

  // The same host data in both backends.
  struct Pair {
    void* cpu;
    void* gpu;
    size_t bytes;
  };
  Pair put(const void* data, size_t bytes) {
    Pair p{cpu_.alloc(bytes), gpu_.alloc(bytes), bytes};
    cpuBufs_.push_back(p.cpu);
    gpuBufs_.push_back(p.gpu);
    cpu_.upload(p.cpu, data, bytes);
    gpu_.upload(p.gpu, data, bytes);
    return p;
  }
  template <typename T>
  Pair put(const std::vector<T>& v) {
    return put(v.data(), v.size() * sizeof(T));
  }
  // A random weight in both backends, each given it through Backend::uploadWeight as the model
  // loader does (the GPU copy in the CUDA backend's own layout).
  Pair putWeight(GgmlType type, int64_t rows, int64_t cols) {
    return putWeight(type, rows, cols, randomWeight(type, rows, cols));
  }
  // A weight of the given GGUF bytes in both backends.
  Pair putWeight(GgmlType type, int64_t rows, int64_t cols, const std::vector<uint8_t>& bytes) {
    Pair p{cpu_.alloc(bytes.size()), gpu_.alloc(bytes.size()), bytes.size()};
    cpuBufs_.push_back(p.cpu);
    gpuBufs_.push_back(p.gpu);
    cpu_.uploadWeight(p.cpu, bytes.data(), type, rows, cols);
    gpu_.uploadWeight(p.gpu, bytes.data(), type, rows, cols);
    return p;
  }
  // An output: zeros on the CPU, NaN on the GPU.
  Pair output(size_t floats) {
    const std::vector<float> zero(floats, 0.f);
    Pair p = put(zero);
    poison(p);
    return p;
  }
  void poison(const Pair& p) {
    const std::vector<float> nan(p.bytes / sizeof(float), std::numeric_limits<float>::quiet_NaN());
    gpu_.upload(p.gpu, nan.data(), p.bytes);
  }

  void compare(const Pair& p, const std::string& op, const std::string& type, const std::string& shape,
               bool tensorCores = false) {
    gpu_.synchronize();
    const size_t n = p.bytes / sizeof(float);
    std::vector<float> a(n), b(n);
    cpu_.download(a.data(), p.cpu, p.bytes);
    gpu_.download(b.data(), p.gpu, p.bytes);
    OpParityResult r;
    r.op = op;
    r.type = type;
    r.shape = shape;
    r.tensorCores = tensorCores;
    r.elements = static_cast<int64_t>(n);
    double num = 0, den = 0;
    for (size_t i = 0; i < n; i++) {
      if (!std::isfinite(a[i])) continue;
      if (!std::isfinite(b[i])) {
        r.nonFinite++;
        continue;
      }
      const double d = static_cast<double>(b[i]) - a[i];
      num += d * d;
      den += static_cast<double>(a[i]) * a[i];
      r.maxAbsErr = std::max(r.maxAbsErr, std::fabs(d));
    }
    r.relErr = den > 0 ? std::sqrt(num / den) : std::sqrt(num);
    results_.push_back(r);
  }

  // Integer outputs must match exactly: relErr is the fraction of differing elements.
  void compareIds(const Pair& p, const std::string& op, const std::string& shape) {
    gpu_.synchronize();
    const size_t n = p.bytes / sizeof(int32_t);
    std::vector<int32_t> a(n), b(n);
    cpu_.download(a.data(), p.cpu, p.bytes);
    gpu_.download(b.data(), p.gpu, p.bytes);
    OpParityResult r;
    r.op = op;
    r.type = "i32";
    r.shape = shape;
    r.elements = static_cast<int64_t>(n);
    int64_t differ = 0;
    for (size_t i = 0; i < n; i++) {
      differ += a[i] != b[i] ? 1 : 0;
      r.maxAbsErr = std::max(r.maxAbsErr, std::fabs(static_cast<double>(b[i]) - a[i]));
    }
    r.relErr = n > 0 ? static_cast<double>(differ) / static_cast<double>(n) : 0;
    results_.push_back(r);
  }

  CpuBackend cpu_;
  CudaBackend gpu_;
  std::mt19937 rng_;
  std::vector<OpParityResult> results_;

 private:
  std::vector<void*> cpuBufs_, gpuBufs_;
};

bool isKQuant(GgmlType t) { return typeTraits(static_cast<uint32_t>(t))->blockSize == 256; }

WeightView viewOf(const void* data, GgmlType t, int64_t rows, int64_t cols) {
  WeightView w;
  w.data = data;
  w.type = t;
  w.rows = rows;
  w.cols = cols;
  return w;
}

std::string dims(std::initializer_list<int64_t> d) {
  std::string s;
  for (int64_t v : d) s += (s.empty() ? "" : "x") + std::to_string(v);
  return s;
}

void matmulCases(Harness& h) {
  const GgmlType types[] = {GgmlType::F32,  GgmlType::F16,  GgmlType::BF16, GgmlType::Q8_0, GgmlType::Q4_0,
                            GgmlType::Q4_1, GgmlType::Q5_0, GgmlType::Q5_1, GgmlType::Q2_K, GgmlType::Q3_K,
                            GgmlType::Q4_K, GgmlType::Q5_K, GgmlType::Q6_K};
  // Qwen2.5-0.5B shapes: q/o projection, gate/up, down; batch sizes on both kernel paths. Rows of
  // 3 and 5 blocks put planar Q8_0/Q4_0/Q5_0 rows at 2- and 4-byte aligned starts (narrower loads).
  // F16/BF16 products with few tiles are split over their columns: 4864 columns at 37 rows in 8
  // splits; 1184 columns (37 k-steps) in 6 splits of 7, 7, 7, 7, 7 and 2 k-steps, into 202 rows
  // (not a multiple of 4: the scalar sum). 32771 rows (an output projection's many rows, 3 in
  // the last tile or block) stream through shared memory at one x row and take four rows a warp
  // at three, in the planar types.
  struct Shape {
    int64_t rows, cols;
    int n;
  };
  const Shape shapes[] = {{896, 896, 1},    {4864, 896, 3},    {896, 4864, 1}, {128, 896, 8},
                          {896, 4864, 37},  {4864, 896, 130},  {40, 96, 1},    {40, 160, 20},
                          {202, 1184, 40},  {32771, 896, 1},   {32771, 896, 3}};
  for (GgmlType t : types) {
    const char* name = typeTraits(static_cast<uint32_t>(t))->name;
    for (Shape s : shapes) {
      // K-quant rows are whole 256-element super-blocks: 896-wide rows become 1024 wide (the
      // real model stores those matrices in other types for this reason).
      if (isKQuant(t) && s.cols % 256 != 0) s.cols = 1024;
      auto w = h.putWeight(t, s.rows, s.cols);
      auto x = h.put(h.randomFloats(static_cast<size_t>(s.n) * s.cols));
      auto y = h.output(static_cast<size_t>(s.n) * s.rows);
      h.cpu_.matmul(static_cast<float*>(y.cpu), viewOf(w.cpu, t, s.rows, s.cols), static_cast<float*>(x.cpu), s.n);
      h.gpu_.matmul(static_cast<float*>(y.gpu), viewOf(w.gpu, t, s.rows, s.cols), static_cast<float*>(x.gpu), s.n);
      const bool tc = s.n > kMatvecMaxRows && t != GgmlType::F32;
      h.compare(y, "matmul", name, dims({s.n, s.cols}) + " . " + dims({s.rows, s.cols}) + "^T", tc);
    }
  }
  // stories260K's FFN rows (172 columns) take the element-wise path.
  for (int n : {1, 20}) {
    auto w = h.putWeight(GgmlType::F32, 64, 172);
    auto x = h.put(h.randomFloats(static_cast<size_t>(n) * 172));
    auto y = h.output(static_cast<size_t>(n) * 64);
    h.cpu_.matmul(static_cast<float*>(y.cpu), viewOf(w.cpu, GgmlType::F32, 64, 172), static_cast<float*>(x.cpu), n);
    h.gpu_.matmul(static_cast<float*>(y.gpu), viewOf(w.gpu, GgmlType::F32, 64, 172), static_cast<float*>(x.gpu), n);
    h.compare(y, "matmul", "F32", dims({n, 172}) + " . 64x172^T");
  }
}

void getRowsCases(Harness& h) {
  const GgmlType types[] = {GgmlType::F32,  GgmlType::F16,  GgmlType::BF16, GgmlType::Q8_0, GgmlType::Q4_0,
                            GgmlType::Q4_1, GgmlType::Q5_0, GgmlType::Q5_1, GgmlType::Q2_K, GgmlType::Q3_K,
                            GgmlType::Q4_K, GgmlType::Q5_K, GgmlType::Q6_K};
  const std::vector<int32_t> ids = {0, 999, 17, 17, 512};
  auto idp = h.put(ids);
  for (GgmlType t : types) {
    const int64_t cols = isKQuant(t) ? 1024 : 896;
    auto w = h.putWeight(t, 1000, cols);
    auto out = h.output(ids.size() * cols);
    h.cpu_.getRows(static_cast<float*>(out.cpu), viewOf(w.cpu, t, 1000, cols), static_cast<int32_t*>(idp.cpu), 5);
    h.gpu_.getRows(static_cast<float*>(out.gpu), viewOf(w.gpu, t, 1000, cols), static_cast<int32_t*>(idp.gpu), 5);
    h.compare(out, "getRows", typeTraits(static_cast<uint32_t>(t))->name, "5 of 1000x" + std::to_string(cols));
  }
  auto w = h.putWeight(GgmlType::F32, 512, 172);
  auto out = h.output(ids.size() * 172);
  const std::vector<int32_t> small = {0, 511, 3, 3, 200};
  auto sp = h.put(small);
  h.cpu_.getRows(static_cast<float*>(out.cpu), viewOf(w.cpu, GgmlType::F32, 512, 172), static_cast<int32_t*>(sp.cpu), 5);
  h.gpu_.getRows(static_cast<float*>(out.gpu), viewOf(w.gpu, GgmlType::F32, 512, 172), static_cast<int32_t*>(sp.gpu), 5);
  h.compare(out, "getRows", "F32", "5 of 512x172");
}

void elementwiseCases(Harness& h) {
  const int n = 7, dim = 896, ff = 4864;
  {
    auto x = h.put(h.randomFloats(static_cast<size_t>(n) * dim, -3.f, 3.f));
    auto w = h.put(h.randomFloats(dim));
    auto out = h.output(static_cast<size_t>(n) * dim);
    h.cpu_.rmsnorm(static_cast<float*>(out.cpu), static_cast<float*>(x.cpu), static_cast<float*>(w.cpu), n, dim, 1e-6f);
    h.gpu_.rmsnorm(static_cast<float*>(out.gpu), static_cast<float*>(x.gpu), static_cast<float*>(w.gpu), n, dim, 1e-6f);
    h.compare(out, "rmsnorm", "f32", dims({n, dim}));
    // In place (out aliases x), as the forward pass uses it for the logit rows.
    h.cpu_.rmsnorm(static_cast<float*>(x.cpu), static_cast<float*>(x.cpu), static_cast<float*>(w.cpu), n, dim, 1e-6f);
    h.gpu_.rmsnorm(static_cast<float*>(x.gpu), static_cast<float*>(x.gpu), static_cast<float*>(w.gpu), n, dim, 1e-6f);
    h.compare(x, "rmsnorm", "f32", dims({n, dim}) + " in place");
  }
  {
    auto x = h.put(h.randomFloats(static_cast<size_t>(n) * dim));
    auto b = h.put(h.randomFloats(dim));
    h.cpu_.addBias(static_cast<float*>(x.cpu), static_cast<float*>(b.cpu), n, dim);
    h.gpu_.addBias(static_cast<float*>(x.gpu), static_cast<float*>(b.gpu), n, dim);
    h.compare(x, "addBias", "f32", dims({n, dim}));
  }
  {
    const size_t count = static_cast<size_t>(n) * ff;
    auto g = h.put(h.randomFloats(count, -6.f, 6.f));
    auto u = h.put(h.randomFloats(count));
    h.cpu_.siluMul(static_cast<float*>(g.cpu), static_cast<float*>(u.cpu), count);
    h.gpu_.siluMul(static_cast<float*>(g.gpu), static_cast<float*>(u.gpu), count);
    h.compare(g, "siluMul", "f32", dims({n, ff}));
    auto y = h.put(h.randomFloats(count));
    h.cpu_.add(static_cast<float*>(g.cpu), static_cast<float*>(y.cpu), count);
    h.gpu_.add(static_cast<float*>(g.gpu), static_cast<float*>(y.gpu), count);
    h.compare(g, "add", "f32", dims({n, ff}));
  }
  {
    auto x = h.put(h.randomFloats(static_cast<size_t>(n) * dim));
    const std::vector<int32_t> idx = {6, 0, 3};
    auto ip = h.put(idx);
    auto out = h.output(idx.size() * dim);
    h.cpu_.gatherRows(static_cast<float*>(out.cpu), static_cast<float*>(x.cpu), static_cast<int32_t*>(ip.cpu), 3, dim);
    h.gpu_.gatherRows(static_cast<float*>(out.gpu), static_cast<float*>(x.gpu), static_cast<int32_t*>(ip.gpu), 3, dim);
    h.compare(out, "gatherRows", "f32", "3 of " + dims({n, dim}));
  }
  {
    // Vocabulary-sized rows; row 1 has its maximum twice (the first must win), row 2 is all -inf
    // (index 0, as std::max_element).
    const int vocab = 151936;
    std::vector<float> logits = h.randomFloats(static_cast<size_t>(n) * vocab, -20.f, 20.f);
    logits[vocab + 777] = logits[vocab + 150000] = 50.f;
    std::fill(logits.begin() + 2 * vocab, logits.begin() + 3 * vocab, -std::numeric_limits<float>::infinity());
    auto x = h.put(logits);
    auto out = h.put(std::vector<int32_t>(static_cast<size_t>(n), -1));
    h.cpu_.argmax(static_cast<int32_t*>(out.cpu), static_cast<float*>(x.cpu), n, vocab);
    h.gpu_.argmax(static_cast<int32_t*>(out.gpu), static_cast<float*>(x.gpu), n, vocab);
    h.compareIds(out, "argmax", dims({n, vocab}));
  }
  {
    // Rows shorter than the blocks that share them: most blocks see no element.
    auto x = h.put(std::vector<float>{1.f, 3.f, 3.f, -2.f, 0.f, 7.f});
    auto out = h.put(std::vector<int32_t>{-1, -1});
    h.cpu_.argmax(static_cast<int32_t*>(out.cpu), static_cast<float*>(x.cpu), 2, 3);
    h.gpu_.argmax(static_cast<int32_t*>(out.gpu), static_cast<float*>(x.gpu), 2, 3);
    h.compareIds(out, "argmax", dims({2, 3}));
  }
  for (RopeStyle style : {RopeStyle::Neox, RopeStyle::Normal}) {
    RopeParams p;
    p.heads = 14;
    p.headDim = 64;
    p.ropeDim = style == RopeStyle::Neox ? 64 : 32;
    p.freqBase = 1e6f;
    p.posScale = style == RopeStyle::Neox ? 1.f : 0.5f;
    p.style = style;
    auto x = h.put(h.randomFloats(static_cast<size_t>(n) * 14 * 64));
    const std::vector<int32_t> pos = {0, 1, 7, 100, 511, 4095, 32767};
    auto pp = h.put(pos);
    h.cpu_.rope(static_cast<float*>(x.cpu), static_cast<int32_t*>(pp.cpu), n, p);
    h.gpu_.rope(static_cast<float*>(x.gpu), static_cast<int32_t*>(pp.gpu), n, p);
    h.compare(x, "rope", "f32", style == RopeStyle::Neox ? "neox 7x14x64" : "normal ropeDim 32 scale 0.5");
  }
  {
    // Llama 3.1's per-pair frequency divisors (rope_freqs), on the host as the model holds them.
    RopeParams p;
    p.heads = 8;
    p.headDim = 128;
    p.ropeDim = 128;
    p.freqBase = 500000.f;
    p.style = RopeStyle::Normal;
    const std::vector<float> divisors = h.randomFloats(64, 1.f, 8.f);
    p.freqFactors = divisors.data();
    auto x = h.put(h.randomFloats(static_cast<size_t>(n) * 8 * 128));
    auto pp = h.put(std::vector<int32_t>{0, 1, 7, 100, 511, 4095, 32767});
    h.cpu_.rope(static_cast<float*>(x.cpu), static_cast<int32_t*>(pp.cpu), n, p);
    h.gpu_.rope(static_cast<float*>(x.gpu), static_cast<int32_t*>(pp.gpu), n, p);
    h.compare(x, "rope", "f32", "normal 7x8x128 with rope_freqs divisors");
  }
}

// Attention of batch b on both backends: positions pp, table offsets op and block tables tp, each
// backend's own copy.
void attentionBoth(Harness& h, AttentionBatch b, const Harness::Pair& out, const Harness::Pair& q,
                   const KvLayerView& cpuKv, const KvLayerView& gpuKv, const Harness::Pair& pp,
                   const Harness::Pair& op, const Harness::Pair& tp) {
  b.pos = static_cast<int32_t*>(pp.cpu);
  b.tableOffset = static_cast<int32_t*>(op.cpu);
  b.blockTables = static_cast<int32_t*>(tp.cpu);
  h.cpu_.attention(static_cast<float*>(out.cpu), static_cast<float*>(q.cpu), cpuKv, b);
  b.pos = static_cast<int32_t*>(pp.gpu);
  b.tableOffset = static_cast<int32_t*>(op.gpu);
  b.blockTables = static_cast<int32_t*>(tp.gpu);
  h.gpu_.attention(static_cast<float*>(out.gpu), static_cast<float*>(q.gpu), gpuKv, b);
}

// A paged cache with shuffled block tables; rows at several positions, one of them long enough
// for many attention splits.
// `bound`, where larger, is the batch's maxPos (a recorded step sizes attention for its position
// bucket, past the rows' positions).
void kvCases(Harness& h, int heads, int kvHeads, int headDim, const std::vector<int32_t>& positions,
             float scoreScale = 1.f, int bound = 0) {
  const int blockSize = 16, kvDim = kvHeads * headDim;
  int blocksNeeded = 0;
  for (int32_t p : positions) blocksNeeded += p / blockSize + 1;
  const int blocks = blocksNeeded + 3;
  std::vector<int32_t> perm(blocks);
  for (int i = 0; i < blocks; i++) perm[i] = i;
  std::shuffle(perm.begin(), perm.end(), h.rng_);
  std::vector<int32_t> tables, offsets;
  int next = 0;
  for (int32_t p : positions) {
    offsets.push_back(static_cast<int32_t>(tables.size()));
    for (int b = 0; b <= p / blockSize; b++) tables.push_back(perm[next++]);
  }
  const size_t cacheFloats = static_cast<size_t>(blocks) * blockSize * kvDim;
  auto kc = h.put(h.randomFloats(cacheFloats, -2.f, 2.f));
  auto vc = h.put(h.randomFloats(cacheFloats));
  const int n = static_cast<int>(positions.size());
  // Each row's own K/V goes to the slot of its position, as the forward pass does.
  std::vector<int32_t> slots;
  for (int i = 0; i < n; i++) {
    const int32_t p = positions[i];
    slots.push_back(tables[offsets[i] + p / blockSize] * blockSize + p % blockSize);
  }
  auto k = h.put(h.randomFloats(static_cast<size_t>(n) * kvDim));
  auto v = h.put(h.randomFloats(static_cast<size_t>(n) * kvDim));
  auto sp = h.put(slots);
  const std::string shape = dims({heads, kvHeads, headDim}) + " pos " + std::to_string(positions.back()) +
                            (bound > positions.back() ? " bound " + std::to_string(bound) : "");
  KvLayerView cpuKv{static_cast<float*>(kc.cpu), static_cast<float*>(vc.cpu), blockSize, kvDim};
  KvLayerView gpuKv{static_cast<float*>(kc.gpu), static_cast<float*>(vc.gpu), blockSize, kvDim};
  h.cpu_.kvStore(cpuKv, static_cast<float*>(k.cpu), static_cast<float*>(v.cpu), static_cast<int32_t*>(sp.cpu), n);
  h.gpu_.kvStore(gpuKv, static_cast<float*>(k.gpu), static_cast<float*>(v.gpu), static_cast<int32_t*>(sp.gpu), n);
  h.compare(kc, "kvStore", "f32", "K " + shape);
  h.compare(vc, "kvStore", "f32", "V " + shape);

  auto q = h.put(h.randomFloats(static_cast<size_t>(n) * heads * headDim, -2.f, 2.f));
  auto pp = h.put(positions);
  auto op = h.put(offsets);
  auto tp = h.put(tables);
  auto out = h.output(static_cast<size_t>(n) * heads * headDim);
  AttentionBatch b;
  b.n = n;
  b.heads = heads;
  b.kvHeads = kvHeads;
  b.headDim = headDim;
  b.maxPos = std::max(bound, *std::max_element(positions.begin(), positions.end()));
  b.scoreScale = scoreScale;
  attentionBoth(h, b, out, q, cpuKv, gpuKv, pp, op, tp);
  const std::string scaled = scoreScale != 1.f ? " score scale " + std::to_string(scoreScale) : "";
  h.compare(out, "attention", "f32", std::to_string(n) + " rows " + shape + scaled);
}

// Q, K and V (896, 128 and 128 rows of `cols`) from one normMatmul of x's n rows (norm weights g),
// CUDA against the CPU backend.
void qkvNormMatmulCase(Harness& h, GgmlType t, int64_t cols, const Harness::Pair& x, const Harness::Pair& g,
                       const Harness::Pair& normed, int n, const std::string& label, bool tensorCores) {
  const int64_t rows[3] = {896, 128, 128};
  std::vector<Harness::Pair> w, y;
  WeightView cw[3], gw[3];
  float *cy[3], *gy[3];
  for (int i = 0; i < 3; i++) {
    w.push_back(h.putWeight(t, rows[i], cols));
    y.push_back(h.output(static_cast<size_t>(n) * rows[i]));
    cw[i] = viewOf(w[i].cpu, t, rows[i], cols);
    gw[i] = viewOf(w[i].gpu, t, rows[i], cols);
    cy[i] = static_cast<float*>(y[i].cpu);
    gy[i] = static_cast<float*>(y[i].gpu);
  }
  h.cpu_.normMatmul(cy, cw, 3, static_cast<float*>(x.cpu), static_cast<float*>(g.cpu), 1e-6f, n,
                    static_cast<float*>(normed.cpu));
  h.gpu_.normMatmul(gy, gw, 3, static_cast<float*>(x.gpu), static_cast<float*>(g.gpu), 1e-6f, n,
                    static_cast<float*>(normed.gpu));
  const char* name = typeTraits(static_cast<uint32_t>(t))->name;
  for (int i = 0; i < 3; i++) {
    h.compare(y[i], "normMatmul", name, label + "qkv[" + std::to_string(i) + "] n " + std::to_string(n), tensorCores);
  }
}

// The LM head step (the final norm, then a projection of many rows: the streamed kernel) on both
// backends, with x in [-1, 1] and with one element in 37 a thousand times larger.
void headCases(Harness& h) {
  for (GgmlType t : {GgmlType::Q8_0, GgmlType::Q4_0, GgmlType::Q5_0, GgmlType::F16}) {
    const int64_t rows = 32771, cols = 896;
    auto w = h.putWeight(t, rows, cols);
    auto g = h.put(h.randomFloats(cols, 0.5f, 1.5f));
    for (bool outliers : {false, true}) {
      std::vector<float> xs = h.randomFloats(cols);
      if (outliers) {
        for (size_t i = 0; i < xs.size(); i += 37) xs[i] *= 1000.f;
      }
      auto x = h.put(xs);
      auto normed = h.output(cols);
      auto y = h.output(rows);
      float* cy = static_cast<float*>(y.cpu);
      float* gy = static_cast<float*>(y.gpu);
      const WeightView cw = viewOf(w.cpu, t, rows, cols), gw = viewOf(w.gpu, t, rows, cols);
      h.cpu_.normMatmul(&cy, &cw, 1, static_cast<float*>(x.cpu), static_cast<float*>(g.cpu), 1e-6f, 1,
                        static_cast<float*>(normed.cpu));
      h.gpu_.normMatmul(&gy, &gw, 1, static_cast<float*>(x.gpu), static_cast<float*>(g.gpu), 1e-6f, 1,
                        static_cast<float*>(normed.gpu));
      h.compare(y, "normMatmul", typeTraits(static_cast<uint32_t>(t))->name,
                std::string("head 1x896 . 32771x896^T") + (outliers ? " x with outliers" : ""));
    }
  }
}

// The greedy LM head (normMatmulArgmax: one row through the streamed kernel, which folds the
// argmax into it). Random weights of each streamed type: its ids against the argmax kernel's over
// the logits it wrote (both on the GPU, so exactly). A Q8_0 head whose row 1234 is built to win by a
// wide margin, with two copies of it further on (a tie: the first index wins) and a row whose
// block scale is NaN (a NaN logit never wins): against the CPU backend.
void headArgmaxCases(Harness& h) {
  const int64_t rows = 32771;
  for (GgmlType t : {GgmlType::Q8_0, GgmlType::Q4_0, GgmlType::Q5_0, GgmlType::Q6_K}) {
    const int64_t cols = isKQuant(t) ? 1024 : 896;
    const char* name = typeTraits(static_cast<uint32_t>(t))->name;
    auto w = h.putWeight(t, rows, cols);
    auto x = h.put(h.randomFloats(cols));
    auto g = h.put(h.randomFloats(cols, 0.5f, 1.5f));
    auto normed = h.output(cols);
    auto logits = h.output(rows);
    auto ids = h.put(std::vector<int32_t>{-1, -1});
    const WeightView gw = viewOf(w.gpu, t, rows, cols);
    h.gpu_.normMatmulArgmax(static_cast<int32_t*>(ids.gpu), static_cast<float*>(logits.gpu), gw,
                            static_cast<float*>(x.gpu), static_cast<float*>(g.gpu), 1e-6f, 1,
                            static_cast<float*>(normed.gpu));
    h.gpu_.argmax(static_cast<int32_t*>(ids.gpu) + 1, static_cast<float*>(logits.gpu), 1, static_cast<int>(rows));
    h.gpu_.synchronize();
    int32_t got[2];
    h.gpu_.download(got, ids.gpu, sizeof(got));
    OpParityResult r;
    r.op = "normMatmulArgmax";
    r.type = name;
    r.shape = "head 1x" + std::to_string(cols) + " . " + dims({rows, cols}) + "^T: ids against argmax of its logits";
    r.elements = 1;
    r.relErr = got[0] == got[1] && got[0] >= 0 ? 0 : 1;
    r.maxAbsErr = std::fabs(static_cast<double>(got[0]) - got[1]);
    h.results_.push_back(r);
  }

  const int64_t cols = 896, rb = 952;  // Q8_0 blocks: f16 d, then 32 int8 quants
  std::vector<uint8_t> bytes = h.randomWeight(GgmlType::Q8_0, rows, cols);
  const std::vector<float> xs = h.randomFloats(cols);
  uint8_t* const best = bytes.data() + 1234 * rb;
  for (int64_t b = 0; b < cols / 32; b++) {
    uint8_t* const block = best + b * 34;
    const uint16_t d = toHalfBits(0.05f);
    std::memcpy(block, &d, 2);
    for (int i = 0; i < 32; i++) block[2 + i] = static_cast<uint8_t>(xs[b * 32 + i] >= 0.f ? 127 : -127);
  }
  std::memcpy(bytes.data() + 20000 * rb, best, rb);
  std::memcpy(bytes.data() + 31000 * rb, best, rb);
  const uint16_t nan = 0x7e00;
  std::memcpy(bytes.data() + 5 * rb, &nan, 2);
  auto w = h.putWeight(GgmlType::Q8_0, rows, cols, bytes);
  auto x = h.put(xs);
  auto g = h.put(h.randomFloats(cols, 0.5f, 1.5f));
  auto normed = h.output(cols);
  auto logits = h.output(rows);
  auto ids = h.put(std::vector<int32_t>{-1});
  h.cpu_.normMatmulArgmax(static_cast<int32_t*>(ids.cpu), static_cast<float*>(logits.cpu),
                          viewOf(w.cpu, GgmlType::Q8_0, rows, cols), static_cast<float*>(x.cpu),
                          static_cast<float*>(g.cpu), 1e-6f, 1, static_cast<float*>(normed.cpu));
  h.gpu_.normMatmulArgmax(static_cast<int32_t*>(ids.gpu), static_cast<float*>(logits.gpu),
                          viewOf(w.gpu, GgmlType::Q8_0, rows, cols), static_cast<float*>(x.gpu),
                          static_cast<float*>(g.gpu), 1e-6f, 1, static_cast<float*>(normed.gpu));
  h.compare(logits, "normMatmulArgmax", "Q8_0", "head logits, a NaN row and a three-way tie");
  h.compareIds(ids, "normMatmulArgmax", "head 1x896 . 32771x896^T, a NaN row and a three-way tie for the largest");
}

// The fused steps against the CPU backend's plain op sequences (Backend's defaults).
void fusedCases(Harness& h) {
  const GgmlType types[] = {GgmlType::F32,  GgmlType::F16,  GgmlType::BF16, GgmlType::Q8_0, GgmlType::Q4_0,
                            GgmlType::Q4_1, GgmlType::Q5_0, GgmlType::Q5_1, GgmlType::Q2_K, GgmlType::Q3_K,
                            GgmlType::Q4_K, GgmlType::Q5_K, GgmlType::Q6_K};
  for (GgmlType t : types) {
    const char* name = typeTraits(static_cast<uint32_t>(t))->name;
    const int64_t embd = isKQuant(t) ? 1024 : 896, ff = 4864;
    for (int n : {1, 3, 12}) {
      const bool tc = n > kMatvecMaxRows && t != GgmlType::F32;
      auto x = h.put(h.randomFloats(static_cast<size_t>(n) * embd, -3.f, 3.f));
      auto g = h.put(h.randomFloats(embd, 0.5f, 1.5f));
      auto normed = h.output(static_cast<size_t>(n) * embd);
      // QKV: three weights sharing rmsnorm(x).
      qkvNormMatmulCase(h, t, embd, x, g, normed, n, "", tc);
      {
        auto wg = h.putWeight(t, ff, embd);
        auto wu = h.putWeight(t, ff, embd);
        auto gate = h.output(static_cast<size_t>(n) * ff);
        auto up = h.output(static_cast<size_t>(n) * ff);
        h.cpu_.normGateUp(static_cast<float*>(gate.cpu), static_cast<float*>(up.cpu), viewOf(wg.cpu, t, ff, embd),
                          viewOf(wu.cpu, t, ff, embd), static_cast<float*>(x.cpu), static_cast<float*>(g.cpu), 1e-6f, n,
                          static_cast<float*>(normed.cpu));
        h.gpu_.normGateUp(static_cast<float*>(gate.gpu), static_cast<float*>(up.gpu), viewOf(wg.gpu, t, ff, embd),
                          viewOf(wu.gpu, t, ff, embd), static_cast<float*>(x.gpu), static_cast<float*>(g.gpu), 1e-6f, n,
                          static_cast<float*>(normed.gpu));
        h.compare(gate, "normGateUp", name, "silu(gate)*up n " + std::to_string(n), tc);
        h.compare(up, "normGateUp", name, "up n " + std::to_string(n), tc);
      }
      {
        // down: x[n][embd] += in[n][ff] . W^T, W [embd][ff] (K-quants: ff = 4864 = 19 x 256).
        auto w = h.putWeight(t, embd, ff);
        auto in = h.put(h.randomFloats(static_cast<size_t>(n) * ff));
        auto acc = h.put(h.randomFloats(static_cast<size_t>(n) * embd));
        auto tmp = h.output(static_cast<size_t>(n) * embd);
        h.cpu_.matmulAdd(static_cast<float*>(acc.cpu), viewOf(w.cpu, t, embd, ff), static_cast<float*>(in.cpu), n,
                         static_cast<float*>(tmp.cpu));
        h.gpu_.matmulAdd(static_cast<float*>(acc.gpu), viewOf(w.gpu, t, embd, ff), static_cast<float*>(in.gpu), n,
                         static_cast<float*>(tmp.gpu));
        h.compare(acc, "matmulAdd", name, "x += in . down^T n " + std::to_string(n), tc);
      }
    }
  }
}

// Biases + rope + cache store, with and without biases, both rope styles and a partial rope.
void qkvCases(Harness& h) {
  for (int variant = 0; variant < 2; variant++) {
    const bool qwen = variant == 0;
    const int heads = 14, kvHeads = 2, hd = 64, n = 5, blockSize = 16, blocks = 8;
    const int qDim = heads * hd, kvDim = kvHeads * hd;
    RopeParams rq;
    rq.heads = heads;
    rq.headDim = hd;
    rq.ropeDim = qwen ? 64 : 32;
    rq.freqBase = qwen ? 1e6f : 1e4f;
    rq.style = qwen ? RopeStyle::Neox : RopeStyle::Normal;
    RopeParams rk = rq;
    rk.heads = kvHeads;
    auto q = h.put(h.randomFloats(static_cast<size_t>(n) * qDim));
    auto k = h.put(h.randomFloats(static_cast<size_t>(n) * kvDim));
    auto v = h.put(h.randomFloats(static_cast<size_t>(n) * kvDim));
    auto bq = h.put(h.randomFloats(qDim));
    auto bk = h.put(h.randomFloats(kvDim));
    auto bv = h.put(h.randomFloats(kvDim));
    const size_t cache = static_cast<size_t>(blocks) * blockSize * kvDim;
    auto kc = h.put(h.randomFloats(cache));
    auto vc = h.put(h.randomFloats(cache));
    const std::vector<int32_t> pos = {0, 1, 17, 300, 4095};
    const std::vector<int32_t> slots = {3, 127, 64, 65, 0};
    auto pp = h.put(pos);
    auto sp = h.put(slots);
    KvLayerView ckv{static_cast<float*>(kc.cpu), static_cast<float*>(vc.cpu), blockSize, kvDim};
    KvLayerView gkv{static_cast<float*>(kc.gpu), static_cast<float*>(vc.gpu), blockSize, kvDim};
    auto F = [](const Harness::Pair& p, bool cpu) { return static_cast<float*>(cpu ? p.cpu : p.gpu); };
    h.cpu_.qkvRopeStore(F(q, true), F(k, true), F(v, true), qwen ? F(bq, true) : nullptr, qwen ? F(bk, true) : nullptr,
                        qwen ? F(bv, true) : nullptr, static_cast<int32_t*>(pp.cpu), static_cast<int32_t*>(sp.cpu), n,
                        rq, rk, ckv);
    h.gpu_.qkvRopeStore(F(q, false), F(k, false), F(v, false), qwen ? F(bq, false) : nullptr,
                        qwen ? F(bk, false) : nullptr, qwen ? F(bv, false) : nullptr, static_cast<int32_t*>(pp.gpu),
                        static_cast<int32_t*>(sp.gpu), n, rq, rk, gkv);
    const std::string shape = qwen ? "qwen2 biases, neox" : "llama, normal, ropeDim 32";
    h.compare(q, "qkvRopeStore", "f32", "q " + shape);
    h.compare(k, "qkvRopeStore", "f32", "k " + shape);
    h.compare(kc, "qkvRopeStore", "f32", "K cache " + shape);
    h.compare(vc, "qkvRopeStore", "f32", "V cache " + shape);
  }
}

// One attention input step (norm + QKV products + biases + rope + cache store) on both backends,
// compared with the CPU's op sequence: random Q/K weights of type t and V of tv, `pos.size()` rows
// of x at `pos` writing cache `slots` of a `blocks` x `blockSize` paged cache, biases when asked.
void normQkvCase(Harness& h, GgmlType t, GgmlType tv, int64_t embd, const RopeParams& rq, const RopeParams& rk,
                 bool biases, const std::vector<int32_t>& pos, const std::vector<int32_t>& slots, int blockSize,
                 int blocks, const std::string& shape, bool tensorCores) {
  const int n = static_cast<int>(pos.size());
  const int qDim = rq.heads * rq.headDim, kvDim = rk.heads * rk.headDim;
  auto wq = h.putWeight(t, qDim, embd);
  auto wk = h.putWeight(t, kvDim, embd);
  auto wv = h.putWeight(tv, kvDim, embd);
  auto x = h.put(h.randomFloats(static_cast<size_t>(n) * embd, -3.f, 3.f));
  auto g = h.put(h.randomFloats(embd, 0.5f, 1.5f));
  auto bq = h.put(h.randomFloats(qDim));
  auto bk = h.put(h.randomFloats(kvDim));
  auto bv = h.put(h.randomFloats(kvDim));
  auto q = h.output(static_cast<size_t>(n) * qDim);
  auto k = h.output(static_cast<size_t>(n) * kvDim);
  auto v = h.output(static_cast<size_t>(n) * kvDim);
  auto normed = h.output(static_cast<size_t>(n) * embd);
  const size_t cache = static_cast<size_t>(blocks) * blockSize * kvDim;
  auto kc = h.put(h.randomFloats(cache));
  auto vc = h.put(h.randomFloats(cache));
  auto pp = h.put(pos);
  auto sp = h.put(slots);
  for (bool cpu : {true, false}) {
    auto P = [cpu](const Harness::Pair& p) { return cpu ? p.cpu : p.gpu; };
    QkvStep st;
    st.wq = viewOf(P(wq), t, qDim, embd);
    st.wk = viewOf(P(wk), t, kvDim, embd);
    st.wv = viewOf(P(wv), tv, kvDim, embd);
    st.normW = static_cast<float*>(P(g));
    st.eps = 1e-6f;
    if (biases) {
      st.bq = static_cast<float*>(P(bq));
      st.bk = static_cast<float*>(P(bk));
      st.bv = static_cast<float*>(P(bv));
    }
    st.ropeQ = rq;
    st.ropeK = rk;
    const KvLayerView kv{static_cast<float*>(P(kc)), static_cast<float*>(P(vc)), blockSize, kvDim};
    Backend& be = cpu ? static_cast<Backend&>(h.cpu_) : static_cast<Backend&>(h.gpu_);
    be.normQkvRopeStore(static_cast<float*>(P(q)), static_cast<float*>(P(k)), static_cast<float*>(P(v)), st,
                        static_cast<float*>(P(x)), static_cast<int32_t*>(P(pp)), static_cast<int32_t*>(P(sp)), n, kv,
                        static_cast<float*>(P(normed)));
  }
  const std::string name = std::string(typeTraits(static_cast<uint32_t>(t))->name) +
                           (tv == t ? "" : std::string(", v ") + typeTraits(static_cast<uint32_t>(tv))->name);
  h.compare(q, "normQkvRopeStore", name, "q " + shape, tensorCores);
  h.compare(k, "normQkvRopeStore", name, "k " + shape, tensorCores);
  h.compare(v, "normQkvRopeStore", name, "v " + shape, tensorCores);
  h.compare(kc, "normQkvRopeStore", name, "K cache " + shape, tensorCores);
  h.compare(vc, "normQkvRopeStore", name, "V cache " + shape, tensorCores);
}

// The decode-sized step at one row (the fused CUDA path) and at three (the fallback), for one
// type or the mixes of llama.cpp's Q4_K_M (V in Q8_0 where rows are not a multiple of 256
// columns, Q6_K where they are).
void normQkvCases(Harness& h) {
  const std::pair<GgmlType, GgmlType> types[] = {
      {GgmlType::F32, GgmlType::F32},   {GgmlType::F16, GgmlType::F16},   {GgmlType::BF16, GgmlType::BF16},
      {GgmlType::Q8_0, GgmlType::Q8_0}, {GgmlType::Q4_0, GgmlType::Q4_0}, {GgmlType::Q4_K, GgmlType::Q4_K},
      {GgmlType::Q6_K, GgmlType::Q6_K}, {GgmlType::Q5_0, GgmlType::Q8_0}, {GgmlType::Q4_K, GgmlType::Q6_K}};
  for (const auto& [t, tv] : types) {
    for (int variant = 0; variant < 2; variant++) {
      const bool qwen = variant == 0;
      RopeParams rq;
      rq.heads = 14;
      rq.headDim = 64;
      rq.ropeDim = 64;
      rq.freqBase = qwen ? 1e6f : 1e4f;
      rq.style = qwen ? RopeStyle::Neox : RopeStyle::Normal;
      RopeParams rk = rq;
      rk.heads = 2;
      for (int n : {1, 3}) {
        const std::vector<int32_t> pos = {4000, 7, 300}, slots = {77, 3, 127};
        const std::string shape = std::string(qwen ? "qwen2 biases, neox" : "llama, normal") + " n " + std::to_string(n);
        normQkvCase(h, t, tv, isKQuant(t) ? 1024 : 896, rq, rk, qwen, {pos.begin(), pos.begin() + n},
                    {slots.begin(), slots.begin() + n}, 16, 8, shape, false);
      }
    }
  }
}

// Prefill-sized products on the tensor-core tiles: the Qwen2.5-0.5B matrices at 512 rows (the LM
// head at 512 in F16 only, its CPU reference is ~140 GFLOP) and ragged row counts that leave
// partial tiles, for F16, BF16 and one quantized type; on a 132-SM H100 the shapes take each
// of the three F16/BF16 tile shapes (128x128: 4864 and 151936 rows at 512; 64x64: 4864 rows at
// 300; 64x32: the rest).
void prefillMatmulCases(Harness& h) {
  struct Shape {
    int64_t rows, cols;
    int n;
  };
  const Shape shapes[] = {{896, 896, 512},  {128, 896, 512}, {4864, 896, 512}, {896, 4864, 512},
                          {4864, 896, 37},  {4864, 896, 300}, {896, 4864, 300}, {128, 896, 300},
                          {151936, 896, 37}};
  for (GgmlType t : {GgmlType::F16, GgmlType::BF16, GgmlType::Q8_0}) {
    const char* name = typeTraits(static_cast<uint32_t>(t))->name;
    std::vector<Shape> list(std::begin(shapes), std::end(shapes));
    if (t == GgmlType::F16) list.push_back({151936, 896, 512});
    for (const Shape& s : list) {
      auto w = h.putWeight(t, s.rows, s.cols);
      auto x = h.put(h.randomFloats(static_cast<size_t>(s.n) * s.cols, -3.f, 3.f));
      auto y = h.output(static_cast<size_t>(s.n) * s.rows);
      h.cpu_.matmul(static_cast<float*>(y.cpu), viewOf(w.cpu, t, s.rows, s.cols), static_cast<float*>(x.cpu), s.n);
      h.gpu_.matmul(static_cast<float*>(y.gpu), viewOf(w.gpu, t, s.rows, s.cols), static_cast<float*>(x.gpu), s.n);
      h.compare(y, "matmul", name, "prefill " + dims({s.n, s.cols}) + " . " + dims({s.rows, s.cols}) + "^T", true);
    }
    // The residual add in the tile epilogue (matmulAdd at prefill size).
    const int n = 300;
    auto w = h.putWeight(t, 896, 4864);
    auto in = h.put(h.randomFloats(static_cast<size_t>(n) * 4864));
    auto acc = h.put(h.randomFloats(static_cast<size_t>(n) * 896));
    auto tmp = h.output(static_cast<size_t>(n) * 896);
    h.cpu_.matmulAdd(static_cast<float*>(acc.cpu), viewOf(w.cpu, t, 896, 4864), static_cast<float*>(in.cpu), n,
                     static_cast<float*>(tmp.cpu));
    h.gpu_.matmulAdd(static_cast<float*>(acc.gpu), viewOf(w.gpu, t, 896, 4864), static_cast<float*>(in.gpu), n,
                     static_cast<float*>(tmp.gpu));
    h.compare(acc, "matmulAdd", name, "prefill x += in . down^T n 300", true);
    // The q, k, v projections in one launch with the norm folded in (normMatmul at prefill size).
    for (int rowsN : {512, 300, 37}) {
      auto xq = h.put(h.randomFloats(static_cast<size_t>(rowsN) * 896, -3.f, 3.f));
      auto gq = h.put(h.randomFloats(896, 0.5f, 1.5f));
      auto normedQ = h.output(static_cast<size_t>(rowsN) * 896);
      qkvNormMatmulCase(h, t, 896, xq, gq, normedQ, rowsN, "prefill ", true);
    }
    // SwiGLU in the tile epilogue (normGateUp at prefill size): 128x128 tiles at 512 and 300
    // rows, 64x32 at 37 (fusedCases' 12 rows take 64x64).
    struct GateUp {
      int n;
      int64_t ff;
    };
    for (GateUp c : {GateUp{512, 4864}, GateUp{300, 4864}, GateUp{37, 896}}) {
      auto x = h.put(h.randomFloats(static_cast<size_t>(c.n) * 896, -3.f, 3.f));
      auto g = h.put(h.randomFloats(896, 0.5f, 1.5f));
      auto normed = h.output(static_cast<size_t>(c.n) * 896);
      auto wg = h.putWeight(t, c.ff, 896);
      auto wu = h.putWeight(t, c.ff, 896);
      auto gate = h.output(static_cast<size_t>(c.n) * c.ff);
      auto up = h.output(static_cast<size_t>(c.n) * c.ff);
      h.cpu_.normGateUp(static_cast<float*>(gate.cpu), static_cast<float*>(up.cpu), viewOf(wg.cpu, t, c.ff, 896),
                        viewOf(wu.cpu, t, c.ff, 896), static_cast<float*>(x.cpu), static_cast<float*>(g.cpu), 1e-6f,
                        c.n, static_cast<float*>(normed.cpu));
      h.gpu_.normGateUp(static_cast<float*>(gate.gpu), static_cast<float*>(up.gpu), viewOf(wg.gpu, t, c.ff, 896),
                        viewOf(wu.gpu, t, c.ff, 896), static_cast<float*>(x.gpu), static_cast<float*>(g.gpu), 1e-6f,
                        c.n, static_cast<float*>(normed.gpu));
      const std::string shape = "prefill n " + std::to_string(c.n) + " ff " + std::to_string(c.ff);
      h.compare(gate, "normGateUp", name, "silu(gate)*up " + shape, true);
      h.compare(up, "normGateUp", name, "up " + shape, true);
    }
  }
}

// The step at prefill size (RMSNorm, the QKV tiles, bias + rope + cache store): 512 and ragged
// 300 / 37 rows of a prompt continuing at position 90, in shuffled distinct slots; Qwen2 (biases,
// Neox, full rope) and Llama-like steps (no biases, Normal style, partial ropeDim, rope_freqs
// factors, linear position scaling); heads of 64 and 128 dims.
void prefillNormQkvCases(Harness& h) {
  struct Model {
    int heads, kvHeads, headDim;
    bool qwen;
  };
  for (GgmlType t : {GgmlType::F16, GgmlType::BF16}) {
    for (Model md : {Model{14, 2, 64, true}, Model{14, 2, 64, false}, Model{8, 2, 128, true}}) {
      const int blockSize = 16, blocks = 40;  // 640 cache slots
      RopeParams rq;
      rq.heads = md.heads;
      rq.headDim = md.headDim;
      rq.ropeDim = md.qwen ? md.headDim : md.headDim / 2;
      rq.freqBase = md.qwen ? 1e6f : 5e5f;
      rq.style = md.qwen ? RopeStyle::Neox : RopeStyle::Normal;
      std::vector<float> factors;
      if (!md.qwen) {
        factors = h.randomFloats(static_cast<size_t>(rq.ropeDim / 2), 1.f, 8.f);
        rq.freqFactors = factors.data();
        rq.posScale = 0.5f;
      }
      RopeParams rk = rq;
      rk.heads = md.kvHeads;
      for (int n : {512, 300, 37}) {
        std::vector<int32_t> pos(n), slots(blocks * blockSize);
        for (int i = 0; i < n; i++) pos[i] = 90 + i;
        for (size_t i = 0; i < slots.size(); i++) slots[i] = static_cast<int32_t>(i);
        std::shuffle(slots.begin(), slots.end(), h.rng_);
        slots.resize(n);
        const std::string shape =
            std::string(md.qwen ? "qwen2 biases, neox" : "normal, ropeDim/2, freq factors, posScale 0.5") +
            " headDim " + std::to_string(md.headDim) + " prefill n " + std::to_string(n);
        normQkvCase(h, t, t, 896, rq, rk, md.qwen, pos, slots, blockSize, blocks, shape, true);
      }
    }
  }
}

// Prefill attention: a batch of runs, each `rows` rows of one sequence at positions
// start .. start + rows - 1 (positions before start already cached), over a paged cache with
// shuffled block tables. Runs of one row are decode rows. The spans are passed as Forward
// passes them, so long runs take the tensor-core kernel and the rest the decode kernel.
struct PrefillRun {
  int start, rows;
};

void prefillAttentionCase(Harness& h, int heads, int kvHeads, int headDim, const std::vector<PrefillRun>& runs,
                          const std::string& what) {
  const int blockSize = 16, kvDim = kvHeads * headDim;
  int blocksNeeded = 0;
  for (const PrefillRun& r : runs) blocksNeeded += (r.start + r.rows - 1) / blockSize + 1;
  const int blocks = blocksNeeded + 3;
  std::vector<int32_t> perm(blocks);
  for (int i = 0; i < blocks; i++) perm[i] = i;
  std::shuffle(perm.begin(), perm.end(), h.rng_);
  std::vector<int32_t> tables, offsets, positions;
  std::vector<AttentionSpan> spans;
  int next = 0;
  for (const PrefillRun& r : runs) {
    const int32_t offset = static_cast<int32_t>(tables.size());
    for (int b = 0; b <= (r.start + r.rows - 1) / blockSize; b++) tables.push_back(perm[next++]);
    spans.push_back(AttentionSpan{static_cast<int>(positions.size()), r.rows});
    for (int i = 0; i < r.rows; i++) {
      offsets.push_back(offset);
      positions.push_back(r.start + i);
    }
  }
  const size_t cacheFloats = static_cast<size_t>(blocks) * blockSize * kvDim;
  auto kc = h.put(h.randomFloats(cacheFloats, -2.f, 2.f));
  auto vc = h.put(h.randomFloats(cacheFloats));
  const int n = static_cast<int>(positions.size());
  auto q = h.put(h.randomFloats(static_cast<size_t>(n) * heads * headDim, -2.f, 2.f));
  auto pp = h.put(positions);
  auto op = h.put(offsets);
  auto tp = h.put(tables);
  auto out = h.output(static_cast<size_t>(n) * heads * headDim);
  KvLayerView cpuKv{static_cast<float*>(kc.cpu), static_cast<float*>(vc.cpu), blockSize, kvDim};
  KvLayerView gpuKv{static_cast<float*>(kc.gpu), static_cast<float*>(vc.gpu), blockSize, kvDim};
  AttentionBatch b;
  b.n = n;
  b.heads = heads;
  b.kvHeads = kvHeads;
  b.headDim = headDim;
  b.maxPos = *std::max_element(positions.begin(), positions.end());
  b.spans = spans.data();
  b.spanCount = static_cast<int>(spans.size());
  attentionBoth(h, b, out, q, cpuKv, gpuKv, pp, op, tp);
  h.compare(out, "attentionPrefill", "f32", what + " " + dims({heads, kvHeads, headDim}), true);
}

void prefillAttentionCases(Harness& h) {
  prefillAttentionCase(h, 14, 2, 64, {{0, 512}}, "512-token prompt");
  prefillAttentionCase(h, 14, 2, 64, {{0, 300}}, "300-token prompt");
  prefillAttentionCase(h, 14, 2, 64, {{256, 256}}, "chunk 256..511 over 256 cached");
  prefillAttentionCase(h, 14, 2, 64, {{700, 1}, {0, 100}, {37, 1}, {50, 200}, {4000, 1}, {9, 5}},
                       "mixed: decode rows, chunks of 100 and 200, a 5-row run");
  prefillAttentionCase(h, 32, 8, 128, {{0, 130}, {64, 1}}, "130-token prompt + decode row");
}


// Backend::sample: the CUDA sampler against the host Sampler (the CPU backend's default) on the
// same logit rows: random, peaked (with -inf entries), flat (top-p keeps most of the vocabulary)
// and coarsely quantized (ties everywhere, top-k and top-p boundaries among them). Tokens, the
// logprob record's tokens included, must be identical (relErr: the fraction that differ);
// maxAbsErr is the largest logprob difference.
void sampleCases(Harness& h) {
  struct Case {
    const char* name;
    SamplingParams p;
    bool logprobs;
  };
  auto params = [](float temperature, int topK, float topP, float minP) {
    SamplingParams p;
    p.temperature = temperature;
    p.topK = topK;
    p.topP = topP;
    p.minP = minP;
    return p;
  };
  auto penalized = [](SamplingParams p) {
    p.repetitionPenalty = 1.3f;
    p.presencePenalty = 0.4f;
    p.frequencyPenalty = 0.15f;
    return p;
  };
  auto biased = [](SamplingParams p, int vocab) {
    p.logitBias = {{3, 5.f}, {vocab - 1, 2.5f}, {7, -100.f}, {3, 1.f}};
    return p;
  };
  auto withTop = [](SamplingParams p, int n) {
    p.topLogprobs = n;
    return p;
  };
  const int rows = 4;
  for (const int vocab : {151936, 1000}) {
    std::vector<Case> cases = {
        {"greedy + penalties, top 5", withTop(penalized(params(0.f, 0, 1.f, 0.f)), 5), true},
        {"greedy + bias", biased(params(0.f, 0, 1.f, 0.f), vocab), false},
        {"T 0.7", params(0.7f, 0, 1.f, 0.f), false},
        {"T 1.3, logprob only", params(1.3f, 0, 1.f, 0.f), true},
        {"T 0.7 top-k 1", params(0.7f, 1, 1.f, 0.f), false},
        {"T 1.3 top-k 40, top 20", withTop(params(1.3f, 40, 1.f, 0.f), 20), true},
        {"T 1.3 top-k vocab", params(1.3f, vocab, 1.f, 0.f), false},
        {"T 0.7 top-p 0.9", params(0.7f, 0, 0.9f, 0.f), false},
        {"T 1.3 top-p 0.5, top 5", withTop(params(1.3f, 0, 0.5f, 0.f), 5), true},
        {"T 0.7 top-k 40 top-p 0.9", params(0.7f, 40, 0.9f, 0.f), false},
        {"T 1.3 top-k 5000 top-p 0.5", params(1.3f, 5000, 0.5f, 0.f), false},
        {"T 1 min-p 0.05", params(1.f, 0, 1.f, 0.05f), false},
        {"T 0.7 top-p 0.9 min-p 0.05", params(0.7f, 0, 0.9f, 0.05f), false},
        {"T 0.8 top-k 40 top-p 0.9 + penalties + bias, top 20",
         withTop(biased(penalized(params(0.8f, 40, 0.9f, 0.f)), vocab), 20), true},
        {"T 1.3 top-p 0.9 + penalties (whole history), top 20",
         withTop(penalized(params(1.3f, 0, 0.9f, 0.f)), 20), true},
    };
    cases.back().p.penaltyLastN = -1;
    std::vector<float> logits = h.randomFloats(static_cast<size_t>(rows) * vocab, -8.f, 8.f);
    for (int i = 0; i < vocab; i++) {
      float* row = logits.data() + static_cast<size_t>(vocab);
      row[i] *= 3.f;
      if (i % 997 == 5) row[i] = -std::numeric_limits<float>::infinity();
      logits[2 * static_cast<size_t>(vocab) + i] *= 0.04f;
      float& q = logits[3 * static_cast<size_t>(vocab) + i];
      q = std::round(q) * 0.5f;
    }
    // A history with repeats, mostly of low ids, some at the top of the vocabulary.
    std::vector<int32_t> history;
    std::uniform_int_distribution<int32_t> low(0, 40), any(0, vocab - 1);
    for (int i = 0; i < 150; i++) history.push_back(i % 5 == 0 ? any(h.rng_) : low(h.rng_));
    const size_t bytes = logits.size() * sizeof(float);
    void* cpuLogits = h.cpu_.alloc(bytes);
    void* gpuLogits = h.gpu_.alloc(bytes);
    for (const Case& c : cases) {
      OpParityResult r;
      r.op = "sample";
      r.type = "f32";
      r.shape = std::string(c.name) + ", " + std::to_string(rows) + "x" + std::to_string(vocab);
      int64_t differ = 0;
      for (const auto& [seed, draw] : std::vector<std::pair<uint64_t, uint64_t>>{{1, 0}, {42, 7}, {987654321, 1000}}) {
        SamplingParams p = c.p;
        p.seed = seed;
        std::vector<SampleRequest> requests(rows);
        for (int i = 0; i < rows; i++) {
          requests[i].row = rows - 1 - i;  // not in row order
          requests[i].params = &p;
          requests[i].history = &history;
          requests[i].drawIndex = draw + static_cast<uint64_t>(i);
          requests[i].logprobs = c.logprobs;
        }
        h.cpu_.upload(cpuLogits, logits.data(), bytes);
        h.gpu_.upload(gpuLogits, logits.data(), bytes);
        std::vector<SampleResult> want(rows), got(rows);
        for (SampleResult& g : got) g.token = -1;
        h.cpu_.sample(static_cast<float*>(cpuLogits), vocab, requests.data(), rows, want.data());
        h.gpu_.sample(static_cast<float*>(gpuLogits), vocab, requests.data(), rows, got.data());
        for (int i = 0; i < rows; i++) {
          const TokenLogprob &a = want[i].logprob, &b = got[i].logprob;
          r.elements += 1 + (c.logprobs ? 2 + 2 * static_cast<int64_t>(a.top.size()) : 0);
          differ += want[i].token != got[i].token ? 1 : 0;
          if (!c.logprobs) continue;
          differ += a.token != b.token ? 1 : 0;
          auto logprob = [&](float x, float y) {
            if (std::isfinite(x) && !std::isfinite(y)) r.nonFinite++;
            if (std::isfinite(x) && std::isfinite(y)) {
              r.maxAbsErr = std::max(r.maxAbsErr, std::fabs(static_cast<double>(x) - y));
            }
          };
          logprob(a.logprob, b.logprob);
          if (a.top.size() != b.top.size()) {
            differ += static_cast<int64_t>(a.top.size());
            continue;
          }
          for (size_t j = 0; j < a.top.size(); j++) {
            differ += a.top[j].first != b.top[j].first ? 1 : 0;
            logprob(a.top[j].second, b.top[j].second);
          }
        }
      }
      r.relErr = static_cast<double>(differ) / static_cast<double>(r.elements);
      h.results_.push_back(r);
    }
    h.cpu_.free(cpuLogits);
    h.gpu_.free(gpuLogits);
  }
}
}  // namespace

std::vector<OpParityResult> runOpParity(int ordinal, uint32_t seed) {
  Harness h(ordinal, seed);
  matmulCases(h);
  getRowsCases(h);
  elementwiseCases(h);
  kvCases(h, 14, 2, 64, {0, 37, 255, 256, 600});
  kvCases(h, 14, 2, 64, {4095});
  kvCases(h, 8, 4, 8, {5, 130});
  // Eight decode rows of different lengths in one batch (splits per row differ in use).
  kvCases(h, 14, 2, 64, {3, 100, 511, 512, 513, 1500, 2047, 4000});
  kvCases(h, 32, 8, 128, {17, 1000});  // 4 query heads per KV head, headDim 128
  kvCases(h, 4, 4, 64, {300});         // one query head per KV head
  kvCases(h, 16, 1, 32, {200});        // 16 per KV head: the per-head kernel
  kvCases(h, 14, 2, 64, {5, 700}, 1.29f);  // YaRN's attention factor (squared) on the scores
  kvCases(h, 16, 1, 32, {90}, 1.29f);
  // One decode row (K/V staged before the wait) at the cluster kernel's bounds and past them.
  kvCases(h, 14, 2, 64, {37});
  kvCases(h, 14, 2, 64, {1023});
  kvCases(h, 14, 2, 64, {1024});
  kvCases(h, 32, 8, 128, {511});
  kvCases(h, 32, 8, 128, {3, 200});
  kvCases(h, 14, 2, 64, {512}, 1.f, 767);  // a recorded decode step's bucket: splits past the row's position
  kvCases(h, 8, 4, 8, {40}, 1.f, 255);
  fusedCases(h);
  headArgmaxCases(h);
  headCases(h);
  qkvCases(h);
  normQkvCases(h);
  prefillMatmulCases(h);
  prefillNormQkvCases(h);
  prefillAttentionCases(h);
  sampleCases(h);
  return h.results_;
}

}  // namespace llorch
