// Exercise aggarwal03/nonlinear_cg_beta: Fletcher–Reeves and Polak–Ribière+ β, against the CG
// step on x² + 4y² from (4, 1) of the catalogue (aggarwal-ch3.md A43: β0 = 46.08/128 = 0.36)
// and small cases worked by hand.

#include "nonlinear_cg_beta.hpp"

#include <doctest/doctest.h>

#include <vector>

using descent::exercises::fletcher_reeves;
using descent::exercises::polak_ribiere_plus;

namespace nonlinear_cg_beta_test {
// ∇L of x² + 4y² at (4, 1) is (8, 8); after the exact line search, at W1 = (2.4, −0.6), it is
// (4.8, −4.8), orthogonal to (8, 8): there FR = PR = linear CG's β.
const std::vector<double> kG0{8, 8}, kG1{4.8, -4.8};

TEST_CASE("fletcher_reeves: after an exact search on a quadratic it equals linear CG's 0.36") {
  CHECK(fletcher_reeves(kG0, kG1) == doctest::Approx(0.36).epsilon(1e-14));
}

TEST_CASE("fletcher_reeves: |g_new|^2 / |g_old|^2 on two cases by hand") {
  CHECK(fletcher_reeves({1, 0}, {2, 0}) == doctest::Approx(4.0).epsilon(1e-15));
  CHECK(fletcher_reeves({2, 0}, {1, 0}) == doctest::Approx(0.25).epsilon(1e-15));
}

TEST_CASE("polak_ribiere_plus: after an exact search on a quadratic it equals linear CG's 0.36") {
  CHECK(polak_ribiere_plus(kG0, kG1) == doctest::Approx(0.36).epsilon(1e-14));
}

TEST_CASE(
    "polak_ribiere_plus: differs from Fletcher-Reeves when the gradients are not orthogonal") {
  // g_old = (1, 0), g_new = (2, 0): PR = 2 (2 − 1) / 1 = 2 (FR is 4)
  CHECK(polak_ribiere_plus({1, 0}, {2, 0}) == doctest::Approx(2.0).epsilon(1e-15));
  // g_old = (1, 1), g_new = (1, 3): PR = (1·0 + 3·2) / 2 = 3
  CHECK(polak_ribiere_plus({1, 1}, {1, 3}) == doctest::Approx(3.0).epsilon(1e-15));
}

TEST_CASE("polak_ribiere_plus: a negative value is clipped to 0 (a restart)") {
  // g_old = (2, 0), g_new = (1, 0): PR = 1 (1 − 2) / 4 = −0.25
  CHECK(polak_ribiere_plus({2, 0}, {1, 0}) == 0.0);
}

}  // namespace nonlinear_cg_beta_test
