// Notes §2.2, Algorithm 1 (item algorithm-1): the SGD run against the catalogue's values (entry
// N8, computed there with a pure-Python mt19937), numpy replays of the same index stream and
// closed forms (tests/reference/generate_notes02_sgd.py -> fixtures/notes02_sgd.json): GD's
// (I − ηH)^T, the stationary mean square of SGD with replacement, the exact average over all
// 8! orders of a shuffled pass, and the coupon collector's N H_N.

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::load_fixture;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::notes02(), "algorithm-1");
}

// The catalogue states rel 1e-10: every step's map is a contraction, so rounding does not grow.
constexpr double kRelative = 1e-10;

double at(const descent::report::Series& s, std::size_t row, const std::string& column) {
  return s.rows.at(row).at(s.column(column));
}

// L_N(θ) = Σᵢ ½(θ₀ + θ₁xᵢ − yᵢ)² on the eight points, written out here (not the item's code).
double loss(double t0, double t1) {
  double s = 0;
  for (int i = 1; i <= 8; ++i) {
    const double x = -1 + 2.0 * (i - 1) / 7, y = 1 + 2 * x + 0.1 * (i % 2 == 0 ? 1 : -1);
    s += 0.5 * (t0 + t1 * x - y) * (t0 + t1 * x - y);
  }
  return s;
}

// The least-squares slope of log r against log η.
double slope(const std::vector<double>& eta, const std::vector<double>& r) {
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < eta.size(); ++i) {
    mx += std::log(eta[i]) / eta.size();
    my += std::log(r[i]) / eta.size();
  }
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < eta.size(); ++i) {
    sxy += (std::log(eta[i]) - mx) * (std::log(r[i]) - my);
    sxx += (std::log(eta[i]) - mx) * (std::log(eta[i]) - mx);
  }
  return sxy / sxx;
}

}  // namespace

TEST_CASE("notes02 algorithm-1: theta after 2000 and 20000 SGD steps (catalogue N8)") {
  const auto r = compute(item());
  CHECK(r.value("theta1_sgd_2000") == doctest::Approx(1.0248383881145187).epsilon(kRelative));
  CHECK(r.value("theta2_sgd_2000") == doctest::Approx(2.02144419563527).epsilon(kRelative));
  CHECK(r.value("L_sgd_2000") == doctest::Approx(0.04080533721209686).epsilon(kRelative));
  const auto long_run = compute(item(), {"steps=20000"});
  CHECK(long_run.value("theta1_sgd_20000") ==
        doctest::Approx(1.0066157415564017).epsilon(kRelative));
  CHECK(long_run.value("theta2_sgd_20000") ==
        doctest::Approx(2.032794784292135).epsilon(kRelative));
  CHECK(long_run.value("L_sgd_20000") == doctest::Approx(0.038270807443579254).epsilon(kRelative));
  // the least-squares minimizer (1, 61/30) and L_N there, 4/105 (N7): SGD is still above it
  CHECK(r.value("theta1_hat") == doctest::Approx(1).epsilon(1e-14));
  CHECK(r.value("theta2_hat") == doctest::Approx(61.0 / 30).epsilon(1e-14));
  CHECK(r.value("L_hat") == doctest::Approx(4.0 / 105).epsilon(1e-13));
  CHECK(r.value("L_sgd_2000") > r.value("L_hat") + 1e-3);
}

TEST_CASE("notes02 algorithm-1: both epoch modes replay numpy's stream step for step") {
  const auto fx = load_fixture("notes02_sgd.json");
  for (const std::string mode : {"replacement", "shuffle"}) {
    CAPTURE(mode);
    const auto r = compute(item(), {"epoch_mode=" + mode, "steps=20000"});
    for (const std::string t : {"1", "10", "100", "1000", "2000", "20000"}) {
      CAPTURE(t);
      const auto& ref = fx["sgd"][mode][t];
      CHECK(r.value("theta1_sgd_" + t) ==
            doctest::Approx(ref["theta"][0].get<double>()).epsilon(kRelative));
      CHECK(r.value("theta2_sgd_" + t) ==
            doctest::Approx(ref["theta"][1].get<double>()).epsilon(kRelative));
      CHECK(r.value("L_sgd_" + t) == doctest::Approx(ref["L_N"].get<double>()).epsilon(kRelative));
    }
  }
}

