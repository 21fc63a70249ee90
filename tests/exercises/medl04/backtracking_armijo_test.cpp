// Exercise medl04/backtracking_armijo: backtracking with the Armijo condition (4.48).
// Reference values: the catalogue's exact exponents (medl-ch4.md C41) and closed forms.

#include "backtracking_armijo.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

using descent::exercises::backtracking_armijo;

namespace backtracking_armijo_test {
// φ along −∇C from (0.8, 0) on Rosenbrock (4.9): the quartic of catalogue C38 (exact, sympy)
double phi48(double a) {
  return 41 - 58163.36 * a + 26095677.6 * a * a - 3802255994.88 * a * a * a +
         174551492200.96 * a * a * a * a;
}
constexpr double kDphi0 = -58163.36;

TEST_CASE("backtracking_armijo accepts (2/3)^k on the ray of Figure 4.8") {
  // catalogue C41: c1 = 1e-4 -> k = 12, 0.1 -> 14, 0.5 -> 17; exact exponents, 1e-12 for the
  // rounding of k products
  CHECK(backtracking_armijo(phi48, 41, kDphi0, 1, 2.0 / 3, 1e-4, 100) ==
        doctest::Approx(std::pow(2.0 / 3, 12)).epsilon(1e-12));
  CHECK(backtracking_armijo(phi48, 41, kDphi0, 1, 2.0 / 3, 0.1, 100) ==
        doctest::Approx(std::pow(2.0 / 3, 14)).epsilon(1e-12));
  CHECK(backtracking_armijo(phi48, 41, kDphi0, 1, 2.0 / 3, 0.5, 100) ==
        doctest::Approx(std::pow(2.0 / 3, 17)).epsilon(1e-12));
}

TEST_CASE("backtracking_armijo on a parabola") {
  // φ = (α − 1)²: φ(0) = 1, φ′(0) = −2; α = 4 and 2 fail (4.48), α = 1 passes
  auto phi = [](double a) { return (a - 1) * (a - 1); };
  CHECK(backtracking_armijo(phi, 1, -2, 4, 0.5, 1e-4, 10) == 1.0);
  // c1 = 0.6: φ(1) = 0 <= 1 − 1.2 fails; α = 0.5: 0.25 <= 0.4 passes
  CHECK(backtracking_armijo(phi, 1, -2, 4, 0.5, 0.6, 10) == 0.5);
}

TEST_CASE("backtracking_armijo reports failure instead of returning a step") {
  auto phi = [](double a) { return 1 + a; };  // rises: no step decreases it
  CHECK_THROWS_AS(backtracking_armijo(phi, 1, -1, 1, 0.5, 1e-4, 20), std::runtime_error);
}

}  // namespace backtracking_armijo_test
