// Exercise aggarwal03/gradient_checker: Aggarwal §3.2.10, Eqs. 3.33–3.34. Compiled against the
// stub (every case must fail) and against the solution (every case must pass).

#include "gradient_checker.hpp"

#include <doctest/doctest.h>

#include <cmath>

using descent::vector;
using namespace descent::exercises;

namespace gradient_checker_test {
// f(w) = e^{w0} + w1²: ∂f/∂w0 = e at w0 = 1, ∂f/∂w1 = 6 at w1 = 3.
double f(const vector& w) {
  return std::exp(w(0)) + w(1) * w(1);
}

TEST_CASE("forward_difference errs by about eps f''/2 (Eq. 3.33)") {
  const vector w{1.0, 3.0};
  const double e = std::exp(1.0);
  // Taylor: the error is ε e/2 + O(ε²) = 1.36e-4 at ε = 1e-4 (checked to 1%).
  CHECK(forward_difference(f, w, 0, 1e-4) - e == doctest::Approx(1e-4 * e / 2).epsilon(0.01));
  // on w1² the forward difference is exactly 2 w1 + ε
  CHECK(forward_difference(f, w, 1, 1e-3) == doctest::Approx(6.001).epsilon(1e-9));
}

TEST_CASE("central_difference errs by only about eps^2 f'''/6") {
  const vector w{1.0, 3.0};
  // error ε² e/6 = 4.5e-9 at ε = 1e-4, 30 000 times smaller than the forward difference's
  CHECK(central_difference(f, w, 0, 1e-4) == doctest::Approx(std::exp(1.0)).epsilon(1e-8));
  // exact on a quadratic, up to rounding
  CHECK(central_difference(f, w, 1, 1e-3) == doctest::Approx(6.0).epsilon(1e-9));
}

TEST_CASE("relative_ratio is Eq. 3.34") {
  CHECK(relative_ratio(1.0, 3.0) == 0.5);  // |1 − 3| / |1 + 3|
  CHECK(relative_ratio(2.0, 2.0) == 0);
}

TEST_CASE("relative_ratio guards the zero denominator") {
  CHECK(relative_ratio(0.0, 0.0) == 0);   // both zero: they agree
  CHECK(relative_ratio(1.5, -1.5) == 2);  // opposite: they disagree completely
  CHECK(std::isfinite(relative_ratio(1e-300, -1e-300)));
}

TEST_CASE("relative_ratio: a gradient right to 1e-9 passes the book's 1e-6, one 1% off fails") {
  const double analytic = std::cos(0.7) * 2.0;
  CHECK(relative_ratio(analytic * (1 + 1e-9), analytic) < 1e-6);
  CHECK(relative_ratio(analytic * 1.01, analytic) > 1e-3);
}

}  // namespace gradient_checker_test
