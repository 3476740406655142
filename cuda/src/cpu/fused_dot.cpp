#include "cpu/fused_dot.h"

#include <cstring>

#include "cpu/block_codes.h"
#include "cpu/half.h"
#include "cpu/vec.h"

namespace llorch {

#if defined(LLORCH_AVX2) && defined(__F16C__)

namespace {

inline __m256 fma4(const __m256 w[4], const float* x, __m256 acc) {
  for (int k = 0; k < 4; k++) acc = _mm256_fmadd_ps(w[k], _mm256_loadu_ps(x + 8 * k), acc);
  return acc;
}

float dotF16(const uint8_t* row, const float* x, int64_t cols) {
  __m256 acc = _mm256_setzero_ps();
  for (int64_t i = 0; i < cols; i += 8) {
    const __m256 w = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 2 * i)));
    acc = _mm256_fmadd_ps(w, _mm256_loadu_ps(x + i), acc);
  }
  return hsum256(acc);
}

float dotBF16(const uint8_t* row, const float* x, int64_t cols) {
  __m256 acc = _mm256_setzero_ps();
  for (int64_t i = 0; i < cols; i += 8) {
    const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 2 * i));
    const __m256 w = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(h), 16));
    acc = _mm256_fmadd_ps(w, _mm256_loadu_ps(x + i), acc);
  }
  return hsum256(acc);
}

// Legacy 32-element blocks: Decode(block, codes, d, m) gives the block's codes and scale/offset.
template <int kBytes, typename Decode>
float dotBlocks(const uint8_t* row, const float* x, int64_t cols, Decode decode) {
  __m256 acc = _mm256_setzero_ps();
  __m256 w[4];
  for (int64_t i = 0; i < cols; i += 32, row += kBytes) {
    float d, m;
    const __m256i codes = decode(row, &d, &m);
    codesToWeights(codes, d, m, w);
    acc = fma4(w, x + i, acc);
  }
  return hsum256(acc);
}

float dotQ4_K(const uint8_t* b, const float* x, int64_t cols) {
  __m256 acc = _mm256_setzero_ps();
  __m256 w[4];
  const __m256i mask = _mm256_set1_epi8(0x0f);
  for (int64_t i = 0; i < cols; i += 256, b += 144) {
    const float d = halfToFloat(readU16(b));
    const float dmin = halfToFloat(readU16(b + 2));
    const uint8_t* scales = b + 4;
    const uint8_t* q = b + 16;
    for (int j = 0, is = 0; j < 256; j += 64, is += 2, q += 32) {
      uint8_t sc, mn;
      scaleMinK4(is, scales, &sc, &mn);
      const float d1 = d * sc, m1 = dmin * mn;
      scaleMinK4(is + 1, scales, &sc, &mn);
      const float d2 = d * sc, m2 = dmin * mn;
      const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
      codesToWeights(_mm256_and_si256(bytes, mask), d1, -m1, w);
      acc = fma4(w, x + i + j, acc);
      codesToWeights(_mm256_and_si256(_mm256_srli_epi16(bytes, 4), mask), d2, -m2, w);
      acc = fma4(w, x + i + j + 32, acc);
    }
  }
  return hsum256(acc);
}

float dotQ5_K(const uint8_t* b, const float* x, int64_t cols) {
  __m256 acc = _mm256_setzero_ps();
  __m256 w[4];
  const __m256i mask = _mm256_set1_epi8(0x0f);
  const __m256i sixteen = _mm256_set1_epi8(0x10);
  for (int64_t i = 0; i < cols; i += 256, b += 176) {
    const float d = halfToFloat(readU16(b));
    const float dmin = halfToFloat(readU16(b + 2));
    const uint8_t* scales = b + 4;
    const __m256i qh = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + 16));
    const uint8_t* ql = b + 48;
    for (int j = 0, is = 0; j < 256; j += 64, is += 2, ql += 32) {
      uint8_t sc, mn;
      scaleMinK4(is, scales, &sc, &mn);
      const float d1 = d * sc, m1 = dmin * mn;
      scaleMinK4(is + 1, scales, &sc, &mn);
      const float d2 = d * sc, m2 = dmin * mn;
      // Fifth bits of this 64-value chunk: bit 2*(j/64) of qh for the low nibbles, the next bit for
      // the high ones.
      const __m256i u1 = _mm256_set1_epi8(static_cast<char>(1 << (j / 32)));
      const __m256i u2 = _mm256_set1_epi8(static_cast<char>(2 << (j / 32)));
      const __m256i h1 = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(qh, u1), u1), sixteen);
      const __m256i h2 = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(qh, u2), u2), sixteen);
      const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ql));
      codesToWeights(_mm256_or_si256(_mm256_and_si256(bytes, mask), h1), d1, -m1, w);
      acc = fma4(w, x + i + j, acc);
      codesToWeights(_mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(bytes, 4), mask), h2), d2, -m2, w);
      acc = fma4(w, x + i + j + 32, acc);
    }
  }
  return hsum256(acc);
}

