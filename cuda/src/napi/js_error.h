// The one place C++ failures become JS errors: every N-API entry runs its body through guarded(),
// so no C++ exception crosses into JS and every error carries a stable NATIVE_ERR_* `code`.
#pragma once

#include <napi.h>

#include <new>
#include <string>

#include "native_error.h"

namespace llorch {

inline Napi::Error jsError(Napi::Env env, const char* code, const std::string& message) {
  Napi::Error e = Napi::Error::New(env, message);
  e.Set("code", Napi::String::New(env, code));
  return e;
}

template <typename F>
auto guarded(Napi::Env env, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const Napi::Error&) {
    throw;
  } catch (const NativeError& e) {
    throw jsError(env, e.code(), e.what());
  } catch (const std::bad_alloc&) {
    throw jsError(env, err::kOom, "out of host memory");
  } catch (const std::exception& e) {
    throw jsError(env, err::kInternal, e.what());
  }
}

}  // namespace llorch
