// The device's achievable DRAM bandwidth, measured: the ceiling the benchmarks put beside each
// memory-bound figure (a datasheet number would hide clocks, ECC and the card's actual state).
#pragma once

#include <string>

namespace llorch {

struct CopyBandwidth {
  std::string device;    // the driver's device name
  double bytesPerSecond;  // (bytes read + bytes written) / median time of a large D2D copy
};

CopyBandwidth measureCopyBandwidth(int ordinal);

}  // namespace llorch
