// Kernel timestamps for performance work, in builds configured with -DLLORCH_TRACE=ON (see
// cuda/PERF.md): every kernel's blocks record %globaltimer where they start (releaseDependents)
// and where their PDL wait returns (awaitPrerequisite), plus the points a kernel marks with
// LLORCH_TRACE_POINT. Each translation unit keeps its own device buffer (kernel_trace.cuh) and
// registers a function that writes it out; scripts/trace-summary.py reads the file.
#pragma once

#include <cstdio>

namespace llorch {

using TraceDump = void (*)(std::FILE*);

// Adds a unit's dump (called once per unit, at static initialization).
void registerTraceDump(TraceDump dump);

// Writes every unit's records to `path`, one line a traced block: grid id, block, blocks in the
// grid, SM, then the 8 points' times in ns (0: not reached). The device must be idle.
void writeTrace(const char* path);

}  // namespace llorch
