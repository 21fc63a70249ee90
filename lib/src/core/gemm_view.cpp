// gemm on MatrixView storage, straight to cblas_dgemm. A TU of its own because it includes
// OpenBLAS's <cblas.h>, which must not meet xtensor-blas's bundled cblas declarations
// (linalg.cpp; docs/pages/design.md, build budget).
#include <cblas.h>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent {

void gemm(ConstMatrixView a, Op op_a, ConstMatrixView b, Op op_b, MatrixView out, double beta) {
  const bool ta = op_a == Op::transpose, tb = op_b == Op::transpose;
  const std::size_t m = ta ? a.cols : a.rows, k = ta ? a.rows : a.cols;
  const std::size_t kb = tb ? b.cols : b.rows, n = tb ? b.rows : b.cols;
  if (k != kb || out.rows != m || out.cols != n)
    throw invalid_argument("gemm: op(a) is " + std::to_string(m) + "x" + std::to_string(k) +
                           ", op(b) is " + std::to_string(kb) + "x" + std::to_string(n) +
                           ", out is " + std::to_string(out.rows) + "x" + std::to_string(out.cols) +
                           "; allowed: (m x k)(k x n) into m x n");
  if (m == 0 || n == 0) return;
  if (k == 0) {  // BLAS rejects a leading dimension of 0; the product of empty factors is 0
    for (std::size_t i = 0; i < m * n; ++i) out.data[i] = beta == 0 ? 0.0 : beta * out.data[i];
    return;
  }
  cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
              blasint(m), blasint(n), blasint(k), 1.0, a.data, blasint(a.cols), b.data,
              blasint(b.cols), beta, out.data, blasint(out.cols));
}

}  // namespace descent