TEST_CASE("notes02 algorithm-1: GD with the same eta follows theta_hat + (I - eta H)^t e_0") {
  const auto fx = load_fixture("notes02_sgd.json");
  const auto r = compute(item());
  for (const std::string t : {"10", "100"}) {
    CHECK(r.value("theta1_gd_" + t) ==
          doctest::Approx(fx["gd"][t]["theta"][0].get<double>()).epsilon(kRelative));
    CHECK(r.value("theta2_gd_" + t) ==
          doctest::Approx(fx["gd"][t]["theta"][1].get<double>()).epsilon(kRelative));
  }
  // after 2000 steps GD sits on θ̂ to rounding, where SGD does not (Algorithm 1's "Ensure")
  CHECK(std::fabs(r.value("theta1_gd_2000") - 1) < 1e-12);
  CHECK(std::fabs(r.value("theta2_gd_2000") - 61.0 / 30) < 1e-12);
  CHECK(std::fabs(r.value("theta1_sgd_2000") - 1) > 1e-2);
}

TEST_CASE("notes02 algorithm-1: the notes' epoch takes N H_N draws on average, a pass N") {
  const auto fx = load_fixture("notes02_sgd.json");
  const auto r = compute(item(), {"steps=20000"});
  CHECK(r.value("coupon_expectation") == doctest::Approx(21.742857142857143).epsilon(1e-14));
  CHECK(r.value("coverage_first") == 16);  // the catalogue: all 8 indices seen at draw 16
  CHECK(r.value("coverage_epochs") == fx["coverage_20000"]["epochs"].get<double>());
  CHECK(r.value("coverage_mean") ==
        doctest::Approx(fx["coverage_20000"]["mean_length"].get<double>()).epsilon(1e-12));
  // a shuffled pass draws every index once: each "at least once" epoch is exactly one pass
  const auto shuffled = compute(item(), {"steps=2000", "epoch_mode=shuffle"});
  CHECK(shuffled.value("coverage_mean") == 8);
  CHECK(shuffled.value("coverage_epochs") == 250);
}

TEST_CASE("notes02 algorithm-1: the noise ball, r ~ sqrt(eta) with replacement, ~ eta shuffled") {
  const auto fx = load_fixture("notes02_sgd.json");
  const auto r = compute(item());
  const auto etas = descent::testing::as_vector(fx["ball"]["etas"]);
  REQUIRE(etas.size() == 6);  // the item's default ball_etas
  std::vector<double> exact_replacement, exact_shuffle;
  const long steps = 400000;  // the item's default ball_steps; the radius averages the last half
  for (std::size_t k = 0; k < etas.size(); ++k) {
    CAPTURE(etas[k]);
    const auto key = std::to_string(k);
    const double with = fx["ball"]["replacement"][k].get<double>();
    const double shuffled = fx["ball"]["shuffle"][k].get<double>();
    exact_replacement.push_back(with);
    exact_shuffle.push_back(shuffled);
    // the item's stationary value against numpy's 4x4 solve of the same moment equation
    CHECK(r.value("ball_predicted_" + key) == doctest::Approx(with).epsilon(1e-9));
    // A time average of |θ − θ̂|² over n = steps/2 correlated iterates: its relative standard
    // error is about sqrt(2 · 2τ/n) for a (nearly) Gaussian θ, with τ = 1/(2ηλ_min) the
    // relaxation time of |e|² (λ_min = 24/7, the smaller eigenvalue of H); the radius's is half
    // that. Four of those standard errors.
    const double tau = 1 / (2 * etas[k] * 24.0 / 7);
    const double tol = 4 * 0.5 * std::sqrt(4 * tau / (steps / 2.0));
    CHECK(std::fabs(r.value("ball_replacement_" + key) / with - 1) < tol);
    CHECK(std::fabs(r.value("ball_shuffle_" + key) / shuffled - 1) < tol);
  }
  // slopes of log r against log η: the closed forms give 0.54 and 1.01 over these η
  const double s_with = slope(etas, exact_replacement), s_shuffle = slope(etas, exact_shuffle);
  CHECK(r.value("slope_predicted") == doctest::Approx(s_with).epsilon(1e-9));
  CHECK(std::fabs(r.value("slope_replacement") - s_with) < 0.03);
  CHECK(std::fabs(r.value("slope_shuffle") - s_shuffle) < 0.03);
  CHECK(s_with == doctest::Approx(0.5).epsilon(0.1));
  CHECK(s_shuffle == doctest::Approx(1.0).epsilon(0.05));
  // the run itself (η = 0.01, T = 20000): its radius against the stationary value
  const auto run = compute(item(), {"steps=20000"});
  const double tau = 1 / (2 * 0.01 * 24.0 / 7);
  CHECK(std::fabs(run.value("radius") / run.value("radius_predicted") - 1) <
        4 * 0.5 * std::sqrt(4 * tau / 10000));
}

