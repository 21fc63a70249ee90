// Aggarwal §3.5, the first-order items, against the values of the catalogue
// (the reference catalogue of Aggarwal ch. 3, entries A31–A41, A46 and Exercise 6, computed
// there with numpy and torch.optim and cited by entry).

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

using descent::testing::aggarwal03;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(aggarwal03(), id);
}

// The catalogue prints these iterates to 10 significant digits and states 1e-9.
void check_w(const descent::report::Result& r, const std::string& rule, int t, double x, double y) {
  CAPTURE(rule);
  CAPTURE(t);
  const auto s = rule + "_" + std::to_string(t);
  CHECK(r.value("theta1_" + s) == doctest::Approx(x).epsilon(1e-9).scale(1e-30));
  CHECK(r.value("theta2_" + s) == doctest::Approx(y).epsilon(1e-9).scale(1e-30));
}

}  // namespace

TEST_CASE("aggarwal03 figure-3.9: one step on the circle, 0.6^k zigzag on the ellipse (A25)") {
  const auto r = compute(item("figure-3.9"));
  CHECK(r.value("w1_circle_1") == 0.0);  // α = 0.5 reaches the optimum in one exact step
  CHECK(r.value("w2_circle_1") == 0.0);
  CHECK(r.value("steps_circle") == 1);
  for (int k = 1; k <= 4; ++k) {  // W_k = 0.6^k (4, (−1)^k), catalogue tolerance 1e-12
    CAPTURE(k);
    CHECK(r.value("w1_ellipse_" + std::to_string(k)) ==
          doctest::Approx(4 * std::pow(0.6, k)).epsilon(1e-12));
    CHECK(r.value("w2_ellipse_" + std::to_string(k)) ==
          doctest::Approx(std::pow(-0.6, k)).epsilon(1e-12));
  }
  CHECK(r.value("steps_ellipse") == 30);
  CHECK(compute(item("figure-3.9"), {"alpha_ellipse=0.225"}).value("steps_ellipse") == 62);
}

TEST_CASE("aggarwal03 section-3.5.1: decay schedules (catalogue A31, 1e-15)") {
  const auto r = compute(item("section-3.5.1"));
  CHECK(r.value("exponential_1") == doctest::Approx(0.09048374180359596).epsilon(1e-15));
  CHECK(r.value("exponential_50") == doctest::Approx(0.0006737946999085467).epsilon(1e-14));
  CHECK(r.value("inverse_10") == doctest::Approx(0.05).epsilon(1e-15));
  CHECK(r.value("inverse_50") == doctest::Approx(0.016666666666666666).epsilon(1e-15));
  const double step[][2] = {{0, 0.1},    {4, 0.1},    {5, 0.05},    {9, 0.05},
                            {10, 0.025}, {12, 0.025}, {20, 0.00625}};
  for (const auto& [t, v] : step)
    CHECK(r.value("step_" + std::to_string(int(t))) == doctest::Approx(v).epsilon(1e-15));
}

TEST_CASE("aggarwal03 figure-3.11 and 3.12: momentum (catalogue A32)") {
  const auto r = compute(item("figure-3.11"));
  CHECK(r.value("iterations_gd") == 204);  // exact counts to |W| < 1e-6
  CHECK(r.value("iterations_momentum") == 76);
  const auto m = compute(item("figure-3.12"));
  CHECK(m.value("w_beta0") == doctest::Approx(0.9601495555).epsilon(1e-9));     // stuck
  CHECK(m.value("w_beta0.9") == doctest::Approx(-1.0355787141).epsilon(1e-9));  // escapes
}

TEST_CASE("aggarwal03 section-3.5.2.1: Nesterov at W + beta V (catalogue A33)") {
  const auto r = compute(item("section-3.5.2.1"));
  check_w(r, "nesterov-sutskever", 1, 3.2, 0.2);
  check_w(r, "nesterov-sutskever", 2, 1.984, -0.104);
  check_w(r, "nesterov-sutskever", 3, 0.71168, -0.07552);
  CHECK(r.value("theta1_nesterov-sutskever_100") ==
        doctest::Approx(-1.2272399e-07).epsilon(1e-7));  // printed to 8 digits
}

