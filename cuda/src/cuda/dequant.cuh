// Device-side dequantization of the weight types, eight consecutive elements at a time:
// Chunk<T>::load(row, c, cols, out) writes elements 8c..8c+7 of a row of `cols` elements. Every
// format's block size is a multiple of 8, so a chunk never straddles two blocks.
// Q8_0, Q4_0, Q5_0, Q4_K and Q6_K are read in the CUDA backend's planar layout
// (backend/weight_layout.h: a chunk's quants are one aligned word, the high-bit and scale planes
// follow the quants, so the decoders need `cols` to find them); a chunk is 2-4 loads. The other
// quantized types keep GGUF blocks, which are only 2-byte aligned (34-, 18-, 210-byte blocks follow
// each other), so they go through 16-bit or byte loads; F16/BF16/F32 rows are read with 16-byte
// vector loads.
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

// A 4-byte word at a 2-byte aligned address: one load where the address is 4-byte aligned. Planar
// rows start as aligned as their byte size allows, so the branch is uniform over a row.
__device__ __forceinline__ uint32_t u32At(const uint8_t* p) {
  return (reinterpret_cast<uintptr_t>(p) & 3u) == 0 ? *reinterpret_cast<const uint32_t*>(p) : u32At2(p);
}

// 8 bytes at a 2-byte aligned address, with the widest loads its alignment allows.
__device__ __forceinline__ uint2 bytes8At(const uint8_t* p) {
  if ((reinterpret_cast<uintptr_t>(p) & 7u) == 0) return *reinterpret_cast<const uint2*>(p);
  return make_uint2(u32At(p), u32At(p + 4));
}

__device__ __forceinline__ uint32_t u16At(const uint8_t* p) { return *reinterpret_cast<const uint16_t*>(p); }

__device__ __forceinline__ float halfBits(uint32_t h) { return __half2float(__ushort_as_half(static_cast<uint16_t>(h))); }

__device__ __forceinline__ int byteOf(uint32_t lo, uint32_t hi, int i) {
  return static_cast<int>(((i < 4 ? lo : hi) >> (8 * (i & 3))) & 0xffu);
}

// Byte i (0..3) of w minus kOffset, as a float: the byte becomes the low mantissa byte of 2^23
// (the float 2^23 + byte) and one subtraction of 2^23 + kOffset leaves byte - kOffset exactly. A
// byte permute and an FADD for every weight the decoders below widen, in place of a conversion
// instruction (Q8_0's int8 took an I2F a weight, which the CUDA guide rates at 16 a cycle an SM
// against 128 FP32 operations; the nibble types took an I2FP and their bit picking).
template <int kOffset>
__device__ __forceinline__ float byteMinus(uint32_t w, int i) {
  constexpr float kBias = 8388608.0f + kOffset;
  return __uint_as_float(__byte_perm(w, 0x4B000000u, 0x7540u | static_cast<uint32_t>(i))) - kBias;
}

// The nibble word of a planar chunk as two words of one element a byte: elements 0..3 (the low
// nibbles) and 4..7 (the high ones), each in the low four bits of its byte.
__device__ __forceinline__ uint32_t lowNibbles(uint32_t w) { return w & 0x0F0F0F0Fu; }
__device__ __forceinline__ uint32_t highNibbles(uint32_t w) { return (w >> 4) & 0x0F0F0F0Fu; }

// Bit k (0..3) of t to bit 8k + 4 (above a nibble): the four shifted copies do not overlap, so the
// product is their OR.
__device__ __forceinline__ uint32_t bitsAboveNibbles(uint32_t t) { return ((t & 15u) * 0x02040810u) & 0x10101010u; }

// 2-bit field k (0..3) of t (bits 2k, 2k + 1) to bits 8k + 4, 8k + 5, in two steps of
// non-overlapping copies.
__device__ __forceinline__ uint32_t pairsAboveNibbles(uint32_t t) {
  const uint32_t halves = ((t & 0xFFu) * 4097u) & 0x000F000Fu;  // fields 0-1 at bit 0, 2-3 at bit 16
  return (halves * 1040u) & 0x30303030u;  // 1040 = 16 + 1024: fields 0, 2 up 4 bits, 1, 3 up 10
}

