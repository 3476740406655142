// The paged KV cache: one pool of fixed-size blocks shared by all sequences. Each layer holds
// `blocks * blockSize` slots of kvDim floats for K and for V in backend memory; a sequence owns a
// block table (a list of block ids) and gives all its blocks back at once when it ends. One block
// more than `blocks` is allocated and never handed out: the scratch block, where the padding rows
// of a bucketed decode step (model/forward.cpp) write their K/V.
#pragma once

#include <cstdint>
#include <vector>

#include "backend/backend.h"

namespace llorch {

class KvPool {
 public:
  KvPool(Backend& backend, int layers, int blocks, int blockSize, int kvDim);
  ~KvPool();
  KvPool(const KvPool&) = delete;
  KvPool& operator=(const KvPool&) = delete;

  // The blocks sequences can take (the scratch block not counted).
  int blocks() const { return blocks_; }
  int blockSize() const { return blockSize_; }
  int used() const { return blocks_ - static_cast<int>(free_.size()); }
  int available() const { return static_cast<int>(free_.size()); }
  size_t bytes() const { return bytes_; }
  // Id of the block no sequence ever owns.
  int32_t scratchBlock() const { return blocks_; }

  // Blocks needed for `tokens` token slots.
  int blocksFor(int tokens) const { return (tokens + blockSize_ - 1) / blockSize_; }
  // Takes `count` blocks; false (and nothing taken) when fewer are free.
  bool take(int count, std::vector<int32_t>& table);
  void give(std::vector<int32_t>& table);

  KvLayerView layer(int i) const { return KvLayerView{k_[i], v_[i], blockSize_, kvDim_}; }

 private:
  Backend& backend_;
  int blocks_;
  int blockSize_;
  int kvDim_;
  size_t bytes_ = 0;
  std::vector<float*> k_;
  std::vector<float*> v_;
  std::vector<int32_t> free_;
};

}  // namespace llorch
