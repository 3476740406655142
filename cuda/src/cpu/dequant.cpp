// One routine per ggml block format. Layouts (little-endian, fp16 scales):
//   Q4_0 {d; qs[16]}            Q4_1 {d; m; qs[16]}          Q8_0 {d; qs[32] int8}
//   Q5_0 {d; qh[4]; qs[16]}     Q5_1 {d; m; qh[4]; qs[16]}
//   Q2_K {scales[16]; qs[64]; d; dmin}          Q3_K {hmask[32]; qs[64]; scales[12]; d}
//   Q4_K {d; dmin; scales[12]; qs[128]}         Q5_K {d; dmin; scales[12]; qh[32]; qs[128]}
//   Q6_K {ql[128]; qh[64]; scales[16] int8; d}
#include "cpu/dequant.h"

#include <cstring>

#include "cpu/block_codes.h"
#include "cpu/half.h"

namespace llorch {
namespace {

constexpr int kQK = 32;
constexpr int kQKK = 256;

// y[i] = q[i] * d + m for n (a multiple of 8) int8 codes. Multiply then add, never fused, so the
// vector and scalar paths round alike (and like the TypeScript reference within an ulp).
#if defined(__AVX2__)
inline void storeWeights(__m256i codes, float d, float m, float* y) {
  __m256 w[4];
  codesToWeights(codes, d, m, w);
  for (int k = 0; k < 4; k++) _mm256_storeu_ps(y + 8 * k, w[k]);
}
#endif

inline void scaleCodes(const int8_t* q, int n, float d, float m, float* y) {
  int i = 0;
#if defined(__AVX2__)
  const __m256 dv = _mm256_set1_ps(d);
  const __m256 mv = _mm256_set1_ps(m);
  for (; i + 8 <= n; i += 8) {
    const __m128i q8 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(q + i));
    const __m256 f = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(q8));
    _mm256_storeu_ps(y + i, _mm256_add_ps(_mm256_mul_ps(f, dv), mv));
  }
#endif
  for (; i < n; i++) y[i] = static_cast<float>(q[i]) * d + m;
}

void dequantF16(const uint8_t* src, float* dst, int64_t n) {
  int64_t i = 0;
#if defined(__F16C__) && defined(__AVX__)
  for (; i + 8 <= n; i += 8) {
    const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2 * i));
    _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(h));
  }
#endif
  for (; i < n; i++) dst[i] = halfToFloat(readU16(src + 2 * i));
}

void dequantBF16(const uint8_t* src, float* dst, int64_t n) {
  for (int64_t i = 0; i < n; i++) dst[i] = bf16ToFloat(readU16(src + 2 * i));
}

void dequantQ4_0(const uint8_t* b, float* y) {
  const float d = halfToFloat(readU16(b));
  const uint8_t* qs = b + 2;
#if defined(__AVX2__)
  storeWeights(q4Codes(qs, 8), d, 0.f, y);
#else
  int8_t q[kQK];
  for (int j = 0; j < kQK / 2; j++) {
    q[j] = static_cast<int8_t>((qs[j] & 0x0f) - 8);
    q[j + kQK / 2] = static_cast<int8_t>((qs[j] >> 4) - 8);
  }
  scaleCodes(q, kQK, d, 0.f, y);
#endif
}

void dequantQ4_1(const uint8_t* b, float* y) {
  const float d = halfToFloat(readU16(b));
  const float m = halfToFloat(readU16(b + 2));
  const uint8_t* qs = b + 4;
#if defined(__AVX2__)
  storeWeights(q4Codes(qs, 0), d, m, y);
#else
  int8_t q[kQK];
  for (int j = 0; j < kQK / 2; j++) {
    q[j] = static_cast<int8_t>(qs[j] & 0x0f);
    q[j + kQK / 2] = static_cast<int8_t>(qs[j] >> 4);
  }
  scaleCodes(q, kQK, d, m, y);
#endif
}

void dequantQ5_0(const uint8_t* b, float* y) {
  const float d = halfToFloat(readU16(b));
  uint32_t qh;
  std::memcpy(&qh, b + 2, 4);
  const uint8_t* qs = b + 6;
#if defined(__AVX2__)
  storeWeights(q5Codes(qs, qh, 16), d, 0.f, y);
#else
  int8_t q[kQK];
  for (int j = 0; j < kQK / 2; j++) {
    const int h0 = static_cast<int>(((qh >> j) << 4) & 0x10);
    const int h1 = static_cast<int>((qh >> (j + 12)) & 0x10);
    q[j] = static_cast<int8_t>(((qs[j] & 0x0f) | h0) - 16);
    q[j + kQK / 2] = static_cast<int8_t>(((qs[j] >> 4) | h1) - 16);
  }
  scaleCodes(q, kQK, d, 0.f, y);
#endif
}

