// The termination criteria of MEDL §4.1 (optim/trajectory.hpp).

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>

#include "descent/core/error.hpp"
#include "descent/optim/trajectory.hpp"

using namespace descent::optim;
using descent::StopReason;

namespace {
Iterate at(int t, double value, double gradient_norm, double step_norm) {
  return Iterate{t, descent::vector({0.0}), value, gradient_norm, step_norm, 0.1};
}
const auto now = std::chrono::steady_clock::now();
}  // namespace

TEST_CASE("optim/stop: each criterion fires on its own, with its reason") {
  StopCriteria c;
  c.max_iterations = 10;
  CHECK_FALSE(check_stop(c, at(0, 2, 1, 0), at(1, 1, 1, 1), now).has_value());
  c.gradient_tolerance = 1e-3;
  auto s = check_stop(c, at(0, 2, 1, 0), at(1, 1, 1e-4, 1), now);
  REQUIRE(s);
  CHECK(s->reason == StopReason::converged);
  CHECK(s->detail == "|grad C| = 0.0001 < 0.001");
  c = StopCriteria{};
  c.relative_improvement = 1e-2;
  s = check_stop(c, at(4, 100, 1, 0), at(5, 99.5, 1, 1), now);  // 0.5 / 100 < 1e-2
  REQUIRE(s);
  CHECK(s->iterations == 5);
  c = StopCriteria{};
  c.max_iterations = 5;
  s = check_stop(c, at(4, 2, 1, 0), at(5, 1, 1, 1), now);
  REQUIRE(s);
  CHECK(s->reason == StopReason::iteration_limit);
}

TEST_CASE("optim/stop: a non-finite value is divergence, whatever else holds") {
  StopCriteria c;
  c.gradient_tolerance = 1;
  const auto s = check_stop(c, at(0, 1, 1, 0), at(1, std::nan(""), 0, 1), now);
  REQUIRE(s);
  CHECK(s->reason == StopReason::diverged);
  CHECK(s->to_string().rfind("diverged after 1 iteration: C(theta) = nan", 0) == 0);
}

TEST_CASE("optim/stop: invalid criteria are refused with the allowed range") {
  StopCriteria c;
  c.step_tolerance = -1;
  CHECK_THROWS_WITH_AS(c.validate(),
                       "step_tolerance = -1 is out of range; allowed: 0 <= step_tolerance",
                       descent::invalid_argument);
}
