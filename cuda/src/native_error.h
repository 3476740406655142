// Errors that cross into JS. Every N-API entry catches NativeError (and std::exception) and
// turns it into a JS Error whose `code` is one of the stable NATIVE_ERR_* strings below.
#pragma once

#include <stdexcept>
#include <string>

namespace llorch {

namespace err {
inline constexpr const char* kBadArgument = "NATIVE_ERR_BAD_ARGUMENT";
inline constexpr const char* kDuplicateSeq = "NATIVE_ERR_DUPLICATE_SEQ";
inline constexpr const char* kTokenOutOfRange = "NATIVE_ERR_TOKEN_OUT_OF_RANGE";
inline constexpr const char* kContextOverflow = "NATIVE_ERR_CONTEXT_OVERFLOW";
inline constexpr const char* kKvExhausted = "NATIVE_ERR_KV_EXHAUSTED";
inline constexpr const char* kLoad = "NATIVE_ERR_LOAD";
inline constexpr const char* kIo = "NATIVE_ERR_IO";
inline constexpr const char* kUnsupportedType = "NATIVE_ERR_UNSUPPORTED_TYPE";
inline constexpr const char* kOom = "NATIVE_ERR_OOM";
inline constexpr const char* kCuda = "NATIVE_ERR_CUDA";
// A sticky device fault: the CUDA context is unusable until the process restarts.
inline constexpr const char* kCudaFault = "NATIVE_ERR_CUDA_FAULT";
inline constexpr const char* kUnloaded = "NATIVE_ERR_UNLOADED";
inline constexpr const char* kInternal = "NATIVE_ERR_INTERNAL";
}  // namespace err

class NativeError : public std::runtime_error {
 public:
  NativeError(const char* code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  const char* code() const { return code_; }

 private:
  const char* code_;
};

}  // namespace llorch
