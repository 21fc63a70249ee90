// MEDL §4.1–4.3 and §4.5, the first-order items, against the reference values of the
// catalogue (the reference catalogue of MEDL ch. 4, computed there with numpy/scipy/torch
// and cited by entry: C02, C12, C14, C15, C20, C22–C24, C31–C36) and against
// tests/reference/fixtures/optim_first_order.json.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "fixtures.hpp"

using descent::app::compute;

namespace {

using descent::testing::medl04;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(medl04(), id);
}

using descent::testing::cell;
using descent::testing::text_cell;

// Checks θ⁽ᵗ⁾ of run `label` against a catalogue value, within `tolerance` absolute: the
// catalogue prints 12 decimals (so 1e-12 is the printing limit) and states 1e-10 for long
// non-chaotic runs, 1e-9 where its own sensitivity check found 1e-13..7e-14 amplified.
void check_theta(const descent::report::Result& r, const std::string& label, int t, double x,
                 double y, double tolerance) {
  CAPTURE(label);
  CAPTURE(t);
  const auto suffix = label + "_" + std::to_string(t);
  CHECK(std::fabs(r.value("theta1_" + suffix) - x) <= tolerance);
  CHECK(std::fabs(r.value("theta2_" + suffix) - y) <= tolerance);
}

}  // namespace

TEST_CASE("medl04 figure-4.1: peaks has 3 minima, 3 maxima, 3 saddles (catalogue C02)") {
  const auto r = compute(item("figure-4.1"));
  CHECK(r.value("peaks_minima") == 3);
  CHECK(r.value("peaks_maxima") == 3);
  CHECK(r.value("peaks_saddles") == 3);
  const auto& t = r.table("critical points");
  // catalogue C02 prints 6 decimals: the global minimum and maximum on the square
  CHECK(std::fabs(cell(t, 1, "theta1") - 0.228279) < 5e-7);
  CHECK(std::fabs(cell(t, 1, "theta2") + 1.625535) < 5e-7);
  CHECK(std::fabs(cell(t, 1, "C") + 6.551133) < 5e-7);
  CHECK(std::fabs(cell(t, 9, "C") - 8.106214) < 5e-7);
  CHECK(text_cell(t, 4, "kind") == "saddle");
  CHECK(std::fabs(cell(t, 4, "lambda_min") + 8.1711) <
        5e-5);  // S1's negative eigenvalue, 4 decimals
}

TEST_CASE("medl04 eq-4.8: log-sum-exp Hessians are positive semidefinite") {
  // (eq-4.7 is tested in medl04_eq_4_7_test.cpp against the catalogue's C06 values.)
  const auto l = compute(item("eq-4.8"));
  CHECK(l.value("min_eigenvalue") > -1e-15);
  const auto& h = l.table("Hessians");
  for (std::size_t row = 0; row < h.rows.size(); ++row) {
    CHECK(std::fabs(cell(h, row, "lambda_min")) < 1e-15);  // 1 is in the null space
    CHECK(cell(h, row, "|H 1|") < 1e-15);
  }
}

TEST_CASE("medl04 figure-4.2: first steps, 2-cycles of the fixed runs, stalls of the decayed") {
  const auto first = compute(item("figure-4.2"), {"iterations=1", "record_every=1"});
  // catalogue C12: θ(1) = (0.112, 0.04) for α = 0.005 and (0.156, −0.08) for 0.0025, 1e-15
  check_theta(first, "fixed_0", 1, 0.112, 0.04, 1e-15);
  check_theta(first, "fixed_1", 1, 0.156, -0.08, 1e-15);

  const auto r = compute(item("figure-4.2"));
  const auto& last = r.table("last iterates");
  // The fixed runs end on attracting 2-cycles (catalogue C12, scipy fsolve on F(F(x)) = x).
  // Which point is hit at t = 10^5 flips under a 1e-13 perturbation: test membership,
  // to 1e-9 as the catalogue states (|λ| = 0.990 and 0.996: slow final approach).
  const double cycles[2][2][2] = {
      {{0.463304484372, 0.285361501832}, {0.534192382791, 0.214651045239}},
      {{0.847831527640, 0.758284266811}, {0.882052861560, 0.738551283036}}};
  for (int run = 0; run < 2; ++run)
    for (int k = 0; k < 2; ++k) {
      const auto row = static_cast<std::size_t>(2 * run + k);
      CAPTURE(row);
      const double x = cell(last, row, "theta1"), y = cell(last, row, "theta2");
      bool member = false;
      for (const auto& point : cycles[run])
        member = member || (std::fabs(x - point[0]) < 1e-9 && std::fabs(y - point[1]) < 1e-9);
      CHECK(member);
    }
  // The two last iterates of a fixed run are the two different points of the cycle.
  CHECK(std::fabs(cell(last, 0, "theta1") - cell(last, 1, "theta1")) > 0.05);
  // Decayed runs stall (catalogue C12, tolerance 1e-10).
  check_theta(r, "decay_0", 100000, 0.5359092118, 0.2848784622, 1e-10);
  check_theta(r, "decay_1", 100000, 0.4004388800, 0.1574186009, 1e-10);
}

