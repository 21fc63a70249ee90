// Risteski lecture 5, the gradient-descent slides, against the values of the catalogue
// (the reference catalogue of the notes and slides, entries L5, L6, L9, L12, L13,
// computed there with numpy and cited by entry) and closed forms.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

using descent::testing::cell;
using descent::testing::risteski05;
using descent::testing::text_cell;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(risteski05(), id);
}

}  // namespace

TEST_CASE("risteski05 slide-stationary-points: a non-global minimum and a saddle (L3, L4)") {
  const auto r = compute(item("slide-stationary-points"));
  const auto& t = r.table("stationary points of x^3 - 3x + y^2");
  REQUIRE(t.rows.size() == 2);
  CHECK(r.value("minimum_x") == doctest::Approx(1).epsilon(1e-14));  // exact: (1, 0)
  CHECK(r.value("saddle_x") == doctest::Approx(-1).epsilon(1e-14));
  CHECK(cell(t, 0, "lambda_min") == doctest::Approx(2).epsilon(1e-14));  // {2, 6} at (1,0)
  CHECK(cell(t, 0, "lambda_max") == doctest::Approx(6).epsilon(1e-14));
  CHECK(r.value("f_at_-3") == -18);  // below f(1, 0) = −2: the minimum is only local
  const auto& trio = r.table("inconclusive");
  for (std::size_t row = 0; row < trio.rows.size(); ++row)
    CHECK(text_cell(trio, row, "Hessian test") == "degenerate");  // the test cannot decide
}

TEST_CASE("risteski05 slide-descent-lemma: the bound holds along the run (catalogue L5)") {
  const auto r = compute(item("slide-descent-lemma"));
  // trajectory values, rel 1e-10 as the catalogue states
  CHECK(r.value("f_1") == doctest::Approx(1.9164723322910313).epsilon(1e-10));
  CHECK(r.value("x1_5") == doctest::Approx(1.057184523066113).epsilon(1e-10));
  CHECK(r.value("f_10") == doctest::Approx(1.167038638853051).epsilon(1e-10));
  CHECK(r.value("x1_20") == doctest::Approx(1.895456184062257).epsilon(1e-10));
  CHECK(r.value("min_ratio") >= 1 - 1e-9);  // the lemma
  CHECK(r.value("min_ratio") == doctest::Approx(1.454059467732553).epsilon(1e-8));
}

TEST_CASE("risteski05 slide-lyapunov: actual T = 17 far below 2 M beta / eps^2 (L6)") {
  const auto r = compute(item("slide-lyapunov"));
  CHECK(r.value("bound") == doctest::Approx(23706765.431064762).epsilon(1e-12));
  CHECK(r.value("actual") == 17);
}

TEST_CASE("risteski05 slide-gd-rate: iterations to 1e-6, closed form and measured (L9)") {
  const auto r = compute(item("slide-gd-rate"));
  const double expected[][3] = {{2, 13, 8}, {10, 69, 22}, {100, 691, 69}, {1000, 6908, 219}};
  for (const auto& [kappa, gd, momentum] : expected) {
    const auto k = std::to_string(int(kappa));
    CAPTURE(k);
    CHECK(r.value("gd_steps_" + k) == gd);
    CHECK(r.value("measured_" + k) == gd);  // two eigenvalues: the bound is attained
    CHECK(r.value("momentum_steps_" + k) == momentum);
  }
  CHECK(r.value("norm_10_three") == doctest::Approx(0.19011362404610482).epsilon(1e-10));
  CHECK(r.value("norm_10_three") < r.value("bound_10_three"));  // strict for three eigenvalues
}

TEST_CASE("risteski05 slide-momentum: rho^t needs a factor growing like t (L12, errata)") {
  const auto r = compute(item("slide-momentum"));
  CHECK(r.value("eta") == doctest::Approx(4.0 / 121).epsilon(1e-15));
  CHECK(r.value("beta") == doctest::Approx(81.0 / 121).epsilon(1e-15));
  const double hb[][2] = {{10, 2.6063055844795806},
                          {50, 0.00405930423203539},
                          {100, 3.543066353336405e-07},
                          {200, 1.3617360499737487e-15}};
  for (const auto& [t, x] : hb) {
    const auto s = std::to_string(int(t));
    CHECK(r.value("hb_" + s) == doctest::Approx(x).epsilon(1e-9));
    CHECK(r.value("hb_" + s) == doctest::Approx(r.value("closed_" + s)).epsilon(1e-9));
    // the slide's bound without a constant fails: ‖x_t‖ > ρᵗ‖x₀‖
    CHECK(r.value("hb_" + s) > std::pow(9.0 / 11, t) * std::sqrt(2.0));
  }
  CHECK(r.value("gd_100") == doctest::Approx(0.1913802331476867).epsilon(1e-9));
  CHECK(r.value("gd_100") / r.value("hb_100") > 1e5);
}

