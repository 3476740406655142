#include "cpu/matmul.h"

#include <algorithm>
#include <vector>

#include "cpu/dequant.h"
#include "cpu/vec.h"

namespace llorch {

namespace {

// Below this many multiply-adds a matmul runs on the calling thread: waking the pool costs more.
constexpr int64_t kSerialWork = 1 << 17;

void matmulRows(float* y, const WeightView& w, const float* x, int n, int64_t r0, int64_t r1) {
  const TypeTraits* traits = typeTraits(static_cast<uint32_t>(w.type));
  const size_t rb = rowBytes(*traits, w.cols);
  const uint8_t* base = static_cast<const uint8_t*>(w.data);
  thread_local std::vector<float> rowBuf;
  if (w.type != GgmlType::F32 && rowBuf.size() < static_cast<size_t>(w.cols)) {
    rowBuf.resize(static_cast<size_t>(w.cols));
  }
  float tmp[4];
  for (int64_t r = r0; r < r1; r++) {
    const float* wr;
    if (w.type == GgmlType::F32) {
      wr = reinterpret_cast<const float*>(base + static_cast<size_t>(r) * rb);
    } else {
      dequantRow(w.type, base + static_cast<size_t>(r) * rb, rowBuf.data(), w.cols);
      wr = rowBuf.data();
    }
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      dot4F32(wr, x + static_cast<int64_t>(i) * w.cols, w.cols, w.cols, tmp);
      for (int k = 0; k < 4; k++) y[static_cast<int64_t>(i + k) * w.rows + r] = tmp[k];
    }
    for (; i < n; i++) {
      y[static_cast<int64_t>(i) * w.rows + r] = dotF32(wr, x + static_cast<int64_t>(i) * w.cols, w.cols);
    }
  }
}

}  // namespace

void cpuMatmul(ThreadPool& pool, float* y, const WeightView& w, const float* x, int n) {
  const int64_t work = w.rows * w.cols * n;
  if (pool.size() == 1 || work < kSerialWork) {
    matmulRows(y, w, x, n, 0, w.rows);
    return;
  }
  const int tasks = static_cast<int>(std::min<int64_t>(w.rows, pool.size() * 8));
  const int64_t per = (w.rows + tasks - 1) / tasks;
  pool.run(tasks, [&](int t) {
    const int64_t r0 = t * per;
    const int64_t r1 = std::min(w.rows, r0 + per);
    if (r0 < r1) matmulRows(y, w, x, n, r0, r1);
  });
}

}  // namespace llorch
