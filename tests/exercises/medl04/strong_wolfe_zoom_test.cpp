// Exercise medl04/strong_wolfe_zoom: the zoom of a strong-Wolfe line search. The returned step
// is checked against the conditions (4.48) and (4.50) themselves, evaluated here.

#include "strong_wolfe_zoom.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <utility>

using descent::exercises::strong_wolfe_zoom;

namespace strong_wolfe_zoom_test {
// φ along −∇C from (0.8, 0) on Rosenbrock (4.9): catalogue C38's quartic and its derivative
std::pair<double, double> phi48_and_slope(double a) {
  const double value = 41 - 58163.36 * a + 26095677.6 * a * a - 3802255994.88 * a * a * a +
                       174551492200.96 * a * a * a * a;
  const double slope =
      -58163.36 + 2 * 26095677.6 * a - 3 * 3802255994.88 * a * a + 4 * 174551492200.96 * a * a * a;
  return {value, slope};
}

TEST_CASE("strong_wolfe_zoom returns a step meeting (4.48) and (4.50)") {
  const auto [phi0, dphi0] = phi48_and_slope(0);
  for (double c2 : {0.9, 0.5, 0.1, 0.01}) {
    CAPTURE(c2);
    // bracket [0, 0.01]: φ′(0) < 0 and the minimizer 0.00165 lies inside
    const double alpha = strong_wolfe_zoom(phi48_and_slope, phi0, dphi0, 0, 0.01, 1e-4, c2, 60);
    const auto [value, slope] = phi48_and_slope(alpha);
    CAPTURE(alpha);
    CHECK(alpha > 0);
    CHECK(value <= phi0 + 1e-4 * alpha * dphi0);
    CHECK(std::fabs(slope) <= -c2 * dphi0);
  }
}

TEST_CASE("strong_wolfe_zoom closes in on the minimizer of a parabola when c2 is small") {
  auto phi = [](double a) { return std::pair<double, double>{(a - 1) * (a - 1), 2 * (a - 1)}; };
  // |φ′(α)| <= 1e-3 · 2 means |α − 1| <= 1e-3
  const double alpha = strong_wolfe_zoom(phi, 1, -2, 0, 3, 1e-4, 1e-3, 60);
  CHECK(alpha == doctest::Approx(1.0).scale(0).epsilon(1e-3));
}

TEST_CASE("strong_wolfe_zoom reports an exhausted budget") {
  auto phi = [](double a) { return std::pair<double, double>{(a - 1) * (a - 1), 2 * (a - 1)}; };
  CHECK_THROWS_AS(strong_wolfe_zoom(phi, 1, -2, 0, 3, 1e-4, 1e-12, 3), std::runtime_error);
}

}  // namespace strong_wolfe_zoom_test
