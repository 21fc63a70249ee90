// MEDL §4.6, multivariate Newton and quasi-Newton items, against numpy values of the catalogue
// (the reference catalogue of MEDL ch. 4 C48, C52, C53) and scipy.optimize runs in
// tests/reference/fixtures/medl04_quasi_newton.json (tests/reference/generate_second_order.py).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::load_fixture;

namespace {

using descent::testing::cell;
using descent::testing::medl04;
using descent::testing::text_cell;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(medl04(), id);
}

}  // namespace

TEST_CASE("medl04 eq-4.54: Newton iterates match numpy.linalg.solve (C48)") {
  // numpy with 12 printed digits: 1e-10 (catalogue tolerance)
  const auto r = compute(item("eq-4.54"));
  CHECK(r.value("theta1_1") == doctest::Approx(0.216326530612).epsilon(1e-10));
  CHECK(r.value("theta2_1") == doctest::Approx(0.960336020529).epsilon(1e-10));
  CHECK(r.value("theta2_2") == doctest::Approx(0.368695151239).epsilon(1e-10));
  CHECK(r.value("C_2") == doctest::Approx(30.643).epsilon(1e-4));  // the overshoot, C rises
  CHECK(r.value("theta3_2") == doctest::Approx(0.922927229894).epsilon(1e-10));
  CHECK(r.value("theta4_1") == doctest::Approx(0.999999008898).epsilon(1e-10));
  CHECK(r.value("iterations") == 6);
  CHECK(r.value("condition_number_at_minimum") == doctest::Approx(2508.0096).epsilon(1e-8));
  const auto far = compute(item("eq-4.54"), {"theta0=-1.2,1"});
  CHECK(far.value("theta1_1") == doctest::Approx(-1.175280898876).epsilon(1e-10));
  CHECK(far.value("theta2_2") == doctest::Approx(-3.175033854748).epsilon(1e-10));
  CHECK(far.value("C_2") == doctest::Approx(1411.8).epsilon(1e-4));
  CHECK(far.value("iterations") == 7);
  CHECK(compute(item("eq-4.54"), {"theta0=0.4,-0.2"}).value("iterations") == 6);
  CHECK(compute(item("eq-4.54"), {"theta0=0.8,0"}).value("iterations") == 5);
}

TEST_CASE("medl04 eq-4.54: an indefinite Hessian on the way is reported") {
  // At (0, 1) the Hessian of (4.9) is [[2 − 400, 0], [0, 200]]: indefinite.
  const auto r = compute(item("eq-4.54"), {"theta0=0,1"});
  CHECK(r.value("indefinite_hessians") >= 1);
  CHECK(text_cell(r.table("iterates"), 0, "Hessian at theta(t)") == "indefinite");
}

TEST_CASE("medl04 algorithm-4.3: BFGS with exact line search follows the catalogue (C52)") {
  const auto r = compute(item("algorithm-4.3"), {"line_search=exact", "tolerance=1e-10"});
  // numpy, exact quartic line search, ‖∇C‖ < 1e-10 at t = 16
  CHECK(r.value("bfgs_iterations") == 16);
  const auto& path = r.table("bfgs iterates");
  CHECK(cell(path, 1, "theta1") == doctest::Approx(0.122268143666).epsilon(1e-9));
  CHECK(cell(path, 8, "theta2") == doctest::Approx(0.769467670346).epsilon(1e-9));
  CHECK(cell(path, 15, "theta1") == doctest::Approx(0.999999986128).epsilon(1e-9));
  // 2-D artifact (C53): with exact line search L-BFGS has the same iterates
  CHECK(r.value("lbfgs_iterations") == 16);
  // backtracking Armijo (book factor 2/3, α0 = 1): 26 iterations (C52)
  const auto bt = compute(item("algorithm-4.3"), {"line_search=backtracking", "tolerance=1e-10"});
  CHECK(bt.value("bfgs_iterations") == 26);
  CHECK(cell(bt.table("bfgs iterates"), 1, "alpha(t)") ==
        doctest::Approx(std::pow(2.0 / 3, 12)).epsilon(1e-12));
  // C53: L-BFGS with the same backtracking takes 28 iterations with m = 5 and 96 with m = 1
  const auto m5 =
      compute(item("algorithm-4.3"), {"line_search=backtracking", "tolerance=1e-10", "m=5"});
  CHECK(m5.value("lbfgs_iterations") == 28);
  const auto m1 =
      compute(item("algorithm-4.3"), {"line_search=backtracking", "tolerance=1e-10", "m=1"});
  CHECK(m1.value("lbfgs_iterations") == 96);
}

