// Device-side dequantization of the ggml block formats (the layouts of cpu/dequant.cpp), eight
// consecutive elements at a time: Chunk<T>::load(row, c, out) writes elements 8c..8c+7 of a row.
// Every format's block size is a multiple of 8, so a chunk never straddles two blocks. Blocks
// are only 2-byte aligned (34-, 18-, 210-byte blocks follow each other), so quantized reads go
// through 16-bit or byte loads; F16/BF16/F32 rows are read with 16-byte vector loads.
#pragma once

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <cstdint>

#include "backend/ggml_type.h"

namespace llorch {

__device__ __forceinline__ float f16At(const uint8_t* p) {
  return __half2float(__ushort_as_half(*reinterpret_cast<const uint16_t*>(p)));
}

__device__ __forceinline__ uint32_t u32At2(const uint8_t* p) {
  const uint16_t* h = reinterpret_cast<const uint16_t*>(p);
  return static_cast<uint32_t>(h[0]) | (static_cast<uint32_t>(h[1]) << 16);
}

// 8 consecutive bytes at a 2-byte aligned address, as two little-endian words.
__device__ __forceinline__ void bytes8At2(const uint8_t* p, uint32_t& lo, uint32_t& hi) {
  lo = u32At2(p);
  hi = u32At2(p + 4);
}

__device__ __forceinline__ int byteOf(uint32_t lo, uint32_t hi, int i) {
  return static_cast<int>(((i < 4 ? lo : hi) >> (8 * (i & 3))) & 0xffu);
}

template <GgmlType T>
struct Chunk;

template <>
struct Chunk<GgmlType::F32> {
  static constexpr int kBlock = 8, kBytes = 32;
  __device__ static void load(const uint8_t* row, int64_t c, float* o) {
    const float4* p = reinterpret_cast<const float4*>(row) + 2 * c;
    const float4 a = p[0], b = p[1];
    o[0] = a.x; o[1] = a.y; o[2] = a.z; o[3] = a.w;
    o[4] = b.x; o[5] = b.y; o[6] = b.z; o[7] = b.w;
  }
};

// Raw chunks: fetch() issues a chunk's loads and keeps the bytes as loaded (a few registers
// instead of 8 floats, so more loads fit in flight in the matvec kernels) and decode() widens them
// when they are used; load() is decode(fetch()). F16 and BF16 chunks are one 16-byte word.
template <>
struct Chunk<GgmlType::F16> {
  static constexpr int kBlock = 8, kBytes = 16;
  using Raw = uint4;
  __device__ static Raw fetch(const uint8_t* row, int64_t c) { return reinterpret_cast<const uint4*>(row)[c]; }
  __device__ static void decode(const Raw& v, int64_t, float* o) {
    const __half2* h = reinterpret_cast<const __half2*>(&v);
#pragma unroll
    for (int i = 0; i < 4; i++) {
      const float2 f = __half22float2(h[i]);
      o[2 * i] = f.x;
      o[2 * i + 1] = f.y;
    }
  }
  __device__ static void load(const uint8_t* row, int64_t c, float* o) { decode(fetch(row, c), c, o); }
};

template <>
struct Chunk<GgmlType::BF16> {
  static constexpr int kBlock = 8, kBytes = 16;
  using Raw = uint4;
  __device__ static Raw fetch(const uint8_t* row, int64_t c) { return reinterpret_cast<const uint4*>(row)[c]; }
  __device__ static void decode(const Raw& v, int64_t, float* o) {
    const uint32_t w[4] = {v.x, v.y, v.z, v.w};
#pragma unroll
    for (int i = 0; i < 4; i++) {
      o[2 * i] = __uint_as_float(w[i] << 16);
      o[2 * i + 1] = __uint_as_float(w[i] & 0xffff0000u);
    }
  }
  __device__ static void load(const uint8_t* row, int64_t c, float* o) { decode(fetch(row, c), c, o); }
};

// Raw Q8_0 chunk: the 8 quants and the block scale's f16 bits.
template <>
struct Chunk<GgmlType::Q8_0> {
  static constexpr int kBlock = 32, kBytes = 34;
  using Raw = uint3;
  __device__ static Raw fetch(const uint8_t* row, int64_t c) {
    const uint8_t* b = row + (c >> 2) * kBytes;
    uint32_t lo, hi;
    bytes8At2(b + 2 + (c & 3) * 8, lo, hi);
    return make_uint3(lo, hi, *reinterpret_cast<const uint16_t*>(b));
  }
  __device__ static void decode(const Raw& r, int64_t, float* o) {
    const float d = __half2float(__ushort_as_half(static_cast<uint16_t>(r.z)));
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = static_cast<float>(static_cast<int8_t>(byteOf(r.x, r.y, i))) * d;
  }
  __device__ static void load(const uint8_t* row, int64_t c, float* o) { decode(fetch(row, c), c, o); }
};

// Q4_0/Q4_1/Q5_0/Q5_1: element j < 16 is the low nibble of qs[j], element j + 16 the high one.
template <>
struct Chunk<GgmlType::Q4_0> {
  static constexpr int kBlock = 32, kBytes = 18;
  __device__ static void load(const uint8_t* row, int64_t c, float* o) {
    const uint8_t* b = row + (c >> 2) * kBytes;
    const float d = f16At(b);
    const int part = static_cast<int>(c & 3);
    uint32_t lo, hi;
    bytes8At2(b + 2 + (part & 1) * 8, lo, hi);
    const int shift = (part >> 1) * 4;
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = static_cast<float>(((byteOf(lo, hi, i) >> shift) & 15) - 8) * d;
  }
};

template <>
struct Chunk<GgmlType::Q4_1> {
  static constexpr int kBlock = 32, kBytes = 20;
  __device__ static void load(const uint8_t* row, int64_t c, float* o) {
    const uint8_t* b = row + (c >> 2) * kBytes;
    const float d = f16At(b), m = f16At(b + 2);
    const int part = static_cast<int>(c & 3);
    uint32_t lo, hi;
    bytes8At2(b + 4 + (part & 1) * 8, lo, hi);
    const int shift = (part >> 1) * 4;
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = static_cast<float>((byteOf(lo, hi, i) >> shift) & 15) * d + m;
  }
};

template <>
struct Chunk<GgmlType::Q5_0> {
  static constexpr int kBlock = 32, kBytes = 22;
  __device__ static void load(const uint8_t* row, int64_t c, float* o) {
    const uint8_t* b = row + (c >> 2) * kBytes;
    const float d = f16At(b);
    const uint32_t qh = u32At2(b + 2);
    const int part = static_cast<int>(c & 3);
    uint32_t lo, hi;
    bytes8At2(b + 6 + (part & 1) * 8, lo, hi);
    const int shift = (part >> 1) * 4;
    const int e0 = part * 8;  // element index within the block
#pragma unroll
    for (int i = 0; i < 8; i++) {
      const int h = static_cast<int>((qh >> (e0 + i)) & 1u) << 4;
      o[i] = static_cast<float>((((byteOf(lo, hi, i) >> shift) & 15) | h) - 16) * d;
    }
  }
};

template <>
struct Chunk<GgmlType::Q5_1> {
  static constexpr int kBlock = 32, kBytes = 24;
  __device__ static void load(const uint8_t* row, int64_t c, float* o) {
    const uint8_t* b = row + (c >> 2) * kBytes;
    const float d = f16At(b), m = f16At(b + 2);
    const uint32_t qh = u32At2(b + 4);
    const int part = static_cast<int>(c & 3);
    uint32_t lo, hi;
    bytes8At2(b + 8 + (part & 1) * 8, lo, hi);
    const int shift = (part >> 1) * 4;
    const int e0 = part * 8;
#pragma unroll
    for (int i = 0; i < 8; i++) {
      const int h = static_cast<int>((qh >> (e0 + i)) & 1u) << 4;
      o[i] = static_cast<float>(((byteOf(lo, hi, i) >> shift) & 15) | h) * d + m;
    }
  }
};

// K-quants: 256-element super-blocks; chunk k (0..31) of a super-block.
template <>
struct Chunk<GgmlType::Q2_K> {
  static constexpr int kBlock = 256, kBytes = 84;
  __device__ static void load(const uint8_t* row, int64_t c, float* o) {
    const uint8_t* b = row + (c >> 5) * kBytes;
    const int k = static_cast<int>(c & 31);
    const int e = k * 8;            // element within the super-block
    const int half = e / 128;       // 128-element halves use q[0..31] and q[32..63]
    const int j = (e % 128) / 32;   // shift group 0..3
    const int l0 = e % 32;          // 0, 8, 16, 24: byte offset inside the 32-byte q run
    const int sc = b[half * 8 + j * 2 + (l0 >= 16 ? 1 : 0)];
    const float d = f16At(b + 80) * static_cast<float>(sc & 15);
    const float m = f16At(b + 82) * static_cast<float>(sc >> 4);
    uint32_t lo, hi;
    bytes8At2(b + 16 + half * 32 + l0, lo, hi);
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = d * static_cast<float>((byteOf(lo, hi, i) >> (2 * j)) & 3) - m;
  }
};

__device__ __forceinline__ int q3kScale(const uint8_t* s, int is) {
  // 16 6-bit scales: low 4 bits in bytes 0..7 (nibbles), high 2 bits in bytes 8..11.
  const int low = is < 8 ? (s[is] & 15) : (s[is - 8] >> 4);
  const int high = (s[8 + (is & 3)] >> (2 * (is >> 2))) & 3;
  return (low | (high << 4)) - 32;
}

template <>
struct Chunk<GgmlType::Q3_K> {
  static constexpr int kBlock = 256, kBytes = 110;
  __device__ static void load(const uint8_t* row, int64_t c, float* o) {
    const uint8_t* b = row + (c >> 5) * kBytes;
    const int k = static_cast<int>(c & 31);
    const int e = k * 8;
    const int half = e / 128;
    const int j = (e % 128) / 32;
    const int l0 = e % 32;
    const int is = half * 8 + j * 2 + (l0 >= 16 ? 1 : 0);
    const float dl = f16At(b + 108) * static_cast<float>(q3kScale(b + 96, is));
    const int mbit = half * 4 + j;
    uint32_t qlo, qhi, hlo, hhi;
    bytes8At2(b + 32 + half * 32 + l0, qlo, qhi);
    bytes8At2(b + l0, hlo, hhi);
#pragma unroll
    for (int i = 0; i < 8; i++) {
      const int q = (byteOf(qlo, qhi, i) >> (2 * j)) & 3;
      const int h = (byteOf(hlo, hhi, i) >> mbit) & 1;
      o[i] = dl * static_cast<float>(q - (h ? 0 : 4));
    }
  }
};

__device__ __forceinline__ void scaleMinK4(int j, const uint8_t* q, int& sc, int& mn) {
  if (j < 4) {
    sc = q[j] & 63;
    mn = q[j + 4] & 63;
  } else {
    sc = (q[j + 4] & 15) | ((q[j - 4] >> 6) << 4);
    mn = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
  }
}

// Raw Q4_K chunk: the 8 quant bytes, d and dmin's f16 bits, and the 6-bit scale and min.
template <>
struct Chunk<GgmlType::Q4_K> {
  static constexpr int kBlock = 256, kBytes = 144;
  using Raw = uint4;
  __device__ static Raw fetch(const uint8_t* row, int64_t c) {
    const uint8_t* b = row + (c >> 5) * kBytes;
    const int e = static_cast<int>(c & 31) * 8;
    const int g = e / 64;  // 64-element group: 32 low nibbles then 32 high nibbles
    int sc, mn;
    scaleMinK4(2 * g + (e % 64) / 32, b + 4, sc, mn);
    uint32_t lo, hi;
    bytes8At2(b + 16 + g * 32 + e % 32, lo, hi);
    return make_uint4(lo, hi, u32At2(b), static_cast<uint32_t>(sc | (mn << 8)));
  }
  __device__ static void decode(const Raw& r, int64_t c, float* o) {
    const int hiNib = static_cast<int>(c & 4) >> 2;  // chunk k of a super-block: (8k % 64) / 32
    const float d = __half2float(__ushort_as_half(static_cast<uint16_t>(r.z))) * static_cast<float>(r.w & 0xffu);
    const float m = __half2float(__ushort_as_half(static_cast<uint16_t>(r.z >> 16))) * static_cast<float>(r.w >> 8);
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = d * static_cast<float>((byteOf(r.x, r.y, i) >> (4 * hiNib)) & 15) - m;
  }
  __device__ static void load(const uint8_t* row, int64_t c, float* o) { decode(fetch(row, c), c, o); }
};

template <>
struct Chunk<GgmlType::Q5_K> {
  static constexpr int kBlock = 256, kBytes = 176;
  __device__ static void load(const uint8_t* row, int64_t c, float* o) {
    const uint8_t* b = row + (c >> 5) * kBytes;
    const int e = static_cast<int>(c & 31) * 8;
    const int g = e / 64;
    const int hiNib = (e % 64) / 32;
    const int l0 = e % 32;
    int sc, mn;
    scaleMinK4(2 * g + hiNib, b + 4, sc, mn);
    const float d = f16At(b) * static_cast<float>(sc);
    const float m = f16At(b + 2) * static_cast<float>(mn);
    const int hbit = 2 * g + hiNib;
    uint32_t lo, hi, hlo, hhi;
    bytes8At2(b + 48 + g * 32 + l0, lo, hi);
    bytes8At2(b + 16 + l0, hlo, hhi);
#pragma unroll
    for (int i = 0; i < 8; i++) {
      const int q = ((byteOf(lo, hi, i) >> (4 * hiNib)) & 15) + (((byteOf(hlo, hhi, i) >> hbit) & 1) << 4);
      o[i] = d * static_cast<float>(q) - m;
    }
  }
};

// Raw Q6_K chunk: 8 low-nibble bytes, 8 high-bit bytes, the scale byte and d's f16 bits.
struct Q6KRaw {
  uint32_t lo, hi, hlo, hhi, sd;
};

template <>
struct Chunk<GgmlType::Q6_K> {
  static constexpr int kBlock = 256, kBytes = 210;
  using Raw = Q6KRaw;
  __device__ static Raw fetch(const uint8_t* row, int64_t c) {
    const uint8_t* b = row + (c >> 5) * kBytes;
    const int e = static_cast<int>(c & 31) * 8;
    const int half = e / 128;            // ql advances 64, qh 32, scales 8 per 128 elements
    const int quarter = (e % 128) / 32;  // which of q1..q4
    const int l0 = e % 32;
    Raw r;
    bytes8At2(b + half * 64 + (quarter & 1) * 32 + l0, r.lo, r.hi);
    bytes8At2(b + 128 + half * 32 + l0, r.hlo, r.hhi);
    r.sd = static_cast<uint32_t>(b[192 + half * 8 + quarter * 2 + l0 / 16]) |
           (static_cast<uint32_t>(*reinterpret_cast<const uint16_t*>(b + 208)) << 16);
    return r;
  }
  __device__ static void decode(const Raw& r, int64_t c, float* o) {
    const int quarter = static_cast<int>(c & 15) >> 2;  // chunk k: ((8k) % 128) / 32
    const float d = __half2float(__ushort_as_half(static_cast<uint16_t>(r.sd >> 16))) *
                    static_cast<float>(static_cast<int8_t>(r.sd & 0xffu));
    const int lshift = (quarter >> 1) * 4;
    const int hshift = quarter * 2;
#pragma unroll
    for (int i = 0; i < 8; i++) {
      const int q = (((byteOf(r.lo, r.hi, i) >> lshift) & 15) | (((byteOf(r.hlo, r.hhi, i) >> hshift) & 3) << 4)) - 32;
      o[i] = d * static_cast<float>(q);
    }
  }
  __device__ static void load(const uint8_t* row, int64_t c, float* o) { decode(fetch(row, c), c, o); }
};

// Any type's chunk as a (fetch, decode) pair: the type's raw form where it has one, else the
// widened floats (fetch loads and decodes, decode copies).
template <GgmlType T, typename = void>
struct RawChunk {
  struct Raw {
    float v[8];
  };
  __device__ static Raw fetch(const uint8_t* row, int64_t c) {
    Raw r;
    Chunk<T>::load(row, c, r.v);
    return r;
  }
  __device__ static void decode(const Raw& r, int64_t, float* o) {
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = r.v[i];
  }
};
template <GgmlType T>
struct RawChunk<T, decltype(void(sizeof(typename Chunk<T>::Raw)))> {
  using Raw = typename Chunk<T>::Raw;
  __device__ static Raw fetch(const uint8_t* row, int64_t c) { return Chunk<T>::fetch(row, c); }
  __device__ static void decode(const Raw& r, int64_t c, float* o) { Chunk<T>::decode(r, c, o); }
};

// Calls f.template operator()<T>() for the runtime type `t` (every supported weight type).
template <typename F>
void dispatchType(GgmlType t, F&& f) {
  switch (t) {
    case GgmlType::F32: f.template operator()<GgmlType::F32>(); return;
    case GgmlType::F16: f.template operator()<GgmlType::F16>(); return;
    case GgmlType::BF16: f.template operator()<GgmlType::BF16>(); return;
    case GgmlType::Q8_0: f.template operator()<GgmlType::Q8_0>(); return;
    case GgmlType::Q4_0: f.template operator()<GgmlType::Q4_0>(); return;
    case GgmlType::Q4_1: f.template operator()<GgmlType::Q4_1>(); return;
    case GgmlType::Q5_0: f.template operator()<GgmlType::Q5_0>(); return;
    case GgmlType::Q5_1: f.template operator()<GgmlType::Q5_1>(); return;
    case GgmlType::Q2_K: f.template operator()<GgmlType::Q2_K>(); return;
    case GgmlType::Q3_K: f.template operator()<GgmlType::Q3_K>(); return;
    case GgmlType::Q4_K: f.template operator()<GgmlType::Q4_K>(); return;
    case GgmlType::Q5_K: f.template operator()<GgmlType::Q5_K>(); return;
    case GgmlType::Q6_K: f.template operator()<GgmlType::Q6_K>(); return;
  }
}

}  // namespace llorch
