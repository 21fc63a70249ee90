#pragma once
// What OpenBLAS is doing, for the header of every benchmark (docs/pages/design.md, build budget):
// the kernel set in use (OPENBLAS_CORETYPE changes it) and the number of threads.

#include <string>

namespace descent::bench {

/// The OpenBLAS core in use, e.g. "Haswell" or "Cooperlake" (openblas_get_corename()).
std::string openblas_core();

/// The number of threads OpenBLAS uses (openblas_get_num_threads()).
int openblas_threads();

/// One line: "OpenBLAS core: Haswell, threads: 2, OPENBLAS_CORETYPE=Haswell".
std::string openblas_summary();

}  // namespace descent::bench
