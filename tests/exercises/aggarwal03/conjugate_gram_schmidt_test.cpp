// Exercise aggarwal03/conjugate_gram_schmidt (Aggarwal Exercise 11): conjugate directions by
// Gram–Schmidt in the H inner product. References: exact rational arithmetic on the catalogue's
// T = tridiag(−1, 2, −1) and V (tests/reference/generate_exercises.py), and positive definite
// matrices and directions the test draws. Compiled against the stub (every case must fail) and
// the solution (every case must pass).

#include "conjugate_gram_schmidt.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "exercise_checks.hpp"
#include "exercise_tensors.hpp"
#include "random_matrices.hpp"

namespace conjugate_gram_schmidt_test {

using descent::matrix;
using descent::vector;
using descent::exercises::conjugate_gram_schmidt;
using descent::testing::check_all_close;
using descent::testing::inner;
using descent::testing::rows_of;
using descent::testing::times;

const descent::testing::ExerciseFixture kFixture("aggarwal03/conjugate_gram_schmidt");

TEST_CASE("conjugate_gram_schmidt on the catalogue's T and V equals exact arithmetic") {
  const auto set = conjugate_gram_schmidt(descent::testing::matrix_of(kFixture.rows("H")),
                                          rows_of(descent::testing::matrix_of(kFixture.rows("V"))));
  const auto q = kFixture.rows("q");
  REQUIRE(set.q.size() == 5);
  for (std::size_t t = 0; t < 5; ++t) {
    CAPTURE(t);
    check_all_close("q_t", set.q[t], q[t], 1e-14);
  }
  const auto beta = kFixture.rows("beta");
  REQUIRE(set.beta.size() == 4);
  for (std::size_t t = 0; t < 4; ++t) {
    CAPTURE(t);
    check_all_close("beta_t", set.beta[t], beta[t], 1e-14);
  }
}

TEST_CASE("conjugate_gram_schmidt: q_i^T H q_j = 0 for i != j on random H and v") {
  descent::Rng rng(111);
  for (int trial = 0; trial < 10; ++trial) {
    CAPTURE(trial);
    const std::size_t d = 3 + static_cast<std::size_t>(trial) % 5;
    const matrix h = descent::testing::with_eigenvalues(
        descent::testing::random_eigenvalues(d, 0.2, 5, rng), rng);
    const auto set = conjugate_gram_schmidt(h, rows_of(rng.normal_matrix(d, d)));
    REQUIRE(set.q.size() == d);
    for (std::size_t i = 0; i < d; ++i)
      for (std::size_t j = 0; j < i; ++j) {
        CAPTURE(i);
        CAPTURE(j);
        // scale-free: the H-cosine of q_i and q_j
        const double cosine =
            inner(set.q[i], times(h, set.q[j])) /
            std::sqrt(inner(set.q[i], times(h, set.q[i])) * inner(set.q[j], times(h, set.q[j])));
        CHECK(cosine == doctest::Approx(0).epsilon(1e-10));
      }
  }
}

TEST_CASE("conjugate_gram_schmidt: q_0 = v_0 and each q_t = v_t + sum of beta q_i, as returned") {
  descent::Rng rng(112);
  const matrix h =
      descent::testing::with_eigenvalues(descent::testing::random_eigenvalues(6, 0.2, 5, rng), rng);
  const auto v = rows_of(rng.normal_matrix(6, 6));
  const auto set = conjugate_gram_schmidt(h, v);
  REQUIRE(set.q.size() == 6);
  REQUIRE(set.beta.size() == 5);
  check_all_close("q_0", set.q[0], v[0], 0);
  for (std::size_t t = 1; t < 6; ++t) {
    CAPTURE(t);
    REQUIRE(set.beta[t - 1].size() == t);
    vector rebuilt = v[t];
    for (std::size_t i = 0; i < t; ++i)
      rebuilt = descent::testing::plus(rebuilt, set.beta[t - 1][i], set.q[i]);
    check_all_close("q_t", set.q[t], rebuilt, 1e-12);
  }
}

TEST_CASE(
    "conjugate_gram_schmidt: d(d - 1)/2 coefficients, against d - 1 for conjugate gradients") {
  // The cost Exercise 11 asks about: every new direction is corrected against all the earlier
  // ones (and needs them stored), where CG's β_t involves the last one only.
  descent::Rng rng(113);
  for (std::size_t d : {2, 5, 9}) {
    CAPTURE(d);
    const matrix h = descent::testing::with_eigenvalues(
        descent::testing::random_eigenvalues(d, 0.2, 5, rng), rng);
    const auto set = conjugate_gram_schmidt(h, rows_of(rng.normal_matrix(d, d)));
    std::size_t coefficients = 0;
    for (const auto& b : set.beta) coefficients += b.size();
    CHECK(coefficients == d * (d - 1) / 2);
  }
}

TEST_CASE("conjugate_gram_schmidt: the directions stay linearly independent (Exercise 7)") {
  descent::Rng rng(114);
  const matrix h =
      descent::testing::with_eigenvalues(descent::testing::random_eigenvalues(6, 0.2, 5, rng), rng);
  const auto set = conjugate_gram_schmidt(h, rows_of(rng.normal_matrix(6, 6)));
  REQUIRE(set.q.size() == 6);
  // the Gram matrix of the normalized directions is positive definite iff they are independent
  matrix gram = matrix::from_shape({6, 6});
  for (std::size_t i = 0; i < 6; ++i)
    for (std::size_t j = 0; j < 6; ++j)
      gram(i, j) = inner(set.q[i], set.q[j]) /
                   std::sqrt(inner(set.q[i], set.q[i]) * inner(set.q[j], set.q[j]));
  CHECK(descent::eigh(gram).values(0) > 1e-8);
}

}  // namespace conjugate_gram_schmidt_test