TEST_CASE("medl04 figure-4.3: GD iterates (catalogue C14); SGD settles around theta*") {
  const auto r = compute(item("figure-4.3"));
  check_theta(r, "gd_a", 1, 5.8, 5.908, 1e-12);
  check_theta(r, "gd_a", 10, 4.381091733294, 5.158534911683, 1e-11);
  check_theta(r, "gd_a", 100, 1.863776063393, 2.010049957116, 1e-11);
  check_theta(r, "gd_b", 100, 2.029225020857, 2.530478223579, 1e-11);
  CHECK(r.value("theta1_star_a") == doctest::Approx(22.0 / 12).epsilon(1e-15));
  CHECK(r.value("theta2_star_a") == doctest::Approx(1.4).epsilon(1e-15));
  // SGD replays the authors' numpy stream (seed 0, choice(5)): catalogue C14's iterates,
  // 1e-10 absolute (a contractive quadratic, t <= 1000).
  check_theta(r, "sgd_a", 1, 5.6, 5.92, 1e-12);
  check_theta(r, "sgd_a", 10, 4.379834932455, 5.247154854917, 1e-10);
  check_theta(r, "sgd_a", 100, 2.010777644695, 2.018501936743, 1e-10);
  check_theta(r, "sgd_a", 1000, 1.912016020668, 1.329009091886, 1e-10);
  check_theta(r, "sgd_b", 1, 5.68, 5.92, 1e-12);
  check_theta(r, "sgd_b", 100, 2.033080165601, 2.530478223579, 1e-10);
  check_theta(r, "sgd_b", 1000, 2.000000000000, 2.000000006732, 1e-10);
  // ... and its mean over t = 200..1000, (1.8312, 1.4379) to the catalogue's 4 decimals.
  CHECK(std::fabs(r.value("sgd_mean1_a") - 1.8312) < 5e-5);
  CHECK(std::fabs(r.value("sgd_mean2_a") - 1.4379) < 5e-5);
  CHECK(r.value("sgd_inside_hull_a") > 0.9);
  // With descent's own Rng the path differs but settles the same way: within 0.1 of θ*.
  const auto own = compute(item("figure-4.3"), {"numpy_stream=no"});
  CHECK(own.value("theta1_sgd_a_10") != r.value("theta1_sgd_a_10"));
  CHECK(std::fabs(own.value("sgd_mean1_a") - 22.0 / 12) < 0.1);
  CHECK(std::fabs(own.value("sgd_mean2_a") - 1.4) < 0.1);
  // (b): all C_i share the θ2 term, so SGD's θ2 equals GD's exactly; both converge.
  CHECK(r.value("theta2_sgd_b_100") == r.value("theta2_gd_b_100"));
  CHECK(std::fabs(r.value("theta1_sgd_b_1000") - 2) < 1e-9);
  // Reproducible from the seed: the same seed gives the same bytes, another seed differs.
  const auto again = compute(item("figure-4.3"));
  CHECK(again.value("theta1_sgd_a_1000") == r.value("theta1_sgd_a_1000"));
  const auto other = compute(item("figure-4.3"), {"seed=9"});
  CHECK(other.value("theta1_sgd_a_1000") != r.value("theta1_sgd_a_1000"));
}

