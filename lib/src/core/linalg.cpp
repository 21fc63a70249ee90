// LAPACK kernels through xtensor-blas, and the products that check shapes before they run. This is
// the only library TU that includes xtensor-blas, so its templates are compiled once. Never include
// OpenBLAS's <cblas.h> here: it conflicts with the cblas declarations bundled in xtensor-blas
// (docs/pages/design.md, build budget).
#include "descent/core/linalg.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xbuilder.hpp>

#include "descent/core/error.hpp"
#include "descent/core/kernels.hpp"
#include "descent/core/memory.hpp"

namespace descent {

std::string shape_string(const matrix& m) {
  return std::to_string(m.shape(0)) + "x" + std::to_string(m.shape(1));
}

std::string shape_string(const vector& v) {
  return std::to_string(v.shape(0));
}

namespace {

void require_square(const char* function, const char* name, const matrix& m) {
  if (m.shape(0) != m.shape(1)) {
    throw invalid_argument(std::string(function) + ": " + name + " must be square, but it is " +
                           shape_string(m));
  }
}

void require_inner(const matrix& a, const matrix& b) {
  if (a.shape(1) != b.shape(0)) {
    throw invalid_argument("gemm: inner dimensions differ: a is " + shape_string(a) + ", b is " +
                           shape_string(b));
  }
}

// LAPACK's results on NaN or infinite input are unspecified (OpenBLAS's dpotrf, for one,
// returns a NaN factor without an error), so the factorizations check their input first:
// O(n^2) against their O(n^3).
template <class Tensor>
void require_finite(const char* function, const char* name, const Tensor& t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!std::isfinite(t.flat(i))) {
      std::string where = std::to_string(i);
      if constexpr (Tensor::rank == 2) {
        where = std::to_string(i / t.shape(1)) + "," + std::to_string(i % t.shape(1));
      }
      throw linalg_error(std::string(function) + ": " + name + " has a non-finite entry (" +
                         std::to_string(t.flat(i)) + " at (" + where + "))");
    }
  }
}

// BLAS rejects a leading dimension of 0, so products with an empty dimension are done here.
bool has_empty_dimension(const matrix& a, const matrix& b) {
  return a.shape(0) == 0 || a.shape(1) == 0 || b.shape(1) == 0;
}

}  // namespace

matrix gemm(const matrix& a, const matrix& b) {
  // Not `return xt::linalg::dot(a, b)`: that returns an xt::xarray, which the return statement
  // copies into a second fresh buffer. bench_gemm at n = 2048: 318 ms that way, 222 ms this
  // way, 169 ms for dgemm into a preallocated output.
  matrix out = matrix::from_shape({a.shape(0), b.shape(1)});
  // Fresh memory, faulted in as dgemm first writes it: at n = 2048 that is 8192 small pages,
  // 5-10 % of the product on the project's VM (bench_gemm counts them), or about 16 huge ones.
  advise_huge_pages(out.data(), out.size());
  gemm(a, b, out);
  return out;
}

void gemm(const matrix& a, const matrix& b, matrix& out) {
  require_inner(a, b);
  if (&out == &a || &out == &b) {
    throw invalid_argument("gemm: the output must not be one of the inputs (in-place product)");
  }
  const std::array<std::size_t, 2> shape{a.shape(0), b.shape(1)};
  if (out.shape(0) != shape[0] || out.shape(1) != shape[1]) out.resize(shape);
  if (has_empty_dimension(a, b)) {
    out.fill(0.0);
    return;
  }
  // on the existing storage of `out`: no temporary is allocated
  gemm(ConstMatrixView(a), Op::none, ConstMatrixView(b), Op::none,
       MatrixView{out.data(), shape[0], shape[1]});
}

vector gemv(const matrix& a, const vector& x) {
  if (a.shape(1) != x.shape(0)) {
    throw invalid_argument("gemv: sizes differ: a is " + shape_string(a) + ", x has " +
                           shape_string(x) + " entries");
  }
  if (a.shape(0) == 0 || a.shape(1) == 0) return xt::zeros<double>({a.shape(0)});
  const std::size_t m = a.shape(0), n = a.shape(1);
  vector y = xt::empty<double>({m});
  for (std::size_t i = 0; i < m; ++i) y(i) = kernels::dot(a.data() + i * n, x.data(), n);
  return y;
}

double dot(const vector& x, const vector& y) {
  if (x.shape(0) != y.shape(0)) {
    throw invalid_argument("dot: sizes differ: x has " + shape_string(x) + " entries, y has " +
                           shape_string(y));
  }
  if (x.shape(0) == 0) return 0.0;
  return kernels::dot(x.data(), y.data(), x.shape(0));
}

vector solve(const matrix& a, const vector& b) {
  require_square("solve", "a", a);
  if (b.shape(0) != a.shape(0)) {
    throw invalid_argument("solve: sizes differ: a is " + shape_string(a) + ", b has " +
                           shape_string(b) + " entries");
  }
  if (a.shape(0) == 0) return vector::from_shape({0});
  require_finite("solve", "a", a);
  require_finite("solve", "b", b);
  // xt::linalg::solve throws a bare std::runtime_error; call dgesv directly to report why.
  xt::xtensor<double, 2, xt::layout_type::column_major> lu = a;
  xt::xtensor<double, 1, xt::layout_type::column_major> x = b;
  const int info = xt::lapack::gesv(lu, x);
  if (info > 0) {
    throw singular_matrix("solve: the " + shape_string(a) + " matrix is singular (LU pivot U(" +
                          std::to_string(info) + "," + std::to_string(info) + ") is exactly zero)");
  }
  if (info < 0) {
    throw linalg_error("solve: LAPACK dgesv rejected argument " + std::to_string(-info));
  }
  return vector(x);
}

matrix cholesky(const matrix& spd) {
  require_square("cholesky", "the matrix", spd);
  if (spd.shape(0) == 0) return matrix::from_shape({0, 0});
  require_finite("cholesky", "the matrix", spd);
  xt::xtensor<double, 2, xt::layout_type::column_major> factor = spd;
  const int info = xt::lapack::potr(factor, 'L');
  if (info > 0) {
    throw not_positive_definite("cholesky: the " + shape_string(spd) +
                                " matrix is not positive definite (the leading minor of order " +
                                std::to_string(info) + " is not positive)");
  }
  if (info < 0) {
    throw linalg_error("cholesky: LAPACK dpotrf rejected argument " + std::to_string(-info));
  }
  matrix lower(factor);
  const std::size_t n = lower.shape(0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) lower(i, j) = 0.0;  // dpotrf leaves the upper part
  }
  return lower;
}

SymmetricEigen eigh(const matrix& symmetric) {
  require_square("eigh", "the matrix", symmetric);
  if (symmetric.shape(0) == 0) return {vector::from_shape({0}), matrix::from_shape({0, 0})};
  require_finite("eigh", "the matrix", symmetric);
  xt::xtensor<double, 2, xt::layout_type::column_major> vectors = symmetric;
  auto values =
      xt::xtensor<double, 1, xt::layout_type::column_major>::from_shape({symmetric.shape(0)});
  const int info = xt::lapack::syevd(vectors, 'V', 'L', values);
  if (info != 0) {
    throw linalg_error("eigh: LAPACK dsyevd did not converge on the " + shape_string(symmetric) +
                       " matrix (info = " + std::to_string(info) + ")");
  }
  return {vector(values), matrix(vectors)};
}

}  // namespace descent
