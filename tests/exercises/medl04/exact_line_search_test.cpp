// Exercise medl04/exact_line_search (MEDL Figures 4.8–4.9, suggested exercises E4 and E5).
// References: exact rational arithmetic for the quartic and numpy's roots of the cubic for the
// steps and the zig-zag path (tests/reference/generate_exercises.py), the book's α ≈ 0.00165, and
// Rosenbrock itself evaluated here on rays the test draws. Compiled against the stub (every case
// must fail) and the solution (every case must pass).

#include "exact_line_search.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "descent/core/random.hpp"
#include "exercise_checks.hpp"
#include "exercise_fixtures.hpp"

namespace exact_line_search_test {

using descent::exercises::exact_step;
using descent::exercises::Point2;
using descent::exercises::rosenbrock_ray_quartic;
using descent::exercises::steepest_descent_exact;
using descent::testing::check_all_close;

const descent::testing::ExerciseFixture kFixture("medl04/exact_line_search");

double rosenbrock(double x, double y) {
  return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
}
Point2 gradient(const Point2& t) {
  return {-2 * (1 - t[0]) - 400 * t[0] * (t[1] - t[0] * t[0]), 200 * (t[1] - t[0] * t[0])};
}
// Figure 4.8's ray: θ = (0.8, 0), θ_d = −∇C = (−204.4, 128)
const Point2 kTheta{0.8, 0}, kDirection{-204.4, 128};

TEST_CASE(
    "rosenbrock_ray_quartic at (0.8, 0) along -grad C: the exact coefficients of Figure 4.8") {
  // 41 − 58163.36α + 26095677.6α² − 3802255994.88α³ + 174551492200.96α⁴
  check_all_close("c", rosenbrock_ray_quartic(kTheta, kDirection), kFixture.numbers("coefficients"),
                  1e-12);
}

TEST_CASE("rosenbrock_ray_quartic equals C(theta + alpha d) on random rays") {
  descent::Rng rng(141);
  for (int trial = 0; trial < 20; ++trial) {
    CAPTURE(trial);
    const Point2 t{rng.uniform(-2, 2), rng.uniform(-1, 3)}, d{rng.normal(), rng.normal()};
    const auto c = rosenbrock_ray_quartic(t, d);
    for (const double a : {-0.7, 0.1, 1.3}) {
      CAPTURE(a);
      const double phi = c[0] + a * (c[1] + a * (c[2] + a * (c[3] + a * c[4])));
      CHECK(phi == doctest::Approx(rosenbrock(t[0] + a * d[0], t[1] + a * d[1])).epsilon(1e-12));
    }
  }
}

TEST_CASE("exact_step at (0.8, 0): alpha* = 0.0016483282074149, the book's 0.00165") {
  const double alpha = exact_step(kTheta, kDirection);
  CHECK(alpha == doctest::Approx(kFixture.number("alpha")).scale(0).epsilon(1e-10));
  CHECK(alpha == doctest::Approx(0.00165).scale(0).epsilon(0.005));  // MEDL Figure 4.8, 3 digits
  // the second local minimum along the ray, α = 0.00919 with φ = 4.34, must not win
  CHECK(rosenbrock(0.8 + alpha * kDirection[0], alpha * kDirection[1]) ==
        doctest::Approx(0.28947748084280533).epsilon(1e-10));
}

TEST_CASE("exact_step is the global minimizer along random descent rays (checked on a grid)") {
  descent::Rng rng(142);
  for (int trial = 0; trial < 20; ++trial) {
    CAPTURE(trial);
    const Point2 t{rng.uniform(-1.5, 1.5), rng.uniform(-0.5, 2)};
    const Point2 g = gradient(t), d{-g[0], -g[1]};
    const double alpha = exact_step(t, d);
    CAPTURE(alpha);
    REQUIRE(alpha > 0);
    const double best = rosenbrock(t[0] + alpha * d[0], t[1] + alpha * d[1]);
    // φ′(α*) = ∇C(θ + α*d) · d = 0 (relative to the scale of the terms)
    const Point2 g1 = gradient({t[0] + alpha * d[0], t[1] + alpha * d[1]});
    const double slope = g1[0] * d[0] + g1[1] * d[1];
    const double scale = std::hypot(g1[0], g1[1]) * std::hypot(d[0], d[1]) + 1;
    CHECK(slope / scale == doctest::Approx(0).epsilon(1e-8));
    // and no point of a fine grid over (0, 5α*] is lower
    for (int k = 1; k <= 2000; ++k) {
      const double a = 5 * alpha * k / 2000;
      if (rosenbrock(t[0] + a * d[0], t[1] + a * d[1]) < best - 1e-12 * (1 + std::fabs(best))) {
        CAPTURE(a);
        FAIL_CHECK("a grid point along the ray is lower than the exact step's");
        break;
      }
    }
  }
}

TEST_CASE("steepest_descent_exact from (0.4, -0.2): Figure 4.9's two long jumps, then the crawl") {
  const auto path = steepest_descent_exact({0.4, -0.2}, 1000);
  REQUIRE(path.size() == 1001);
  for (const int t : {1, 2, 3, 10, 100, 1000}) {
    CAPTURE(t);
    // numpy's exact-quartic line search; the path is stable to rounding (catalogue: 1e-9)
    check_all_close("theta(t)", path[static_cast<std::size_t>(t)],
                    kFixture.numbers("zigzag/" + std::to_string(t)), 1e-9);
  }
}

TEST_CASE("steepest_descent_exact zig-zags: consecutive gradients are orthogonal, (4.45)") {
  const auto path = steepest_descent_exact({0.4, -0.2}, 1000);
  REQUIRE(path.size() == 1001);
  for (std::size_t t = 0; t + 1 < path.size(); ++t) {
    const Point2 g = gradient(path[t]), g1 = gradient(path[t + 1]);
    const double cosine =
        (g[0] * g1[0] + g[1] * g1[1]) / (std::hypot(g[0], g[1]) * std::hypot(g1[0], g1[1]));
    if (std::fabs(cosine) > 1e-10) {  // numpy's largest is 1.8e-12
      CAPTURE(t);
      CAPTURE(cosine);
      FAIL_CHECK("g(t) and g(t+1) are not orthogonal");
      break;
    }
  }
  CHECK(path.size() == 1001);  // one assertion even when every step passes
}

}  // namespace exact_line_search_test
