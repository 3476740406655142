// Every CUDA op against the CPU backend on the same random inputs, for the GPU tests: each case
// uploads identical inputs to both backends, poisons the CUDA outputs with NaN first (so an
// element the kernel never writes shows up), runs the op on both and reports the error. The
// bounds live in the test, next to the argument for them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace llorch {

struct OpParityResult {
  std::string op;     // "matmul", "getRows", ...
  std::string type;   // weight type name, or "f32" for ops without weights
  std::string shape;  // human-readable case description
  bool tensorCores = false;  // computed with f16 operands (a looser bound applies)
  double relErr = 0;  // ||cuda - cpu|| / ||cpu||
  double maxAbsErr = 0;
  int64_t nonFinite = 0;  // NaN/Inf in the CUDA output where the CPU output is finite
  int64_t elements = 0;
};

std::vector<OpParityResult> runOpParity(int ordinal, uint32_t seed);

}  // namespace llorch