TEST_CASE("medl04 eq-4.13: exact moments, and measured variance ∝ 1/n_b (catalogue C15)") {
  const auto r = compute(item("eq-4.13"));
  CHECK(r.value("exact_mean1") == doctest::Approx(20).epsilon(1e-15));
  CHECK(r.value("exact_mean2") == doctest::Approx(9.2).epsilon(1e-15));
  CHECK(r.value("exact_var1") == doctest::Approx(107.2).epsilon(1e-14));
  CHECK(r.value("exact_var2") == doctest::Approx(4.16).epsilon(1e-14));
  // 20000 draws: relative sd of a sample variance ≈ sqrt(2/20000)·(kurtosis factor) ≈ 1.5%;
  // 6% is four of those.
  for (const int nb : {1, 2, 5, 10}) {
    CAPTURE(nb);
    CHECK(r.value("var1_" + std::to_string(nb)) == doctest::Approx(107.2 / nb).epsilon(0.06));
    CHECK(r.value("var2_" + std::to_string(nb)) == doctest::Approx(4.16 / nb).epsilon(0.06));
  }
}

TEST_CASE("medl04 figure-4.6: momentum for three beta (catalogue C20, 1e-10)") {
  const auto r = compute(item("figure-4.6"));
  check_theta(r, "beta=0.9", 1, 0.3436, -0.128, 1e-12);
  check_theta(r, "beta=0.9", 10, -0.0695106656, -0.0827840481, 1e-10);
  check_theta(r, "beta=0.9", 1000, 0.9951380326, 0.9902801906, 1e-10);
  check_theta(r, "beta=0.5", 100, 0.4046687589, 0.1608284599, 1e-10);
  check_theta(r, "beta=0.5", 1000, 0.8338552849, 0.6945812397, 1e-10);
  check_theta(r, "beta=0", 10, 0.2524663211, 0.0449785428, 1e-10);
  check_theta(r, "beta=0", 1000, 0.7044088992, 0.4947948515, 1e-10);
  CHECK(r.value("C_beta=0.9_1000") == doctest::Approx(2.367680e-05).epsilon(1e-6));
}

TEST_CASE("medl04 eq-4.22: Adagrad and RMSprop (catalogue C22)") {
  const auto r = compute(item("eq-4.22"));
  check_theta(r, "adagrad", 1, 0.100000000057, -0.100000000021, 1e-12);
  check_theta(r, "adagrad", 100, 0.441025350132, 0.190078929743, 1e-11);
  check_theta(r, "rmsprop", 1, 0.168377223966, -0.168377223607, 1e-12);
  check_theta(r, "rmsprop", 1000, 0.589406178152, 0.344477232055, 1e-9);
  CHECK(r.value("C_final_adagrad") < 1e-4);  // chaotic by t = 1000: a property
  CHECK(r.value("C_final_rmsprop") < 1e-3);
}

TEST_CASE("medl04 eq-4.24: the corrected average of a constant is the constant") {
  const auto r = compute(item("eq-4.24"));
  const double smoothed[] = {0.1, 0.19, 0.271, 0.3439, 0.40951};  // catalogue C18
  for (int t = 1; t <= 5; ++t) {
    CHECK(r.value("smoothed_" + std::to_string(t)) ==
          doctest::Approx(smoothed[t - 1]).epsilon(1e-15));
    CHECK(std::fabs(r.value("corrected_" + std::to_string(t)) - 1.0) <= 3e-16);  // C23
  }
}

TEST_CASE("medl04 algorithm-4.2: ADAM (catalogue C24, = torch.optim.Adam)") {
  const auto r = compute(item("algorithm-4.2"));
  check_theta(r, "adam", 1, 0.190000000006, -0.190000000002, 1e-12);
  check_theta(r, "adam", 10, 0.107299572319, -0.102847288613, 1e-11);
  check_theta(r, "adam", 1000, 0.874818492390, 0.764654448445, 1e-9);
  CHECK(r.value("C_adam_5000") < 1e-8);
}

