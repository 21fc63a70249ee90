// descent::gemm/gemv/dot/solve/cholesky/eigh against numpy/scipy values
// (tests/reference/fixtures/core_linalg.json, written by tests/reference/generate_core.py).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "fixtures.hpp"

namespace {

using descent::matrix;
using descent::vector;
using descent::testing::max_abs_diff;
using descent::testing::to_matrix;
using descent::testing::to_vector;
using nlohmann::json;

constexpr double eps = std::numeric_limits<double>::epsilon();

const json& fixture() {
  static const json data = descent::testing::load_fixture("core_linalg.json");
  return data;
}

double max_abs(const auto& x) {
  double m = 0.0;
  for (double v : x) m = std::max(m, std::abs(v));
  return m;
}

// Transpose without xtensor views (keeps this TU light).
matrix transpose(const matrix& a) {
  auto t = matrix::from_shape({a.shape(1), a.shape(0)});
  for (std::size_t i = 0; i < a.shape(0); ++i) {
    for (std::size_t j = 0; j < a.shape(1); ++j) t(j, i) = a(i, j);
  }
  return t;
}

}  // namespace

TEST_CASE("core/linalg: gemm matches numpy") {
  for (const auto& c : fixture().at("gemm")) {
    CAPTURE(c.at("name").get<std::string>());
    const matrix a = to_matrix(c.at("a"));
    const matrix b = to_matrix(c.at("b"));
    const matrix expected = to_matrix(c.at("ab"));
    // A sum of k products may be accumulated in a different order (BLAS kernel vs numpy);
    // the standard bound is k * eps * max|a| * max|b| per entry; factor 4 for headroom.
    const double k = static_cast<double>(a.shape(1));
    const double tol = 4.0 * k * eps * max_abs(a) * max_abs(b);
    CHECK(max_abs_diff(descent::gemm(a, b), expected) <= tol);

    matrix out = matrix::from_shape({7, 7});  // wrong shape: gemm resizes it
    descent::gemm(a, b, out);
    CHECK(max_abs_diff(out, expected) <= tol);
    const double* storage = out.data();
    descent::gemm(a, b, out);  // right shape now: the storage is reused
    CHECK(out.data() == storage);
    CHECK(max_abs_diff(out, expected) <= tol);
  }
}

TEST_CASE("core/linalg: gemm with an empty inner dimension gives zeros") {
  const matrix a = matrix::from_shape({2, 0});
  const matrix b = matrix::from_shape({0, 3});
  const matrix c = descent::gemm(a, b);
  REQUIRE(c.shape(0) == 2);
  REQUIRE(c.shape(1) == 3);
  CHECK(max_abs(c) == 0.0);
}

TEST_CASE("core/linalg: gemm rejects mismatched shapes and in-place output") {
  const matrix a = matrix::from_shape({2, 3});
  const matrix b = matrix::from_shape({4, 5});
  CHECK_THROWS_WITH_AS(static_cast<void>(descent::gemm(a, b)),
                       "gemm: inner dimensions differ: a is 2x3, b is 4x5",
                       descent::invalid_argument);
  matrix out;
  CHECK_THROWS_AS(descent::gemm(a, b, out), descent::invalid_argument);
  matrix square = {{1.0, 2.0}, {3.0, 4.0}};
  CHECK_THROWS_AS(descent::gemm(square, square, square), descent::invalid_argument);
}

TEST_CASE("core/linalg: gemv matches numpy") {
  for (const auto& c : fixture().at("gemv")) {
    CAPTURE(c.at("name").get<std::string>());
    const matrix a = to_matrix(c.at("a"));
    const vector x = to_vector(c.at("x"));
    // Same accumulation-order bound as for gemm, with k = columns of a.
    const double tol = 4.0 * static_cast<double>(a.shape(1)) * eps * max_abs(a) * max_abs(x);
    CHECK(max_abs_diff(descent::gemv(a, x), to_vector(c.at("ax"))) <= tol);
  }
  CHECK_THROWS_WITH_AS(
      static_cast<void>(descent::gemv(matrix::from_shape({3, 4}), vector::from_shape({5}))),
      "gemv: sizes differ: a is 3x4, x has 5 entries", descent::invalid_argument);
}

TEST_CASE("core/linalg: dot matches numpy") {
  for (const auto& c : fixture().at("dot")) {
    const vector x = to_vector(c.at("x"));
    const vector y = to_vector(c.at("y"));
    // Accumulation-order bound: n * eps * max|x| * max|y|, factor 4 for headroom.
    const double tol = 4.0 * static_cast<double>(x.size()) * eps * max_abs(x) * max_abs(y);
    CHECK(std::abs(descent::dot(x, y) - c.at("xy").get<double>()) <= tol);
  }
  CHECK(descent::dot(vector::from_shape({0}), vector::from_shape({0})) == 0.0);
  CHECK_THROWS_AS(static_cast<void>(descent::dot(vector::from_shape({2}), vector::from_shape({3}))),
                  descent::invalid_argument);
}

