// Exercise medl04/backward_sweep: the backward sweep of adjoints (MEDL (4.30)-(4.32)).
// Compiled against the stub (every case must fail) and the solution (every case must pass).

#include "backward_sweep.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "exercise_fixtures.hpp"

using descent::exercises::backward_sweep;
namespace ad = descent::autodiff;

TEST_CASE("backward_sweep gives MEDL Table 4.3's gradient of (4.27)") {
  ad::Tape tape;
  const auto t1 = tape.input(std::numbers::pi / 6), t2 = tape.input(2), t3 = tape.input(5);
  const auto a6 = tape.sum({ad::sin(t1 * t2), ad::exp(t2 + t3), t3 * -2.0});
  const auto zeta = backward_sweep(tape, a6.index);
  const double e7 = std::exp(7.0);
  // MEDL Table 4.3: ∇C = (1, π/12 + e⁷, e⁷ − 2); a few roundings of sin/exp: 1e-12
  CHECK(zeta[t1.index] == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(zeta[t2.index] == doctest::Approx(std::numbers::pi / 12 + e7).epsilon(1e-12));
  CHECK(zeta[t3.index] == doctest::Approx(e7 - 2).epsilon(1e-12));
  CHECK(zeta[a6.index] == 1.0);
}

TEST_CASE("backward_sweep accumulates over fan-out (a node used twice)") {
  ad::Tape tape;
  const auto x = tape.input(3);
  const auto y = x * x + x;  // dy/dx = 2x + 1 = 7
  CHECK(backward_sweep(tape, y.index)[x.index] == 7.0);
}

TEST_CASE("backward_sweep matches torch on extended Rosenbrock") {
  const auto theta = descent::testing::fixture_numbers("autodiff.json", "/rosenbrock/theta");
  const auto gradient = descent::testing::fixture_numbers("autodiff.json", "/rosenbrock/gradient");
  ad::Tape tape;
  std::vector<ad::Var> x;
  for (double t : theta) x.push_back(tape.input(t));
  std::vector<ad::Var> terms;
  for (std::size_t i = 0; i + 1 < x.size(); i += 2) {
    const auto a = 1.0 - x[i], b = x[i + 1] - x[i] * x[i];
    terms.push_back(a * a + 100.0 * (b * b));
  }
  const auto c = tape.sum(terms);
  const auto zeta = backward_sweep(tape, c.index);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    CAPTURE(i);
    CHECK(zeta[x[i].index] == doctest::Approx(gradient[i]).epsilon(1e-14));
  }
}

TEST_CASE("backward_sweep: a branch with no adjoint does not poison the gradient") {
  ad::Tape tape;
  const auto x = tape.input(0.0);
  const auto dead = ad::sqrt(x) * 0.0;  // local partial of sqrt at 0 is +inf
  const auto y = x * 3.0 + dead;
  const auto zeta = backward_sweep(tape, y.index);
  CHECK(zeta[x.index] == 3.0);
}