void dequantQ5_1(const uint8_t* b, float* y) {
  const float d = halfToFloat(readU16(b));
  const float m = halfToFloat(readU16(b + 2));
  uint32_t qh;
  std::memcpy(&qh, b + 4, 4);
  const uint8_t* qs = b + 8;
#if defined(__AVX2__)
  storeWeights(q5Codes(qs, qh, 0), d, m, y);
#else
  int8_t q[kQK];
  for (int j = 0; j < kQK / 2; j++) {
    const int h0 = static_cast<int>(((qh >> j) << 4) & 0x10);
    const int h1 = static_cast<int>((qh >> (j + 12)) & 0x10);
    q[j] = static_cast<int8_t>((qs[j] & 0x0f) | h0);
    q[j + kQK / 2] = static_cast<int8_t>((qs[j] >> 4) | h1);
  }
  scaleCodes(q, kQK, d, m, y);
#endif
}

void dequantQ8_0(const uint8_t* b, float* y) {
  const float d = halfToFloat(readU16(b));
  scaleCodes(reinterpret_cast<const int8_t*>(b + 2), kQK, d, 0.f, y);
}

void dequantQ2_K(const uint8_t* b, float* y) {
  const uint8_t* scales = b;
  const uint8_t* q = b + 16;
  const float d = halfToFloat(readU16(b + 80));
  const float dmin = halfToFloat(readU16(b + 82));
  int8_t codes[16];
  int is = 0;
  for (int n = 0; n < kQKK; n += 128) {
    int shift = 0;
    for (int j = 0; j < 4; j++) {
      for (int half = 0; half < 2; half++) {
        const uint8_t sc = scales[is++];
        for (int l = 0; l < 16; l++) codes[l] = static_cast<int8_t>((q[l + 16 * half] >> shift) & 3);
        scaleCodes(codes, 16, d * static_cast<float>(sc & 0x0f), -(dmin * static_cast<float>(sc >> 4)), y);
        y += 16;
      }
      shift += 2;
    }
    q += 32;
  }
}

void dequantQ3_K(const uint8_t* b, float* y) {
  const uint8_t* hm = b;
  const uint8_t* q = b + 32;
  const float dAll = halfToFloat(readU16(b + 108));
  // The 16 6-bit scales are packed into 12 bytes: low 4 bits in bytes 0..7, high 2 bits in 8..11.
  uint32_t aux[4];
  std::memcpy(aux, b + 96, 12);
  const uint32_t kmask1 = 0x03030303u;
  const uint32_t kmask2 = 0x0f0f0f0fu;
  const uint32_t tmp = aux[2];
  aux[2] = ((aux[0] >> 4) & kmask2) | (((tmp >> 4) & kmask1) << 4);
  aux[3] = ((aux[1] >> 4) & kmask2) | (((tmp >> 6) & kmask1) << 4);
  aux[0] = (aux[0] & kmask2) | (((tmp >> 0) & kmask1) << 4);
  aux[1] = (aux[1] & kmask2) | (((tmp >> 2) & kmask1) << 4);
  int8_t scales[16];
  std::memcpy(scales, aux, 16);
  int8_t codes[16];
  int is = 0;
  uint8_t m = 1;
  for (int n = 0; n < kQKK; n += 128) {
    int shift = 0;
    for (int j = 0; j < 4; j++) {
      for (int half = 0; half < 2; half++) {
        const int o = 16 * half;
        for (int l = 0; l < 16; l++) {
          codes[l] = static_cast<int8_t>(((q[l + o] >> shift) & 3) - ((hm[l + o] & m) ? 0 : 4));
        }
        scaleCodes(codes, 16, dAll * static_cast<float>(scales[is++] - 32), 0.f, y);
        y += 16;
      }
      shift += 2;
      m = static_cast<uint8_t>(m << 1);
    }
    q += 32;
  }
}

void dequantQ4_K(const uint8_t* b, float* y) {
  const float d = halfToFloat(readU16(b));
  const float dmin = halfToFloat(readU16(b + 2));
  const uint8_t* scales = b + 4;
  const uint8_t* q = b + 16;
  int8_t lo[32], hi[32];
  for (int j = 0, is = 0; j < kQKK; j += 64, is += 2) {
    uint8_t sc, mn;
    scaleMinK4(is, scales, &sc, &mn);
    const float d1 = d * sc, m1 = dmin * mn;
    scaleMinK4(is + 1, scales, &sc, &mn);
    const float d2 = d * sc, m2 = dmin * mn;
    for (int l = 0; l < 32; l++) {
      lo[l] = static_cast<int8_t>(q[l] & 0x0f);
      hi[l] = static_cast<int8_t>(q[l] >> 4);
    }
    scaleCodes(lo, 32, d1, -m1, y);
    scaleCodes(hi, 32, d2, -m2, y + 32);
    y += 64;
    q += 32;
  }
}

