// Aggarwal §3.5.6 items against closed forms and the catalogue's independent computations
// (the reference catalogue of Aggarwal ch. 3 A42–A45, Exercises 7, 8, 11, 12: numpy, exact
// arithmetic, torch double-backward for the exact Hessian-vector products).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "fixtures.hpp"

using descent::app::compute;

namespace {

using descent::testing::aggarwal03;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(aggarwal03(), id);
}

}  // namespace

TEST_CASE("aggarwal03 figure-3.14: Newton points at the optimum, steepest descent 31 deg off") {
  const auto r = compute(item("figure-3.14"));
  CHECK(r.value("steepest_angle_deg") == doctest::Approx(30.963756532).epsilon(1e-10));
  CHECK(r.value("newton_angle_deg") < 1e-6);  // acos near 1 loses half the digits
  CHECK(r.value("newton_next_1") == 0.0);     // one step on a quadratic (3.48)
  CHECK(r.value("newton_next_2") == 0.0);
}

TEST_CASE("aggarwal03 figure-3.15: 1267 gradient steps against one Newton step") {
  const auto r = compute(item("figure-3.15"));  // lr = 0.075
  CHECK(r.value("gd_iterations") == 1267);      // catalogue A42
  CHECK(compute(item("figure-3.15"), {"lr=0.05"}).value("gd_iterations") == 1903);
  CHECK(r.value("newton_iterations") == 1);
  CHECK(r.value("newton_next_1") == doctest::Approx(5.0).epsilon(1e-14));
  CHECK(r.value("newton_next_2") == doctest::Approx(2.5).epsilon(1e-14));
  CHECK(r.value("condition_number") == doctest::Approx(156.7536).epsilon(1e-6));
}

TEST_CASE("aggarwal03 figure-3.16: conjugate sets reach the optimum, the axes do not") {
  const auto r = compute(item("figure-3.16"));
  CHECK(std::abs(r.value("eigen_x")) < 1e-14);
  CHECK(std::abs(r.value("eigen_y")) < 1e-14);
  CHECK(std::abs(r.value("conjugate_x")) < 1e-14);
  CHECK(std::abs(r.value("conjugate_y")) < 1e-14);
  CHECK(r.value("conjugate_conjugacy") == 0.0);  // (1, 0)ᵀH(1, −2) = 2 − 2
  CHECK(r.value("axes_x") == doctest::Approx(-1.0).epsilon(1e-14));
  CHECK(r.value("axes_y") == doctest::Approx(1.0 / 3).epsilon(1e-14));
}

TEST_CASE("aggarwal03 eq-3.49: CG steps on the bowl and on tridiag(-1, 2, -1)") {
  const auto r = compute(item("eq-3.49"));
  CHECK(r.value("alpha_0") == doctest::Approx(0.2).epsilon(1e-14));
  CHECK(r.value("beta_0") == doctest::Approx(0.36).epsilon(1e-14));  // = Fletcher–Reeves 46.08/128
  CHECK(r.value("alpha_1") == doctest::Approx(0.3125).epsilon(1e-14));
  CHECK(r.value("bowl_error") < 1e-14);
  // b = 1 excites only 3 eigenvectors: 3 steps < d = 5
  CHECK(r.value("tridiagonal_ones_iterations") == 3);
  CHECK(r.value("tridiagonal_ramp_iterations") == 5);
  CHECK(r.value("tridiagonal_ones_w1") == doctest::Approx(2.5).epsilon(1e-13));
  CHECK(r.value("tridiagonal_ones_w3") == doctest::Approx(4.5).epsilon(1e-13));
}

TEST_CASE("aggarwal03 eq-3.51: finite-difference Hv errors and Hessian-free Newton") {
  const auto r = compute(item("eq-3.51"));
  // catalogue A43 (torch exact Hv): 14.36, 0.144, 0.00144, 1.93e-5; test < 2e-3 at 1e-6
  CHECK(r.value("fd_error_0.01") == doctest::Approx(14.36).epsilon(1e-3));
  CHECK(r.value("fd_error_1e-06") < 2e-3);
  // exact Hv with 2 CG steps (d = 2) is Newton: the pure-Newton iterates of A42 (1e-9)
  CHECK(r.value("exact_w1_1") == doctest::Approx(-1.175280898876).epsilon(1e-9));
  CHECK(r.value("exact_w2_2") == doctest::Approx(-3.175033854748).epsilon(1e-9));
  CHECK(r.value("exact_w5_1") == doctest::Approx(0.999995695654).epsilon(1e-9));
  CHECK(r.value("exact_iterations") == 7);
  // finite differences, δ = 1e-7: it1 to 1e-9, it7 to 1e-6 (catalogue tolerances)
  CHECK(r.value("fd_w1_1") == doctest::Approx(-1.1752629773).epsilon(1e-9));
  CHECK(r.value("fd_w1_2") == doctest::Approx(1.3806299103).epsilon(1e-9));
  CHECK(r.value("fd_w7_1") == doctest::Approx(0.9999999998).epsilon(1e-6));
  CHECK(r.value("fd_w7_2") == doctest::Approx(0.9999999996).epsilon(1e-6));
}

