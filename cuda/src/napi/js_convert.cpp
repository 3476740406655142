#include "napi/js_convert.h"

#include <cmath>
#include <cstdio>

#include "native_error.h"

namespace llorch {

namespace {

constexpr int64_t kMaxSafe = 9007199254740991;

[[noreturn]] void bad(const std::string& message) { throw NativeError(err::kBadArgument, message); }

Napi::Object requireObject(const Napi::Value& v, const std::string& field) {
  if (!v.IsObject() || v.IsArray()) bad(field + " must be an object");
  return v.As<Napi::Object>();
}

double readNumber(const Napi::Object& o, const char* key, double fallback, bool required = false) {
  const Napi::Value v = o.Get(key);
  if (v.IsUndefined()) {
    if (required) bad(std::string(key) + " is required");
    return fallback;
  }
  if (!v.IsNumber()) bad(std::string(key) + " must be a number");
  const double d = v.As<Napi::Number>().DoubleValue();
  if (std::isnan(d)) bad(std::string(key) + " must not be NaN");
  return d;
}

int64_t readIntField(const Napi::Object& o, const char* key, int64_t fallback, int64_t lo, int64_t hi,
                     bool required = false) {
  const Napi::Value v = o.Get(key);
  if (v.IsUndefined()) {
    if (required) bad(std::string(key) + " is required");
    return fallback;
  }
  return readInteger(v, key, lo, hi);
}

std::string readString(const Napi::Object& o, const char* key) {
  const Napi::Value v = o.Get(key);
  if (!v.IsString()) bad(std::string(key) + " must be a string");
  return v.As<Napi::String>().Utf8Value();
}

bool readBool(const Napi::Object& o, const char* key) {
  const Napi::Value v = o.Get(key);
  if (!v.IsBoolean()) bad(std::string(key) + " must be a boolean");
  return v.As<Napi::Boolean>().Value();
}

uint64_t readU64(const Napi::Value& v, const std::string& field) {
  if (v.IsBigInt()) {
    bool lossless = false;
    const uint64_t u = v.As<Napi::BigInt>().Uint64Value(&lossless);
    if (!lossless) bad(field + " must fit in 64 bits");
    return u;
  }
  return static_cast<uint64_t>(readInteger(v, field, 0, kMaxSafe));
}

ModelConfig readConfig(const Napi::Value& v) {
  const Napi::Object o = requireObject(v, "config");
  ModelConfig c;
  const std::string arch = readString(o, "architecture");
  if (arch == "qwen2") c.arch = Architecture::Qwen2;
  else if (arch == "llama") c.arch = Architecture::Llama;
  else throw NativeError(err::kLoad, "unsupported architecture '" + arch + "' (expected qwen2 or llama)");
  const int64_t big = 1 << 30;
  c.blockCount = static_cast<int>(readIntField(o, "blockCount", 0, 1, 4096, true));
  c.embeddingLength = static_cast<int>(readIntField(o, "embeddingLength", 0, 1, big, true));
  c.feedForwardLength = static_cast<int>(readIntField(o, "feedForwardLength", 0, 1, big, true));
  c.headCount = static_cast<int>(readIntField(o, "headCount", 0, 1, 65536, true));
  c.headCountKv = static_cast<int>(readIntField(o, "headCountKv", 0, 1, 65536, true));
  c.headDim = static_cast<int>(readIntField(o, "headDim", 0, 1, 65536, true));
  c.vocabSize = static_cast<int>(readIntField(o, "vocabSize", 0, 1, big, true));
  c.contextLength = static_cast<int>(readIntField(o, "contextLength", 0, 1, big, true));
  c.ropeFreqBase = static_cast<float>(readNumber(o, "ropeFreqBase", 0, true));
  c.ropeDim = static_cast<int>(readIntField(o, "ropeDim", c.headDim, 2, 65536));
  const std::string style = readString(o, "ropeStyle");
  if (style == "neox") c.ropeStyle = RopeStyle::Neox;
  else if (style == "normal") c.ropeStyle = RopeStyle::Normal;
  else bad("ropeStyle must be 'neox' or 'normal', got '" + style + "'");
  const Napi::Value scaling = o.Get("ropeScaling");
  if (!scaling.IsUndefined() && !scaling.IsNull()) {
    const Napi::Object s = requireObject(scaling, "ropeScaling");
    const std::string type = readString(s, "type");
    if (type == "linear") {
      c.ropeLinearFactor = static_cast<float>(readNumber(s, "factor", 1, true));
    } else if (type == "yarn") {
      c.ropeYarnFactor = static_cast<float>(readNumber(s, "factor", 1, true));
      c.ropeYarnOriginalContext = static_cast<int>(readIntField(s, "originalContextLength", 0, 1, 1 << 30, true));
    } else if (type != "none") {
      throw NativeError(err::kLoad, "rope scaling type '" + type + "' is not supported (none, linear or yarn)");
    }
  }
  c.rmsNormEps = static_cast<float>(readNumber(o, "rmsNormEps", 0, true));
  c.tiedOutput = readBool(o, "tiedOutput");
  c.qkvBias = readBool(o, "qkvBias");
  return c;
}

std::vector<TensorInfo> readTensors(const Napi::Value& v) {
  if (!v.IsArray()) bad("tensors must be an array");
  const Napi::Array a = v.As<Napi::Array>();
  std::vector<TensorInfo> out;
  out.reserve(a.Length());
  for (uint32_t i = 0; i < a.Length(); i++) {
    const std::string f = "tensors[" + std::to_string(i) + "]";
    const Napi::Object t = requireObject(a.Get(i), f);
    TensorInfo info;
    const Napi::Value name = t.Get("name");
    if (!name.IsString()) bad(f + ".name must be a string");
    info.name = name.As<Napi::String>().Utf8Value();
    const Napi::Value dims = t.Get("dims");
    if (!dims.IsArray()) bad(f + ".dims must be an array");
    const Napi::Array d = dims.As<Napi::Array>();
    if (d.Length() == 0 || d.Length() > 4) bad(f + ".dims must have 1 to 4 entries");
    for (uint32_t j = 0; j < d.Length(); j++) info.dims.push_back(readInteger(d.Get(j), f + ".dims", 1, kMaxSafe));
    info.type = static_cast<uint32_t>(readInteger(t.Get("type"), f + ".type", 0, 1 << 20));
    info.offset = readU64(t.Get("offset"), f + ".offset");
    info.size = readU64(t.Get("size"), f + ".size");
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace

int64_t readInteger(const Napi::Value& v, const std::string& field, int64_t lo, int64_t hi) {
  if (!v.IsNumber()) bad(field + " must be an integer");
  const double d = v.As<Napi::Number>().DoubleValue();
  if (!std::isfinite(d) || std::floor(d) != d) bad(field + " must be an integer");
  if (d < static_cast<double>(lo) || d > static_cast<double>(hi)) {
    char got[32];  // %.17g: 0, 4096, 1e+21 (std::to_string would give 0.000000)
    std::snprintf(got, sizeof got, "%.17g", d);
    bad(field + " must be in " + std::to_string(lo) + ".." + std::to_string(hi) + ", got " + got);
  }
  return static_cast<int64_t>(d);
}

std::vector<int32_t> readTokens(const Napi::Value& v, const std::string& field) {
  std::vector<int32_t> out;
  if (v.IsTypedArray()) {
    const Napi::TypedArray ta = v.As<Napi::TypedArray>();
    if (ta.TypedArrayType() != napi_int32_array) bad(field + " must be an Int32Array or an array of integers");
    const Napi::Int32Array a = v.As<Napi::Int32Array>();
    out.assign(a.Data(), a.Data() + a.ElementLength());
    return out;
  }
  if (!v.IsArray()) bad(field + " must be an Int32Array or an array of integers");
  const Napi::Array a = v.As<Napi::Array>();
  out.reserve(a.Length());
  for (uint32_t i = 0; i < a.Length(); i++) {
    const Napi::Value e = a.Get(i);
    if (!e.IsNumber()) bad(field + "[" + std::to_string(i) + "] must be an integer");
    const double d = e.As<Napi::Number>().DoubleValue();
    if (!std::isfinite(d) || std::floor(d) != d) bad(field + "[" + std::to_string(i) + "] must be an integer");
    if (d < INT32_MIN || d > INT32_MAX) {
      throw NativeError(err::kTokenOutOfRange, field + "[" + std::to_string(i) + "] = " + std::to_string(d) +
                                                   " is outside the vocabulary");
    }
    out.push_back(static_cast<int32_t>(d));
  }
  return out;
}

SamplingParams readSamplingParams(const Napi::Value& v) {
  const Napi::Object o = requireObject(v, "params");
  SamplingParams p;
  p.temperature = static_cast<float>(readNumber(o, "temperature", 0));
  p.topK = static_cast<int>(readIntField(o, "topK", 0, 0, INT32_MAX));
  p.topP = static_cast<float>(readNumber(o, "topP", 1));
  p.minP = static_cast<float>(readNumber(o, "minP", 0));
  p.repetitionPenalty = static_cast<float>(readNumber(o, "repetitionPenalty", 1));
  p.presencePenalty = static_cast<float>(readNumber(o, "presencePenalty", 0));
  p.frequencyPenalty = static_cast<float>(readNumber(o, "frequencyPenalty", 0));
  p.penaltyLastN = static_cast<int>(readIntField(o, "penaltyLastN", 64, -1, INT32_MAX));
  const Napi::Value bias = o.Get("logitBias");
  if (!bias.IsUndefined()) {
    if (!bias.IsArray()) bad("logitBias must be an array of [token, bias] pairs");
    const Napi::Array a = bias.As<Napi::Array>();
    for (uint32_t i = 0; i < a.Length(); i++) {
      const Napi::Value pair = a.Get(i);
      if (!pair.IsArray() || pair.As<Napi::Array>().Length() != 2) bad("logitBias entries must be [token, bias] pairs");
      const Napi::Array pa = pair.As<Napi::Array>();
      const int64_t token = readInteger(pa.Get(0u), "logitBias token", INT32_MIN, INT32_MAX);
      const Napi::Value b = pa.Get(1u);
      if (!b.IsNumber()) bad("logitBias bias must be a number");
      p.logitBias.emplace_back(static_cast<int32_t>(token), static_cast<float>(b.As<Napi::Number>().DoubleValue()));
    }
  }
  const Napi::Value seed = o.Get("seed");
  p.seed = seed.IsUndefined() ? 0 : readU64(seed, "seed");
  p.maxTokens = static_cast<int>(readIntField(o, "maxTokens", 0, 1, INT32_MAX, true));
  const Napi::Value stops = o.Get("stopTokenIds");
  if (!stops.IsUndefined()) p.stopTokenIds = readTokens(stops, "stopTokenIds");
  p.topLogprobs = static_cast<int>(readIntField(o, "topLogprobs", 0, 0, 100));
  p.resumedTokens = static_cast<int>(readIntField(o, "resumedTokens", 0, 0, INT32_MAX));
  return p;
}

EngineOptions readLoadOptions(const Napi::Value& v) {
  const Napi::Object o = requireObject(v, "options");
  EngineOptions opts;
  opts.path = readString(o, "path");
  opts.dataOffset = readU64(o.Get("dataOffset"), "dataOffset");
  opts.tensors = readTensors(o.Get("tensors"));
  opts.config = readConfig(o.Get("config"));
  opts.device = readString(o, "device");
  opts.threads = static_cast<int>(readIntField(o, "threads", 0, 1, 256));
  opts.maxSeqs = static_cast<int>(readIntField(o, "maxSeqs", 16, 1, 1024));
  opts.ctx = static_cast<int>(readIntField(o, "ctx", 0, 1, INT32_MAX));
  opts.kvBlockSize = static_cast<int>(readIntField(o, "kvBlockSize", 16, 1, 4096));
  opts.kvBlocks = static_cast<int>(readIntField(o, "kvBlocks", 0, 1, 1 << 24));
  opts.prefillChunk = static_cast<int>(readIntField(o, "prefillChunk", 256, 1, 65536));
  opts.padDecodeSteps = !o.Get("padDecodeSteps").IsUndefined() && readBool(o, "padDecodeSteps");
  opts.runAhead = !o.Get("runAhead").IsUndefined() && readBool(o, "runAhead");
  return opts;
}

}  // namespace llorch
