#include "cpu/cpu_backend.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <new>

#include "cpu/attention.h"
#include "cpu/elementwise.h"
#include "cpu/matmul.h"
#include "cpu/rmsnorm.h"
#include "cpu/rope.h"
#include "native_error.h"

namespace llorch {

namespace {
constexpr size_t kAlign = 64;
// Each allocation is prefixed by its size so that free() can keep the usage counter exact.
constexpr size_t kHeader = kAlign;
}  // namespace

CpuBackend::CpuBackend(int threads) : pool_(threads) {}

void* CpuBackend::alloc(size_t bytes) {
  const size_t total = ((bytes + kHeader + kAlign - 1) / kAlign) * kAlign;
  void* raw = std::aligned_alloc(kAlign, total);
  if (raw == nullptr) {
    throw NativeError(err::kOom, "cannot allocate " + std::to_string(bytes) + " bytes of host memory");
  }
  std::memcpy(raw, &total, sizeof(total));
  used_.fetch_add(total);
  return static_cast<uint8_t*>(raw) + kHeader;
}

void CpuBackend::free(void* ptr) {
  if (ptr == nullptr) return;
  uint8_t* raw = static_cast<uint8_t*>(ptr) - kHeader;
  size_t total;
  std::memcpy(&total, raw, sizeof(total));
  used_.fetch_sub(total);
  std::free(raw);
}

void CpuBackend::upload(void* dst, const void* src, size_t bytes) { std::memcpy(dst, src, bytes); }

void CpuBackend::download(void* dst, const void* src, size_t bytes) { std::memcpy(dst, src, bytes); }

size_t CpuBackend::memoryFree() const {
  const long pages = sysconf(_SC_AVPHYS_PAGES);
  const long pageSize = sysconf(_SC_PAGESIZE);
  return pages > 0 && pageSize > 0 ? static_cast<size_t>(pages) * static_cast<size_t>(pageSize) : 0;
}

void CpuBackend::getRows(float* out, const WeightView& table, const int32_t* ids, int n) {
  cpuGetRows(out, table, ids, n);
}

void CpuBackend::gatherRows(float* out, const float* x, const int32_t* idx, int n, int dim) {
  cpuGatherRows(out, x, idx, n, dim);
}

void CpuBackend::rmsnorm(float* out, const float* x, const float* w, int n, int dim, float eps) {
  cpuRmsnorm(out, x, w, n, dim, eps);
}

void CpuBackend::matmul(float* y, const WeightView& w, const float* x, int n) {
  cpuMatmul(pool_, y, w, x, n);
}

void CpuBackend::addBias(float* x, const float* bias, int n, int dim) { cpuAddBias(x, bias, n, dim); }

void CpuBackend::rope(float* x, const int32_t* pos, int n, const RopeParams& p) { cpuRope(x, pos, n, p); }

void CpuBackend::kvStore(const KvLayerView& kv, const float* k, const float* v, const int32_t* slots,
                         int n) {
  cpuKvStore(kv, k, v, slots, n);
}

void CpuBackend::attention(float* out, const float* q, const KvLayerView& kv, const AttentionBatch& b) {
  cpuAttention(pool_, out, q, kv, b);
}

void CpuBackend::siluMul(float* gate, const float* up, size_t count) { cpuSiluMul(gate, up, count); }

void CpuBackend::add(float* x, const float* y, size_t count) { cpuAdd(x, y, count); }

void CpuBackend::argmax(int32_t* out, const float* x, int n, int dim) { cpuArgmax(out, x, n, dim); }

}  // namespace llorch
