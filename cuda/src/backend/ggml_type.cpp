#include "backend/ggml_type.h"

namespace llorch {

const TypeTraits* typeTraits(uint32_t type) {
  // Block sizes and byte counts follow ggml's block_* structs (QK_K = 256 for the K-quants).
  static const TypeTraits kF32{"F32", 1, 4};
  static const TypeTraits kF16{"F16", 1, 2};
  static const TypeTraits kBF16{"BF16", 1, 2};
  static const TypeTraits kQ4_0{"Q4_0", 32, 18};
  static const TypeTraits kQ4_1{"Q4_1", 32, 20};
  static const TypeTraits kQ5_0{"Q5_0", 32, 22};
  static const TypeTraits kQ5_1{"Q5_1", 32, 24};
  static const TypeTraits kQ8_0{"Q8_0", 32, 34};
  static const TypeTraits kQ2_K{"Q2_K", 256, 84};
  static const TypeTraits kQ3_K{"Q3_K", 256, 110};
  static const TypeTraits kQ4_K{"Q4_K", 256, 144};
  static const TypeTraits kQ5_K{"Q5_K", 256, 176};
  static const TypeTraits kQ6_K{"Q6_K", 256, 210};
  switch (static_cast<GgmlType>(type)) {
    case GgmlType::F32: return &kF32;
    case GgmlType::F16: return &kF16;
    case GgmlType::BF16: return &kBF16;
    case GgmlType::Q4_0: return &kQ4_0;
    case GgmlType::Q4_1: return &kQ4_1;
    case GgmlType::Q5_0: return &kQ5_0;
    case GgmlType::Q5_1: return &kQ5_1;
    case GgmlType::Q8_0: return &kQ8_0;
    case GgmlType::Q2_K: return &kQ2_K;
    case GgmlType::Q3_K: return &kQ3_K;
    case GgmlType::Q4_K: return &kQ4_K;
    case GgmlType::Q5_K: return &kQ5_K;
    case GgmlType::Q6_K: return &kQ6_K;
  }
  return nullptr;
}

}  // namespace llorch
