#include "cuda/cuda_check.h"

#include <atomic>

namespace llorch {

namespace {
std::atomic<bool> faulted{false};

// The errors after which the CUDA context cannot be used again (CUDA runtime API docs: "the
// process must be terminated and relaunched").
bool isSticky(cudaError_t s) {
  switch (s) {
    case cudaErrorIllegalAddress:
    case cudaErrorLaunchFailure:
    case cudaErrorIllegalInstruction:
    case cudaErrorMisalignedAddress:
    case cudaErrorInvalidAddressSpace:
    case cudaErrorInvalidPc:
    case cudaErrorHardwareStackError:
    case cudaErrorAssert:
    case cudaErrorECCUncorrectable:
    case cudaErrorLaunchTimeout:
      return true;
    default:
      return false;
  }
}
}  // namespace

bool cudaDeviceFaulted() { return faulted.load(); }

void throwCudaError(cudaError_t status, const char* what) {
  const std::string msg = std::string(what) + ": " + cudaGetErrorName(status) + " (" + cudaGetErrorString(status) + ")";
  if (isSticky(status)) {
    faulted.store(true);
    throw NativeError(err::kCudaFault, msg);
  }
  throw NativeError(err::kCuda, msg);
}

}  // namespace llorch
