#pragma once
// Raw OpenBLAS dgemm, declared without <cblas.h> so that callers may include xtensor-blas.

#include <cstddef>

namespace descent::bench {

/// c (m x n) = a (m x k) * b (k x n), all row-major and contiguous: cblas_dgemm, beta = 0.
void cblas_gemm(std::size_t m, std::size_t n, std::size_t k, const double* a, const double* b,
                double* c);

}  // namespace descent::bench
