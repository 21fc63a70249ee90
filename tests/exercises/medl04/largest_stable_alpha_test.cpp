// Exercise medl04/largest_stable_alpha (MEDL Figure 4.2, suggested exercise E9). References:
// numpy runs of the same iteration and bisection (tests/reference/generate_exercises.py), and
// the closed form 2/λ_max(∇²C(1, 1)) = 2/(501 + √250601). Compiled against the stub (every case
// must fail) and the solution (every case must pass).

#include "largest_stable_alpha.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <string>

#include "exercise_fixtures.hpp"

namespace largest_stable_alpha_test {

using descent::exercises::gd_converges;
using descent::exercises::largest_stable_alpha;

const std::array<double, 2> kStart{0.2, -0.2};  // Figure 4.2's θ_init
const long kSteps = 100000;
const double kTolerance = 1e-6;
// ∇²C(1, 1) = [[802, −400], [−400, 200]]: λ_max = 501 + √(301² + 400²)
const double kLocalThreshold = 2 / (501 + std::sqrt(301.0 * 301 + 400 * 400));

TEST_CASE(
    "gd_converges: yes at alpha = 0.001, 0.0015, 0.0019, no at 0.002 (a 2-cycle), 0.005, 0.01") {
  CHECK(gd_converges(0.001, kStart, kSteps, kTolerance));
  CHECK(gd_converges(0.0015, kStart, kSteps, kTolerance));
  CHECK(gd_converges(0.0019, kStart, kSteps, kTolerance));
  CHECK_FALSE(gd_converges(0.002, kStart, kSteps, kTolerance));  // ends 2.8e-3 from (1, 1)
  CHECK_FALSE(gd_converges(0.005, kStart, kSteps, kTolerance));  // Figure 4.2(a)'s 2-cycle
  CHECK_FALSE(gd_converges(0.01, kStart, kSteps, kTolerance));   // |θ| > 1e6 by t = 124
}

TEST_CASE("gd_converges: a tolerance that no run can meet, and one every run meets") {
  CHECK_FALSE(gd_converges(0.001, kStart, 10, kTolerance));  // 10 steps are not enough
  CHECK(gd_converges(0.005, kStart, kSteps, 1.0));           // the 2-cycle is within 1 of (1, 1)
}

TEST_CASE("largest_stable_alpha: between 0.0015 and 0.002, at the local threshold 2/lambda_max") {
  const double alpha = largest_stable_alpha(0.0015, 0.002, kStart, kSteps, kTolerance, 12);
  CAPTURE(kLocalThreshold);
  CHECK(alpha > 0.0015);
  CHECK(alpha < 0.002);
  // numpy's bisection over the same criterion; runs near the threshold are decided by rounding
  // noise growing at a rate |1 − αλ_max| ≈ 1, so allow a few bisection intervals (1.2e-7 each)
  const double numpy =
      descent::testing::fixture_number("exercises.json", "/medl04~1largest_stable_alpha/largest");
  CHECK(alpha == doctest::Approx(numpy).scale(0).epsilon(5e-4));
  // the local theory: GD near (1, 1) contracts iff α < 2/λ_max = 0.0019968
  CHECK(alpha == doctest::Approx(kLocalThreshold).scale(0).epsilon(5e-4));
}

}  // namespace largest_stable_alpha_test
