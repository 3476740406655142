#include "cpu/matmul.h"

#include <algorithm>
#include <vector>

#include "cpu/dequant.h"
#include "cpu/fused_dot.h"
#include "cpu/vec.h"

namespace llorch {

namespace {

// Below this many multiply-adds a matmul runs on the calling thread: waking the pool costs more.
constexpr int64_t kSerialWork = 1 << 17;

// Weight row r as f32: in place for F32 weights, else dequantized into `buf`.
inline const float* weightRow(const WeightView& w, size_t rb, int64_t r, float* buf) {
  const uint8_t* src = static_cast<const uint8_t*>(w.data) + static_cast<size_t>(r) * rb;
  if (w.type == GgmlType::F32) return reinterpret_cast<const float*>(src);
  dequantRow(w.type, src, buf, w.cols);
  return buf;
}

void matmulRows(float* y, const WeightView& w, const float* x, int n, int64_t r0, int64_t r1) {
  const size_t rb = rowBytes(*typeTraits(static_cast<uint32_t>(w.type)), w.cols);
  const int64_t cols = w.cols;
  thread_local std::vector<float> rowBuf;
  if (w.type != GgmlType::F32 && rowBuf.size() < static_cast<size_t>(4 * cols)) {
    rowBuf.resize(static_cast<size_t>(4 * cols));
  }
  float tmp[16];
  int64_t r = r0;
  // Quads, then pairs, of weight rows against groups of four activation rows (prefill/batch).
  if (n >= 4) {
    for (; r + 4 <= r1; r += 4) {
      const float* wq[4];
      for (int k = 0; k < 4; k++) wq[k] = weightRow(w, rb, r + k, rowBuf.data() + k * cols);
      int i = 0;
      for (; i + 4 <= n; i += 4) {
        dot4x4F32(wq, x + static_cast<int64_t>(i) * cols, cols, cols, tmp);
        for (int k = 0; k < 4; k++) {
          for (int j = 0; j < 4; j++) y[static_cast<int64_t>(i + j) * w.rows + r + k] = tmp[4 * k + j];
        }
      }
      for (; i < n; i++) {
        const float* xi = x + static_cast<int64_t>(i) * cols;
        for (int k = 0; k < 4; k++) y[static_cast<int64_t>(i) * w.rows + r + k] = dotF32(wq[k], xi, cols);
      }
    }
    for (; r + 2 <= r1; r += 2) {
      const float* wa = weightRow(w, rb, r, rowBuf.data());
      const float* wb = weightRow(w, rb, r + 1, rowBuf.data() + cols);
      int i = 0;
      for (; i + 4 <= n; i += 4) {
        dot2x4F32(wa, wb, x + static_cast<int64_t>(i) * cols, cols, cols, tmp);
        for (int k = 0; k < 4; k++) {
          y[static_cast<int64_t>(i + k) * w.rows + r] = tmp[k];
          y[static_cast<int64_t>(i + k) * w.rows + r + 1] = tmp[4 + k];
        }
      }
      for (; i < n; i++) {
        const float* xi = x + static_cast<int64_t>(i) * cols;
        y[static_cast<int64_t>(i) * w.rows + r] = dotF32(wa, xi, cols);
        y[static_cast<int64_t>(i) * w.rows + r + 1] = dotF32(wb, xi, cols);
      }
    }
  }
  // Decode (fewer than four rows): decode each weight block in registers, no row buffer.
  if (n < 4 && hasFusedDot(w.type)) {
    const uint8_t* base = static_cast<const uint8_t*>(w.data);
    for (; r < r1; r++) {
      for (int i = 0; i < n; i++) {
        y[static_cast<int64_t>(i) * w.rows + r] =
            fusedDot(w.type, base + static_cast<size_t>(r) * rb, x + static_cast<int64_t>(i) * cols, cols);
      }
    }
    return;
  }
  for (; r < r1; r++) {
    const float* wr = weightRow(w, rb, r, rowBuf.data());
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      dot4F32(wr, x + static_cast<int64_t>(i) * cols, cols, cols, tmp);
      for (int k = 0; k < 4; k++) y[static_cast<int64_t>(i + k) * w.rows + r] = tmp[k];
    }
    for (; i < n; i++) y[static_cast<int64_t>(i) * w.rows + r] = dotF32(wr, x + static_cast<int64_t>(i) * cols, cols);
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
