// Notes §2.1, Eq. (2.3): Newton's update, against the catalogue's independent values
// (/work/shared/catalogue/notes-ch2-and-risteski-lec5.md N2: closed-form maps, numpy LAPACK).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"

using descent::app::compute;

namespace {
const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::notes02(), id);
}
}  // namespace

TEST_CASE("notes02 eq-2.3: quadratic convergence on e^theta - 2 theta") {
  const auto r = compute(item("eq-2.3"));
  CHECK(r.value("exp_theta_2") == doctest::Approx(0.7357588823428847).epsilon(1e-14));
  CHECK(r.value("exp_theta_4") == doctest::Approx(0.6931475810597714).epsilon(1e-14));
  CHECK(std::fabs(r.value("exp_theta_6") - std::log(2.0)) < 1e-13);
  // e_{k+1}/e_k² → L'''/(2L'') = 1/2 at ln 2 (catalogue: 0.63867, 0.45255, 0.49297, 0.49985)
  CHECK(r.value("ratio_1") == doctest::Approx(0.63867).epsilon(1e-4));
  CHECK(std::fabs(r.value("ratio_4") - 0.5) < 1e-3);
}

TEST_CASE("notes02 eq-2.3: pure Newton on Rosenbrock is not a descent method") {
  const auto r = compute(item("eq-2.3"));
  CHECK(r.value("rosenbrock_L_1") == doctest::Approx(4.731884325266608).epsilon(1e-8));
  CHECK(r.value("rosenbrock_L_2") == doctest::Approx(1411.845179309927).epsilon(1e-8));
  CHECK(r.value("rosenbrock_L_3") == doctest::Approx(0.055965516833872936).epsilon(1e-8));
  CHECK(r.value("rosenbrock_iterations") == 7);
}

TEST_CASE("notes02 eq-2.3: one step on a quadratic; only local convergence on sqrt(1+theta^2)") {
  const auto r = compute(item("eq-2.3"));
  CHECK(r.value("quadratic_theta_1") == doctest::Approx(-0.6).epsilon(1e-12));
  CHECK(r.value("quadratic_theta_2") == doctest::Approx(0.8).epsilon(1e-12));
  // the map θ ↦ −θ³ (catalogue, rel 1e-12)
  CHECK(r.value("sqrt_0.5_3") == doctest::Approx(-7.450580596923828e-9).epsilon(1e-12));
  // the 2-cycle ±1, up to the rounding of L'/L'' computed from its two factors
  CHECK(r.value("sqrt_1_3") == doctest::Approx(-1.0).epsilon(1e-14));
  CHECK(r.value("sqrt_1.1_4") == doctest::Approx(2253.240236043986).epsilon(1e-12));
}
