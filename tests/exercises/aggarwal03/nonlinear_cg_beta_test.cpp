// Exercise aggarwal03/nonlinear_cg_beta: Fletcher–Reeves and Polak–Ribière+ β, against the CG
// step on x² + 4y² from (4, 1) of the catalogue (aggarwal-ch3.md A43: β0 = 46.08/128 = 0.36)
// and small cases worked by hand.

#include "nonlinear_cg_beta.hpp"

#include <doctest/doctest.h>

using descent::exercises::fletcher_reeves;
using descent::exercises::polak_ribiere_plus;

TEST_CASE("nonlinear_cg_beta: after an exact search on a quadratic both equal linear CG's 0.36") {
  // ∇L at (4, 1) is (8, 8); at W1 = (2.4, −0.6) it is (4.8, −4.8), orthogonal to (8, 8)
  const std::vector<double> g0{8, 8}, g1{4.8, -4.8};
  CHECK(fletcher_reeves(g0, g1) == doctest::Approx(0.36).epsilon(1e-14));
  CHECK(polak_ribiere_plus(g0, g1) == doctest::Approx(0.36).epsilon(1e-14));
}

TEST_CASE("nonlinear_cg_beta: without orthogonal gradients the two differ") {
  // g_old = (1, 0), g_new = (2, 0): FR = 4/1, PR = 2 (2 − 1) / 1 = 2
  CHECK(fletcher_reeves({1, 0}, {2, 0}) == doctest::Approx(4.0));
  CHECK(polak_ribiere_plus({1, 0}, {2, 0}) == doctest::Approx(2.0));
}

TEST_CASE("nonlinear_cg_beta: a negative Polak-Ribiere value is clipped to 0 (a restart)") {
  // g_old = (2, 0), g_new = (1, 0): PR = 1 (1 − 2) / 4 = −0.25, so PR+ = 0; FR = 1/4
  CHECK(polak_ribiere_plus({2, 0}, {1, 0}) == 0.0);
  CHECK(fletcher_reeves({2, 0}, {1, 0}) == doctest::Approx(0.25));
  // g_old = (1, 1), g_new = (1, 3): PR = (0 + 6) / 2 = 3
  CHECK(polak_ribiere_plus({1, 1}, {1, 3}) == doctest::Approx(3.0));
}
