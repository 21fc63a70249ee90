// Exercise medl04/newton_step: the Newton step (4.51) and the secant step (4.53).
// Compiled twice: against chapters/medl04/exercises/newton_step.hpp (the stub, every case
// must fail) and against solutions/medl04/newton_step.hpp (every case must pass).

#include "newton_step.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "exercise_fixtures.hpp"

using descent::exercises::newton_step;
using descent::exercises::secant_step;

namespace newton_step_test {
// MEDL (4.52): C = (θ−3)²(θ+3), C' = 3(θ−3)(θ+1), C'' = 6(θ−1).
double d1(double t) {
  return 3 * (t - 3) * (t + 1);
}
double d2(double t) {
  return 6 * (t - 1);
}

TEST_CASE("newton_step minimizes a quadratic in one step") {
  // C = 3(θ − 2)² + 1 at θ = 10: C' = 48, C'' = 6, so θ + θ_s = 2 exactly.
  CHECK(10 + newton_step(48, 6) == 2);
  CHECK(newton_step(-12.5, 11) == doctest::Approx(12.5 / 11).epsilon(1e-15));
}

TEST_CASE("newton_step reproduces the book's overshoot") {
  // MEDL p. 155: θ(0) = 1.5 gives θ_s = 3.75, θ(1) = 5.25, then 3.5956, 3.0683, 3.0011.
  double theta = 1.5;
  CHECK(newton_step(d1(theta), d2(theta)) == doctest::Approx(3.75).epsilon(1e-15));
  std::vector<double> thetas{theta};
  for (int t = 0; t < 6; ++t) {
    theta += newton_step(d1(theta), d2(theta));
    thetas.push_back(theta);
  }
  CHECK(thetas[1] == doctest::Approx(5.25).epsilon(1e-15));
  CHECK(thetas[2] == doctest::Approx(3.5956).epsilon(2e-5));  // printed to 4 decimals
  CHECK(thetas[3] == doctest::Approx(3.0683).epsilon(2e-5));
  CHECK(thetas[4] == doctest::Approx(3.0011).epsilon(2e-5));
  CHECK(thetas[6] == doctest::Approx(3).epsilon(2.5e-14));  // |θ − 3| < 1e-13
}

TEST_CASE("newton_step refuses a zero second derivative") {
  CHECK_THROWS_AS((void)newton_step(1.0, 0.0), std::domain_error);
}

TEST_CASE("secant_step reproduces exact secant iterates") {
  const auto expected =
      descent::testing::fixture_numbers("medl04_s4_6.json", "/secant_4_52/1.5,1.6/theta");
  std::vector<double> thetas{1.5, 1.6};
  for (int t = 0; t < 6; ++t) {
    const double prev = thetas[thetas.size() - 2], cur = thetas.back();
    thetas.push_back(cur + secant_step(prev, cur, d1(prev), d1(cur)));
  }
  for (std::size_t t = 0; t < thetas.size(); ++t) {
    CAPTURE(t);
    CHECK(thetas[t] == doctest::Approx(expected[t]).epsilon(1e-10));
  }
}

TEST_CASE("secant_step refuses equal points") {
  CHECK_THROWS_AS((void)secant_step(2.0, 2.0, d1(2.0), d1(2.0)), std::domain_error);
}

}  // namespace newton_step_test
