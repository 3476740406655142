#include "cpu/matmul.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "cpu/dequant.h"
#include "cpu/fused_dot.h"
#include "cpu/vec.h"

// 256-bit broadcasts and extracts of AVX-512DQ: the batched tiles below.
#if defined(LLORCH_AVX2) && defined(__AVX512F__) && defined(__AVX512DQ__)
#define LLORCH_AVX512_TILES 1
#endif

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

#if defined(LLORCH_AVX512_TILES)

// The batched path on AVX-512. Activation rows are packed once per call in pairs, each pair's two
// rows interleaved by eight columns, so one zmm register holds eight columns of two rows; a tile of
// eight weight rows is dequantized once and each weight row's eight columns are broadcast to both
// halves. Each 256-bit half of an accumulator then sees exactly the FMAs, in the order, of
// dotF32's accumulator for its (weight row, activation row) pair, so results are bit-identical to
// the decode path while each instruction does the work of two (full-width FMA units on Zen 5).
constexpr int kTileRows = 8;
constexpr int kXPairs = 3;
constexpr int kXRows = 2 * kXPairs;
// From four rows (batched decode) on, the tiles beat the 4x4 path too.
constexpr int kTiledMinRows = 4;

// x's rows as interleaved pairs (an odd last row paired with zeros) in a per-thread buffer.
const float* packActivationPairs(const float* x, int n, int64_t cols) {
  thread_local std::vector<float> packed;
  const int64_t pairs = (n + 1) / 2;
  packed.assign(static_cast<size_t>(2 * pairs * cols), 0.f);
  for (int i = 0; i < n; i++) {
    float* dst = packed.data() + (i / 2) * 2 * cols + (i % 2) * 8;
    const float* src = x + i * cols;
    for (int64_t c = 0; c < cols; c += 8) std::memcpy(dst + 2 * c, src + c, 8 * sizeof(float));
  }
  return packed.data();
}

inline float upperHsum(__m512 v) {
  return hsum256(_mm512_extractf32x8_ps(v, 1));
}

// y[j][k] for the tile's weight rows w[k] and Q packed activation pairs from xp, of which the
// first `rows` rows are real (y rows yStride apart).
template <int Q>
void tileKernel(const float* const w[kTileRows], const float* xp, int64_t cols, int rows, float* y,
                int64_t yStride) {
  __m512 acc[Q][kTileRows];
  for (int q = 0; q < Q; q++) {
    for (int k = 0; k < kTileRows; k++) acc[q][k] = _mm512_setzero_ps();
  }
  for (int64_t c = 0; c < cols; c += 8) {
    __m512 xv[Q];
    for (int q = 0; q < Q; q++) xv[q] = _mm512_loadu_ps(xp + 2 * (q * cols + c));
    for (int k = 0; k < kTileRows; k++) {
      const __m512 wv = _mm512_broadcast_f32x8(_mm256_loadu_ps(w[k] + c));
      for (int q = 0; q < Q; q++) acc[q][k] = _mm512_fmadd_ps(wv, xv[q], acc[q][k]);
    }
  }
  for (int q = 0; q < Q; q++) {
    for (int k = 0; k < kTileRows; k++) {
      y[2 * q * yStride + k] = hsum256(_mm512_castps512_ps256(acc[q][k]));
      if (2 * q + 1 < rows) y[(2 * q + 1) * yStride + k] = upperHsum(acc[q][k]);
    }
  }
}

// Rows [r0, r1) against all n activation rows (xp: packActivationPairs) in tiles; returns the
// first row left to the caller (r1 rounded down to the tile).
int64_t matmulTiles(float* y, const WeightView& w, size_t rb, const float* xp, int n, int64_t r0, int64_t r1) {
  const int64_t cols = w.cols;
  thread_local std::vector<float> tileBuf;
  if (tileBuf.size() < static_cast<size_t>(kTileRows * cols)) tileBuf.resize(static_cast<size_t>(kTileRows * cols));
  // The next tile's weight bytes are prefetched a slice after each group of activation rows, so
  // its DRAM reads overlap this tile's FMAs instead of stalling its dequantization.
  const int64_t tileLines = static_cast<int64_t>(kTileRows * rb + 63) / 64;
  const int64_t groups = (n + kXRows - 1) / kXRows;
  const int64_t linesPerGroup = (tileLines + groups - 1) / groups;
  int64_t r = r0;
  for (; r + kTileRows <= r1; r += kTileRows) {
    const float* wt[kTileRows];
    for (int k = 0; k < kTileRows; k++) wt[k] = weightRow(w, rb, r + k, tileBuf.data() + k * cols);
    const char* next = static_cast<const char*>(w.data) + static_cast<size_t>(r + kTileRows) * rb;
    const bool prefetch = r + 2 * kTileRows <= r1;
    int64_t line = 0;
    for (int i = 0; i < n; i += kXRows) {
      const float* xpi = xp + i * cols;
      float* yi = y + i * w.rows + r;
      const int rows = std::min(kXRows, n - i);
      switch ((rows + 1) / 2) {
        case 3: tileKernel<3>(wt, xpi, cols, rows, yi, w.rows); break;
        case 2: tileKernel<2>(wt, xpi, cols, rows, yi, w.rows); break;
        default: tileKernel<1>(wt, xpi, cols, rows, yi, w.rows); break;
      }
      for (const int64_t end = std::min(tileLines, line + linesPerGroup); prefetch && line < end; line++) {
        _mm_prefetch(next + 64 * line, _MM_HINT_T0);
      }
    }
  }
  return r;
}

#endif

// x packed for matmulTiles when this call takes the tiled path, else nullptr.
const float* tiledActivations([[maybe_unused]] const WeightView& w, [[maybe_unused]] const float* x,
                              [[maybe_unused]] int n) {
#if defined(LLORCH_AVX512_TILES)
  if (n >= kTiledMinRows && w.cols % 8 == 0) return packActivationPairs(x, n, w.cols);
#endif
  return nullptr;
}

// xp: tiledActivations(w, x, n).
void matmulRows(float* y, const WeightView& w, const float* x, [[maybe_unused]] const float* xp, int n,
                int64_t r0, int64_t r1) {
  const size_t rb = rowBytes(*typeTraits(static_cast<uint32_t>(w.type)), w.cols);
  const int64_t cols = w.cols;
  thread_local std::vector<float> rowBuf;
  if (w.type != GgmlType::F32 && rowBuf.size() < static_cast<size_t>(4 * cols)) {
    rowBuf.resize(static_cast<size_t>(4 * cols));
  }
  float tmp[16];
  int64_t r = r0;
#if defined(LLORCH_AVX512_TILES)
  if (xp != nullptr) r = matmulTiles(y, w, rb, xp, n, r0, r1);
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
  const float* xp = tiledActivations(w, x, n);
  if (pool.size() == 1 || work < kSerialWork) {
    matmulRows(y, w, x, xp, n, 0, w.rows);
    return;
  }
  const int tasks = static_cast<int>(std::min<int64_t>(w.rows, pool.size() * 8));
  const int64_t per = ((w.rows + tasks - 1) / tasks + kRowAlign - 1) / kRowAlign * kRowAlign;
  pool.run(tasks, [&](int t) {
    const int64_t r0 = t * per;
    const int64_t r1 = std::min(w.rows, r0 + per);
    if (r0 < r1) matmulRows(y, w, x, xp, n, r0, r1);
  });
}

}  // namespace llorch
