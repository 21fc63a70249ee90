// The only bench TU that includes OpenBLAS's <cblas.h>: it must not see xtensor-blas, whose
// bundled cblas declarations conflict with it (docs/pages/design.md, build budget).
#include "cblas_gemm.hpp"

#include <cblas.h>

namespace descent::bench {

void cblas_gemm(std::size_t m, std::size_t n, std::size_t k, const double* a, const double* b,
                double* c) {
  const auto mi = static_cast<blasint>(m);
  const auto ni = static_cast<blasint>(n);
  const auto ki = static_cast<blasint>(k);
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, mi, ni, ki, 1.0, a, ki, b, ni, 0.0, c, ni);
}

}  // namespace descent::bench
