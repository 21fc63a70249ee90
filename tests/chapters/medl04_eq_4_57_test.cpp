// MEDL §4.6, Eq. (4.57): GD is Newton's method with H_t replaced by I/alpha. Against the
// reference catalogue of MEDL ch. 4 (C49: 939 GD steps from (1, 1) on diag(1, 100) with
// alpha = 2/101, one Newton step) and the closed form of GD on a diagonal quadratic,
// theta_j(t) = (1 - alpha lambda_j)^t theta_j(0).

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::medl04(), "eq-4.57");
}

// The first t with |theta(t)| < tol for GD on diag(lambda) from theta0, from the closed form.
int closed_form_steps(double l1, double l2, double x1, double x2, double alpha, double tol) {
  for (int t = 0; t < 1000000; ++t) {
    const double a = std::pow(1 - alpha * l1, t) * x1, b = std::pow(1 - alpha * l2, t) * x2;
    if (std::hypot(a, b) < tol) return t;
  }
  return -1;
}

}  // namespace

TEST_CASE("medl04 eq-4.57: Newton takes one step, GD 939 on diag(1, 100) (catalogue C49)") {
  const auto r = compute(item());
  CHECK(r.value("newton_steps") == 1);
  CHECK(std::fabs(r.value("newton_theta1_1")) < 1e-15);
  CHECK(std::fabs(r.value("newton_theta2_1")) < 1e-15);
  CHECK(r.value("gd_steps") == 939);  // catalogue C49
  CHECK(r.value("gd_steps") == closed_form_steps(1, 100, 1, 1, 2.0 / 101, 1e-8));
  // Both modes contract by 99/101, the stiff one with a sign flip: the zig-zag.
  CHECK(std::fabs(r.value("contraction") - 99.0 / 101) < 1e-15);
  CHECK(std::fabs(r.value("gd_theta1_1") - 99.0 / 101) < 1e-15);
  CHECK(std::fabs(r.value("gd_theta2_1") + 99.0 / 101) < 1e-15);
  CHECK(std::fabs(r.value("gd_first_ratio") - 99.0 / 101) < 1e-15);
  CHECK(std::fabs(r.value("best_alpha") - 2.0 / 101) < 1e-17);
}

TEST_CASE("medl04 eq-4.57: the step of the model with I/alpha is the GD step") {
  // Solving (1/alpha) I theta_s = -grad C by LU divides by 1/alpha where GD multiplies by
  // alpha: the two agree to rounding, a few units in the last place of |theta| <= 1.
  const auto r = compute(item());
  CHECK(r.value("identity_max_difference") <= 4 * std::numeric_limits<double>::epsilon());
  const auto s = compute(item(), {"alpha=0.013", "theta0=-0.7,0.3", "lambda=3,40"});
  CHECK(s.value("identity_max_difference") <= 4 * std::numeric_limits<double>::epsilon());
}

TEST_CASE("medl04 eq-4.57: other alphas follow the closed form") {
  // alpha = 1/100 kills the stiff mode in one step; the slow one contracts by 0.99.
  const auto r = compute(item(), {"alpha=0.01"});
  CHECK(r.value("gd_steps") == closed_form_steps(1, 100, 1, 1, 0.01, 1e-8));
  CHECK(r.value("newton_steps") == 1);
  CHECK(std::fabs(r.value("contraction") - 0.99) < 1e-15);
  // Above 2/lambda_max the stiff mode grows: GD diverges, Newton does not care.
  const auto d = compute(item(), {"alpha=0.021", "max_iterations=100"});
  CHECK_THROWS((void)d.value("gd_steps"));
  CHECK(d.value("newton_steps") == 1);
  CHECK(d.value("contraction") > 1);
}

TEST_CASE("medl04 eq-4.57 rejects bad parameters") {
  for (const std::string bad : {"alpha=0", "alpha=-1", "alpha=nan", "alpha=1e308", "lambda=0,1",
                                "lambda=1", "tolerance=0", "max_iterations=0", "box=1,0,0,1"})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
}