TEST_CASE("aggarwal03 §3.5.3: the book's forms of AdaGrad, RMSProp, Adadelta, Adam (A35-A39)") {
  const auto a = compute(item("eq-3.40"));
  check_w(a, "adagrad-inside", 2, 3.170747696, 0.2763932023);
  check_w(a, "adagrad-inside", 3, 2.914587492, 0.156398736);
  CHECK(a.value("theta1_adagrad-inside_100") == doctest::Approx(0.022571585).epsilon(1e-8));
  const auto r = compute(item("eq-3.41"));
  check_w(r, "rmsprop-inside", 1, 3.683772234, 0.683772234);
  check_w(r, "rmsprop-inside", 3, 3.283858147, 0.3691805532);
  CHECK(r.value("theta2_rmsprop-inside_100") == doctest::Approx(0.02365311561).epsilon(1e-9));
  const auto n = compute(item("eq-3.42"));
  check_w(n, "rmsprop-nesterov", 1, 3.968377223, 0.9683772234);
  check_w(n, "rmsprop-nesterov", 3, 3.852119427, 0.8540854245);
  CHECK(n.value("theta1_rmsprop-nesterov_100") == doctest::Approx(0.001838135055).epsilon(1e-9));
  const auto d = compute(item("eq-3.43"));
  check_w(d, "adadelta-zeiler", 1, 3.995527865, 0.9955278647);
  check_w(d, "adadelta-zeiler", 100, 3.528778866, 0.5972946099);
  const auto printed = compute(item("eq-3.43-printed"));  // erratum T16: never moves
  CHECK(printed.value("theta1_adadelta-aggarwal-printed_100") == 4.0);
  CHECK(printed.value("theta2_adadelta-aggarwal-printed_100") == 1.0);
  const auto m = compute(item("eq-3.46"));
  check_w(m, "adam-aggarwal", 2, 3.800073995, 0.8004122277);
  check_w(m, "adam-aggarwal", 100, -0.02143034414, 0.002936676359);
}

TEST_CASE("aggarwal03 figure-3.13: clipping stops the overshoot at the cliff (A40)") {
  const auto r = compute(item("figure-3.13"));
  // the catalogue prints 6 significant digits here and states 1e-6
  CHECK(r.value("max_step_plain") == doctest::Approx(3.25551).epsilon(1e-5));
  CHECK(r.value("max_x_plain") == doctest::Approx(6.18708).epsilon(1e-5));
  CHECK(r.value("x_T_plain") == doctest::Approx(4.002141721).epsilon(1e-9));
  CHECK(r.value("max_step_clipped") == doctest::Approx(0.1).epsilon(1e-12));
  CHECK(r.value("max_x_clipped") < 4);
  CHECK(r.value("x_T_clipped") == doctest::Approx(3.999377046).epsilon(1e-9));
}

TEST_CASE("aggarwal03 section-3.5.7: the explicit average is the bias-corrected one (A46)") {
  const auto r = compute(item("section-3.5.7"));
  CHECK(r.value("simple") == doctest::Approx(5.5).epsilon(1e-15));
  CHECK(r.value("explicit") == doctest::Approx(6.35339932788).epsilon(1e-11));
  CHECK(r.value("recursive") == doctest::Approx(4.1381059609).epsilon(1e-10));
  CHECK(r.value("corrected") == doctest::Approx(r.value("explicit")).epsilon(1e-14));
}

TEST_CASE("aggarwal03 exercise-6: x^2 + y^10 crawls from (0.5,0.5), diverges from (2,2)") {
  const auto r = compute(item("exercise-6"));
  CHECK(std::fabs(r.value("x_a")) < 1e-80);  // the catalogue's stub checks
  CHECK(std::fabs(r.value("y_a") - 0.32388699392978) < 1e-9);
  CHECK(r.value("diverged_b") == 1);  // reported as diverged, not a silent NaN
  CHECK(r.value("t_b") <= 3);
}

TEST_CASE("aggarwal03: every item computes at its defaults; bad input is rejected") {
  for (const auto& it : aggarwal03().items) {
    CAPTURE(it.id);
    CHECK_NOTHROW((void)compute(it));
  }
  CHECK_THROWS_AS(compute(item("eq-3.41"), {"rho=1"}), descent::invalid_argument);
}