void dequantQ5_K(const uint8_t* b, float* y) {
  const float d = halfToFloat(readU16(b));
  const float dmin = halfToFloat(readU16(b + 2));
  const uint8_t* scales = b + 4;
  const uint8_t* qh = b + 16;
  const uint8_t* ql = b + 48;
  int8_t lo[32], hi[32];
  uint8_t u1 = 1, u2 = 2;
  for (int j = 0, is = 0; j < kQKK; j += 64, is += 2) {
    uint8_t sc, mn;
    scaleMinK4(is, scales, &sc, &mn);
    const float d1 = d * sc, m1 = dmin * mn;
    scaleMinK4(is + 1, scales, &sc, &mn);
    const float d2 = d * sc, m2 = dmin * mn;
    for (int l = 0; l < 32; l++) {
      lo[l] = static_cast<int8_t>((ql[l] & 0x0f) + ((qh[l] & u1) ? 16 : 0));
      hi[l] = static_cast<int8_t>((ql[l] >> 4) + ((qh[l] & u2) ? 16 : 0));
    }
    scaleCodes(lo, 32, d1, -m1, y);
    scaleCodes(hi, 32, d2, -m2, y + 32);
    y += 64;
    ql += 32;
    u1 = static_cast<uint8_t>(u1 << 2);
    u2 = static_cast<uint8_t>(u2 << 2);
  }
}

void dequantQ6_K(const uint8_t* b, float* y) {
  const uint8_t* ql = b;
  const uint8_t* qh = b + 128;
  const int8_t* sc = reinterpret_cast<const int8_t*>(b + 192);
  const float d = halfToFloat(readU16(b + 208));
  // Per 128 values: four runs of 32 (q1..q4), each split into two 16-value scale groups.
  int8_t codes[4][32];
  for (int n = 0; n < kQKK; n += 128) {
    for (int l = 0; l < 32; l++) {
      codes[0][l] = static_cast<int8_t>(((ql[l] & 0x0f) | (((qh[l] >> 0) & 3) << 4)) - 32);
      codes[1][l] = static_cast<int8_t>(((ql[l + 32] & 0x0f) | (((qh[l] >> 2) & 3) << 4)) - 32);
      codes[2][l] = static_cast<int8_t>(((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32);
      codes[3][l] = static_cast<int8_t>(((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32);
    }
    for (int r = 0; r < 4; r++) {
      for (int half = 0; half < 2; half++) {
        scaleCodes(codes[r] + 16 * half, 16, d * static_cast<float>(sc[half + 2 * r]), 0.f, y + 32 * r + 16 * half);
      }
    }
    y += 128;
    ql += 64;
    qh += 32;
    sc += 8;
  }
}

template <void (*Block)(const uint8_t*, float*), int kBlock, int kBytes>
void dequantBlocks(const uint8_t* src, float* dst, int64_t cols) {
  const int64_t nb = cols / kBlock;
  for (int64_t i = 0; i < nb; i++) Block(src + i * kBytes, dst + i * kBlock);
}

}  // namespace

void dequantRow(GgmlType type, const void* src, float* dst, int64_t cols) {
  const uint8_t* s = static_cast<const uint8_t*>(src);
  switch (type) {
    case GgmlType::F32: std::memcpy(dst, s, static_cast<size_t>(cols) * 4); return;
    case GgmlType::F16: dequantF16(s, dst, cols); return;
    case GgmlType::BF16: dequantBF16(s, dst, cols); return;
    case GgmlType::Q4_0: dequantBlocks<dequantQ4_0, 32, 18>(s, dst, cols); return;
    case GgmlType::Q4_1: dequantBlocks<dequantQ4_1, 32, 20>(s, dst, cols); return;
    case GgmlType::Q5_0: dequantBlocks<dequantQ5_0, 32, 22>(s, dst, cols); return;
    case GgmlType::Q5_1: dequantBlocks<dequantQ5_1, 32, 24>(s, dst, cols); return;
    case GgmlType::Q8_0: dequantBlocks<dequantQ8_0, 32, 34>(s, dst, cols); return;
    case GgmlType::Q2_K: dequantBlocks<dequantQ2_K, 256, 84>(s, dst, cols); return;
    case GgmlType::Q3_K: dequantBlocks<dequantQ3_K, 256, 110>(s, dst, cols); return;
    case GgmlType::Q4_K: dequantBlocks<dequantQ4_K, 256, 144>(s, dst, cols); return;
    case GgmlType::Q5_K: dequantBlocks<dequantQ5_K, 256, 176>(s, dst, cols); return;
    case GgmlType::Q6_K: dequantBlocks<dequantQ6_K, 256, 210>(s, dst, cols); return;
  }
}

}  // namespace llorch