// o[i] *= d: the decoded chunk of a type whose weights are a chunk scale times small integers
// (decodeUnscaled gives the integers and the scale).
__device__ __forceinline__ void scaleChunk(float d, float* o) {
#pragma unroll
  for (int i = 0; i < 8; i++) o[i] *= d;
}

template <GgmlType T>
struct Chunk;

template <>
struct Chunk<GgmlType::F32> {
  static constexpr int kBlock = 8, kBytes = 32;
  __device__ static void load(const uint8_t* row, int64_t c, int64_t, float* o) {
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
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t) { return reinterpret_cast<const uint4*>(row)[c]; }
  __device__ static void decode(const Raw& v, int64_t, float* o) {
    const __half2* h = reinterpret_cast<const __half2*>(&v);
#pragma unroll
    for (int i = 0; i < 4; i++) {
      const float2 f = __half22float2(h[i]);
      o[2 * i] = f.x;
      o[2 * i + 1] = f.y;
    }
  }
  __device__ static void load(const uint8_t* row, int64_t c, int64_t cols, float* o) {
    decode(fetch(row, c, cols), c, o);
  }
};

template <>
struct Chunk<GgmlType::BF16> {
  static constexpr int kBlock = 8, kBytes = 16;
  using Raw = uint4;
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t) { return reinterpret_cast<const uint4*>(row)[c]; }
  __device__ static void decode(const Raw& v, int64_t, float* o) {
    const uint32_t w[4] = {v.x, v.y, v.z, v.w};
#pragma unroll
    for (int i = 0; i < 4; i++) {
      o[2 * i] = __uint_as_float(w[i] << 16);
      o[2 * i + 1] = __uint_as_float(w[i] & 0xffff0000u);
    }
  }
  __device__ static void load(const uint8_t* row, int64_t c, int64_t cols, float* o) {
    decode(fetch(row, c, cols), c, o);
  }
};

// Planar Q8_0 chunk: the 8 quants (one 8-byte load on 8-byte aligned rows) and the block
// scale's f16 bits.
template <>
struct Chunk<GgmlType::Q8_0> {
  static constexpr int kBlock = 32, kBytes = 34;
  using Raw = uint3;
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t cols) {
    const uint2 q = bytes8At(row + 8 * c);
    return make_uint3(q.x, q.y, u16At(row + cols + 2 * (c >> 2)));
  }
  // The 8 quants (exact floats); returns the scale they are multiplied by.
  __device__ static float decodeUnscaled(const Raw& r, int64_t, float* o) {
    // Each int8 offset to unsigned (q + 128).
    const uint32_t lo = r.x ^ 0x80808080u, hi = r.y ^ 0x80808080u;
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = byteMinus<128>(i < 4 ? lo : hi, i & 3);
    return halfBits(r.z);
  }
  __device__ static void decode(const Raw& r, int64_t c, float* o) { scaleChunk(decodeUnscaled(r, c, o), o); }
  __device__ static void load(const uint8_t* row, int64_t c, int64_t cols, float* o) {
    decode(fetch(row, c, cols), c, o);
  }
};

// Planar Q4_0 chunk: the nibble word and d's f16 bits.
template <>
struct Chunk<GgmlType::Q4_0> {
  static constexpr int kBlock = 32, kBytes = 18;
  using Raw = uint2;
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t cols) {
    return make_uint2(u32At(row + 4 * c), u16At(row + cols / 2 + 2 * (c >> 2)));
  }
  __device__ static float decodeUnscaled(const Raw& r, int64_t, float* o) {
    const uint32_t lo = lowNibbles(r.x), hi = highNibbles(r.x);
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = byteMinus<8>(i < 4 ? lo : hi, i & 3);
    return halfBits(r.y);
  }
  __device__ static void decode(const Raw& r, int64_t c, float* o) { scaleChunk(decodeUnscaled(r, c, o), o); }
  __device__ static void load(const uint8_t* row, int64_t c, int64_t cols, float* o) {
    decode(fetch(row, c, cols), c, o);
  }
};

