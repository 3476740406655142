#include "napi/ops_wrap.h"

#include <cstring>
#include <string>

#include "cpu/cpu_backend.h"
#include "backend/weight_layout.h"
#include "cpu/dequant.h"
#include "engine/sampler.h"
#include "napi/js_convert.h"
#include "napi/js_error.h"
#include "native_error.h"
#ifdef LLORCH_WITH_CUDA
#include "cuda/copy_bandwidth.h"
#include "cuda/op_parity.h"
#endif

namespace llorch {

namespace {

struct WeightArgs {
  GgmlType type;
  const TypeTraits* traits;
  const uint8_t* bytes;
  int64_t rows;
  int64_t cols;
};

WeightArgs readWeight(const Napi::CallbackInfo& info) {
  if (info.Length() < 4) throw NativeError(err::kBadArgument, "expected (type, weightBytes, rows, cols, ...)");
  const uint32_t type = static_cast<uint32_t>(readInteger(info[0], "type", 0, 1 << 20));
  const TypeTraits* traits = typeTraits(type);
  if (traits == nullptr) {
    throw NativeError(err::kUnsupportedType, "ggml type " + std::to_string(type) + " is not supported");
  }
  if (!info[1].IsTypedArray() || info[1].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw NativeError(err::kBadArgument, "weightBytes must be a Uint8Array");
  }
  const Napi::Uint8Array w = info[1].As<Napi::Uint8Array>();
  const int64_t rows = readInteger(info[2], "rows", 1, 1 << 24);
  const int64_t cols = readInteger(info[3], "cols", 1, 1 << 24);
  if (cols % traits->blockSize != 0) {
    throw NativeError(err::kBadArgument, "cols must be a multiple of the " + std::string(traits->name) + " block size " +
                                             std::to_string(traits->blockSize));
  }
  if (w.ByteLength() != rowBytes(*traits, cols) * static_cast<size_t>(rows)) {
    throw NativeError(err::kBadArgument, "weightBytes has " + std::to_string(w.ByteLength()) + " bytes, " +
                                             std::to_string(rows) + " rows of " + std::to_string(cols) + " " +
                                             traits->name + " need " +
                                             std::to_string(rowBytes(*traits, cols) * static_cast<size_t>(rows)));
  }
  return WeightArgs{static_cast<GgmlType>(type), traits, w.Data(), rows, cols};
}

// matmul(type, weightBytes, rows, cols, x: Float32Array[n * cols]) -> Float32Array[n * rows]
Napi::Value Matmul(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    const WeightArgs w = readWeight(info);
    if (info.Length() < 5 || !info[4].IsTypedArray() ||
        info[4].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
      throw NativeError(err::kBadArgument, "x must be a Float32Array");
    }
    const Napi::Float32Array x = info[4].As<Napi::Float32Array>();
    if (x.ElementLength() == 0 || x.ElementLength() % static_cast<size_t>(w.cols) != 0) {
      throw NativeError(err::kBadArgument, "x length must be a positive multiple of cols");
    }
    const int n = static_cast<int>(x.ElementLength() / static_cast<size_t>(w.cols));
    // One thread: the test exercises the kernel, not the pool.
    static CpuBackend backend(1);
    WeightView view;
    view.data = w.bytes;
    view.type = w.type;
    view.rows = w.rows;
    view.cols = w.cols;
    Napi::Float32Array y = Napi::Float32Array::New(env, static_cast<size_t>(n) * static_cast<size_t>(w.rows));
    backend.matmul(y.Data(), view, x.Data(), n);
    return y;
  });
}

// dequantize(type, weightBytes, rows, cols) -> Float32Array[rows * cols]
Napi::Value Dequantize(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    const WeightArgs w = readWeight(info);
    Napi::Float32Array out = Napi::Float32Array::New(env, static_cast<size_t>(w.rows * w.cols));
    const size_t rb = rowBytes(*w.traits, w.cols);
    for (int64_t r = 0; r < w.rows; r++) dequantRow(w.type, w.bytes + r * rb, out.Data() + r * w.cols, w.cols);
    return out;
  });
}

