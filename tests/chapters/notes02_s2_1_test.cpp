// Notes §2.1, Eq. (2.3): Newton's update, against the catalogue's independent values
// (the reference catalogue of the notes and slides N2: closed-form maps, numpy LAPACK).

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

TEST_CASE("notes02 eq-2.3: the n/a ratio of row 0 is declared; an overflowing map stops") {
  const auto r = compute(item("eq-2.3"));
  // row 0 has no e_(k-1): NaN on purpose, declared (the app layer flagged it before)
  CHECK(r.status.empty());
  CHECK(std::isnan(
      descent::testing::cell(r.table("(a) L = e^theta - 2 theta"), 0, "e_k / e_(k-1)^2")));
  // theta0 = 1e308: e^theta = inf and (e^theta - 2)/e^theta = NaN from k = 1 on
  const auto far = compute(item("eq-2.3"), {"theta0=1e308"});
  CHECK(far.status.rfind("(a) Newton's map overflows at k = 1: e^theta = inf", 0) == 0);
  CHECK(far.status.find("not finite") == std::string::npos);
  CHECK(far.table("(a) L = e^theta - 2 theta").rows.size() == 1);
  const auto left = compute(item("eq-2.3"), {"theta0=-800"});  // e^theta = 0: -2/0
  CHECK(left.status.find("e^theta = 0 for theta_0 = -800") != std::string::npos);
}