TEST_CASE("medl04 algorithm-4.3: strong-Wolfe BFGS and L-BFGS against scipy (fixture)") {
  const auto fixture = load_fixture("medl04_quasi_newton.json");
  for (const auto& [start, expected] : fixture["starts"].items()) {
    CAPTURE(start);
    const auto r = compute(item("algorithm-4.3"), {"theta0=" + start, "tolerance=1e-8"});
    // Both reach (1, 1); scipy stops at ‖∇C‖ < 1e-8 as we do, so both end within ~1e-8
    // (C is ~100x steeper across the valley: allow 1e-7 on θ).
    CHECK(r.value("bfgs_theta_1") == doctest::Approx(1.0).epsilon(1e-7));
    CHECK(r.value("bfgs_theta_2") == doctest::Approx(1.0).epsilon(1e-7));
    CHECK(r.value("lbfgs_theta_1") == doctest::Approx(1.0).epsilon(1e-7));
    CHECK(r.value("lbfgs_theta_2") == doctest::Approx(1.0).epsilon(1e-7));
    // Different line searches take different paths: our counts are not larger than
    // scipy's by more than half (a property, not a copy of scipy's path).
    const double scipy_bfgs = expected["bfgs"]["nfev"].get<double>();
    const double scipy_lbfgs = expected["lbfgsb"]["nfev"].get<double>();
    CHECK(r.value("bfgs_evaluations") <= 1.5 * scipy_bfgs);
    CHECK(r.value("lbfgs_evaluations") <= 1.5 * scipy_lbfgs);
    CHECK(r.value("skipped_updates") == 0);
  }
}

TEST_CASE("medl04 eq-4.66: the literal and rank-two BFGS updates agree; B stays SPD") {
  const auto r = compute(item("eq-4.66"));
  CHECK(r.value("max_difference") < 1e-13);       // catalogue: 1.8e-15 for d = 7
  CHECK(r.value("max_secant_residual") < 1e-12);  // (4.63) B g_s = θ_s
  CHECK(r.value("min_eigenvalue") > 0);           // positive definite, not only PSD
  const auto big = compute(item("eq-4.66"), {"d=40", "updates=20", "seed=3"});
  CHECK(big.value("max_difference") < 1e-12);
}

TEST_CASE("medl04 eq-4.69: two-loop = corrected (4.69); the printed (4.68) term vanishes") {
  const auto r = compute(item("eq-4.69"));
  CHECK(r.value("two_loop_vs_explicit") < 1e-14);  // catalogue: 4.2e-17
  // V_0ᵀθ_s⁽⁰⁾ = θ_s − ρθ_s(g_sᵀθ_s) = 0 exactly: the term printed in (4.68) is zero
  CHECK(r.value("literal_4_68_last_term_norm") < 1e-14);
  CHECK_THROWS_WITH_AS(compute(item("eq-4.69"), {"m=6", "pairs=3"}),
                       doctest::Contains("pairs >= m"), descent::invalid_argument);
}

TEST_CASE("medl04 algorithm-4.3: the line search is chosen by name; integers are refused") {
  CHECK_THROWS_WITH_AS(compute(item("algorithm-4.3"), {"line_search=3"}),
                       doctest::Contains("one of exact, backtracking, wolfe, strong_wolfe"),
                       descent::invalid_argument);
  const auto wolfe = compute(item("algorithm-4.3"), {"line_search=wolfe"});
  CHECK(text_cell(wolfe.table("runs"), 0, "line search") == "wolfe");
  CHECK(wolfe.status.find("BFGS: converged") != std::string::npos);
}

TEST_CASE("medl04 eq-4.54: starts whose Hessian overflows are refused, not an eigh error") {
  // theta0 = (1e308, 1e308) ended with "error: eigh: the matrix has a non-finite entry", exit 1
  CHECK_THROWS_WITH_AS(compute(item("eq-4.54"), {"theta0=1e308,1e308"}),
                       doctest::Contains("allowed:"), descent::invalid_argument);
  const auto far = compute(item("eq-4.54"), {"theta0=1e6,-1e6"});
  CHECK(far.status.rfind("converged", 0) == 0);
  CHECK_THROWS_AS(compute(item("eq-4.54"), {"damped=1"}), descent::invalid_argument);
  CHECK(compute(item("eq-4.54"), {"damped=yes"}).value("iterations") > 0);
}
