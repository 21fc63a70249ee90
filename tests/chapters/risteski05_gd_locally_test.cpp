// Risteski lecture 5, slides "Understanding gradient descent locally", against catalogue L8
// (the reference catalogue of the notes and slides: A = diag(10, 1), eta = 2/11, the stiff
// coordinate's factor 1 - eta lambda_max = -9/11) and the closed form of GD on a diagonal
// quadratic, x_j(t) = (1 - eta lambda_j)^t x_j(0).

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;
using descent::testing::cell;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::risteski05(), "slide-gd-locally");
}

constexpr double ulp = std::numeric_limits<double>::epsilon();

}  // namespace

TEST_CASE("risteski05 slide-gd-locally: factors -9/11 and 9/11 (catalogue L8)") {
  const auto r = compute(item());
  CHECK(r.value("factor1") == doctest::Approx(-9.0 / 11).epsilon(ulp));
  CHECK(r.value("factor2") == doctest::Approx(9.0 / 11).epsilon(ulp));
  // Every measured ratio x_j(t)/x_j(t-1) is the factor to rounding: one multiply-subtract per
  // step, so a few units in the last place.
  CHECK(r.value("max_ratio_error1") <= 4 * ulp);
  CHECK(r.value("max_ratio_error2") <= 4 * ulp);
  // The zig-zag: the stiff coordinate flips sign at every one of the 30 steps, the other never.
  CHECK(r.value("sign_flips1") == 30);
  CHECK(r.value("sign_flips2") == 0);
}

TEST_CASE("risteski05 slide-gd-locally: iterates follow (1 - eta lambda_j)^t") {
  const auto r = compute(item());
  const auto& table = r.table("iterates");
  REQUIRE(table.rows.size() == 31);
  for (std::size_t t = 0; t < table.rows.size(); ++t) {
    CAPTURE(t);
    const double x1 = std::pow(-9.0 / 11, double(t)), x2 = std::pow(9.0 / 11, double(t));
    CHECK(cell(table, t, 1) == doctest::Approx(x1).epsilon(1e-14));
    CHECK(cell(table, t, 2) == doctest::Approx(x2).epsilon(1e-14));
  }
  // -grad f = -(10 x1, x2) is 39.29 degrees off the direction to the minimizer at (1, 1):
  // cos = 11/(sqrt(101) sqrt(2)); the same at every iterate, which stay on the lines |x1| = x2.
  const double angle = std::acos(11 / (std::sqrt(101.0) * std::sqrt(2.0))) * 180 / std::numbers::pi;
  CHECK(r.value("angle_deg_0") == doctest::Approx(angle).epsilon(1e-13));
  CHECK(cell(table, 17, 6) == doctest::Approx(angle).epsilon(1e-12));
}

TEST_CASE("risteski05 slide-gd-locally: with eta < 1/lambda_max there is no zig-zag") {
  const auto r = compute(item(), {"eta=0.05"});
  CHECK(r.value("factor1") == doctest::Approx(0.5));
  CHECK(r.value("sign_flips1") == 0);
  CHECK(r.value("max_ratio_error1") <= 4 * ulp);
  // A round bowl (A = I): the gradient points at the minimizer.
  const auto s = compute(item(), {"lambda=1,1", "eta=0.5"});
  CHECK(s.value("angle_deg_0") == 0);
}

TEST_CASE("risteski05 slide-gd-locally rejects bad parameters") {
  for (const std::string bad :
       {"eta=0", "eta=-1", "eta=nan", "eta=1e308", "lambda=-1,1", "lambda=", "steps=0", "x0=1"})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
}