TEST_CASE("medl04 section 4.5: each rule on Rosenbrock (catalogue C31-C36)") {
  const auto n = compute(item("eq-4.33"));
  check_theta(n, "nesterov", 2, 0.159129890229, -0.081491553280, 1e-12);
  check_theta(n, "nesterov", 1000, 0.995330812078, 0.990664688709, 1e-10);
  const auto l = compute(item("eq-4.37"));
  check_theta(l, "lookahead", 1, 0.16656, -0.1088, 1e-12);
  check_theta(l, "lookahead", 1000, 0.995348391742, 0.990699754270, 1e-10);
  const auto na = compute(item("section-4.5-nadam"));
  // the first Nadam step is α(1+2β)/(1+β)·sign(g) = 0.014736842105…
  check_theta(na, "nadam", 1, 0.185263157903, -0.185263157898, 1e-12);
  check_theta(na, "nadam", 1000, 0.880953978900, 0.775461546936, 1e-9);
  CHECK(na.value("C_nadam_5000") < 1e-5);
  const auto ad = compute(item("eq-4.38"));
  check_theta(ad, "adadelta", 1, 0.199995527865, -0.199995527864, 1e-12);
  check_theta(ad, "adadelta", 5000, 0.299216916243, 0.080216367771, 1e-10);
  const auto mx = compute(item("eq-4.42"));
  check_theta(mx, "adamax", 3, 0.171775088090, -0.170885144869, 1e-12);
  check_theta(mx, "adamax", 1000, 0.564340287608, 0.315473530008, 1e-9);
  CHECK(mx.value("C_adamax_5000") < 1e-6);
  const auto lp = compute(item("eq-4.40"));
  CHECK(lp.value("C_final") < lp.value("C_lp-adam_1"));
}

TEST_CASE("medl04 eq-4.41: (s)^(1/p) tends to Adamax's r = 2.187 (catalogue C35, mpmath)") {
  const auto r = compute(item("eq-4.41"));
  CHECK(r.value("r_4") == doctest::Approx(2.187).epsilon(1e-15));
  CHECK(r.value("root_p2") == doctest::Approx(1.30250647215).epsilon(1e-10));
  CHECK(r.value("root_p10") == doctest::Approx(2.12334752507).epsilon(1e-10));
  CHECK(r.value("root_p100") == doctest::Approx(2.18699941917).epsilon(1e-10));
  const auto& t = r.table("Lp norm");
  CHECK(cell(t, 2, "bias-corrected") ==
        doctest::Approx(1.94448330584).epsilon(1e-10));  // p = 4, corrected
  CHECK(std::isfinite(cell(t, 6, "(s^(4))^(1/p)")));     // p = 1000 in log space: no overflow
}

