#include "model/model_weights.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>

#include "native_error.h"

namespace llorch {

namespace {

// Staging buffer for positional reads; tensors larger than this stream through it (matrices in
// whole rows, at least one).
constexpr size_t kChunk = 16u << 20;

class WeightLoader {
 public:
  WeightLoader(Backend& backend, const std::string& path, uint64_t dataOffset,
               const std::vector<TensorInfo>& tensors, ModelWeights& out)
      : backend_(backend), path_(path), dataOffset_(dataOffset), out_(out) {
    for (const auto& t : tensors) byName_[t.name] = &t;
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw NativeError(err::kIo, "cannot open " + path + ": " + std::strerror(errno));
    struct stat st;
    if (::fstat(fd_, &st) != 0) {
      const int e = errno;
      ::close(fd_);
      throw NativeError(err::kIo, "cannot stat " + path + ": " + std::strerror(e));
    }
    fileSize_ = static_cast<uint64_t>(st.st_size);
  }
  ~WeightLoader() { ::close(fd_); }

  bool has(const std::string& name) const { return byName_.count(name) != 0; }

  // A 2-D weight of shape [rows][cols] (ggml dims {cols, rows}).
  WeightView matrix(const std::string& name, int64_t rows, int64_t cols) {
    const TensorInfo& t = find(name);
    if (t.dims.size() != 2 || t.dims[0] != cols || t.dims[1] != rows) {
      throw NativeError(err::kLoad, "tensor " + name + " has shape " + shape(t) + ", expected [" +
                                        std::to_string(cols) + ", " + std::to_string(rows) + "]");
    }
    const TypeTraits* traits = typeTraits(t.type);
    if (traits == nullptr) {
      throw NativeError(err::kUnsupportedType,
                        "tensor " + name + " has ggml type " + std::to_string(t.type) + ", which the engine does not support");
    }
    if (cols % traits->blockSize != 0) {
      throw NativeError(err::kLoad, "tensor " + name + " row length " + std::to_string(cols) +
                                        " is not a multiple of the " + traits->name + " block size");
    }
    WeightView w;
    w.type = static_cast<GgmlType>(t.type);
    w.rows = rows;
    w.cols = cols;
    w.data = read(t, rowBytes(*traits, cols) * static_cast<size_t>(rows), &w);
    return w;
  }

  // A 1-D f32 tensor (norm weights, biases) of `len` elements.
  const float* vector(const std::string& name, int64_t len) {
    const TensorInfo& t = findVector(name, len);
    return static_cast<const float*>(read(t, static_cast<size_t>(len) * 4, nullptr));
  }

  // The same, in host memory (values the host computes with, such as rope frequency divisors).
  std::vector<float> hostVector(const std::string& name, int64_t len) {
    const TensorInfo& t = findVector(name, len);
    std::vector<float> v(static_cast<size_t>(len));
    readAt(t, reinterpret_cast<uint8_t*>(v.data()), dataStart(t, v.size() * 4), v.size() * 4);
    return v;
  }

 private:
  const TensorInfo& find(const std::string& name) const {
    auto it = byName_.find(name);
    if (it == byName_.end()) throw NativeError(err::kLoad, "tensor " + name + " is missing");
    return *it->second;
  }

  const TensorInfo& findVector(const std::string& name, int64_t len) const {
    const TensorInfo& t = find(name);
    if (t.dims.size() != 1 || t.dims[0] != len) {
      throw NativeError(err::kLoad, "tensor " + name + " has shape " + shape(t) + ", expected [" +
                                        std::to_string(len) + "]");
    }
    if (t.type != static_cast<uint32_t>(GgmlType::F32)) {
      throw NativeError(err::kUnsupportedType, "tensor " + name +
                                                   " must be F32 (norm weights, biases, rope factors), got ggml type " +
                                                   std::to_string(t.type));
    }
    return t;
  }

  // The file offset of t's `bytes` of data, checked against its declared size and the file.
  uint64_t dataStart(const TensorInfo& t, size_t bytes) const {
    if (t.size != bytes) {
      throw NativeError(err::kLoad, "tensor " + t.name + " declares " + std::to_string(t.size) +
                                        " bytes, its shape and type need " + std::to_string(bytes));
    }
    const uint64_t start = dataOffset_ + t.offset;
    if (start < dataOffset_ || start + bytes > fileSize_ || start + bytes < start) {
      throw NativeError(err::kIo, "tensor " + t.name + " data lies beyond the end of " + path_);
    }
    return start;
  }

  // Reads `want` bytes of t's data at file offset `at` into dst.
  void readAt(const TensorInfo& t, uint8_t* dst, uint64_t at, size_t want) const {
    size_t got = 0;
    while (got < want) {
      const ssize_t r = ::pread(fd_, dst + got, want - got, static_cast<off_t>(at + got));
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) {
        throw NativeError(err::kIo, "reading tensor " + t.name + " from " + path_ + ": " +
                                        (r < 0 ? std::strerror(errno) : "unexpected end of file"));
      }
      got += static_cast<size_t>(r);
    }
  }

