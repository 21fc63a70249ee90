// Exercise medl04/forward_difference_step (MEDL (4.26), suggested exercise E3). References: the
// exact gradient of (4.27) (MEDL Table 4.3: (1, π/12 + e⁷, e⁷ − 2)), numpy's forward-difference
// errors for h = 10⁻¹ ... 10⁻¹² (tests/reference/generate_exercises.py) and the closed-form
// minimizer of the error model. Compiled against the stub (every case must fail) and the
// solution (every case must pass).

#include "forward_difference_step.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "exercise_fixtures.hpp"

namespace forward_difference_step_test {

using descent::exercises::best_step;
using descent::exercises::forward_difference_gradient;
using descent::exercises::predicted_best_step;

const descent::testing::ExerciseFixture kFixture("medl04/forward_difference_step");

// (4.27): C(θ) = sin(θ1θ2) + exp(θ2 + θ3) − 2θ3, at Table 4.1's θ = (π/6, 2, 5)
double c427(const std::vector<double>& t) {
  return std::sin(t[0] * t[1]) + std::exp(t[1] + t[2]) - 2 * t[2];
}
const std::vector<double> kTheta{std::numbers::pi / 6, 2, 5};
// Table 4.3: ∇C = (1, π/12 + e⁷, e⁷ − 2)
const std::vector<double> kExact{1, std::numbers::pi / 12 + std::exp(7.0), std::exp(7.0) - 2};

double max_error(const std::vector<double>& g) {
  double e = 0;
  for (std::size_t i = 0; i < g.size(); ++i) e = std::max(e, std::fabs(g[i] - kExact[i]));
  return e;
}

TEST_CASE("forward_difference_gradient: (4.26) with d + 1 = 4 evaluations of C") {
  int calls = 0;
  const auto counted = [&](const std::vector<double>& t) {
    ++calls;
    return c427(t);
  };
  const auto g = forward_difference_gradient(counted, kTheta, 1e-6);
  REQUIRE(g.size() == 3);
  CHECK(calls == 4);
  // at h = 1e-6 the estimate is good to about 5e-4 (catalogue C25)
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(g[i] == doctest::Approx(kExact[i]).epsilon(1e-6));
  }
}

TEST_CASE("forward_difference_gradient: the error for h = 1e-1 ... 1e-4 equals numpy's") {
  // Truncation dominates there (round-off is ~1e-9, the error 0.05 and more): numpy's values
  // hold to 1e-6 however the sum is arranged
  const auto h = kFixture.numbers("h");
  const auto errors = kFixture.numbers("max_error");
  for (std::size_t k = 0; k < 4; ++k) {
    CAPTURE(h[k]);
    CHECK(max_error(forward_difference_gradient(c427, kTheta, h[k])) ==
          doctest::Approx(errors[k]).scale(0).epsilon(1e-6));
  }
}

TEST_CASE("best_step: the V is at h = 1e-8, between truncation and round-off") {
  const auto h = kFixture.numbers("h");  // 1e-1 ... 1e-12
  const double best = best_step(c427, kTheta, kExact, h);
  // numpy's minimum is at 1e-8 (error 1.3e-5, against 0.18 at 1e-12 and 56.7 at 1e-1); the
  // last bits of exp and sin may move it by a decade, not more
  CAPTURE(best);
  CHECK(best >= 1e-9);
  CHECK(best <= 1e-7);
}

TEST_CASE("predicted_best_step: 2 sqrt(eps |C| / |C''|), the minimizer of the error model") {
  const double eps = std::numeric_limits<double>::epsilon();
  CHECK(predicted_best_step(1, 1) == doctest::Approx(2 * std::sqrt(eps)).scale(0).epsilon(1e-14));
  CHECK(predicted_best_step(-4, 0.25) ==
        doctest::Approx(8 * std::sqrt(eps)).scale(0).epsilon(1e-14));
  // along θ2 at Table 4.1's point: |C| = 1087.5, |C''| = |e⁷ − θ1² sin(θ1θ2)| = 1096.4, so
  // h* ≈ 3e-8: the measured V of the previous case, within a decade
  const double c = c427(kTheta);
  const double c22 = std::exp(7.0) - kTheta[0] * kTheta[0] * std::sin(kTheta[0] * kTheta[1]);
  const double h = predicted_best_step(c, c22);
  CHECK(h > 1e-9);
  CHECK(h < 1e-7);
}

}  // namespace forward_difference_step_test