TEST_CASE("medl04 first-order items reject bad parameters with the allowed range") {
  CHECK_THROWS_AS(compute(item("figure-4.6"), {"betas=1"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("algorithm-4.2"), {"alpha=0"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("eq-4.13"), {"batch_sizes=0"}), descent::invalid_argument);
}

TEST_CASE("medl04 eq-4.40: Lp-ADAM follows numpy's (4.39)-(4.40) iterate by iterate (fixture)") {
  // tests/reference/generate_first_order.py, np_lp_adam: the item's defaults are the
  // fixture's settings (alpha 0.01, beta 0.9, gamma 0.999, epsilon 1e-8, p 4, from (0.2, -0.2)).
  const auto f = descent::testing::load_fixture("optim_first_order.json")["rules"]["lp-adam"];
  REQUIRE(f["problem"] == "rosenbrock");
  CHECK(f["params"]["p"].get<double>() == 4);
  CHECK(f["params"]["alpha"].get<double>() == 0.01);
  const auto r = compute(item("eq-4.40"));
  for (const auto& [t, theta] : f["iterates"].items()) {
    // the same operations in another order: a few ulps per step, at most ~1e3 amplified
    check_theta(r, "lp-adam", std::stoi(t), theta[0].get<double>(), theta[1].get<double>(), 1e-9);
  }
}

TEST_CASE("medl04 first-order items report the last iterate whatever the iteration count") {
  // algorithm-4.2 with 50 steps showed t = 1, 2, 3, 10 and C_final, but not theta(50).
  const auto adam = compute(item("algorithm-4.2"), {"iterations=50"});
  const auto& t = adam.table("checkpoints");
  REQUIRE(!t.rows.empty());
  CHECK(cell(t, t.rows.size() - 1, "t") == 50);
  CHECK(adam.value("C_adam_50") == adam.value("C_final"));
  // and the same in the other items built on the checkpoints
  CHECK(compute(item("eq-4.33"), {"iterations=7"}).value("C_nesterov_7") > 0);
  CHECK(compute(item("eq-4.42"), {"iterations=42"}).value("C_adamax_42") > 0);
  CHECK(compute(item("figure-4.6"), {"iterations=20"}).value("C_beta=0.9_20") > 0);
  CHECK(compute(item("eq-4.22"), {"iterations=20"}).value("C_rmsprop_20") > 0);
}

TEST_CASE("medl04 a step size of 1e6 (or 1e300) says where each run diverged") {
  // Before: inf in the tables with no word (figure-4.3), a status about something else
  // (figure-4.2), only the generic "not finite" of the app layer at best.
  const auto two = compute(item("figure-4.2"), {"alphas=1e6"});
  CHECK(two.status.find("fixed_0 diverged at t = ") != std::string::npos);
  CHECK(two.status.find("decay_0 diverged at t = ") != std::string::npos);
  CHECK(two.status.find("not finite") == std::string::npos);
  const auto three = compute(item("figure-4.3"), {"alpha=1e6"});
  CHECK(three.status.find("gd_a diverged at t = ") != std::string::npos);
  CHECK(three.status.find("sgd_b diverged at t = ") != std::string::npos);
  CHECK(three.status.find("not finite") == std::string::npos);
  const auto momentum = compute(item("figure-4.6"), {"alpha_scale=1e6"});
  CHECK(momentum.status.find("beta=0 diverged at t = ") != std::string::npos);
  CHECK(momentum.status.find("not finite") == std::string::npos);
  // Adamax moves at most alpha per step: 1e6 stays finite (and says so), 1e300 overflows.
  const auto finite = compute(item("eq-4.42"), {"alpha=1e6"});
  CHECK(finite.status.rfind("iteration limit", 0) == 0);
  const auto huge = compute(item("eq-4.42"), {"alpha=1e300"});
  CHECK(huge.status.rfind("adamax diverged at t = 1: C(theta) = ", 0) == 0);
  CHECK(huge.status.find("not finite") == std::string::npos);
}

TEST_CASE("medl04 first-order items refuse what they cannot afford or define, in one line") {
  // figure-4.2, figure-4.6: every kept iterate is a row of a path series, at most 1e6 of
  // them (figure-4.6 with 1e6 iterations of 3 betas peaked at 1.1 GB)
  CHECK_THROWS_WITH_AS(compute(item("figure-4.2"), {"iterations=1000000", "record_every=1"}),
                       doctest::Contains("allowed: at most 1000000 (raise record_every)"),
                       descent::invalid_argument);
  CHECK_THROWS_WITH_AS(compute(item("figure-4.6"), {"iterations=1000000"}),
                       doctest::Contains("betas x iterations = 3000000 iterates kept"),
                       descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("eq-4.22"), {"iterations=1000000"}), descent::invalid_argument);
  // eq-4.13: draws x sum of the batch sizes, at most 1e8 indices (1e7 draws ran 26 s)
  CHECK_THROWS_WITH_AS(compute(item("eq-4.13"), {"draws=10000000"}),
                       doctest::Contains("allowed: at most 100000000"), descent::invalid_argument);
  // figure-4.3: a burn-in past the last iterate left the SGD mean 0/0
  CHECK_THROWS_WITH_AS(compute(item("figure-4.3"), {"iterations=100", "burn_in=100"}),
                       doctest::Contains("allowed: burn_in < iterations"),
                       descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-4.2"), {"x0=1e308,1e308"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-4.2"), {"contour_grid=1000"}), descent::invalid_argument);
}

TEST_CASE("medl04 eq-4.41: gamma = 0 keeps only the last gradient, 0.5, for every p") {
  // s = (1 - 0^p) |g_4|^p: the root is |g_4| = 0.5, and r = max(0 r, |g|) = 0.5 too; the
  // log-space sum computed 0 * log 0 = NaN for the last term before.
  const auto r = compute(item("eq-4.41"), {"gamma=0"});
  CHECK(r.value("r_4") == 0.5);
  CHECK(r.value("root_p1") == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(r.value("root_p1000") == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(r.status.empty());
}
