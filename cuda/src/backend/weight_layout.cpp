#include "backend/weight_layout.h"

#include <cstring>

namespace llorch {

namespace {

// Writes 8 four-bit values as one nibble chunk (4 bytes: byte i = q[i] | q[i + 4] << 4).
void putNibbleChunk(const uint8_t* q, uint8_t* dst) {
  for (int i = 0; i < 4; i++) dst[i] = static_cast<uint8_t>((q[i] & 15) | ((q[i + 4] & 15) << 4));
}

// Q4_0/Q5_0 quants: element j < 16 is the low nibble of qs[j], element j + 16 the high one.
void nibbles32(const uint8_t* qs, uint8_t* lo) {
  for (int j = 0; j < 16; j++) {
    lo[j] = qs[j] & 15;
    lo[j + 16] = qs[j] >> 4;
  }
}

void q8_0Row(const uint8_t* src, uint8_t* dst, int64_t cols) {
  const int64_t nb = cols / 32;
  for (int64_t b = 0; b < nb; b++) {
    const uint8_t* blk = src + b * 34;
    std::memcpy(dst + cols + 2 * b, blk, 2);
    std::memcpy(dst + 32 * b, blk + 2, 32);
  }
}

void q4_0Row(const uint8_t* src, uint8_t* dst, int64_t cols) {
  const int64_t nb = cols / 32;
  uint8_t lo[32];
  for (int64_t b = 0; b < nb; b++) {
    const uint8_t* blk = src + b * 18;
    nibbles32(blk + 2, lo);
    for (int k = 0; k < 4; k++) putNibbleChunk(lo + 8 * k, dst + 16 * b + 4 * k);
    std::memcpy(dst + cols / 2 + 2 * b, blk, 2);
  }
}

void q5_0Row(const uint8_t* src, uint8_t* dst, int64_t cols) {
  const int64_t nb = cols / 32;
  uint8_t lo[32];
  for (int64_t b = 0; b < nb; b++) {
    const uint8_t* blk = src + b * 22;
    nibbles32(blk + 6, lo);
    for (int k = 0; k < 4; k++) putNibbleChunk(lo + 8 * k, dst + 16 * b + 4 * k);
    // qh is a little-endian u32 whose bit j is element j's fifth bit: its byte k already is
    // chunk k's high-bit byte.
    std::memcpy(dst + cols / 2 + 4 * b, blk + 2, 4);
    std::memcpy(dst + cols / 2 + cols / 8 + 2 * b, blk, 2);
  }
}

void q4_KRow(const uint8_t* src, uint8_t* dst, int64_t cols) {
  const int64_t nb = cols / 256;
  uint8_t lo[256];
  for (int64_t b = 0; b < nb; b++) {
    const uint8_t* blk = src + b * 144;
    // 64-element group g: 32 bytes qs[32g..]; element 64g + l is the low nibble of qs[32g + l],
    // element 64g + 32 + l its high nibble.
    for (int g = 0; g < 4; g++) {
      for (int l = 0; l < 32; l++) {
        const uint8_t q = blk[16 + 32 * g + l];
        lo[64 * g + l] = q & 15;
        lo[64 * g + 32 + l] = q >> 4;
      }
    }
    for (int k = 0; k < 32; k++) putNibbleChunk(lo + 8 * k, dst + 128 * b + 4 * k);
    std::memcpy(dst + cols / 2 + 16 * b, blk, 16);
  }
}

void q6_KRow(const uint8_t* src, uint8_t* dst, int64_t cols) {
  const int64_t nb = cols / 256;
  uint8_t lo[256], hi[256];
  for (int64_t b = 0; b < nb; b++) {
    const uint8_t* blk = src + b * 210;
    const uint8_t* ql = blk;
    const uint8_t* qh = blk + 128;
    // Element e: half h = e / 128, quarter q = (e % 128) / 32, l = e % 32; low 4 bits in
    // ql[64h + 32(q & 1) + l] (nibble q >> 1), high 2 bits in qh[32h + l] (bits 2q..2q+1).
    for (int e = 0; e < 256; e++) {
      const int h = e / 128, q = (e % 128) / 32, l = e % 32;
      lo[e] = (ql[64 * h + 32 * (q & 1) + l] >> (4 * (q >> 1))) & 15;
      hi[e] = (qh[32 * h + l] >> (2 * q)) & 3;
    }
    for (int k = 0; k < 32; k++) {
      putNibbleChunk(lo + 8 * k, dst + 128 * b + 4 * k);
      uint16_t bits = 0;
      for (int i = 0; i < 8; i++) bits = static_cast<uint16_t>(bits | (hi[8 * k + i] << (2 * i)));
      const uint8_t le[2] = {static_cast<uint8_t>(bits & 0xff), static_cast<uint8_t>(bits >> 8)};
      std::memcpy(dst + cols / 2 + 64 * b + 2 * k, le, 2);
    }
    std::memcpy(dst + 3 * cols / 4 + 16 * b, blk + 192, 16);
    std::memcpy(dst + 13 * cols / 16 + 2 * b, blk + 208, 2);
  }
}

}  // namespace

void toPlanarRows(GgmlType t, const uint8_t* src, uint8_t* dst, int64_t rows, int64_t cols) {
  void (*row)(const uint8_t*, uint8_t*, int64_t) = nullptr;
  switch (t) {
    case GgmlType::Q8_0: row = q8_0Row; break;
    case GgmlType::Q4_0: row = q4_0Row; break;
    case GgmlType::Q5_0: row = q5_0Row; break;
    case GgmlType::Q4_K: row = q4_KRow; break;
    case GgmlType::Q6_K: row = q6_KRow; break;
    default: break;
  }
  const size_t rb = rowBytes(*typeTraits(static_cast<uint32_t>(t)), cols);
  if (row == nullptr) {
    std::memcpy(dst, src, rb * static_cast<size_t>(rows));
    return;
  }
  for (int64_t r = 0; r < rows; r++) row(src + r * rb, dst + r * rb, cols);
}

}  // namespace llorch
