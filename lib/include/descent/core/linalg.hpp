#pragma once
/// \file
/// Dense linear algebra kernels backed by BLAS/LAPACK (OpenBLAS) through xtensor-blas.
///
/// Small products are the exception: a gemm of at most kSmallProduct multiply-adds, and every
/// gemv and dot, run descent's own loops, which sum in a fixed order (core/kernels.hpp). A BLAS
/// kernel's summation order and use of fused multiply-adds depend on the OpenBLAS core type
/// (`OPENBLAS_CORETYPE`, or the CPU it detects), so its last bits differ from machine to
/// machine, and a sensitive computation (nonlinear CG on Rosenbrock, a small network trained
/// for hundreds of steps) amplifies them into a visibly different path. With the fixed-order
/// loops the 2-D paths and small networks of the chapters give the same bits on every x86-64
/// machine; for tiny sizes the loops are also faster than the call into BLAS. Large products,
/// where BLAS's blocking pays, still go to BLAS.
///
/// The heavy xtensor-blas templates are instantiated once, in `linalg.cpp`; this header only
/// needs the tensor aliases. Every function checks the shapes of its arguments and throws
/// descent::invalid_argument with a message naming them (e.g. `gemm: inner dimensions differ:
/// a is 2x3, b is 4x5`). Numerical failures (a singular system, a matrix that is not positive
/// definite, a NaN entry) throw descent::linalg_error or one of its subclasses, so that an
/// optimizer can turn them into a status such as StopReason::singular_hessian.

#include <cstddef>
#include <stdexcept>
#include <string>

#include "descent/core/tensor.hpp"

