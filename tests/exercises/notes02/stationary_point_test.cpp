// Exercise notes02/stationary_point (Exercise 2.1): local minimum ⇔ Hessian PSD, for the
// quadratic model taken as exact. The tests draw the matrices: symmetric H = QΛQᵀ with a random
// orthogonal Q and eigenvalues Λ they choose, so the true answer is known in closed form.
// Compiled against the stub (every case must fail) and the solution (every case must pass).

#include "stationary_point.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

#include "descent/core/random.hpp"
#include "random_matrices.hpp"

namespace stationary_point_test {

using descent::matrix;
using descent::vector;
using descent::exercises::classify_stationary_point;
using descent::exercises::descent_direction;
using descent::exercises::model_change;
using descent::exercises::StationaryKind;
using descent::testing::inner;
using descent::testing::times;
using descent::testing::with_eigenvalues;

// ½ dᵀHd: the quadratic term of (2.1), computed directly.
double half_dHd(const matrix& h, const vector& d) {
  return 0.5 * inner(d, times(h, d));
}

TEST_CASE("model_change restores the notes' missing 1/2: 6 for H = [[4, 1], [1, 3]], d = (1, -2)") {
  // ½ dᵀHd = ½ (4 − 4 + 12) = 6; the notes' Σ λⱼαⱼ² without the ½ gives 12.
  CHECK(model_change(matrix{{4, 1}, {1, 3}}, vector{1, -2}) == doctest::Approx(6).epsilon(1e-13));
}

TEST_CASE("model_change equals 1/2 d^T H d for random symmetric H of every sign") {
  descent::Rng rng(21);
  for (int trial = 0; trial < 20; ++trial) {
    CAPTURE(trial);
    const std::size_t dim = 2 + static_cast<std::size_t>(trial % 5);
    const matrix h = with_eigenvalues(descent::testing::random_eigenvalues(dim, -3, 3, rng), rng);
    const vector d = rng.normal_vector(dim);
    CHECK(model_change(h, d) == doctest::Approx(half_dHd(h, d)).epsilon(1e-12));
  }
}

TEST_CASE("classify_stationary_point on the diagonal cases of the catalogue") {
  const double tol = 1e-12;
  CHECK(classify_stationary_point(matrix{{1, 0}, {0, 2}}, tol) == StationaryKind::strict_minimum);
  CHECK(classify_stationary_point(matrix{{2, 0}, {0, 0}}, tol) == StationaryKind::minimum);
  CHECK(classify_stationary_point(matrix{{-1, 0}, {0, -2}}, tol) == StationaryKind::strict_maximum);
  CHECK(classify_stationary_point(matrix{{0, 0}, {0, -3}}, tol) == StationaryKind::maximum);
  CHECK(classify_stationary_point(matrix{{1, 0}, {0, -1}}, tol) == StationaryKind::saddle);
}

TEST_CASE("classify_stationary_point on random matrices with chosen eigenvalue signs") {
  descent::Rng rng(22);
  struct Case {
    std::vector<double> lambda;
    StationaryKind kind;
  };
  const std::vector<Case> cases{
      {{0.5, 2, 7}, StationaryKind::strict_minimum},    {{0, 2, 7}, StationaryKind::minimum},
      {{-0.5, -2, -7}, StationaryKind::strict_maximum}, {{0, 0, -7, -1}, StationaryKind::maximum},
      {{-0.01, 2, 7}, StationaryKind::saddle},          {{3, 0, -1e-3}, StationaryKind::saddle}};
  for (std::size_t k = 0; k < cases.size(); ++k) {
    CAPTURE(k);
    // rounding in QΛQᵀ leaves "zero" eigenvalues at ~1e-16: 1e-10 tells them apart from 1e-3
    CHECK(classify_stationary_point(with_eigenvalues(cases[k].lambda, rng), 1e-10) ==
          cases[k].kind);
  }
}

TEST_CASE("if: with H positive semidefinite the model never goes down (model_change >= 0)") {
  descent::Rng rng(23);
  for (int trial = 0; trial < 10; ++trial) {
    CAPTURE(trial);
    auto lambda = descent::testing::random_eigenvalues(4, 0, 5, rng);
    lambda[static_cast<std::size_t>(trial) % 4] = 0;  // singular: a flat direction
    const matrix h = with_eigenvalues(lambda, rng);
    for (int k = 0; k < 50; ++k) {
      const vector d = rng.normal_vector(4);
      CAPTURE(k);
      CHECK(model_change(h, d) >= -1e-12);
    }
  }
}

TEST_CASE("only if: with a negative eigenvalue, descent_direction goes down (d^T H d < 0)") {
  descent::Rng rng(24);
  for (int trial = 0; trial < 10; ++trial) {
    CAPTURE(trial);
    auto lambda = descent::testing::random_eigenvalues(4, -1, 5, rng);
    lambda[static_cast<std::size_t>(trial) % 4] = -0.5;  // at least one below 0
    const matrix h = with_eigenvalues(lambda, rng);
    const vector d = descent_direction(h, 1e-10);
    REQUIRE(d.size() == 4);
    CHECK(inner(d, d) == doctest::Approx(1).epsilon(1e-12));  // a unit direction
    CHECK(half_dHd(h, d) < 0);  // L(θ* + εd) < L(θ*) for every ε ≠ 0: not a minimum
  }
}

TEST_CASE("descent_direction refuses a positive semidefinite H") {
  descent::Rng rng(25);
  CHECK_THROWS_AS(descent_direction(with_eigenvalues({0, 1, 2}, rng), 1e-10), std::domain_error);
  CHECK_THROWS_AS(descent_direction(matrix{{4, 1}, {1, 3}}, 1e-10), std::domain_error);
}

}  // namespace stationary_point_test
