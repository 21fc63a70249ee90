// MEDL §4.1 Eq. (4.7): the logistic-regression Hessian against the catalogue's closed forms
// (C06: numpy on the companion's 9-point data set).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;
using descent::testing::cell;

namespace {
const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::medl04(), id);
}
}  // namespace

TEST_CASE("medl04 eq-4.7: the mean Hessian, gradient and loss at theta = 0 (catalogue C06)") {
  const auto r = compute(item("eq-4.7"));
  // Exact: H = ¼ mean[1 x; x x²] with mean x = 0, mean x² = 15/9; sums of 9 terms: 1e-15.
  CHECK(std::fabs(r.value("H_11") - 0.25) <= 1e-15);
  CHECK(std::fabs(r.value("H_12")) <= 1e-15);
  CHECK(std::fabs(r.value("H_22") - 5.0 / 12) <= 1e-15);
  CHECK(std::fabs(r.value("grad_b") - -1.0 / 18) <= 1e-15);
  CHECK(std::fabs(r.value("grad_w") - -1.0 / 3) <= 1e-15);
  CHECK(std::fabs(r.value("C") - std::log(2.0)) <= 1e-15);
  CHECK(r.value("mean_hessian_min_eigenvalue") > 0);  // PD: the (1, x) span R²
}

TEST_CASE("medl04 eq-4.7: every per-sample Hessian is rank one and PSD, anywhere") {
  for (const std::string theta : {"0,0", "0.3075,0.9898", "-3,5"}) {
    CAPTURE(theta);
    const auto r = compute(item("eq-4.7"), {"theta=" + theta});
    // The small eigenvalue is 0 up to rounding (relative to the large one).
    CHECK(r.value("max_relative_small_eigenvalue") <= 1e-14);
    const auto& samples = r.table("samples");
    for (std::size_t row = 0; row < samples.rows.size(); ++row) {
      const double large = cell(samples, row, "eigenvalue 2");
      const double closed = cell(samples, row, "closed form s(1-s)(1+x^2)");
      CHECK(cell(samples, row, "eigenvalue 1") >= -1e-15 * large);  // PSD
      CHECK(std::fabs(large - closed) <= 1e-14 * closed);           // the trace s(1−s)(1+x²)
    }
  }
  // One point cannot make the mean Hessian definite: it stays singular.
  const auto one = compute(item("eq-4.7"), {"x=1", "y=1"});
  CHECK(std::fabs(one.value("mean_hessian_min_eigenvalue")) <= 1e-15);
  CHECK_THROWS_AS(compute(item("eq-4.7"), {"y=0,1"}), descent::invalid_argument);
}

TEST_CASE("medl04 eq-4.7: features and points whose Hessian overflows are refused") {
  // x = (1e308, 1e308) ended with "error: eigh: the matrix has a non-finite entry", exit 1.
  CHECK_THROWS_WITH_AS(compute(item("eq-4.7"), {"x=1e308,1e308", "y=0,1"}),
                       doctest::Contains("allowed:"), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("eq-4.7"), {"theta=1e308,1e308"}), descent::invalid_argument);
  // the ends of the range still give finite, PSD Hessians
  const auto r = compute(item("eq-4.7"), {"x=1e6,-1e6", "y=0,1", "theta=1e6,1e6"});
  CHECK(r.status.empty());
  CHECK(r.value("mean_hessian_min_eigenvalue") >= 0);
}
