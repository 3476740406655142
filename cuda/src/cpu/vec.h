// Inner-loop f32 vector primitives, AVX2/FMA where compiled for it, scalar otherwise.
#pragma once

#include <cstdint>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#define LLORCH_AVX2 1
#endif

namespace llorch {

#if defined(LLORCH_AVX2)
inline float hsum256(__m256 v) {
  __m128 lo = _mm256_castps256_ps128(v);
  const __m128 hi = _mm256_extractf128_ps(v, 1);
  lo = _mm_add_ps(lo, hi);
  __m128 sh = _mm_movehdup_ps(lo);
  __m128 s = _mm_add_ps(lo, sh);
  sh = _mm_movehl_ps(sh, s);
  s = _mm_add_ss(s, sh);
  return _mm_cvtss_f32(s);
}
#endif

// One accumulator, the same summation order as dot4F32, so that a row's result does not depend on
// how many rows share its batch (batched decode must reproduce a sequence run alone, bit for bit).
inline float dotF32(const float* a, const float* b, int64_t n) {
  int64_t i = 0;
  float sum = 0.f;
#if defined(LLORCH_AVX2)
  __m256 acc = _mm256_setzero_ps();
  for (; i + 8 <= n; i += 8) {
    acc = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), acc);
  }
  sum = hsum256(acc);
#endif
  for (; i < n; i++) sum += a[i] * b[i];
  return sum;
}

// out[r] = dot(w, x + r * xStride) for r < 4: one pass over w for four activation rows.
inline void dot4F32(const float* w, const float* x, int64_t xStride, int64_t n, float* out) {
  const float* x0 = x;
  const float* x1 = x + xStride;
  const float* x2 = x + 2 * xStride;
  const float* x3 = x + 3 * xStride;
  int64_t i = 0;
  float s0 = 0.f, s1 = 0.f, s2 = 0.f, s3 = 0.f;
#if defined(LLORCH_AVX2)
  __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
  __m256 a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
  for (; i + 8 <= n; i += 8) {
    const __m256 wv = _mm256_loadu_ps(w + i);
    a0 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x0 + i), a0);
    a1 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x1 + i), a1);
    a2 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x2 + i), a2);
    a3 = _mm256_fmadd_ps(wv, _mm256_loadu_ps(x3 + i), a3);
  }
  s0 = hsum256(a0);
  s1 = hsum256(a1);
  s2 = hsum256(a2);
  s3 = hsum256(a3);
#endif
  for (; i < n; i++) {
    s0 += w[i] * x0[i];
    s1 += w[i] * x1[i];
    s2 += w[i] * x2[i];
    s3 += w[i] * x3[i];
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}

// out[k * 4 + r] = dot(w_k, x + r * xStride) for two weight rows and four activation rows: six
// loads per eight FMAs. Each accumulator runs the same order as dotF32, so results are identical.
inline void dot2x4F32(const float* w0, const float* w1, const float* x, int64_t xStride, int64_t n,
                      float* out) {
  const float* xr[4] = {x, x + xStride, x + 2 * xStride, x + 3 * xStride};
  int64_t i = 0;
  float s[8] = {0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f};
#if defined(LLORCH_AVX2)
  __m256 a[8];
  for (int k = 0; k < 8; k++) a[k] = _mm256_setzero_ps();
  for (; i + 8 <= n; i += 8) {
    const __m256 wa = _mm256_loadu_ps(w0 + i);
    const __m256 wb = _mm256_loadu_ps(w1 + i);
    for (int r = 0; r < 4; r++) {
      const __m256 xv = _mm256_loadu_ps(xr[r] + i);
      a[r] = _mm256_fmadd_ps(wa, xv, a[r]);
      a[4 + r] = _mm256_fmadd_ps(wb, xv, a[4 + r]);
    }
  }
  for (int k = 0; k < 8; k++) s[k] = hsum256(a[k]);
#endif
  for (; i < n; i++) {
    for (int r = 0; r < 4; r++) {
      s[r] += w0[i] * xr[r][i];
      s[4 + r] += w1[i] * xr[r][i];
    }
  }
  for (int k = 0; k < 8; k++) out[k] = s[k];
}

// out[k * 4 + r] = dot(w[k], x + r * xStride) for four weight rows and four activation rows:
// eight loads per sixteen FMAs, so activations streaming from L2 cost half what dot2x4F32's do
// (16 accumulators + 5 operands need more than 16 registers: built for AVX-512VL's 32 ymm
// registers; on AVX2-only CPUs some accumulators spill). Same per-accumulator order as dotF32.
inline void dot4x4F32(const float* const w[4], const float* x, int64_t xStride, int64_t n, float* out) {
  const float* xr[4] = {x, x + xStride, x + 2 * xStride, x + 3 * xStride};
  int64_t i = 0;
  float s[16] = {};
#if defined(LLORCH_AVX2)
  __m256 a[16];
  for (int k = 0; k < 16; k++) a[k] = _mm256_setzero_ps();
  for (; i + 8 <= n; i += 8) {
    const __m256 xv[4] = {_mm256_loadu_ps(xr[0] + i), _mm256_loadu_ps(xr[1] + i),
                          _mm256_loadu_ps(xr[2] + i), _mm256_loadu_ps(xr[3] + i)};
    for (int k = 0; k < 4; k++) {
      const __m256 wv = _mm256_loadu_ps(w[k] + i);
      for (int r = 0; r < 4; r++) a[4 * k + r] = _mm256_fmadd_ps(wv, xv[r], a[4 * k + r]);
    }
  }
  for (int k = 0; k < 16; k++) s[k] = hsum256(a[k]);
#endif
  for (; i < n; i++) {
    for (int k = 0; k < 4; k++) {
      for (int r = 0; r < 4; r++) s[4 * k + r] += w[k][i] * xr[r][i];
    }
  }
  for (int k = 0; k < 16; k++) out[k] = s[k];
}

// y += a * x
inline void axpyF32(float* y, float a, const float* x, int64_t n) {
  int64_t i = 0;
#if defined(LLORCH_AVX2)
  const __m256 av = _mm256_set1_ps(a);
  for (; i + 8 <= n; i += 8) {
    _mm256_storeu_ps(y + i, _mm256_fmadd_ps(av, _mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i)));
  }
#endif
  for (; i < n; i++) y[i] += a * x[i];
}

}  // namespace llorch
