// Module entry of llorch_native.node: the engine class and the test-only ops.
#include <napi.h>

#include "napi/engine_wrap.h"
#include "napi/ops_wrap.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  llorch::EngineWrap::Init(env, exports);
  llorch::InitOps(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(llorch_native, Init)