  static std::string shape(const TensorInfo& t) {
    std::string s = "[";
    for (size_t i = 0; i < t.dims.size(); i++) s += (i ? ", " : "") + std::to_string(t.dims[i]);
    return s + "]";
  }

  // Reads a tensor into new backend memory. A matrix (type and shape in `matrix`) streams in
  // whole rows through uploadWeight, so the backend may rewrite its rows into its own layout.
  void* read(const TensorInfo& t, size_t bytes, const WeightView* matrix) {
    const uint64_t start = dataStart(t, bytes);
    void* dst = backend_.alloc(bytes);
    out_.buffers.push_back(dst);
    out_.bytes += bytes;
    const size_t rb =
        matrix != nullptr ? std::max<size_t>(1, rowBytes(*typeTraits(static_cast<uint32_t>(matrix->type)), matrix->cols))
                          : 1;
    const size_t step = std::max(rb, kChunk / rb * rb);
    if (step > stagingBytes_) {
      staging_.reset(new uint8_t[step]);
      stagingBytes_ = step;
    }
    size_t done = 0;
    while (done < bytes) {
      const size_t want = std::min(step, bytes - done);
      readAt(t, staging_.get(), start + done, want);
      if (matrix != nullptr) {
        backend_.uploadWeight(static_cast<uint8_t*>(dst) + done, staging_.get(), matrix->type,
                              static_cast<int64_t>(want / rb), matrix->cols);
      } else {
        backend_.upload(static_cast<uint8_t*>(dst) + done, staging_.get(), want);
      }
      done += want;
    }
    return dst;
  }

  Backend& backend_;
  std::string path_;
  uint64_t dataOffset_;
  ModelWeights& out_;
  std::map<std::string, const TensorInfo*> byName_;
  int fd_ = -1;
  uint64_t fileSize_ = 0;
  std::unique_ptr<uint8_t[]> staging_;
  size_t stagingBytes_ = 0;
};

}  // namespace

ModelWeights loadWeights(Backend& backend, const std::string& path, uint64_t dataOffset,
                         const std::vector<TensorInfo>& tensors, const ModelConfig& c) {
  ModelWeights w;
  try {
    WeightLoader l(backend, path, dataOffset, tensors, w);
    const int64_t embd = c.embeddingLength;
    const int64_t qDim = static_cast<int64_t>(c.headCount) * c.headDim;
    const int64_t kvDim = static_cast<int64_t>(c.headCountKv) * c.headDim;
    const int64_t ff = c.feedForwardLength;
    w.tokEmbd = l.matrix("token_embd.weight", c.vocabSize, embd);
    w.outputNorm = l.vector("output_norm.weight", embd);
    // A file without output.weight shares the embedding matrix (tied output).
    w.output = !c.tiedOutput && l.has("output.weight") ? l.matrix("output.weight", c.vocabSize, embd) : w.tokEmbd;
    // Llama 3.1's rope scaling ships as per-pair frequency divisors.
    if (l.has("rope_freqs.weight")) w.ropeFreqs = l.hostVector("rope_freqs.weight", c.ropeDim / 2);
    for (int i = 0; i < c.blockCount; i++) {
      const std::string p = "blk." + std::to_string(i) + ".";
      LayerWeights L;
      L.attnNorm = l.vector(p + "attn_norm.weight", embd);
      L.wq = l.matrix(p + "attn_q.weight", qDim, embd);
      L.wk = l.matrix(p + "attn_k.weight", kvDim, embd);
      L.wv = l.matrix(p + "attn_v.weight", kvDim, embd);
      if (c.qkvBias) {
        L.bq = l.vector(p + "attn_q.bias", qDim);
        L.bk = l.vector(p + "attn_k.bias", kvDim);
        L.bv = l.vector(p + "attn_v.bias", kvDim);
      }
      L.wo = l.matrix(p + "attn_output.weight", embd, qDim);
      L.ffnNorm = l.vector(p + "ffn_norm.weight", embd);
      L.gate = l.matrix(p + "ffn_gate.weight", ff, embd);
      L.up = l.matrix(p + "ffn_up.weight", ff, embd);
      L.down = l.matrix(p + "ffn_down.weight", embd, ff);
      w.layers.push_back(L);
    }
  } catch (...) {
    releaseWeights(backend, w);
    throw;
  }
  return w;
}

void releaseWeights(Backend& backend, ModelWeights& weights) {
  for (void* p : weights.buffers) backend.free(p);
  weights.buffers.clear();
  weights.layers.clear();
  weights.bytes = 0;
}

}  // namespace llorch