TEST_CASE("risteski05 slide-nesterov: corrected form converges, printed form diverges (L13)") {
  const auto r = compute(item("slide-nesterov"));
  CHECK(r.value("corrected_10") == doctest::Approx(0.6973568802).epsilon(1e-10));
  CHECK(r.value("corrected_100") == doctest::Approx(0.00029217538776345935).epsilon(1e-10));
  CHECK(r.value("corrected_200") == doctest::Approx(1.4815666128175646e-08).epsilon(1e-10));
  for (const int t : {10, 50, 100})  // closed form (1 + t/10)·0.9ᵗ
    CHECK(r.value("corrected_" + std::to_string(t)) ==
          doctest::Approx((1 + t / 10.0) * std::pow(0.9, t)).epsilon(1e-10));
  CHECK(r.value("printed_10") == doctest::Approx(1.6341175628793574e+17).epsilon(1e-10));
  CHECK(r.value("printed_diverged") == 1);
  CHECK(r.status.find("diverged") != std::string::npos);
}

TEST_CASE("risteski05 slide-momentum: the closed form holds for every kappa, not only 100") {
  // kappa = 25: rho = 2/3, eta = 1/9, and x_t = (1 + B t) r^t per mode with B = 1/3 for
  // lambda = 1 (r = rho) and B = 5/3 for lambda = 25 (r = -rho): exact rationals. The table
  // used 2t/11 and 20t/11, kappa = 100's constants, whatever lambda_max was.
  const auto r = compute(item("slide-momentum"), {"lambda_max=25"});
  for (const int t : {10, 50, 100}) {
    CAPTURE(t);
    const double closed = std::pow(2.0 / 3, t) * std::hypot(1 + t / 3.0, 1 + 5.0 * t / 3);
    CHECK(r.value("closed_" + std::to_string(t)) == doctest::Approx(closed).epsilon(1e-13));
    CHECK(r.value("hb_" + std::to_string(t)) == doctest::Approx(closed).epsilon(1e-9));
  }
}

TEST_CASE("risteski05 slide-momentum and slide-nesterov tabulate the last step too") {
  const auto hb = compute(item("slide-momentum"), {"iterations=30"});
  CHECK(cell(hb.table("heavy ball"), 1, "t") == 30);  // 10, then the last step
  CHECK(hb.value("hb_30") > 0);
  const auto nesterov = compute(item("slide-nesterov"), {"iterations=5"});
  CHECK(nesterov.value("corrected_5") > 0);
}

TEST_CASE("risteski05 slide-descent-lemma and slide-lyapunov: nothing undefined is printed") {
  // From the stationary point (0, 0) every |grad f| is 0: the ratio was 0/0 and min_ratio inf.
  const auto still = compute(item("slide-descent-lemma"), {"x0=0,0"});
  CHECK(still.status == "no step with |grad f| >= 1e-4: the run tests nothing");
  CHECK(text_cell(still.table("descent lemma"), 0, "ratio (>= 1)") == "-");
  // beta = 1e-3 means steps of 1000: f overflows, and the status says when
  const auto wild = compute(item("slide-descent-lemma"), {"beta=1e-3", "iterations=1000"});
  CHECK(wild.status.find("not finite") == std::string::npos);
  // a lower bound above f(x0) made M negative and the bound -inf
  CHECK_THROWS_WITH_AS(compute(item("slide-lyapunov"), {"f_low=10"}),
                       doctest::Contains("allowed: f_low < f(x0)"), descent::invalid_argument);
  // an epsilon never reached: no "actual T" (it printed the iteration limit as T)
  const auto never = compute(item("slide-lyapunov"), {"epsilon=1e-12", "beta=1e6"});
  CHECK(never.status.find("stayed >= epsilon for all 100000 steps") != std::string::npos);
  CHECK_THROWS_AS((void)never.value("actual"), std::out_of_range);
}

TEST_CASE("risteski05 slide-gd-rate: kappa = 1e5 is measured, not -1") {
  // GD needs ceil(log 1e6 / log((k+1)/(k-1))) = 690,776 steps at kappa = 1e5; the run
  // stopped at 100,000 and the table said -1.
  const auto r = compute(item("slide-gd-rate"), {"kappas=100000"});
  CHECK(r.value("gd_steps_100000") == 690776);
  CHECK(r.value("measured_100000") == doctest::Approx(690776).epsilon(1e-4));
}

TEST_CASE("risteski05 slide-momentum: no ratio where rho^t underflows") {
  // rho^t = (9/11)^100000 is 0 in double: the ratio was 0/0 = NaN in the last row
  const auto r = compute(item("slide-momentum"), {"iterations=100000"});
  const auto& t = r.table("heavy ball");
  CHECK(text_cell(t, t.rows.size() - 1, "ratio to rho^t |x_0|") == "-");
  CHECK(r.status.find("not finite") == std::string::npos);
}