// toPlanar(type, weightBytes, rows, cols) -> Uint8Array: the rows as the CUDA backend stores them
// (backend/weight_layout.h; types without a planar layout come back unchanged).
Napi::Value ToPlanar(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    const WeightArgs w = readWeight(info);
    Napi::Uint8Array out = Napi::Uint8Array::New(env, rowBytes(*w.traits, w.cols) * static_cast<size_t>(w.rows));
    toPlanarRows(w.type, w.bytes, out.Data(), w.rows, w.cols);
    return out;
  });
}

// cudaParity(ordinal, seed) -> [{op, type, shape, tensorCores, relErr, maxAbsErr, nonFinite, elements}]:
// every CUDA op against the CPU backend on random inputs (see cuda/op_parity.h).
Napi::Value CudaParity(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
#ifdef LLORCH_WITH_CUDA
    const int ordinal = static_cast<int>(readInteger(info[0], "ordinal", 0, 255));
    const uint32_t seed = static_cast<uint32_t>(readInteger(info[1], "seed", 0, 0xffffffffLL));
    const std::vector<OpParityResult> results = runOpParity(ordinal, seed);
    Napi::Array out = Napi::Array::New(env, results.size());
    for (size_t i = 0; i < results.size(); i++) {
      const OpParityResult& r = results[i];
      Napi::Object o = Napi::Object::New(env);
      o.Set("op", r.op);
      o.Set("type", r.type);
      o.Set("shape", r.shape);
      o.Set("tensorCores", r.tensorCores);
      o.Set("relErr", r.relErr);
      o.Set("maxAbsErr", r.maxAbsErr);
      o.Set("nonFinite", static_cast<double>(r.nonFinite));
      o.Set("elements", static_cast<double>(r.elements));
      out.Set(static_cast<uint32_t>(i), o);
    }
    return out;
#else
    throw NativeError(err::kCuda, "this build has no CUDA backend");
#endif
  });
}

// cudaCopyBandwidth(ordinal) -> {device, bytesPerSecond}: the measured DRAM ceiling for benchmarks.
Napi::Value CudaCopyBandwidth(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
#ifdef LLORCH_WITH_CUDA
    const CopyBandwidth bw = measureCopyBandwidth(static_cast<int>(readInteger(info[0], "ordinal", 0, 255)));
    Napi::Object o = Napi::Object::New(env);
    o.Set("device", bw.device);
    o.Set("bytesPerSecond", bw.bytesPerSecond);
    return o;
#else
    throw NativeError(err::kCuda, "this build has no CUDA backend");
#endif
  });
}

// penaltyWindow(history, penaltyLastN) -> [token, occurrences][]: the pairs a device sampler
// uploads for the penalties (engine/sampler.h).
Napi::Value PenaltyWindow(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    if (info.Length() < 2) throw NativeError(err::kBadArgument, "expected (history, penaltyLastN)");
    const std::vector<int32_t> history = readTokens(info[0], "history");
    const int lastN = static_cast<int>(readInteger(info[1], "penaltyLastN", -1, INT32_MAX));
    const auto pairs = penaltyWindow(history, lastN);
    Napi::Array out = Napi::Array::New(env, pairs.size());
    for (size_t i = 0; i < pairs.size(); i++) {
      Napi::Array pair = Napi::Array::New(env, 2);
      pair.Set(0u, pairs[i].first);
      pair.Set(1u, pairs[i].second);
      out.Set(static_cast<uint32_t>(i), pair);
    }
    return out;
  });
}

}  // namespace

void InitOps(Napi::Env env, Napi::Object exports) {
  Napi::Object ops = Napi::Object::New(env);
  ops.Set("matmul", Napi::Function::New(env, Matmul, "matmul"));
  ops.Set("dequantize", Napi::Function::New(env, Dequantize, "dequantize"));
  ops.Set("toPlanar", Napi::Function::New(env, ToPlanar, "toPlanar"));
  ops.Set("penaltyWindow", Napi::Function::New(env, PenaltyWindow, "penaltyWindow"));
  ops.Set("cudaParity", Napi::Function::New(env, CudaParity, "cudaParity"));
  ops.Set("cudaCopyBandwidth", Napi::Function::New(env, CudaCopyBandwidth, "cudaCopyBandwidth"));
  exports.Set("ops", ops);
}

}  // namespace llorch
