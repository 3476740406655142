// AVX2 helpers that turn one 32-element block of a legacy ggml format into its 32 int8 codes in a
// register, and codes into f32 weights. Shared by dequantization and the fused dot products, so
// both produce the same weights bit for bit.
#pragma once

#include <cstdint>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

namespace llorch {

// Scale and min j (0..7) of a Q4_K/Q5_K super-block, 6 bits each, packed into 12 bytes.
inline void scaleMinK4(int j, const uint8_t* q, uint8_t* sc, uint8_t* mn) {
  if (j < 4) {
    *sc = q[j] & 63;
    *mn = q[j + 4] & 63;
  } else {
    *sc = static_cast<uint8_t>((q[j + 4] & 0x0f) | ((q[j - 4] >> 6) << 4));
    *mn = static_cast<uint8_t>((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
  }
}

#if defined(__AVX2__)

// Byte i of the result is 0x10 when bit i of `bits` is set: the fifth bit of Q5_0/Q5_1 code i.
inline __m256i fifthBits(uint32_t bits) {
  const __m256i spread =
      _mm256_shuffle_epi8(_mm256_set1_epi32(static_cast<int>(bits)),
                          _mm256_setr_epi64x(0, 0x0101010101010101, 0x0202020202020202, 0x0303030303030303));
  const __m256i bit = _mm256_set1_epi64x(static_cast<long long>(0x8040201008040201ull));
  return _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(spread, bit), bit), _mm256_set1_epi8(0x10));
}

// 32 Q4 codes: low nibbles of qs[0..16) then high nibbles, minus `bias`.
inline __m256i q4Codes(const uint8_t* qs, int bias) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(qs));
  const __m128i mask = _mm_set1_epi8(0x0f);
  const __m256i nibbles = _mm256_set_m128i(_mm_and_si128(_mm_srli_epi16(bytes, 4), mask), _mm_and_si128(bytes, mask));
  return _mm256_sub_epi8(nibbles, _mm256_set1_epi8(static_cast<char>(bias)));
}

// 32 Q5 codes: Q4 nibbles with the fifth bits of qh, minus `bias`.
inline __m256i q5Codes(const uint8_t* qs, uint32_t qh, int bias) {
  return _mm256_sub_epi8(_mm256_or_si256(q4Codes(qs, 0), fifthBits(qh)), _mm256_set1_epi8(static_cast<char>(bias)));
}

// The four groups of eight codes as f32 weights code * d + m, codes 0..15 with (dA, mA) and
// 16..31 with (dB, mB) (multiply then add, never fused, so every path rounds alike).
inline void codesToWeights2(__m256i codes, float dA, float mA, float dB, float mB, __m256 w[4]) {
  const __m128i lo = _mm256_castsi256_si128(codes);
  const __m128i hi = _mm256_extracti128_si256(codes, 1);
  const __m128i parts[4] = {lo, _mm_srli_si128(lo, 8), hi, _mm_srli_si128(hi, 8)};
  for (int k = 0; k < 4; k++) {
    const __m256 dv = _mm256_set1_ps(k < 2 ? dA : dB);
    const __m256 mv = _mm256_set1_ps(k < 2 ? mA : mB);
    w[k] = _mm256_add_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(parts[k])), dv), mv);
  }
}

inline void codesToWeights(__m256i codes, float d, float m, __m256 w[4]) {
  codesToWeights2(codes, d, m, d, m, w);
}

#endif

}  // namespace llorch
