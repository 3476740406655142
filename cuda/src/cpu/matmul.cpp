#include "cpu/matmul.h"

#include <algorithm>
#include <cstring>
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

// Weight rows per tile of the batched path (a multiple of every tile size below), so that tasks
// start on tile boundaries.
constexpr int64_t kRowAlign = 8;

#if defined(LLORCH_AVX2) && defined(__AVX512F__)

// The batched path on AVX-512: a tile of eight weight rows is dequantized once into `packed` as
// four pairs, each pair's rows interleaved by eight columns, so one zmm register holds eight
// columns of two weight rows; an activation row's eight columns are broadcast to both halves.
// Each 256-bit half of an accumulator then sees exactly the FMAs, in the order, of dotF32's
// accumulator for its (weight row, activation row) pair, so results are bit-identical to the
// decode path while each instruction does the work of two (full-width FMA units on Zen 5).
constexpr int kPairs = 4;
constexpr int kXRows = 6;

void packTile(const WeightView& w, size_t rb, int64_t r, float* rowBuf, float* packed) {
  const int64_t cols = w.cols;
  for (int k = 0; k < 2 * kPairs; k++) {
    const float* src = weightRow(w, rb, r + k, rowBuf);
    float* dst = packed + (k / 2) * 2 * cols + (k % 2) * 8;
    for (int64_t c = 0; c < cols; c += 8) std::memcpy(dst + 2 * c, src + c, 8 * sizeof(float));
  }
}

inline float upperHsum(__m512 v) {
  return hsum256(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1)));
}

// y[j][2p + h] for j < R activation rows (x, xStride apart; y, yStride apart) and the tile's rows.
template <int R>
void tileKernel(const float* packed, const float* x, int64_t cols, float* y, int64_t yStride) {
  __m512 acc[kPairs][R];
  for (int p = 0; p < kPairs; p++) {
    for (int j = 0; j < R; j++) acc[p][j] = _mm512_setzero_ps();
  }
  for (int64_t c = 0; c < cols; c += 8) {
    __m512 wv[kPairs];
    for (int p = 0; p < kPairs; p++) wv[p] = _mm512_loadu_ps(packed + 2 * (p * cols + c));
    for (int j = 0; j < R; j++) {
      const __m512 xv = _mm512_broadcast_f32x8(_mm256_loadu_ps(x + j * cols + c));
      for (int p = 0; p < kPairs; p++) acc[p][j] = _mm512_fmadd_ps(wv[p], xv, acc[p][j]);
    }
  }
  for (int j = 0; j < R; j++) {
    for (int p = 0; p < kPairs; p++) {
      y[j * yStride + 2 * p] = hsum256(_mm512_castps512_ps256(acc[p][j]));
      y[j * yStride + 2 * p + 1] = upperHsum(acc[p][j]);
    }
  }
}

// tileKernel for the last 1..5 activation rows.
void tileRest(int rest, const float* packed, const float* x, int64_t cols, float* y, int64_t yStride) {
  switch (rest) {
    case 5: tileKernel<5>(packed, x, cols, y, yStride); break;
    case 4: tileKernel<4>(packed, x, cols, y, yStride); break;
    case 3: tileKernel<3>(packed, x, cols, y, yStride); break;
    case 2: tileKernel<2>(packed, x, cols, y, yStride); break;
    default: tileKernel<1>(packed, x, cols, y, yStride); break;
  }
}

// Rows [r0, r1) against all n activation rows in tiles; returns the first row left to the caller
// (r1 rounded down to the tile).
int64_t matmulTiles(float* y, const WeightView& w, size_t rb, const float* x, int n, int64_t r0, int64_t r1) {
  const int64_t cols = w.cols;
  if (cols % 8 != 0) return r0;
  thread_local std::vector<float> rowBuf;
  thread_local std::vector<float> packed;
  if (rowBuf.size() < static_cast<size_t>(cols)) rowBuf.resize(static_cast<size_t>(cols));
  if (packed.size() < static_cast<size_t>(2 * kPairs * cols)) packed.resize(static_cast<size_t>(2 * kPairs * cols));
  // The next tile's weight bytes are prefetched a slice after each group of activation rows, so
  // its DRAM reads overlap this tile's FMAs instead of stalling the next packTile.
  const int64_t tileLines = static_cast<int64_t>(2 * kPairs * rb + 63) / 64;
  const int64_t groups = (n + kXRows - 1) / kXRows;
  const int64_t linesPerGroup = (tileLines + groups - 1) / groups;
  int64_t r = r0;
  for (; r + 2 * kPairs <= r1; r += 2 * kPairs) {
    packTile(w, rb, r, rowBuf.data(), packed.data());
    const char* next = static_cast<const char*>(w.data) + static_cast<size_t>(r + 2 * kPairs) * rb;
    const bool prefetch = r + 4 * kPairs <= r1;
    int i = 0;
    for (int64_t line = 0; i < n; i += kXRows) {
      if (i + kXRows <= n) {
        tileKernel<kXRows>(packed.data(), x + i * cols, cols, y + i * w.rows + r, w.rows);
      } else {
        tileRest(n - i, packed.data(), x + i * cols, cols, y + i * w.rows + r, w.rows);
      }
      for (int64_t end = std::min(tileLines, line + linesPerGroup); prefetch && line < end; line++) {
        _mm_prefetch(next + 64 * line, _MM_HINT_T0);
      }
    }
  }
  return r;
}

#endif

void matmulRows(float* y, const WeightView& w, const float* x, int n, int64_t r0, int64_t r1) {
  const size_t rb = rowBytes(*typeTraits(static_cast<uint32_t>(w.type)), w.cols);
  const int64_t cols = w.cols;
  thread_local std::vector<float> rowBuf;
  if (w.type != GgmlType::F32 && rowBuf.size() < static_cast<size_t>(4 * cols)) {
    rowBuf.resize(static_cast<size_t>(4 * cols));
  }
  float tmp[16];
  int64_t r = r0;
#if defined(LLORCH_AVX2) && defined(__AVX512F__)
  if (n >= kXRows) r = matmulTiles(y, w, rb, x, n, r0, r1);
#endif
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
  const int64_t per = ((w.rows + tasks - 1) / tasks + kRowAlign - 1) / kRowAlign * kRowAlign;
  pool.run(tasks, [&](int t) {
    const int64_t r0 = t * per;
    const int64_t r1 = std::min(w.rows, r0 + per);
    if (r0 < r1) matmulRows(y, w, x, n, r0, r1);
  });
}

}  // namespace llorch
