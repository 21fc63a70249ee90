// Exercise aggarwal03/cg_orthogonality (Aggarwal Exercise 12): the statements (a)–(d) checked on
// the history of conjugate gradients, on positive definite matrices the test draws, and the
// iterates against exact rational arithmetic on T = tridiag(−1, 2, −1), b = (1, ..., 5)
// (tests/reference/generate_exercises.py). Compiled against the stub (every case must fail) and
// the solution (every case must pass).

#include "cg_orthogonality.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "descent/core/random.hpp"
#include "exercise_checks.hpp"
#include "exercise_tensors.hpp"
#include "random_matrices.hpp"

namespace cg_orthogonality_test {

using descent::matrix;
using descent::vector;
using descent::exercises::CgHistory;
using descent::exercises::conjugate_gradient_history;
using descent::testing::check_all_close;
using descent::testing::inner;
using descent::testing::times;

const descent::testing::ExerciseFixture kFixture("aggarwal03/cg_orthogonality");

struct Instance {
  matrix h;
  CgHistory history;
};

// d steps of CG on a random positive definite H (condition number <= 50) from a random W0.
Instance random_instance(std::size_t d, descent::Rng& rng) {
  const matrix h =
      descent::testing::with_eigenvalues(descent::testing::random_eigenvalues(d, 0.1, 5, rng), rng);
  return {h, conjugate_gradient_history(h, rng.normal_vector(d), rng.normal_vector(d), int(d))};
}

double cosine(const vector& x, const vector& y) {
  return inner(x, y) / std::sqrt(inner(x, x) * inner(y, y));
}

TEST_CASE(
    "conjugate_gradient_history on T, b = (1..5): the iterates of exact arithmetic, W_5 = T^-1 b") {
  const auto h = conjugate_gradient_history(descent::testing::matrix_of(kFixture.rows("H")),
                                            descent::to_vector(kFixture.numbers("b")),
                                            xt::zeros<double>({5}), 5);
  const auto w = kFixture.rows("W");
  REQUIRE(h.W.size() == 6);
  for (std::size_t t = 0; t < 6; ++t) {
    CAPTURE(t);
    check_all_close("W_t", h.W[t], w[t], 1e-12);
  }
  check_all_close("delta", h.delta, kFixture.numbers("delta"), 1e-12);
}

TEST_CASE("(a) H q_i = [grad L(W_{i+1}) - grad L(W_i)] / delta_i (with the misprinted minus)") {
  descent::Rng rng(121);
  for (int trial = 0; trial < 5; ++trial) {
    CAPTURE(trial);
    const auto [h, cg] = random_instance(6, rng);
    REQUIRE(cg.q.size() == 6);
    REQUIRE(cg.gradient.size() == 7);
    for (std::size_t i = 0; i < 6; ++i) {
      CAPTURE(i);
      const vector change = descent::testing::minus(cg.gradient[i + 1], cg.gradient[i]);
      std::vector<double> quotient;  // [∇L(W_{i+1}) − ∇L(W_i)]/δ_i
      for (std::size_t j = 0; j < change.size(); ++j) quotient.push_back(change(j) / cg.delta[i]);
      check_all_close("Hq_i", times(h, cg.q[i]), quotient, 1e-9);
    }
  }
}

TEST_CASE("(b) grad L(W_{t+1}) is orthogonal to every q_i, i <= t") {
  descent::Rng rng(122);
  for (int trial = 0; trial < 5; ++trial) {
    CAPTURE(trial);
    const auto [h, cg] = random_instance(6, rng);
    REQUIRE(cg.q.size() == 6);
    for (std::size_t t = 0; t + 1 < 6; ++t)  // at t = 5 the gradient is 0 up to rounding
      for (std::size_t i = 0; i <= t; ++i) {
        CAPTURE(t);
        CAPTURE(i);
        CHECK(cosine(cg.gradient[t + 1], cg.q[i]) == doctest::Approx(0).epsilon(1e-8));
      }
  }
}

TEST_CASE("(c) the gradients at W_0 ... W_{d-1} are mutually orthogonal") {
  descent::Rng rng(123);
  for (int trial = 0; trial < 5; ++trial) {
    CAPTURE(trial);
    const auto [h, cg] = random_instance(6, rng);
    REQUIRE(cg.gradient.size() == 7);
    for (std::size_t i = 0; i < 6; ++i)
      for (std::size_t j = 0; j < i; ++j) {
        CAPTURE(i);
        CAPTURE(j);
        CHECK(cosine(cg.gradient[i], cg.gradient[j]) == doctest::Approx(0).epsilon(1e-8));
      }
  }
}

TEST_CASE("(d) every pair of directions is conjugate, not only neighbours: q_i^T H q_j = 0") {
  descent::Rng rng(124);
  for (int trial = 0; trial < 5; ++trial) {
    CAPTURE(trial);
    const auto [h, cg] = random_instance(6, rng);
    REQUIRE(cg.q.size() == 6);
    for (std::size_t i = 0; i < 6; ++i)
      for (std::size_t j = 0; j < i; ++j) {
        CAPTURE(i);
        CAPTURE(j);
        const double conj =
            inner(cg.q[i], times(h, cg.q[j])) /
            std::sqrt(inner(cg.q[i], times(h, cg.q[i])) * inner(cg.q[j], times(h, cg.q[j])));
        CHECK(conj == doctest::Approx(0).epsilon(1e-8));
      }
  }
}

}  // namespace cg_orthogonality_test
