#include "model/forward.h"

namespace llorch {

void StepBatch::clear() {
  tokens.clear();
  pos.clear();
  slots.clear();
  tableOffset.clear();
  blockTables.clear();
  logitRows.clear();
  maxPos = 0;
}

Forward::Forward(Backend& backend, const ModelConfig& config, const ModelWeights& weights, KvPool& kv,
                 int maxRows, int maxLogitRows, int maxTableEntries)
    : be_(backend), c_(config), w_(weights), kv_(kv), maxRows_(maxRows), maxLogitRows_(maxLogitRows),
      maxTableEntries_(maxTableEntries) {
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
    tokens_ = allocInts(n);
    pos_ = allocInts(n);
    slots_ = allocInts(n);
    tableOffset_ = allocInts(n);
    blockTables_ = allocInts(static_cast<size_t>(maxTableEntries));
    logitRows_ = allocInts(static_cast<size_t>(maxLogitRows));
  } catch (...) {
    for (void* p : buffers_) be_.free(p);
    throw;
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

int32_t* Forward::allocInts(size_t count) {
  void* p = be_.alloc(count * sizeof(int32_t));
  buffers_.push_back(p);
  scratchBytes_ += count * sizeof(int32_t);
  return static_cast<int32_t*>(p);
}

void Forward::run(const StepBatch& b, float* logits) {
  const int n = b.rows();
  const int nl = static_cast<int>(b.logitRows.size());
  const int embd = c_.embeddingLength;
  const int qDim = c_.headCount * c_.headDim;
  const int kvDim = c_.headCountKv * c_.headDim;
  const int ff = c_.feedForwardLength;
  const size_t ints = sizeof(int32_t);

  be_.upload(tokens_, b.tokens.data(), ints * n);
  be_.upload(pos_, b.pos.data(), ints * n);
  be_.upload(slots_, b.slots.data(), ints * n);
  be_.upload(tableOffset_, b.tableOffset.data(), ints * n);
  be_.upload(blockTables_, b.blockTables.data(), ints * b.blockTables.size());
  be_.upload(logitRows_, b.logitRows.data(), ints * nl);

  RopeParams ropeQ;
  ropeQ.heads = c_.headCount;
  ropeQ.headDim = c_.headDim;
  ropeQ.ropeDim = c_.ropeDim;
  ropeQ.freqBase = c_.ropeFreqBase;
  ropeQ.posScale = 1.0f / c_.ropeLinearFactor;
  ropeQ.style = c_.ropeStyle;
  RopeParams ropeK = ropeQ;
  ropeK.heads = c_.headCountKv;

  AttentionBatch ab;
  ab.pos = pos_;
  ab.tableOffset = tableOffset_;
  ab.blockTables = blockTables_;
  ab.n = n;
  ab.heads = c_.headCount;
  ab.kvHeads = c_.headCountKv;
  ab.headDim = c_.headDim;
  ab.maxPos = b.maxPos;

  be_.getRows(x_, w_.tokEmbd, tokens_, n);  // x: [n, n_embd]
  for (int l = 0; l < c_.blockCount; l++) {
    const LayerWeights& L = w_.layers[l];
    const KvLayerView kv = kv_.layer(l);
    be_.rmsnorm(h_, x_, L.attnNorm, n, embd, c_.rmsNormEps);
    be_.matmul(q_, L.wq, h_, n);  // q: [n, n_head * head_dim]
    be_.matmul(k_, L.wk, h_, n);  // k: [n, n_head_kv * head_dim]
    be_.matmul(v_, L.wv, h_, n);  // v: [n, n_head_kv * head_dim]
    if (c_.qkvBias) {
      be_.addBias(q_, L.bq, n, qDim);
      be_.addBias(k_, L.bk, n, kvDim);
      be_.addBias(v_, L.bv, n, kvDim);
    }
    be_.rope(q_, pos_, n, ropeQ);
    be_.rope(k_, pos_, n, ropeK);
    // All rows' K/V go into the cache before attention, so a prefill chunk attends within itself;
    // causality comes from each row reading positions 0..pos only.
    be_.kvStore(kv, k_, v_, slots_, n);
    be_.attention(attn_, q_, kv, ab);   // attn: [n, n_head * head_dim]
    be_.matmul(h_, L.wo, attn_, n);     // h: [n, n_embd]
    be_.add(x_, h_, static_cast<size_t>(n) * embd);
    be_.rmsnorm(h_, x_, L.ffnNorm, n, embd, c_.rmsNormEps);
    be_.matmul(gate_, L.gate, h_, n);   // gate: [n, n_ff]
    be_.matmul(up_, L.up, h_, n);       // up: [n, n_ff]
    be_.siluMul(gate_, up_, static_cast<size_t>(n) * ff);
    be_.matmul(h_, L.down, gate_, n);   // h: [n, n_embd]
    be_.add(x_, h_, static_cast<size_t>(n) * embd);
  }
  if (nl == 0) return;
  be_.gatherRows(lx_, x_, logitRows_, nl, embd);  // lx: [nl, n_embd]
  be_.rmsnorm(lx_, lx_, w_.outputNorm, nl, embd, c_.rmsNormEps);
  be_.matmul(logits_, w_.output, lx_, nl);        // logits: [nl, n_vocab]
  be_.download(logits, logits_, sizeof(float) * static_cast<size_t>(nl) * c_.vocabSize);
  be_.synchronize();
}

}  // namespace llorch
