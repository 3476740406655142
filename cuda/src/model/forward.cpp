#include "model/forward.h"

#include <algorithm>
#include <cmath>

#include "native_error.h"

namespace llorch {

namespace {
// Steps of at most this many rows are recorded and replayed (see Backend::runStep).
constexpr int kRecordMaxRows = 8;
// Decode steps are padded to a power of two of rows up to this many (when Forward pads), so a
// server recording its steps has at most seven decode shapes per position bucket and sampling mode.
constexpr int kMaxRowBucket = 64;
// Steps of at most this many rows keep their integer inputs in arrays of this length (one small
// upload), every recorded step among them.
constexpr int kCompactRows = kMaxRowBucket;
// Recorded steps size attention for maxPos rounded up to a multiple of this (one recording per
// bucket, so a sequence is re-recorded every kPosBucket tokens).
constexpr int kPosBucket = 256;

// YaRN as Hugging Face computes it (transformers' _compute_yarn_parameters, beta_fast 32,
// beta_slow 1, truncated correction range): pairs turning more than beta_fast times over the
// original context keep their frequency, fewer than beta_slow times are slowed by the factor, with
// a linear ramp between; returns each pair's divisor and sets `scoreScale` to the square of the
// attention factor 0.1 ln(factor) + 1 that scales both q and k.
std::vector<float> yarnDivisors(const ModelConfig& c, float& scoreScale) {
  const double dim = c.ropeDim, base = c.ropeFreqBase, factor = c.ropeYarnFactor;
  const double pi = 3.14159265358979323846;
  auto correctionDim = [&](double rotations) {
    return dim * std::log(c.ropeYarnOriginalContext / (rotations * 2 * pi)) / (2 * std::log(base));
  };
  const double low = std::max(std::floor(correctionDim(32)), 0.0);
  double high = std::min(std::ceil(correctionDim(1)), dim - 1);
  if (low == high) high += 0.001;
  std::vector<float> divisors(static_cast<size_t>(c.ropeDim / 2));
  for (size_t i = 0; i < divisors.size(); i++) {
    const double ramp = std::clamp((static_cast<double>(i) - low) / (high - low), 0.0, 1.0);
    divisors[i] = static_cast<float>(1.0 / (ramp / factor + (1.0 - ramp)));
  }
  const double attention = factor <= 1 ? 1.0 : 0.1 * std::log(factor) + 1.0;
  scoreScale = static_cast<float>(attention * attention);
  return divisors;
}
}  // namespace

StepPlan planStep(const StepBatch& b, int maxBucket) {
  const int n = b.rows();
  const int nl = static_cast<int>(b.logitRows.size());
  StepPlan p;
  p.rows = n;
  p.maxPos = b.maxPos;
  p.allRows = nl == n;
  for (int i = 0; p.allRows && i < nl; i++) p.allRows = b.logitRows[i] == i;
  // Rows of one sequence share its table offset, so distinct neighbours mean one row a sequence.
  bool decode = p.allRows && n > 0;
  for (int i = 1; decode && i < n; i++) decode = b.tableOffset[i] != b.tableOffset[i - 1];
  if (decode && n <= maxBucket) {
    int bucket = 1;
    while (bucket < n) bucket *= 2;
    p.rows = std::min(bucket, maxBucket);
  } else if (n > kRecordMaxRows) {
    return p;
  }
  const int posBucket = (b.maxPos / kPosBucket + 1) * kPosBucket;
  p.maxPos = posBucket - 1;
  const int logitRows = p.allRows ? p.rows : nl;
  p.key = static_cast<uint64_t>(p.rows) | static_cast<uint64_t>(logitRows) << 16 |
          static_cast<uint64_t>(posBucket) << 32;
  if (p.allRows) p.key |= uint64_t{1} << 63;
  if (b.greedy) p.key |= uint64_t{1} << 62;
  return p;
}

int32_t StepBatch::addTable(const std::vector<int32_t>& blocks) {
  const auto offset = static_cast<int32_t>(blockTables.size());
  blockTables.insert(blockTables.end(), blocks.begin(), blocks.end());
  return offset;
}

void StepBatch::addRow(int32_t token, int position, int32_t offset, int blockSize) {
  tokens.push_back(token);
  pos.push_back(position);
  slots.push_back(blockTables[static_cast<size_t>(offset + position / blockSize)] * blockSize + position % blockSize);
  tableOffset.push_back(offset);
  maxPos = std::max(maxPos, position);
}

void StepBatch::clear() {
  tokens.clear();
  pos.clear();
  slots.clear();
  tableOffset.clear();
  blockTables.clear();
  logitRows.clear();
  greedy = false;
  tokensOnDevice = false;
  maxPos = 0;
}

Forward::Forward(Backend& backend, const ModelConfig& config, const ModelWeights& weights, KvPool& kv,
                 int maxRows, int maxLogitRows, int maxTableEntries, bool padDecodeSteps)
    : be_(backend), c_(config), w_(weights), kv_(kv), maxRows_(maxRows), maxLogitRows_(maxLogitRows),
      maxTableEntries_(maxTableEntries),
      maxBucket_(padDecodeSteps ? std::min({kMaxRowBucket, maxRows, maxLogitRows}) : 0) {
  // Checked before anything is allocated: a throw after the allocations would leak them.
  if (c_.ropeYarnFactor > 0.f && !w_.ropeFreqs.empty()) {
    throw NativeError(err::kLoad, "a model with both rope_freqs.weight and YaRN scaling");
  }
  const size_t n = static_cast<size_t>(maxRows);
  const size_t embd = static_cast<size_t>(c_.embeddingLength);
  const size_t qDim = static_cast<size_t>(c_.headCount) * c_.headDim;
  const size_t kvDim = static_cast<size_t>(c_.headCountKv) * c_.headDim;
  const size_t ff = static_cast<size_t>(c_.feedForwardLength);
  try {
    x_ = allocFloats(n * embd);
    h_ = allocFloats(n * embd);
    q_ = allocFloats(n * qDim);
    k_ = allocFloats(n * kvDim);
    v_ = allocFloats(n * kvDim);
    attn_ = allocFloats(n * qDim);
    gate_ = allocFloats(n * ff);
    up_ = allocFloats(n * ff);
    lx_ = allocFloats(static_cast<size_t>(maxLogitRows) * embd);
    logits_ = allocFloats(static_cast<size_t>(maxLogitRows) * c_.vocabSize);
    compact_ = allocStepInts(std::min<size_t>(n, kCompactRows));
    wide_ = n > kCompactRows ? allocStepInts(n) : compact_;
    stepInts_.resize(static_cast<size_t>(wide_.blockTables - wide_.base) + static_cast<size_t>(maxTableEntries) + 1);
  } catch (...) {
    for (void* p : buffers_) be_.free(p);
    throw;
  }
  RopeParams ropeQ;
  ropeQ.heads = c_.headCount;
  ropeQ.headDim = c_.headDim;
  ropeQ.ropeDim = c_.ropeDim;
  ropeQ.freqBase = c_.ropeFreqBase;
  ropeQ.posScale = 1.0f / c_.ropeLinearFactor;
  ropeQ.style = c_.ropeStyle;
  if (c_.ropeYarnFactor > 0.f) yarnFactors_ = yarnDivisors(c_, scoreScale_);
  const std::vector<float>& factors = c_.ropeYarnFactor > 0.f ? yarnFactors_ : w_.ropeFreqs;
  ropeQ.freqFactors = factors.empty() ? nullptr : factors.data();
  RopeParams ropeK = ropeQ;
  ropeK.heads = c_.headCountKv;
  for (int l = 0; l < c_.blockCount; l++) {
    const LayerWeights& L = w_.layers[l];
    LayerStep d;
    d.qkv.wq = L.wq;
    d.qkv.wk = L.wk;
    d.qkv.wv = L.wv;
    d.qkv.normW = L.attnNorm;
    d.qkv.eps = c_.rmsNormEps;
    if (c_.qkvBias) {
      d.qkv.bq = L.bq;
      d.qkv.bk = L.bk;
      d.qkv.bv = L.bv;
    }
    d.qkv.ropeQ = ropeQ;
    d.qkv.ropeK = ropeK;
    d.kv = kv_.layer(l);
    d.wo = L.wo;
    d.gate = L.gate;
    d.up = L.up;
    d.down = L.down;
    d.ffnNorm = L.ffnNorm;
    layers_.push_back(d);
  }
}

Forward::~Forward() {
  for (void* p : buffers_) be_.free(p);
}

float* Forward::allocFloats(size_t count) {
  void* p = be_.alloc(count * sizeof(float));
  buffers_.push_back(p);
  scratchBytes_ += count * sizeof(float);
  return static_cast<float*>(p);
}

Forward::StepInts Forward::allocStepInts(size_t stride) {
  StepInts a;
  a.stride = stride;
  // One table entry more for the padding rows' table (the scratch block).
  a.base = allocInts(4 * stride + static_cast<size_t>(maxLogitRows_) + static_cast<size_t>(maxTableEntries_) + 1);
  a.tokens = a.base;
  a.pos = a.tokens + stride;
  a.slots = a.pos + stride;
  a.tableOffset = a.slots + stride;
  a.logitRows = a.tableOffset + stride;
  a.blockTables = a.logitRows + maxLogitRows_;
  return a;
}

int32_t* Forward::allocInts(size_t count) {
  void* p = be_.alloc(count * sizeof(int32_t));
  buffers_.push_back(p);
  scratchBytes_ += count * sizeof(int32_t);
  return static_cast<int32_t*>(p);
}

uint64_t Forward::launch(const StepBatch& b, int32_t* tokens) {
  const int n = b.rows();
  const int nl = static_cast<int>(b.logitRows.size());
  const int embd = c_.embeddingLength;

  // Small steps and padded decode steps are recorded once per shape and replayed (CUDA graphs):
  // the attention split count then comes from maxPos rounded up to a bucket, and the rows'
  // positions and tables are read from device memory.
  const StepPlan plan = planStep(b, maxBucket_);
  const bool record = plan.key != 0;
  const bool allRows = plan.allRows;
  if (record) keys_.insert(plan.key);
  // Padding rows are token 0 at position 0 of the scratch block, reached through one table entry
  // past the batch's: their K/V writes and attention stay inside it, their logits and argmax ids
  // are computed and never copied out. With tokensOnDevice their token is the previous step's
  // padding rows' argmax instead: another id, as harmless.
  const int rows = plan.rows;
  const int32_t entry = static_cast<int32_t>(b.blockTables.size());
  const int32_t scratch = kv_.scratchBlock();
  const StepInts& in = static_cast<size_t>(rows) <= compact_.stride ? compact_ : wide_;
  const size_t stride = in.stride;
  auto fill = [&](size_t at, const std::vector<int32_t>& v, int32_t padding) {
    std::copy(v.begin(), v.end(), stepInts_.begin() + static_cast<std::ptrdiff_t>(at));
    std::fill_n(stepInts_.begin() + static_cast<std::ptrdiff_t>(at + v.size()), rows - n, padding);
  };
  fill(0, b.tokens, 0);
  fill(stride, b.pos, 0);
  fill(2 * stride, b.slots, scratch * kv_.blockSize());
  fill(3 * stride, b.tableOffset, entry);
  const size_t tables = 4 * stride + static_cast<size_t>(maxLogitRows_);
  std::copy(b.logitRows.begin(), b.logitRows.end(), stepInts_.begin() + static_cast<std::ptrdiff_t>(4 * stride));
  std::copy(b.blockTables.begin(), b.blockTables.end(), stepInts_.begin() + static_cast<std::ptrdiff_t>(tables));
  stepInts_[tables + b.blockTables.size()] = scratch;
  const size_t first = b.tokensOnDevice ? stride : 0;
  const size_t end = tables + b.blockTables.size() + 1;
  be_.upload(in.base + first, stepInts_.data() + first, sizeof(int32_t) * (end - first));
  const int logitRows = allRows ? rows : nl;

  AttentionBatch ab;
  ab.pos = in.pos;
  ab.tableOffset = in.tableOffset;
  ab.blockTables = in.blockTables;
  ab.n = rows;
  ab.heads = c_.headCount;
  ab.kvHeads = c_.headCountKv;
  ab.headDim = c_.headDim;
  ab.maxPos = plan.maxPos;
  ab.scoreScale = scoreScale_;
  // Runs of rows sharing a sequence (its block table), listed only for steps that are not
  // recorded: the list is host data, read when the ops are enqueued.
  std::vector<AttentionSpan> spans;
  if (!record) {
    for (int i = 0; i < n; i++) {
      if (i > 0 && b.tableOffset[i] == b.tableOffset[i - 1]) {
        spans.back().rows++;
      } else {
        spans.push_back(AttentionSpan{i, 1});
      }
    }
    ab.spans = spans.data();
    ab.spanCount = static_cast<int>(spans.size());
  }

  be_.runStep(plan.key, [&] {
    be_.getRows(x_, w_.tokEmbd, in.tokens, rows);  // x: [rows, n_embd]
    for (const LayerStep& L : layers_) {
      // q: [rows, n_head * head_dim], k, v: [rows, n_head_kv * head_dim] from rmsnorm(x) (in h),
      // biased and rotated. All rows' K/V go into the cache before attention, so a prefill
      // chunk attends within itself; causality comes from each row reading positions 0..pos.
      be_.normQkvRopeStore(q_, k_, v_, L.qkv, x_, in.pos, in.slots, rows, L.kv, h_);
      be_.attention(attn_, q_, L.kv, ab);              // attn: [rows, n_head * head_dim]
      be_.matmulAdd(x_, L.wo, attn_, rows, h_);        // x += attn . wo^T
      be_.normGateUp(gate_, up_, L.gate, L.up, x_, L.ffnNorm, c_.rmsNormEps, rows, h_);  // gate: [rows, n_ff]
      be_.matmulAdd(x_, L.down, gate_, rows, h_);      // x += gate . down^T
    }
    if (logitRows == 0) return;
    if (!allRows) be_.gatherRows(lx_, x_, in.logitRows, nl, embd);  // lx: [nl, n_embd]
    float* const out = logits_;                                   // logits: [logitRows, n_vocab]
    const float* const hx = allRows ? x_ : lx_;
    if (b.greedy) {
      be_.normMatmulArgmax(in.tokens, out, w_.output, hx, w_.outputNorm, c_.rmsNormEps, logitRows, lx_);
    } else {
      be_.normMatmul(&out, &w_.output, 1, hx, w_.outputNorm, c_.rmsNormEps, logitRows, lx_);
    }
  });
  // The next step (launched ahead) overwrites in.tokens at its LM head: the download is ordered
  // before it. Two id buffers by step parity would free the download from that order but need a
  // recording for each parity, and replaying two graphs in turn cost 1.5 % of decode (session 16).
  if (b.greedy) be_.downloadAsync(tokens, in.tokens, sizeof(int32_t) * static_cast<size_t>(nl));
  return be_.mark();
}

}  // namespace llorch