// GGUF blocks: element j < 16 is the low nibble of qs[j], element j + 16 the high one.
template <>
struct Chunk<GgmlType::Q4_1> {
  static constexpr int kBlock = 32, kBytes = 20;
  __device__ static void load(const uint8_t* row, int64_t c, int64_t, float* o) {
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

// Planar Q5_0 chunk: the nibble word, d's f16 bits and the chunk's high-bit byte, each as loaded.
// fetch() computes nothing from a loaded value, so a warp that fetches before its PDL wait does
// not stall there for the data. With d and the high bits combined in fetch, the blocks of the
// Q4_K_M mix's gate/up that the SMs could not hold before the wait (a third of them) got past
// it 2-4.5 us after it returned, against 0.4-0.7 us for Q8_0's, whose fetch only loads (traced
// on an H100); this form decoded the mix 1.5-2.5 % faster.
template <>
struct Chunk<GgmlType::Q5_0> {
  static constexpr int kBlock = 32, kBytes = 22;
  using Raw = uint3;
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t cols) {
    return make_uint3(u32At(row + 4 * c), u16At(row + cols / 2 + cols / 8 + 2 * (c >> 2)), row[cols / 2 + c]);
  }
  __device__ static float decodeUnscaled(const Raw& r, int64_t, float* o) {
    // Element i's fifth bit (bit i of r.z) above its nibble.
    const uint32_t lo = lowNibbles(r.x) | bitsAboveNibbles(r.z);
    const uint32_t hi = highNibbles(r.x) | bitsAboveNibbles(r.z >> 4);
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = byteMinus<16>(i < 4 ? lo : hi, i & 3);
    return halfBits(r.y);
  }
  __device__ static void decode(const Raw& r, int64_t c, float* o) { scaleChunk(decodeUnscaled(r, c, o), o); }
  __device__ static void load(const uint8_t* row, int64_t c, int64_t cols, float* o) {
    decode(fetch(row, c, cols), c, o);
  }
};

template <>
struct Chunk<GgmlType::Q5_1> {
  static constexpr int kBlock = 32, kBytes = 24;
  __device__ static void load(const uint8_t* row, int64_t c, int64_t, float* o) {
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
  __device__ static void load(const uint8_t* row, int64_t c, int64_t, float* o) {
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
  __device__ static void load(const uint8_t* row, int64_t c, int64_t, float* o) {
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

// Planar Q4_K chunk: the nibble word, d and dmin's f16 bits, and the sub-block's 6-bit scale and
// min. Rows are 144 x nb bytes, so every row, nibble word and 16-byte header is aligned.
template <>
struct Chunk<GgmlType::Q4_K> {
  static constexpr int kBlock = 256, kBytes = 144;
  // The nibble word and its super-block's header as loaded (d | dmin, scales[0..3], scales[4..7],
  // scales[8..11]: scaleMinK4's bytes). The fetch only loads: a matvec warp fetches a round in
  // branches (a chunk past the row is not loaded), so a fetch that worked on its loaded words
  // waited for each chunk's loads before issuing the next chunk's, and that wait came before the
  // kernel's PDL wait. A block that starts late (its SM full until the kernel before ends) paid a
  // round trip a chunk there: the mix's down projection's late blocks got past the wait 3.0 us
  // after it (median), Q8_0's 1.7; 1.6 since the header is decoded with the nibbles (PERF.md).
  struct Raw {
    uint32_t q;
    uint4 h;
  };
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t cols) {
    return Raw{*reinterpret_cast<const uint32_t*>(row + 4 * c),
               *reinterpret_cast<const uint4*>(row + cols / 2 + 16 * (c >> 5))};
  }
  __device__ static void decode(const Raw& r, int64_t c, float* o) {
    const int j = static_cast<int>(c & 31) >> 2;  // 32-element sub-block of the super-block
    const int sh = 8 * (j & 3);
    const uint32_t s0 = (r.h.y >> sh) & 0xffu, s4 = (r.h.z >> sh) & 0xffu, s8 = (r.h.w >> sh) & 0xffu;
    const uint32_t sc = j < 4 ? (s0 & 63u) : ((s8 & 15u) | ((s0 >> 6) << 4));
    const uint32_t mn = j < 4 ? (s4 & 63u) : ((s8 >> 4) | ((s4 >> 6) << 4));
    const float d = halfBits(r.h.x) * static_cast<float>(sc);
    const float m = halfBits(r.h.x >> 16) * static_cast<float>(mn);
    const uint32_t lo = lowNibbles(r.q), hi = highNibbles(r.q);
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = d * byteMinus<0>(i < 4 ? lo : hi, i & 3) - m;
  }
  __device__ static void load(const uint8_t* row, int64_t c, int64_t cols, float* o) {
    decode(fetch(row, c, cols), c, o);
  }
};

template <>
struct Chunk<GgmlType::Q5_K> {
  static constexpr int kBlock = 256, kBytes = 176;
  __device__ static void load(const uint8_t* row, int64_t c, int64_t, float* o) {
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

// Planar Q6_K chunk: the low nibble word, the chunk's 16 high bits, its int8 scale and d's f16
// bits, as loaded (the fetch only loads, as Q4_K's). Rows are 210 x nb bytes, often only 2-byte
// aligned: there the nibble word is two 2-byte loads (lo and lo1), else lo1 is 0.
template <>
struct Chunk<GgmlType::Q6_K> {
  static constexpr int kBlock = 256, kBytes = 210;
  struct Raw {
    uint32_t lo, lo1, hi, sc, d;
  };
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t cols) {
    const uint8_t* q = row + 4 * c;
    const bool aligned = (reinterpret_cast<uintptr_t>(q) & 3u) == 0;
    return Raw{aligned ? *reinterpret_cast<const uint32_t*>(q) : u16At(q), aligned ? 0u : u16At(q + 2),
               u16At(row + cols / 2 + 2 * c), row[3 * cols / 4 + (c >> 1)], u16At(row + 13 * cols / 16 + 2 * (c >> 5))};
  }
  __device__ static float decodeUnscaled(const Raw& r, int64_t, float* o) {
    const uint32_t w = r.lo | (r.lo1 << 16);
    // Element i's top two bits (bits 2i, 2i + 1 of r.hi) above its nibble.
    const uint32_t lo = lowNibbles(w) | pairsAboveNibbles(r.hi);
    const uint32_t hi = highNibbles(w) | pairsAboveNibbles(r.hi >> 8);
#pragma unroll
    for (int i = 0; i < 8; i++) o[i] = byteMinus<32>(i < 4 ? lo : hi, i & 3);
    return halfBits(r.d) * static_cast<float>(static_cast<int8_t>(r.sc));
  }
  __device__ static void decode(const Raw& r, int64_t c, float* o) { scaleChunk(decodeUnscaled(r, c, o), o); }
  __device__ static void load(const uint8_t* row, int64_t c, int64_t cols, float* o) {
    decode(fetch(row, c, cols), c, o);
  }
};

// Any type's chunk as a (fetch, decode) pair: the type's raw form where it has one, else the
// widened floats (fetch loads and decodes, decode copies).
template <GgmlType T, typename = void>
struct RawChunk {
  struct Raw {
    float v[8];
  };
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t cols) {
    Raw r;
    Chunk<T>::load(row, c, cols, r.v);
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
  __device__ static Raw fetch(const uint8_t* row, int64_t c, int64_t cols) { return Chunk<T>::fetch(row, c, cols); }
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
