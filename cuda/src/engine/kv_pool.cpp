#include "engine/kv_pool.h"

namespace llorch {

KvPool::KvPool(Backend& backend, int layers, int blocks, int blockSize, int kvDim)
    : backend_(backend), blocks_(blocks), blockSize_(blockSize), kvDim_(kvDim) {
  const size_t perLayer = sizeof(float) * (static_cast<size_t>(blocks) + 1) * blockSize * kvDim;
  try {
    for (int i = 0; i < layers; i++) {
      k_.push_back(static_cast<float*>(backend.alloc(perLayer)));
      v_.push_back(static_cast<float*>(backend.alloc(perLayer)));
      bytes_ += 2 * perLayer;
    }
  } catch (...) {
    for (float* p : k_) backend.free(p);
    for (float* p : v_) backend.free(p);
    throw;
  }
  // Lowest ids first out of the free list (it is used as a stack).
  for (int b = blocks - 1; b >= 0; b--) free_.push_back(b);
}

KvPool::~KvPool() {
  for (float* p : k_) backend_.free(p);
  for (float* p : v_) backend_.free(p);
}

bool KvPool::take(int count, std::vector<int32_t>& table) {
  if (count > static_cast<int>(free_.size())) return false;
  for (int i = 0; i < count; i++) {
    table.push_back(free_.back());
    free_.pop_back();
  }
  return true;
}

void KvPool::give(std::vector<int32_t>& table) {
  for (int32_t b : table) free_.push_back(b);
  table.clear();
}

}  // namespace llorch