namespace descent {

/// A LAPACK routine could not complete: the input is valid in shape but not in value.
class linalg_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// solve(): the LU factorization found an exactly zero pivot (the matrix is singular).
/// A nearly singular matrix is not detected: its solution is returned, inaccurate.
class singular_matrix : public linalg_error {
 public:
  using linalg_error::linalg_error;
};

/// cholesky(): the matrix is not (numerically) symmetric positive definite.
class not_positive_definite : public linalg_error {
 public:
  using linalg_error::linalg_error;
};

/// The matrix product a b (BLAS dgemm). `a` is m x k, `b` is k x n, the result m x n.
/// Throws descent::invalid_argument if the inner dimensions differ. Any zero dimension is
/// allowed (the result is then an m x n matrix of zeros). Each call allocates its result; for
/// large matrices writing fresh memory costs page faults (at n = 2048 this call took 1.3x the
/// time of dgemm into existing storage), so hot loops should use the overload with `out`.
[[nodiscard]] matrix gemm(const matrix& a, const matrix& b);

/// The matrix product a b written into `out` (BLAS dgemm with beta = 0), for hot loops.
/// `out` is resized to m x n only if its shape differs; when it already has that shape no
/// memory is allocated. `out` must not be `a` or `b` (dgemm cannot work in place): that throws
/// descent::invalid_argument, as do mismatched inner dimensions.
void gemm(const matrix& a, const matrix& b, matrix& out);

/// A row-major matrix whose numbers live in someone else's storage (a slice of a flat
/// parameter vector, a workspace buffer allocated once): `rows` × `cols` numbers from `data`,
/// row after row. Hot loops (nn training) multiply views so that no product allocates.
struct MatrixView {
  double* data;      ///< first number, row 0 column 0; row i starts at data + i * cols
  std::size_t rows;  ///< number of rows
  std::size_t cols;  ///< number of columns (the stride between rows)
  /// Entry (i, j), read-write: `data[i * cols + j]`; indices are not checked.
  double& operator()(std::size_t i, std::size_t j) const { return data[i * cols + j]; }
};

/// The read-only counterpart of MatrixView; every MatrixView converts to it.
struct ConstMatrixView {
  const double* data;  ///< first number, row 0 column 0; row i starts at data + i * cols
  std::size_t rows;    ///< number of rows
  std::size_t cols;    ///< number of columns (the stride between rows)
  /// A view of `r` x `c` numbers starting at `d`, row-major.
  ConstMatrixView(const double* d, std::size_t r, std::size_t c) : data(d), rows(r), cols(c) {}
  /// A read-only view of the same numbers as `v` (implicit: a MatrixView passes where a
  /// ConstMatrixView is expected).
  ConstMatrixView(MatrixView v) : data(v.data), rows(v.rows), cols(v.cols) {}  // NOLINT
  /// A view of all of `m` (which must be row-major and outlive the view).
  explicit ConstMatrixView(const matrix& m) : data(m.data()), rows(m.shape(0)), cols(m.shape(1)) {}
  /// Entry (i, j): `data[i * cols + j]`; indices are not checked.
  double operator()(std::size_t i, std::size_t j) const { return data[i * cols + j]; }
};

/// Products of at most this many multiply-adds (m · n · k) are computed by descent's fixed-order
/// loop instead of BLAS dgemm: see the file comment.
inline constexpr std::size_t kSmallProduct = std::size_t{1} << 14;
/// Products of fewer multiply-adds than this run on one OpenBLAS thread, larger ones on
/// OpenBLAS's thread count (OPENBLAS_NUM_THREADS, else one per core). OpenBLAS itself goes
/// parallel from 2^18; below 2^22 the second thread's start and its spinning between products
/// cost more than it saves (a batch of 10 through a 784-400 layer is 3.1·10⁶).
inline constexpr std::size_t kThreadedProduct = std::size_t{1} << 22;
/// Whether gemm uses a matrix as it is or its transpose (BLAS reads it transposed in place).
enum class Op { none, transpose };

/// out = op(a) op(b) + beta · out on the views' storage (BLAS dgemm; nothing is allocated, no
/// transpose is copied). With beta = 0 the old contents of `out` are ignored. Throws
/// descent::invalid_argument if the shapes of op(a), op(b) and out do not fit.
void gemm(ConstMatrixView a, Op op_a, ConstMatrixView b, Op op_b, MatrixView out, double beta = 0);

/// The matrix-vector product a x: each entry the fixed-order dot product of a row of `a` with x.
/// `a` is m x n, `x` has n entries, the result m. Throws descent::invalid_argument if the sizes
/// differ.
[[nodiscard]] vector gemv(const matrix& a, const vector& x);

/// The inner product x . y in a fixed summation order (kernels::dot); 0 for empty vectors.
/// Throws descent::invalid_argument if the sizes differ.
[[nodiscard]] double dot(const vector& x, const vector& y);

/// The solution x of a x = b for a square `a` (LAPACK dgesv: LU with partial pivoting).
/// Throws descent::invalid_argument if `a` is not square or `b` does not match it, and
/// descent::singular_matrix if a pivot is exactly zero, descent::linalg_error if an entry of `a`
/// or `b` is NaN or infinite. Conditioning is not checked: for a
/// nearly singular `a` the result is returned with a large error (compare with numpy.linalg.solve,
/// which behaves the same way).
[[nodiscard]] vector solve(const matrix& a, const vector& b);

/// The Cholesky factor L of a symmetric positive definite matrix: a = L L^T, L lower triangular
/// with a positive diagonal (LAPACK dpotrf). Only the lower triangle of `spd` is read; symmetry
/// is not checked. Throws descent::invalid_argument if `spd` is not square and
/// descent::not_positive_definite (message "... is not positive definite ...") if the
/// factorization meets a non-positive pivot, descent::linalg_error if an entry is NaN or
/// infinite (LAPACK would not report it: OpenBLAS's dpotrf returns a NaN factor).
[[nodiscard]] matrix cholesky(const matrix& spd);

/// Eigen-decomposition of a symmetric matrix: `symmetric = vectors * diag(values) * vectors^T`.
struct SymmetricEigen {
  vector values;   ///< the eigenvalues in ascending order
  matrix vectors;  ///< column j is a unit eigenvector for values(j); its sign is not fixed
};

/// The eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix (LAPACK
/// dsyevd). Only the lower triangle is read; symmetry is not checked. Throws
/// descent::invalid_argument if the matrix is not square, descent::linalg_error if an entry is
/// NaN or infinite or if LAPACK does not converge.
[[nodiscard]] SymmetricEigen eigh(const matrix& symmetric);

/// A shape as people write it: "3x4" for a matrix, "5" for a vector (used in messages).
[[nodiscard]] std::string shape_string(const matrix& m);
/// The length of a vector as a string, e.g. "5" (used in messages).
[[nodiscard]] std::string shape_string(const vector& v);

}  // namespace descent