TEST_CASE("notes02 algorithm-1: the sampled gradient's mean, the catalogue's K = 10^5 (N9)") {
  const auto fx = load_fixture("notes02_sgd.json");
  const auto r = compute(item());
  // the same mt19937 % 8 stream as the catalogue, so its mean to the last digits
  CHECK(r.value("mean_0") == doctest::Approx(-8.034100571428436).epsilon(1e-12));
  CHECK(r.value("mean_1") == doctest::Approx(-7.021607183673388).epsilon(1e-12));
  CHECK(r.value("mean_0") ==
        doctest::Approx(fx["unbiased_mean_100000"][0].get<double>()).epsilon(1e-12));
}

TEST_CASE("notes02 algorithm-1: the figure's data") {
  const auto r = compute(item());
  REQUIRE(r.figures.size() == 1);
  const auto& f = r.figures[0];
  REQUIRE(f.panels.size() == 4);
  CHECK(f.panels[0].equal_aspect);
  CHECK(f.panels[1].equal_aspect);
  CHECK(f.panels[1].zoom.has_value());
  CHECK(f.panels[2].logy);
  const auto& sgd = r.find_series("sgd");
  const auto& gd = r.find_series("gd");
  // both paths start at θ₀ = 0 and end where the checkpoints say
  CHECK(at(sgd, 0, "theta1") == 0);
  CHECK(at(gd, 0, "theta2") == 0);
  CHECK(at(sgd, sgd.rows.size() - 1, "t") == 2000);
  CHECK(at(sgd, sgd.rows.size() - 1, "theta1") == r.value("theta1_sgd_2000"));
  CHECK(at(gd, gd.rows.size() - 1, "theta2") == r.value("theta2_gd_2000"));
  // the excess column is L_N(θ) − L_N(θ̂), against L_N written out above
  for (std::size_t row : {std::size_t{0}, std::size_t{10}, std::size_t{500}, sgd.rows.size() - 1})
    CHECK(at(sgd, row, "excess") ==
          doctest::Approx(loss(at(sgd, row, "theta1"), at(sgd, row, "theta2")) - 4.0 / 105)
              .epsilon(1e-9)
              .scale(1e-15));
  // GD's curve is linear on the log scale: ratio (1 − ηλ_min)² per step at late times
  const auto& curve = r.find_series("gd_excess");
  REQUIRE(curve.rows.size() > 200);
  const double late = at(curve, 200, "excess") / at(curve, 199, "excess");
  CHECK(late == doctest::Approx(std::pow(1 - 0.01 * 24.0 / 7, 2)).epsilon(1e-6));
  // the circle of panel (b) has the measured radius about θ̂
  const auto& circle = r.find_series("circle");
  CHECK(std::hypot(at(circle, 7, "theta1") - 1, at(circle, 7, "theta2") - 61.0 / 30) ==
        doctest::Approx(r.value("radius")).epsilon(1e-12));
  // panel (d): log10 of the table's radii
  const auto& ball = r.find_series("ball");
  CHECK(at(ball, 0, "log10_replacement") ==
        doctest::Approx(std::log10(r.value("ball_replacement_0"))).epsilon(1e-14));
}

TEST_CASE("notes02 algorithm-1: hostile parameters are refused") {
  CHECK_THROWS_AS(compute(item(), {"eta=0.125"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"eta=0"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"epoch_mode=coupon"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"ball_etas=0.01,0.01"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"seed=4294967296"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"steps=0"}), descent::invalid_argument);
  CHECK_NOTHROW((void)compute(item(), {"steps=1", "ball_steps=100", "epoch_mode=shuffle"}));
}
