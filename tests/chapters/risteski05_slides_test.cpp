// Lecture 5 slides on the quadratic's minimizer and Newton's cost, against the catalogue
// (the reference catalogue of the notes and slides L10, L11: closed forms and exact
// operation counts from an instrumented Python elimination).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;

namespace {
const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(descent::testing::risteski05(), id);
}
}  // namespace

TEST_CASE("risteski05 slide-closed-form-quadratic: -A^-1 b, not A^-1 b") {
  const auto r = compute(item("slide-closed-form-quadratic"));
  CHECK(r.value("minimizer_1") == doctest::Approx(-0.6).epsilon(1e-12));
  CHECK(r.value("minimizer_2") == doctest::Approx(0.8).epsilon(1e-12));
  CHECK(r.value("f_minimum") == doctest::Approx(-0.7).epsilon(1e-12));  // −½bᵀA⁻¹b
  CHECK(r.value("f_printed") == doctest::Approx(2.1).epsilon(1e-12));   // not a minimum
  CHECK(r.value("newton_1") == doctest::Approx(-0.6).epsilon(1e-12));
}

TEST_CASE("risteski05 slide-newton: elimination costs d^3/3 + d^2 - d/3 multiplications") {
  const auto r = compute(item("slide-newton"));
  CHECK(r.value("mult_2") == 6);
  CHECK(r.value("add_2") == 3);
  CHECK(r.value("mult_10") == 430);
  CHECK(r.value("add_10") == 375);
  CHECK(r.value("mult_100") == 343300);
  CHECK(r.value("add_100") == 338250);
  // κ = 10⁶ does not matter to one Newton step (catalogue L11 (i)); rounding only
  CHECK(r.value("ill_conditioned_error_after_one_step") < 1e-12);
  // Newton-CG against scipy.optimize.minimize(method="Newton-CG") (generate_nonlinear_cg.py):
  // same minimizer; the extended Rosenbrock is d/2 copies of one 2-D problem, so the counts do
  // not grow with d, for scipy and for us.
  const auto fx = descent::testing::load_fixture("second_order_cg.json");
  for (const std::string d : {"1000", "10000", "100000"}) {
    const auto& ref = fx["newton_cg"][d];
    CHECK(r.value("newton_cg_converged_" + d) == 1);
    CHECK(r.value("newton_cg_distance_" + d) <= 10 * ref["distance_to_minimizer"].get<double>());
    const double nit = ref["nit"].get<double>();
    CHECK(r.value("newton_cg_iterations_" + d) >= nit / 2);
    CHECK(r.value("newton_cg_iterations_" + d) <= 1.5 * nit);
    // scipy's line search is MINPACK's; ours brackets and zooms: within 1.5x of its counts
    CHECK(r.value("newton_cg_products_" + d) <= 1.5 * ref["nhev"].get<double>());
    CHECK(r.value("newton_cg_evaluations_" + d) <= 1.5 * ref["nfev"].get<double>());
    CHECK(r.value("newton_cg_iterations_" + d) == r.value("newton_cg_iterations_1000"));
  }
}

TEST_CASE("risteski05 slide-closed-form-quadratic: starts and terms that overflow are refused") {
  // x0 = (1e308, 1e308) ended with "error: solve: b has a non-finite entry", exit 1
  CHECK_THROWS_AS(compute(item("slide-closed-form-quadratic"), {"x0=1e308,1e308"}),
                  descent::invalid_argument);
  // a nearly singular A makes -A^-1 b overflow: refused, not printed as inf
  CHECK_THROWS_WITH_AS(
      compute(item("slide-closed-form-quadratic"), {"A=1e-300,0,0,1e-300", "b=1e6,1e6"}),
      doctest::Contains("overflows"), descent::invalid_argument);
  // a start at the minimizer takes no Newton step (iterates[1] was read past the end)
  const auto home = compute(item("slide-closed-form-quadratic"), {"b=0,0", "x0=0,0"});
  CHECK(home.value("newton_1") == 0);
  CHECK(home.value("newton_2") == 0);
}

TEST_CASE("risteski05 slide-newton: the Newton-CG sizes are bounded in all") {
  // cg_dims = 1e7 ran past 20 s; ten sizes of 1e6 would take minutes
  CHECK_THROWS_AS(compute(item("slide-newton"), {"cg_dims=10000000"}), descent::invalid_argument);
  CHECK_THROWS_WITH_AS(compute(item("slide-newton"), {"cg_dims=600000,600000"}),
                       doctest::Contains("cg_dims add up to 1200000; allowed: at most 1000000"),
                       descent::invalid_argument);
}
