// Notes §2.1, Eq. (2.1), against catalogue N1 (the reference catalogue of the notes and slides):
// Rosenbrock at theta* = (-1.2, 1) has L = 24.2, grad L = (-215.6, -88),
// H = [[1330, 480], [480, 200]], and the remainder of the quadratic model is exactly
// R(h) = (h^3/6)(2400 x d1^3 - 1200 d1^2 d2) + 100 h^4 d1^4 with x = -1.2 (a quartic).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::notes02(), "eq-2.1");
}

double remainder(double h, double d1, double d2) {
  const double x = -1.2;
  return h * h * h / 6 * (2400 * x * d1 * d1 * d1 - 1200 * d1 * d1 * d2) +
         100 * h * h * h * h * d1 * d1 * d1 * d1;
}

}  // namespace

TEST_CASE("notes02 eq-2.1: the model's terms at (-1.2, 1) (catalogue N1)") {
  const auto r = compute(item());
  CHECK(r.value("L_star") == doctest::Approx(24.2).epsilon(1e-14));
  CHECK(r.value("grad_1") == doctest::Approx(-215.6).epsilon(1e-14));
  CHECK(r.value("grad_2") == doctest::Approx(-88).epsilon(1e-14));
  CHECK(r.value("H_11") == doctest::Approx(1330).epsilon(1e-14));
  CHECK(r.value("H_12") == doctest::Approx(480).epsilon(1e-14));
  CHECK(r.value("H_22") == doctest::Approx(200).epsilon(1e-14));
}

TEST_CASE("notes02 eq-2.1: the remainder is o(h^2), R/h^3 -> D3/6 (catalogue N1)") {
  const auto r = compute(item());
  // Catalogue N1: R(0.1) = -0.47, R(0.01) = -4.79e-4, R(0.001) = -4.799e-7 along (1, 0);
  // -0.159984, -1.611504e-4, -1.61267040e-7 along (0.6, 0.8); abs 1e-12 (cancellation
  // against L ~ 24).
  CHECK(std::fabs(r.value("R_1_0.1") + 0.47) < 1e-12);
  CHECK(std::fabs(r.value("R_1_0.01") + 4.79e-4) < 1e-12);
  CHECK(std::fabs(r.value("R_1_0.001") + 4.799e-7) < 1e-12);
  CHECK(std::fabs(r.value("R_2_0.1") + 0.159984) < 1e-12);
  CHECK(std::fabs(r.value("R_2_0.01") + 1.611504e-4) < 1e-12);
  CHECK(std::fabs(r.value("R_2_0.001") + 1.61267040e-7) < 1e-12);
  // D3L[d,d,d]/6 by nested duals: -480 and -161.28 (the h^3 coefficients of R).
  CHECK(r.value("cubic_1") == doctest::Approx(-480).epsilon(1e-14));
  CHECK(r.value("cubic_2") == doctest::Approx(-161.28).epsilon(1e-14));
}

TEST_CASE("notes02 eq-2.1: other directions and steps follow the closed form") {
  const auto r = compute(item(), {"directions=-0.28,0.96", "steps=0.5,0.05"});
  CHECK(std::fabs(r.value("R_1_0.5") - remainder(0.5, -0.28, 0.96)) < 1e-12);
  CHECK(std::fabs(r.value("R_1_0.05") - remainder(0.05, -0.28, 0.96)) < 1e-12);
  const double c = -0.28;
  CHECK(r.value("cubic_1") ==
        doctest::Approx((2400 * -1.2 * c * c * c - 1200 * c * c * 0.96) / 6).epsilon(1e-13));
}

TEST_CASE("notes02 eq-2.1 rejects bad parameters") {
  for (const std::string bad :
       {"directions=1,0,1", "theta_star=1", "steps=0", "steps=-1", "steps=nan", "steps=1e308"})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
}