TEST_CASE("core/linalg: solve matches numpy") {
  for (const auto& c : fixture().at("solve")) {
    CAPTURE(c.at("name").get<std::string>());
    const matrix a = to_matrix(c.at("a"));
    const vector expected = to_vector(c.at("x"));
    const double cond = c.at("cond").get<double>();
    // Backward-stable LU: the forward error of either solution is about cond(a) * eps
    // relative to |x|; both numpy's and ours carry it, so allow 16 cond eps |x|
    // (about 1e-15 for the 4x4, 7e-6 for the Hilbert matrix with cond 4.8e5).
    const double tol = 16.0 * cond * eps * max_abs(expected);
    const vector x = descent::solve(a, to_vector(c.at("b")));
    CHECK(max_abs_diff(x, expected) <= tol);
  }
}

TEST_CASE("core/linalg: solve rejects singular and mismatched systems") {
  const matrix singular = {{1.0, 2.0}, {2.0, 4.0}};
  const vector b = {1.0, 1.0};
  CHECK_THROWS_AS(static_cast<void>(descent::solve(singular, b)), descent::singular_matrix);
  CHECK_THROWS_AS(static_cast<void>(descent::solve(singular, b)), descent::linalg_error);
  matrix zero = matrix::from_shape({3, 3});
  zero.fill(0.0);
  CHECK_THROWS_AS(static_cast<void>(descent::solve(zero, vector{1.0, 2.0, 3.0})),
                  descent::singular_matrix);
  const matrix with_inf = {{1.0, 0.0}, {0.0, std::numeric_limits<double>::infinity()}};
  CHECK_THROWS_AS(static_cast<void>(descent::solve(with_inf, b)), descent::linalg_error);
  CHECK_THROWS_WITH_AS(static_cast<void>(descent::solve(matrix::from_shape({2, 3}), b)),
                       "solve: a must be square, but it is 2x3", descent::invalid_argument);
  CHECK_THROWS_WITH_AS(static_cast<void>(descent::solve(singular, vector{1.0, 2.0, 3.0})),
                       "solve: sizes differ: a is 2x2, b has 3 entries", descent::invalid_argument);
}

TEST_CASE("core/linalg: cholesky matches scipy") {
  for (const auto& c : fixture().at("cholesky")) {
    CAPTURE(c.at("name").get<std::string>());
    const matrix a = to_matrix(c.at("a"));
    const matrix expected = to_matrix(c.at("l"));
    const matrix l = descent::cholesky(a);
    // Cholesky is backward stable and these matrices are well conditioned (cond < 1e3):
    // entries of L agree to a few hundred eps relative to max|L|.
    const double tol = 256.0 * eps * max_abs(expected);
    CHECK(max_abs_diff(l, expected) <= tol);
    // Strictly upper part is exactly zero, and L L^T reproduces a.
    for (std::size_t i = 0; i < l.shape(0); ++i) {
      for (std::size_t j = i + 1; j < l.shape(1); ++j) CHECK(l(i, j) == 0.0);
    }
    CHECK(max_abs_diff(descent::gemm(l, transpose(l)), a) <= 64.0 * eps * max_abs(a));
  }
}

TEST_CASE("core/linalg: cholesky rejects matrices that are not positive definite") {
  const matrix indefinite = {{1.0, 2.0}, {2.0, 1.0}};  // eigenvalues 3 and -1
  CHECK_THROWS_AS(static_cast<void>(descent::cholesky(indefinite)), descent::not_positive_definite);
  try {
    static_cast<void>(descent::cholesky(indefinite));
  } catch (const descent::not_positive_definite& e) {
    CHECK(std::string(e.what()).find("not positive definite") != std::string::npos);
  }
  // OpenBLAS's dpotrf does not report a NaN pivot; descent checks the input itself.
  const matrix nan_matrix = {{std::nan(""), 0.0}, {0.0, 1.0}};
  CHECK_THROWS_WITH_AS(static_cast<void>(descent::cholesky(nan_matrix)),
                       "cholesky: the matrix has a non-finite entry (nan at (0,0))",
                       descent::linalg_error);
  CHECK_THROWS_WITH_AS(static_cast<void>(descent::cholesky(matrix::from_shape({3, 2}))),
                       "cholesky: the matrix must be square, but it is 3x2",
                       descent::invalid_argument);
}

