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

}  // namespace

bool hasFusedDot(GgmlType type) {
  switch (type) {
    case GgmlType::F16:
    case GgmlType::Q8_0:
    case GgmlType::Q4_0:
    case GgmlType::Q4_1:
    case GgmlType::Q5_0:
    case GgmlType::Q5_1:
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
    default:
      return 0.f;
  }
}

#else

bool hasFusedDot(GgmlType) { return false; }

float fusedDot(GgmlType, const void*, const float*, int64_t) { return 0.f; }

#endif

}  // namespace llorch