TEST_CASE("aggarwal03 section-3.5.6.2: BFGS G1 and G2 = H^-1 (A44)") {
  const auto r = compute(item("section-3.5.6.2"));
  // tolerance 1e-12 (catalogue)
  CHECK(r.value("G1_11") == doctest::Approx(1.38).epsilon(1e-12));
  CHECK(r.value("G1_12") == doctest::Approx(-0.22).epsilon(1e-12));
  CHECK(r.value("G1_22") == doctest::Approx(0.18).epsilon(1e-12));
  CHECK(r.value("G2_11") == doctest::Approx(0.5).epsilon(1e-12));
  CHECK(std::abs(r.value("G2_12")) < 1e-12);
  CHECK(r.value("G2_22") == doctest::Approx(0.125).epsilon(1e-12));
  CHECK(r.value("alpha_1") == doctest::Approx(0.3125).epsilon(1e-12));
  CHECK(r.value("W2_norm") < 1e-12);
}

TEST_CASE(
    "aggarwal03 section-3.5.6.1: FR and PR+ are linear CG on a quadratic; scipy's CG on "
    "Rosenbrock") {
  const auto r = compute(item("section-3.5.6.1"));
  // catalogue A43: CG on tridiag(-1, 2, -1) with b = (1, ..., 5) takes 5 steps
  CHECK(r.value("quadratic_linear_iterations") == 5);
  for (const std::string k : {"fr", "pr"}) {
    CHECK(r.value("quadratic_" + k + "_iterations") == 5);
    CHECK(r.value("quadratic_" + k + "_max_iterate_difference") < 1e-12);
    CHECK(r.value("quadratic_" + k + "_max_beta_difference") < 1e-12);
    CHECK(r.value("rosenbrock_" + k + "_w1") == doctest::Approx(1).epsilon(1e-7));
    CHECK(r.value("rosenbrock_" + k + "_w2") == doctest::Approx(1).epsilon(1e-7));
  }
  // scipy.optimize.minimize(method="CG") is PR+ without periodic restarts, c2 = 0.4
  const auto fx = descent::testing::load_fixture("second_order_cg.json");
  const auto& ref = fx["cg"]["rosenbrock"];
  const auto scipy_like = compute(item("section-3.5.6.1"), {"restart_every=1000000"});
  CHECK(scipy_like.value("rosenbrock_pr_w1") ==
        doctest::Approx(ref["x"][0].get<double>()).epsilon(1e-6));
  CHECK(scipy_like.value("rosenbrock_pr_w2") ==
        doctest::Approx(ref["x"][1].get<double>()).epsilon(1e-6));
  // a different line search (zoom vs MINPACK dcsrch): counts agree within a factor of two
  const double nit = ref["nit"].get<double>(), nfev = ref["nfev"].get<double>();
  CHECK(scipy_like.value("rosenbrock_pr_iterations") >= nit / 2);
  CHECK(scipy_like.value("rosenbrock_pr_iterations") <= 2 * nit);
  CHECK(scipy_like.value("rosenbrock_pr_evaluations") <= 2 * nfev);
}

TEST_CASE("aggarwal03 figure-3.17: Newton is attracted to degenerate points and saddles") {
  const auto r = compute(item("figure-3.17"));
  CHECK(r.value("cubic_x4") == 0.0625);  // x/2 per step: exact in binary
  CHECK(r.value("saddle_newton_1") == 0.0);
  CHECK(r.value("saddle_newton_2") == 0.0);
  CHECK(r.value("saddle_indefinite_hessians") == 1);
  CHECK(r.value("plateau_newton3_1") == 0.375);
  CHECK(r.value("plateau_newton3_2") == 0.25);
  // catalogue A45 (exact arithmetic), 1e-12
  CHECK(r.value("gd_50_x") == doctest::Approx(4.281743078118e-05).epsilon(1e-12));
  CHECK(r.value("gd_50_y") == doctest::Approx(9.100438150002).epsilon(1e-12));
}

TEST_CASE("aggarwal03 exercises 7, 8, 11, 12 as numeric properties") {
  const auto e7 = compute(item("exercise-7"));
  CHECK(e7.value("cg_min_gram_eigenvalue") > 1e-3);  // independent, not nearly dependent
  CHECK(e7.value("eigen_min_gram_eigenvalue") == doctest::Approx(1.0).epsilon(1e-12));
  CHECK(e7.value("psd_self_conjugacy") == 0.0);  // why "strongly" convex is needed
  const auto e8 = compute(item("exercise-8"));
  CHECK(e8.value("min_eigenvalue_VtV") > 0.1);
  CHECK(e8.value("solution_norm") == 0.0);
  const auto e11 = compute(item("exercise-11"));
  CHECK(e11.value("diag_2") == doctest::Approx(1.5).epsilon(1e-14));
  CHECK(e11.value("diag_4") == doctest::Approx(8.0 / 3).epsilon(1e-14));
  CHECK(e11.value("max_off_diagonal") < 1e-14);
  CHECK(e11.value("h_products") == 10);  // d(d − 1)/2 against d − 1 = 4 for CG
  const auto e12 = compute(item("exercise-12"));
  CHECK(e12.value("max_conjugacy_cosine") < 1e-13);
  CHECK(e12.value("max_gradient_cosine") < 1e-13);
  CHECK(e12.value("max_gradient_direction_cosine") < 1e-13);
}

TEST_CASE("aggarwal03: every item computes at its defaults") {
  for (const auto& it : aggarwal03().items) {
    CAPTURE(it.id);
    CHECK_NOTHROW((void)compute(it));
  }
}