TEST_CASE("core/linalg: eigh matches numpy") {
  for (const auto& c : fixture().at("eigh")) {
    CAPTURE(c.at("name").get<std::string>());
    const matrix a = to_matrix(c.at("a"));
    const vector expected = to_vector(c.at("values"));
    const auto [values, vectors] = descent::eigh(a);
    // Symmetric eigenvalues are perfectly conditioned: |error| <= O(n eps ||a||).
    // ||a|| <= n max|a|; 64 n^2 eps max|a| is a loose version of that bound.
    const double n = static_cast<double>(a.shape(0));
    const double tol = 64.0 * n * n * eps * max_abs(a);
    CHECK(max_abs_diff(values, expected) <= tol);
    for (std::size_t i = 1; i < values.size(); ++i) CHECK(values(i - 1) <= values(i));
    // Eigenvectors are checked by definition (their sign is arbitrary): a v_j = lambda_j v_j,
    // and V^T V = I.
    const matrix av = descent::gemm(a, vectors);
    for (std::size_t j = 0; j < values.size(); ++j) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        CHECK(std::abs(av(i, j) - values(j) * vectors(i, j)) <= tol);
      }
    }
    const matrix vtv = descent::gemm(transpose(vectors), vectors);
    for (std::size_t i = 0; i < vtv.shape(0); ++i) {
      for (std::size_t j = 0; j < vtv.shape(1); ++j) {
        CHECK(std::abs(vtv(i, j) - (i == j ? 1.0 : 0.0)) <= 64.0 * n * eps);
      }
    }
  }
  CHECK_THROWS_AS(static_cast<void>(descent::eigh(matrix::from_shape({2, 3}))),
                  descent::invalid_argument);
  const matrix nan_matrix = {{1.0, std::nan("")}, {std::nan(""), 1.0}};
  CHECK_THROWS_AS(static_cast<void>(descent::eigh(nan_matrix)), descent::linalg_error);
}

TEST_CASE("core/linalg: view gemm, every transposition and beta, below and above kSmallProduct") {
  // Shapes on both sides of the fixed-order loop's bound (m·n·k = 5·4·3 and 40·40·40), every
  // op(a) op(b), beta 0 and 0.5, and an empty inner dimension; against the sum of products
  // written out here, term by term.
  using descent::ConstMatrixView;
  using descent::MatrixView;
  using descent::Op;
  for (const std::size_t size : {std::size_t{1}, std::size_t{8}}) {
    const std::size_t m = 5 * size, n = 4 * size, k = 3 * size + (size > 1 ? 16 : 0);
    for (const bool ta : {false, true})
      for (const bool tb : {false, true})
        for (const double beta : {0.0, 0.5}) {
          CAPTURE(m * n * k);
          CAPTURE(ta);
          CAPTURE(tb);
          CAPTURE(beta);
          // a is m x k (k x m if transposed), b is k x n (n x k); entries from a fixed formula
          matrix a = matrix::from_shape({ta ? k : m, ta ? m : k});
          matrix b = matrix::from_shape({tb ? n : k, tb ? k : n});
          for (std::size_t i = 0; i < a.size(); ++i) a.data()[i] = std::sin(1.0 + 0.37 * i);
          for (std::size_t i = 0; i < b.size(); ++i) b.data()[i] = std::cos(0.5 + 0.21 * i);
          matrix out = matrix::from_shape({m, n});
          for (std::size_t i = 0; i < out.size(); ++i) out.data()[i] = 0.1 * i - 1;
          const matrix before = out;
          descent::gemm(ConstMatrixView(a), ta ? Op::transpose : Op::none, ConstMatrixView(b),
                        tb ? Op::transpose : Op::none, MatrixView{out.data(), m, n}, beta);
          double worst = 0;
          for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < n; ++j) {
              double expected = beta * before(i, j);
              for (std::size_t l = 0; l < k; ++l)
                expected += (ta ? a(l, i) : a(i, l)) * (tb ? b(j, l) : b(l, j));
              worst = std::max(worst, std::fabs(out(i, j) - expected));
            }
          CHECK(worst <= 64 * eps * double(k));
        }
  }
  CHECK(5 * 4 * 3 <= descent::kSmallProduct);
  CHECK(40 * 32 * 40 > descent::kSmallProduct);
  // an empty inner dimension leaves beta · out
  const matrix a = matrix::from_shape({2, 0}), b = matrix::from_shape({0, 3});
  matrix out = {{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}};
  descent::gemm(ConstMatrixView(a), Op::none, ConstMatrixView(b), Op::none,
                MatrixView{out.data(), 2, 3}, 0.5);
  CHECK(out(1, 2) == 3.0);
  CHECK(out(0, 0) == 0.5);
}
