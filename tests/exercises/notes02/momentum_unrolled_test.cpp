// Exercise notes02/momentum_unrolled (Exercise 2.4): the unrolled momentum recursion (2.7) and
// the effective learning rate η/(1 − μ). References: the recursion itself, run here on gradient
// sequences the test draws, and exact rational arithmetic (tests/reference/generate_exercises.py).
// Compiled against the stub (every case must fail) and the solution (every case must pass).

#include "momentum_unrolled.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "descent/core/random.hpp"
#include "exercise_checks.hpp"
#include "exercise_fixtures.hpp"

namespace momentum_unrolled_test {

using descent::exercises::constant_gradient_displacement;
using descent::exercises::constant_gradient_step;
using descent::exercises::effective_learning_rate;
using descent::exercises::unrolled_step;
using descent::testing::check_all_close;

const descent::testing::ExerciseFixture kFixture("notes02/momentum_unrolled");

TEST_CASE("unrolled_step equals the recursion (2.7) on random gradient sequences") {
  descent::Rng rng(51);
  const double eta = 0.1, mu = 0.85;
  std::vector<std::vector<double>> gradients;
  std::vector<double> delta(3, 0.0);  // Δθ^(−1) = 0
  for (int t = 1; t <= 30; ++t) {
    CAPTURE(t);
    std::vector<double> g{rng.normal(), rng.normal(), rng.normal()};
    gradients.push_back(g);
    for (std::size_t i = 0; i < 3; ++i) delta[i] = -eta * g[i] + mu * delta[i];  // (2.7)
    check_all_close("Delta theta^(t-1)", unrolled_step(gradients, eta, mu), delta, 1e-13);
  }
}

TEST_CASE("constant_gradient_step: the catalogue's table for g = 1, eta = 0.1, mu = 0.9") {
  const auto t = kFixture.numbers("t");
  const auto step = kFixture.numbers("step");  // exact rationals, as floats
  for (std::size_t k = 0; k < t.size(); ++k) {
    CAPTURE(t[k]);
    CHECK(constant_gradient_step(1, 0.1, 0.9, int(t[k])) ==
          doctest::Approx(step[k]).epsilon(1e-13));
  }
}

TEST_CASE("effective_learning_rate: eta/(1 - mu), the limit of the steps") {
  CHECK(effective_learning_rate(0.1, 0.9) == doctest::Approx(1.0).epsilon(1e-14));
  CHECK(effective_learning_rate(0.01, 0.5) == doctest::Approx(0.02).epsilon(1e-14));
  CHECK(effective_learning_rate(0.3, 0) == doctest::Approx(0.3).epsilon(1e-14));  // no momentum
}

TEST_CASE("constant_gradient_displacement: theta^(t) - theta^(0), exact at t = 1, 2, 10, 100") {
  const auto t = kFixture.numbers("t");
  const auto moved = kFixture.numbers("displacement");
  for (std::size_t k = 0; k < t.size(); ++k) {
    CAPTURE(t[k]);
    CHECK(constant_gradient_displacement(1, 0.1, 0.9, int(t[k])) ==
          doctest::Approx(moved[k]).epsilon(1e-13));
  }
}

}  // namespace momentum_unrolled_test
