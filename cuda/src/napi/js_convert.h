// Reading JS values into engine structs. Every failure is a NativeError naming the field.
#pragma once

#include <napi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/sampling_params.h"

namespace llorch {

// A safe integer in [lo, hi]; `field` names it in the error.
int64_t readInteger(const Napi::Value& v, const std::string& field, int64_t lo, int64_t hi);
// Token ids from an Int32Array or an array of integers (range against the vocab is the engine's).
std::vector<int32_t> readTokens(const Napi::Value& v, const std::string& field);
SamplingParams readSamplingParams(const Napi::Value& v);
EngineOptions readLoadOptions(const Napi::Value& v);

}  // namespace llorch
