// Exercise medl04/tangent_rules: the tangent rules of sin, exp and × (MEDL (4.29)).
// Compiled against the stub (every case must fail) and the solution (every case must pass).

#include "tangent_rules.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "exercise_fixtures.hpp"

using descent::exercises::Dual1;
using descent::exercises::tangent_exp;
using descent::exercises::tangent_mul;
using descent::exercises::tangent_sin;

namespace tangent_rules_test {
// sympy's exact derivatives (tests/reference/generate_autodiff.py), to a few ulps.
constexpr double kRel = 1e-14;

// Point k of function f in the fixture: its field x, value or d1 (the derivative).
double point(const std::string& f, std::size_t k, const std::string& field) {
  return descent::testing::fixture_number(
      "autodiff.json", "/elementary/" + f + "/" + std::to_string(k) + "/" + field);
}
std::size_t points(const std::string& f) {
  return descent::testing::fixture_size("autodiff.json", "/elementary/" + f);
}

TEST_CASE("tangent_sin matches sympy's derivatives") {
  for (std::size_t k = 0; k < points("sin"); ++k) {
    CAPTURE(point("sin", k, "x"));
    const auto y = tangent_sin(Dual1(point("sin", k, "x"), 2.0));  // tangent 2: the rule scales
    CHECK(y.value == doctest::Approx(point("sin", k, "value")).epsilon(kRel));
    CHECK(y.tangent == doctest::Approx(2 * point("sin", k, "d1")).epsilon(kRel));
  }
}

TEST_CASE("tangent_exp matches sympy's derivatives") {
  for (std::size_t k = 0; k < points("exp"); ++k) {
    CAPTURE(point("exp", k, "x"));
    const auto y = tangent_exp(Dual1(point("exp", k, "x"), -0.5));
    CHECK(y.value == doctest::Approx(point("exp", k, "value")).epsilon(kRel));
    CHECK(y.tangent == doctest::Approx(-0.5 * point("exp", k, "d1")).epsilon(kRel));
  }
}

TEST_CASE("tangent_mul is the product rule with both inputs moving") {
  const auto y = tangent_mul(Dual1(3.0, 0.5), Dual1(-2.0, 4.0));
  CHECK(y.value == -6.0);
  CHECK(y.tangent == 0.5 * -2.0 + 3.0 * 4.0);  // ȧ b + a ḃ = 11
}

TEST_CASE("your rules rebuild MEDL Table 4.2 (j = 2): final tangent pi/12 + e^7") {
  const double pi = std::numbers::pi;
  const Dual1 theta1(pi / 6, 0), theta2(2, 1), theta3(5, 0);  // θ̇ = e2
  const Dual1 a1 = tangent_mul(theta1, theta2);
  const Dual1 a2 = theta2 + theta3;
  const Dual1 a3 = theta3 * -2.0;
  const Dual1 a4 = tangent_sin(a1);
  const Dual1 a5 = tangent_exp(a2);
  const Dual1 a6 = a4 + a5 + a3;
  CHECK(a1.tangent == doctest::Approx(pi / 6).epsilon(kRel));   // Table 4.2
  CHECK(a4.tangent == doctest::Approx(pi / 12).epsilon(kRel));  // cos(π/3)·π/6
  CHECK(a6.tangent == doctest::Approx(pi / 12 + std::exp(7.0)).epsilon(kRel));
}

}  // namespace tangent_rules_test