float dotQ6_K(const uint8_t* b, const float* x, int64_t cols) {
  __m256 acc = _mm256_setzero_ps();
  __m256 w[4];
  const __m256i low4 = _mm256_set1_epi8(0x0f);
  const __m256i bits45 = _mm256_set1_epi8(0x30);
  const __m256i bias = _mm256_set1_epi8(32);
  for (int64_t i = 0; i < cols; i += 256, b += 210) {
    const uint8_t* ql = b;
    const uint8_t* qh = b + 128;
    const int8_t* sc = reinterpret_cast<const int8_t*>(b + 192);
    const float d = halfToFloat(readU16(b + 208));
    for (int n = 0; n < 256; n += 128, ql += 64, qh += 32, sc += 8) {
      const __m256i l0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ql));
      const __m256i l1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ql + 32));
      const __m256i h = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(qh));
      // The four runs of 32 codes: low/high nibbles of ql with bit pairs 0-1, 2-3, 4-5, 6-7 of qh
      // as bits 4-5.
      const __m256i codes[4] = {
          _mm256_or_si256(_mm256_and_si256(l0, low4), _mm256_and_si256(_mm256_slli_epi16(h, 4), bits45)),
          _mm256_or_si256(_mm256_and_si256(l1, low4), _mm256_and_si256(_mm256_slli_epi16(h, 2), bits45)),
          _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), low4), _mm256_and_si256(h, bits45)),
          _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), low4),
                          _mm256_and_si256(_mm256_srli_epi16(h, 2), bits45)),
      };
      for (int r = 0; r < 4; r++) {
        codesToWeights2(_mm256_sub_epi8(codes[r], bias), d * static_cast<float>(sc[2 * r]), 0.f,
                        d * static_cast<float>(sc[2 * r + 1]), 0.f, w);
        acc = fma4(w, x + i + n + 32 * r, acc);
      }
    }
  }
  return hsum256(acc);
}

}  // namespace

bool hasFusedDot(GgmlType type) {
  switch (type) {
    case GgmlType::F16:
    case GgmlType::BF16:
    case GgmlType::Q8_0:
    case GgmlType::Q4_0:
    case GgmlType::Q4_1:
    case GgmlType::Q5_0:
    case GgmlType::Q5_1:
    case GgmlType::Q4_K:
    case GgmlType::Q5_K:
    case GgmlType::Q6_K:
      return true;
    default:
      return false;
  }
}

float fusedDot(GgmlType type, const void* rowPtr, const float* x, int64_t cols) {
  const uint8_t* row = static_cast<const uint8_t*>(rowPtr);
  switch (type) {
    case GgmlType::F16:
      return dotF16(row, x, cols);
    case GgmlType::BF16:
      return dotBF16(row, x, cols);
    case GgmlType::Q8_0:
      return dotBlocks<34>(row, x, cols, [](const uint8_t* b, float* d, float* m) {
        *d = halfToFloat(readU16(b));
        *m = 0.f;
        return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + 2));
      });
    case GgmlType::Q4_0:
      return dotBlocks<18>(row, x, cols, [](const uint8_t* b, float* d, float* m) {
        *d = halfToFloat(readU16(b));
        *m = 0.f;
        return q4Codes(b + 2, 8);
      });
    case GgmlType::Q4_1:
      return dotBlocks<20>(row, x, cols, [](const uint8_t* b, float* d, float* m) {
        *d = halfToFloat(readU16(b));
        *m = halfToFloat(readU16(b + 2));
        return q4Codes(b + 4, 0);
      });
    case GgmlType::Q5_0:
      return dotBlocks<22>(row, x, cols, [](const uint8_t* b, float* d, float* m) {
        *d = halfToFloat(readU16(b));
        *m = 0.f;
        uint32_t qh;
        std::memcpy(&qh, b + 2, 4);
        return q5Codes(b + 6, qh, 16);
      });
    case GgmlType::Q5_1:
      return dotBlocks<24>(row, x, cols, [](const uint8_t* b, float* d, float* m) {
        *d = halfToFloat(readU16(b));
        *m = halfToFloat(readU16(b + 2));
        uint32_t qh;
        std::memcpy(&qh, b + 4, 4);
        return q5Codes(b + 8, qh, 0);
      });
    case GgmlType::Q4_K:
      return dotQ4_K(row, x, cols);
    case GgmlType::Q5_K:
      return dotQ5_K(row, x, cols);
    case GgmlType::Q6_K:
      return dotQ6_K(row, x, cols);
    default:
      return 0.f;
  }
}

#else

bool hasFusedDot(GgmlType) { return false; }

float fusedDot(GgmlType, const void*, const float*, int64_t) { return 0.f; }

#endif

}  // namespace llorch
