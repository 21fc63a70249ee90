// Exercise aggarwal03/gradient_checker. Compiled against the stub (every case must fail) and
// against the solution (every case must pass).

#include "gradient_checker.hpp"

#include <doctest/doctest.h>

#include <cmath>

using descent::vector;
using namespace descent::exercises;

TEST_CASE("forward differences have error eps f''/2, central differences eps^2 f'''/6") {
  const Loss f = [](const vector& w) { return std::exp(w(0)) + w(1) * w(1); };
  const vector w{1.0, 3.0};
  const double e = std::exp(1.0);
  // Taylor: forward error ≈ ε e/2 = 1.36e-4 at ε = 1e-4 (checked to 1%).
  CHECK(forward_difference(f, w, 0, 1e-4) - e == doctest::Approx(1e-4 * e / 2).epsilon(0.01));
  // central error ≈ ε² e/6 = 4.5e-9, far below the forward one
  CHECK(std::fabs(central_difference(f, w, 0, 1e-4) - e) < 1e-8);
  // coordinate 1: d/dw1 of w1² at 3 is 6; the forward error is exactly ε
  CHECK(std::fabs(forward_difference(f, w, 1, 1e-3) - 6.001) < 1e-9);
  CHECK(std::fabs(central_difference(f, w, 1, 1e-3) - 6) < 1e-9);
}

TEST_CASE("relative_ratio is Eq. 3.34 with a guard against a zero denominator") {
  CHECK(relative_ratio(1.0, 3.0) == 0.5);
  CHECK(relative_ratio(2.0, 2.0) == 0);
  CHECK(relative_ratio(0.0, 0.0) == 0);
  CHECK(relative_ratio(1.5, -1.5) == 2);
  CHECK(std::isfinite(relative_ratio(1e-300, -1e-300)));
}

TEST_CASE("a correct gradient passes the book's 1e-6 threshold, a wrong one does not") {
  const Loss f = [](const vector& w) { return std::sin(w(0)) * w(1); };
  const vector w{0.7, 2.0};
  const double analytic = std::cos(0.7) * 2.0;
  CHECK(relative_ratio(central_difference(f, w, 0, 1e-6), analytic) < 1e-6);
  CHECK(relative_ratio(central_difference(f, w, 0, 1e-6), analytic * 1.01) > 1e-3);
}
