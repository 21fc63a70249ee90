// Risteski lecture 5, slide “The mother of all optimization algorithms”, against catalogue L2
// (the reference catalogue of the notes and slides), the closed forms of the dual norms,
// and tests/reference/fixtures/problems_network_softmax.json (mpmath root of the derivative
// of f along the circle; tests/reference/generate_problems.py).

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::load_fixture;

namespace {

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::risteski05(), id);
}

}  // namespace

TEST_CASE("risteski05 slide-steepest-descent: -grad f/|grad f| at (1, 1) (catalogue L2)") {
  const auto r = compute(item("slide-steepest-descent"));
  // ∇f(1, 1) = (2, 6): direction (−0.316227766016838, −0.948683298050514), slope −√40.
  CHECK(std::fabs(r.value("d1_l2") + 0.316227766016838) < 1e-12);
  CHECK(std::fabs(r.value("d2_l2") + 0.948683298050514) < 1e-12);
  CHECK(std::fabs(r.value("slope_l2") + 6.324555320336759) < 1e-12);
  // The scan of 3600 directions comes within ‖g‖(1 − cos(π/3600)) of the minimum, and
  // within an angle of 2π/3600 of the direction.
  const double step = 2 * std::numbers::pi / 3600;
  CHECK(r.value("scan_slope_l2") >= r.value("slope_l2"));
  CHECK(r.value("scan_slope_l2") - r.value("slope_l2") <= std::sqrt(40.0) * (1 - std::cos(step)));
  CHECK(std::acos(r.value("scan_d1_l2") * r.value("d1_l2") +
                  r.value("scan_d2_l2") * r.value("d2_l2")) <= step);
}

TEST_CASE("risteski05 slide-steepest-descent: other norms give the dual norm (closed form)") {
  const auto r = compute(item("slide-steepest-descent"));
  const auto fx = load_fixture("problems_network_softmax.json");
  const auto& dual = fx["steepest_descent"]["dual_norms"];
  // l1 ball: the minimum is −‖g‖∞ = −6 at the vertex (0, −1); l∞ ball: −‖g‖₁ = −8 at the
  // corner (−1, −1). The scan contains both (3600 is a multiple of 8) and finds them.
  CHECK(r.value("slope_l1") == -dual["l1"].get<double>());
  CHECK(r.value("slope_linf") == -dual["linf"].get<double>());
  CHECK(std::fabs(r.value("slope_l2") + dual["l2"].get<double>()) < 1e-14);
  CHECK(r.value("d1_l1") == 0);
  CHECK(r.value("d2_l1") == -1);
  CHECK(r.value("d1_linf") == -1);
  CHECK(r.value("d2_linf") == -1);
  for (const std::string norm : {"l1", "linf"}) {
    CAPTURE(norm);
    CHECK(std::fabs(r.value("scan_slope_" + norm) - r.value("slope_" + norm)) < 1e-12);
    CHECK(std::fabs(r.value("scan_d1_" + norm) - r.value("d1_" + norm)) < 1e-12);
    CHECK(std::fabs(r.value("scan_d2_" + norm) - r.value("d2_" + norm)) < 1e-12);
  }
  // Elsewhere the l1 direction follows the larger partial derivative: at (3, 0.5) ∇f = (6, 3).
  const auto s = compute(item("slide-steepest-descent"), {"x=3,0.5"});
  CHECK(s.value("d1_l1") == -1);
  CHECK(s.value("d2_l1") == 0);
  CHECK(s.value("slope_linf") == -9);
}

TEST_CASE("risteski05 slide-steepest-descent: on the true f the angle is off by O(epsilon)") {
  const auto r = compute(item("slide-steepest-descent"));
  const auto fx = load_fixture("problems_network_softmax.json");
  // mpmath to 40 digits; bisection on the derivative along the circle: 1e-12 absolute.
  for (const auto& o : fx["steepest_descent"]["offsets"]) {
    const double eps = o["epsilon"].get<double>();
    CAPTURE(eps);
    const double got = r.value("offset_" + descent::short_number(eps));
    CHECK(std::fabs(got - o["offset"].get<double>()) < 1e-12);
    CHECK(std::fabs(got) <= 0.25 * eps);  // catalogue L2's test
  }
  // Catalogue L2: −0.01997000, −0.00190694 (its scipy's 1e-7), −0.00018983; ratio ≈ 10 ± 1.
  CHECK(std::fabs(r.value("offset_0.1") + 0.01997000) < 1e-8);
  CHECK(std::fabs(r.value("offset_0.01") + 0.00190694) < 1e-7);
  CHECK(std::fabs(r.value("offset_0.001") + 0.00018983) < 1e-8);
  const double ratio = r.value("offset_0.1") / r.value("offset_0.01");
  CHECK(std::fabs(ratio - 10) < 1);
}

TEST_CASE("risteski05 slide-steepest-descent rejects bad parameters") {
  CHECK_THROWS_AS(compute(item("slide-steepest-descent"), {"x=0,0"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("slide-steepest-descent"), {"directions=12"}),
                  descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("slide-steepest-descent"), {"epsilons=1"}),
                  descent::invalid_argument);
}
