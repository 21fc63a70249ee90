// Exercise aggarwal03/orthogonal_to_basis (Aggarwal Exercise 8): only v = 0 is orthogonal to d
// independent vectors of ℝ^d. The tests use the catalogue's 5 × 5 matrix (det 2) and matrices
// they build with the rank they choose (products of random factors). Compiled against the stub
// (every case must fail) and the solution (every case must pass).

#include "orthogonal_to_basis.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "descent/core/random.hpp"
#include "random_matrices.hpp"

namespace orthogonal_to_basis_test {

using descent::matrix;
using descent::vector;
using descent::exercises::orthogonal_vector;
using descent::exercises::row_rank;
using descent::testing::inner;
using descent::testing::times;

// The catalogue's V (aggarwal-ch3.md, Exercise 8): det V = 2.
const matrix kV{
    {1, 1, 0, 0, 0}, {0, 1, 1, 0, 0}, {0, 0, 1, 1, 0}, {0, 0, 0, 1, 1}, {1, 0, 0, 0, 1}};

// An m × d matrix of rank r (r <= min(m, d)): A (m × r) times B (r × d), both random.
matrix with_rank(std::size_t m, std::size_t d, std::size_t r, descent::Rng& rng) {
  const matrix a = rng.normal_matrix(m, r), b = rng.normal_matrix(r, d);
  matrix u = xt::zeros<double>({m, d});
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < d; ++j)
      for (std::size_t k = 0; k < r; ++k) u(i, j) += a(i, k) * b(k, j);
  return u;
}

TEST_CASE("row_rank of the catalogue's V is 5, of the identity d") {
  CHECK(row_rank(kV, 1e-10) == 5);
  CHECK(row_rank(matrix(xt::eye<double>(7)), 1e-10) == 7);
  // V with its last row replaced by the sum of the first two: rank 4
  matrix w = kV;
  for (std::size_t j = 0; j < 5; ++j) w(4, j) = kV(0, j) + kV(1, j);
  CHECK(row_rank(w, 1e-10) == 4);
}

TEST_CASE("row_rank of random matrices built with a chosen rank") {
  descent::Rng rng(81);
  for (std::size_t r = 1; r <= 6; ++r) {
    CAPTURE(r);
    CHECK(row_rank(with_rank(6, 6, r, rng), 1e-9) == r);
    CHECK(row_rank(with_rank(4, 8, std::min<std::size_t>(r, 4), rng), 1e-9) ==
          std::min<std::size_t>(r, 4));
  }
}

TEST_CASE("orthogonal_vector: none but 0 for independent rows (the exercise)") {
  CHECK_THROWS_AS(orthogonal_vector(kV, 1e-10), std::domain_error);
  descent::Rng rng(82);
  for (int trial = 0; trial < 5; ++trial) {
    CAPTURE(trial);
    CHECK_THROWS_AS(orthogonal_vector(rng.normal_matrix(6, 6), 1e-10), std::domain_error);
  }
}

TEST_CASE("orthogonal_vector: a unit vector orthogonal to every row when the rows are dependent") {
  descent::Rng rng(83);
  for (std::size_t r = 1; r < 6; ++r) {
    CAPTURE(r);
    const matrix u = with_rank(6, 6, r, rng);
    const vector v = orthogonal_vector(u, 1e-9);
    REQUIRE(v.size() == 6);
    CHECK(inner(v, v) == doctest::Approx(1).epsilon(1e-12));
    const vector uv = times(u, v);
    for (std::size_t i = 0; i < 6; ++i) {
      CAPTURE(i);
      CHECK(uv(i) == doctest::Approx(0).epsilon(1e-9));
    }
  }
}

TEST_CASE("orthogonal_vector: fewer than d vectors always leave one orthogonal direction") {
  descent::Rng rng(84);
  const matrix u = rng.normal_matrix(3, 5);  // 3 vectors in R^5
  const vector v = orthogonal_vector(u, 1e-10);
  REQUIRE(v.size() == 5);
  const vector uv = times(u, v);
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(uv(i) == doctest::Approx(0).epsilon(1e-12));
  }
}

}  // namespace orthogonal_to_basis_test
