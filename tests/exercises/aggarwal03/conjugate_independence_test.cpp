// Exercise aggarwal03/conjugate_independence (Aggarwal Exercise 7): conjugate directions of a
// positive definite H are linearly independent. The tests build the conjugate sets themselves,
// for matrices H = QΛQᵀ they draw: the eigenvectors Q (orthogonal) and P = QΛ^(−1/2)R with a
// random orthogonal R (PᵀHP = I, not orthogonal). Compiled against the stub (every case must
// fail) and the solution (every case must pass).

#include "conjugate_independence.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "descent/core/random.hpp"
#include "exercise_checks.hpp"
#include "random_matrices.hpp"

namespace conjugate_independence_test {

using descent::matrix;
using descent::vector;
using descent::exercises::conjugate_coordinates;
using descent::exercises::self_conjugate_direction;
using descent::testing::check_all_close;
using descent::testing::inner;
using descent::testing::times;

vector combination(const std::vector<vector>& q, const vector& c) {
  vector x = xt::zeros<double>({q[0].size()});
  for (std::size_t j = 0; j < q.size(); ++j) x = descent::testing::plus(x, c(j), q[j]);
  return x;
}

// A conjugate set P = QΛ^(−1/2)R for H = QΛQᵀ: PᵀHP = RᵀR = I.
std::vector<vector> skewed_conjugate_set(const std::vector<double>& lambda, const matrix& q,
                                         descent::Rng& rng) {
  const std::size_t d = lambda.size();
  const matrix r = descent::testing::random_orthogonal(d, rng);
  matrix p = xt::zeros<double>({d, d});
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j)
      for (std::size_t k = 0; k < d; ++k) p(i, j) += q(i, k) / std::sqrt(lambda[k]) * r(k, j);
  return descent::testing::columns_of(p);
}

TEST_CASE("conjugate_coordinates: Figure 3.16(b)'s non-orthogonal pair, by hand") {
  // H = [[2, 1], [1, 3]], q0 = (1, 0), q1 = (1, −2): q0ᵀHq1 = 0. (3, 2) = 4 q0 − 1 q1.
  const vector c =
      conjugate_coordinates(matrix{{2, 1}, {1, 3}}, {vector{1, 0}, vector{1, -2}}, vector{3, 2});
  check_all_close("c", c, vector{4, -1}, 1e-15);
}

TEST_CASE("conjugate_coordinates rebuild any x from the eigenvectors of a random H") {
  descent::Rng rng(71);
  for (int trial = 0; trial < 10; ++trial) {
    CAPTURE(trial);
    matrix q;
    const auto lambda = descent::testing::random_eigenvalues(6, 0.1, 10, rng);
    const matrix h = descent::testing::with_eigenvalues(lambda, rng, &q);
    const auto basis = descent::testing::columns_of(q);
    const vector x = rng.normal_vector(6);
    check_all_close("sum c_j q_j", combination(basis, conjugate_coordinates(h, basis, x)), x,
                    1e-12);
  }
}

TEST_CASE("conjugate_coordinates rebuild any x from non-orthogonal conjugate directions") {
  descent::Rng rng(72);
  for (int trial = 0; trial < 10; ++trial) {
    CAPTURE(trial);
    matrix q;
    const auto lambda = descent::testing::random_eigenvalues(6, 0.1, 10, rng);
    const matrix h = descent::testing::with_eigenvalues(lambda, rng, &q);
    const auto basis = skewed_conjugate_set(lambda, q, rng);
    const vector x = rng.normal_vector(6);
    check_all_close("sum c_j q_j", combination(basis, conjugate_coordinates(h, basis, x)), x,
                    1e-10);
  }
}

TEST_CASE("conjugate_coordinates of 0 are all 0: the only combination giving 0 is trivial") {
  descent::Rng rng(73);
  matrix q;
  const auto lambda = descent::testing::random_eigenvalues(5, 0.5, 3, rng);
  const matrix h = descent::testing::with_eigenvalues(lambda, rng, &q);
  const vector c =
      conjugate_coordinates(h, skewed_conjugate_set(lambda, q, rng), xt::zeros<double>({5}));
  check_all_close("c", c, vector(xt::zeros<double>({5})), 0);
}

TEST_CASE("self_conjugate_direction: a singular PSD H has a direction with q^T H q = 0") {
  descent::Rng rng(74);
  for (int trial = 0; trial < 10; ++trial) {
    CAPTURE(trial);
    auto lambda = descent::testing::random_eigenvalues(5, 0.5, 4, rng);
    lambda[static_cast<std::size_t>(trial) % 5] = 0;  // positive semidefinite, singular
    const matrix h = descent::testing::with_eigenvalues(lambda, rng);
    const vector q = self_conjugate_direction(h, 1e-10);
    REQUIRE(q.size() == 5);
    CHECK(inner(q, q) == doctest::Approx(1).epsilon(1e-12));
    CHECK(inner(q, times(h, q)) == doctest::Approx(0).epsilon(1e-12));
    // conjugate to every other direction too: {q, 2q} is "conjugate" and dependent
    const vector p = rng.normal_vector(5);
    CHECK(inner(q, times(h, p)) == doctest::Approx(0).epsilon(1e-11));
  }
}

TEST_CASE("self_conjugate_direction refuses a positive definite H") {
  CHECK_THROWS_AS(self_conjugate_direction(matrix{{2, 1}, {1, 3}}, 1e-10), std::domain_error);
}

}  // namespace conjugate_independence_test
