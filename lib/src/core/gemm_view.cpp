// gemm on MatrixView storage: small products in a fixed-order loop, large ones straight to
// cblas_dgemm. A TU of its own because it includes OpenBLAS's <cblas.h>, which must not meet
// xtensor-blas's bundled cblas declarations (linalg.cpp; docs/pages/design.md, build budget).
#include <cblas.h>

#include "descent/core/error.hpp"
#include "descent/core/kernels.hpp"
#include "descent/core/linalg.hpp"

// OpenBLAS's thread-count controls, declared weak: with another BLAS they are absent (null) and
// every product runs as that BLAS decides.
extern "C" {
__attribute__((weak)) void openblas_set_num_threads(int threads);
__attribute__((weak)) int openblas_get_num_threads();
}

namespace descent {

namespace {

// dgemm on one OpenBLAS thread when the product is below kThreadedProduct (linalg.hpp), on
// OpenBLAS's own thread count above it. The count is a process-wide setting, so it is lowered
// for the call and put back after it (descent calls BLAS from one thread only).
void blas_gemm(bool ta, bool tb, std::size_t m, std::size_t n, std::size_t k, const double* a,
               std::size_t lda, const double* b, std::size_t ldb, double beta, double* out,
               std::size_t ldo) {
  auto call = [&] {
    cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                blasint(m), blasint(n), blasint(k), 1.0, a, blasint(lda), b, blasint(ldb), beta,
                out, blasint(ldo));
  };
  const int threads =
      m * n * k < kThreadedProduct && openblas_get_num_threads && openblas_set_num_threads
          ? openblas_get_num_threads()
          : 1;
  if (threads <= 1) {
    call();
    return;
  }
  openblas_set_num_threads(1);
  call();
  openblas_set_num_threads(threads);
}

// out = op(a) op(b) + beta out, one row of out at a time: row_i += a_ik · (row k of op(b)) for
// k = 0, 1, ... in order. Every entry of out sums its k terms in the same order whatever the
// SIMD width, so the result is the same bits on every x86-64 machine and OpenBLAS core type
// (BLAS kernels block and fuse differently per core). With op(b) transposed the rows of op(b)
// are columns of b: each entry is then the fixed-order dot product of two contiguous rows.
void small_gemm(ConstMatrixView a, bool ta, ConstMatrixView b, bool tb, MatrixView out, double beta,
                std::size_t m, std::size_t n, std::size_t k) {
  for (std::size_t i = 0; i < m; ++i) {
    double* row = out.data + i * out.cols;
    for (std::size_t j = 0; j < n; ++j) row[j] = beta == 0 ? 0.0 : beta * row[j];
    if (tb && !ta) {
      for (std::size_t j = 0; j < n; ++j)
        row[j] += kernels::dot(a.data + i * a.cols, b.data + j * b.cols, k);
      continue;
    }
    for (std::size_t l = 0; l < k; ++l) {
      const double a_il = ta ? a.data[l * a.cols + i] : a.data[i * a.cols + l];
      if (tb) {
        for (std::size_t j = 0; j < n; ++j) row[j] += a_il * b.data[j * b.cols + l];
      } else {
        const double* b_l = b.data + l * b.cols;
        for (std::size_t j = 0; j < n; ++j) row[j] += a_il * b_l[j];
      }
    }
  }
}

}  // namespace

void gemm(ConstMatrixView a, Op op_a, ConstMatrixView b, Op op_b, MatrixView out, double beta) {
  const bool ta = op_a == Op::transpose, tb = op_b == Op::transpose;
  const std::size_t m = ta ? a.cols : a.rows, k = ta ? a.rows : a.cols;
  const std::size_t kb = tb ? b.cols : b.rows, n = tb ? b.rows : b.cols;
  if (k != kb || out.rows != m || out.cols != n)
    throw invalid_argument("gemm: op(a) is " + std::to_string(m) + "x" + std::to_string(k) +
                           ", op(b) is " + std::to_string(kb) + "x" + std::to_string(n) +
                           ", out is " + std::to_string(out.rows) + "x" + std::to_string(out.cols) +
                           "; allowed: (m x k)(k x n) into m x n");
  // Empty factors land here too (m · n · k = 0, and BLAS rejects a leading dimension of 0):
  // the loop leaves beta · out, the product of empty factors being 0.
  if (m * n * k <= kSmallProduct) {
    small_gemm(a, ta, b, tb, out, beta, m, n, k);
    return;
  }
  blas_gemm(ta, tb, m, n, k, a.data, a.cols, b.data, b.cols, beta, out.data, out.cols);
}

}  // namespace descent
