// TEST-ONLY entries: single CPU ops on caller-supplied buffers, so that JS tests can check the
// kernels against the TypeScript reference dequantizers of @llorch/gguf. Not part of serving.
#pragma once

#include <napi.h>

namespace llorch {

void InitOps(Napi::Env env, Napi::Object exports);

}  // namespace llorch
