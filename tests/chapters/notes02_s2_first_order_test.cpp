// Notes Chapter 2, the first-order items, against the values of the catalogue
// (the reference catalogue of the notes and slides, entries N4–N14, computed there
// with numpy/torch and cited by entry) and closed forms.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

using descent::testing::notes02;
using descent::testing::text_cell;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(notes02(), id);
}

// The catalogue states rel 1e-10 for these contractive (or exactly linear) runs.
constexpr double kRelative = 1e-10;

}  // namespace

TEST_CASE("notes02 eq-2.4: the threshold eta < 2/lambda_1, both sides (catalogue N5)") {
  const auto r = compute(item("eq-2.4"));
  CHECK(r.value("norm_eta0.05") == doctest::Approx(0.005920529220333998).epsilon(kRelative));
  CHECK(r.value("norm_eta0.1") == doctest::Approx(2.656139888758754e-05).epsilon(kRelative));
  CHECK(r.value("norm_eta0.19") == doctest::Approx(2.6561398896956856e-05).epsilon(kRelative));
  CHECK(r.value("norm_eta0.2") == 1.0);  // mode 1 flips sign forever: exactly 1
  CHECK(r.value("norm_eta0.21") == doctest::Approx(13780.61233982238).epsilon(kRelative));
  CHECK(r.value("threshold") == doctest::Approx(0.2).epsilon(1e-15));
  // Rosenbrock: 2/λ₁(∇²C(1,1)) = 0.0019968038374381654; below it GD converges, above it
  // it settles on a period-2 orbit at distance ≈ 0.00973 (the catalogue's test bounds).
  CHECK(r.value("rosenbrock_threshold") == doctest::Approx(0.0019968038374381654).epsilon(1e-12));
  CHECK(r.value("distance_eta0.00199") < 1e-8);
  CHECK(r.value("distance_eta0.00201") > 5e-3);
}

TEST_CASE("notes02 exercise-2.1: eigenvalue signs classify the stationary point (N4)") {
  const auto r = compute(item("exercise-2.1"));
  const auto& t = r.table("Hessians");
  CHECK(text_cell(t, 0, "kind") == "minimum");
  CHECK(text_cell(t, 1, "kind") == "maximum");
  CHECK(text_cell(t, 2, "kind") == "saddle");
  CHECK(text_cell(t, 3, "kind") == "degenerate");  // PSD: inconclusive in general
  CHECK_THROWS_AS(compute(item("exercise-2.1"), {"a=1,2"}), descent::invalid_argument);
}

TEST_CASE("notes02 exercise-2.2: the linear rate rho = max|1 - eta lambda| (N6)") {
  const auto r = compute(item("exercise-2.2"));
  CHECK(r.value("rho") == doctest::Approx(0.95).epsilon(1e-15));
  CHECK(r.value("last_ratio") == doctest::Approx(0.95).epsilon(1e-12));
  CHECK(r.value("bound_holds") == 1);
  // e^θ − 2θ with η = 0.25: the catalogue's measured ratios (its k = 5, 10 are steps 6, 11)
  CHECK(r.value("exp_ratio_6") == doctest::Approx(0.510150465956243).epsilon(1e-12));
  CHECK(r.value("exp_ratio_11") == doctest::Approx(0.5003344542005472).epsilon(1e-12));
  CHECK(std::fabs(r.value("exp_ratio_20") - 0.5) < 1e-3);
}

TEST_CASE("notes02 algorithm-1: the sampled gradient is unbiased (Exercise 2.3, N9)") {
  const auto r = compute(item("algorithm-1"));
  CHECK(r.value("full_0") == doctest::Approx(-8).epsilon(1e-14));  // exact: −(8, 48.8/7)
  CHECK(r.value("full_1") == doctest::Approx(-48.8 / 7).epsilon(1e-14));
  // K = 10^5 draws: the mean lies in the 3σ/√K band (the catalogue's band (0.1013, 0.0774))
  CHECK(std::fabs(r.value("mean_0") - r.value("full_0")) < r.value("band_0"));
  CHECK(std::fabs(r.value("mean_1") - r.value("full_1")) < r.value("band_1"));
  CHECK(r.value("band_0") == doctest::Approx(0.1013).epsilon(0.01));
}

TEST_CASE("notes02 section-2.2-minibatch: N/|B| is unbiased, C(N,|B|) is 7x too big (N10)") {
  const auto r = compute(item("section-2.2-minibatch"));
  CHECK(r.value("subsets") == 28);
  CHECK(r.value("correct_0") == doctest::Approx(r.value("full_0")).epsilon(1e-14));
  CHECK(r.value("printed_0") == doctest::Approx(-56).epsilon(1e-14));
  CHECK(r.value("printed_0") / r.value("full_0") == doctest::Approx(7).epsilon(1e-14));
}

TEST_CASE("notes02 eq-2.7: notes momentum = PyTorch's after 50 steps (N11)") {
  const auto r = compute(item("eq-2.7"));
  CHECK(r.value("theta1_heavy-ball_50") == doctest::Approx(0.07060867363244105).epsilon(kRelative));
  CHECK(r.value("theta2_heavy-ball_50") ==
        doctest::Approx(0.005924906639437018).epsilon(kRelative));
  CHECK(r.value("theta1_momentum-accumulate_50") ==
        doctest::Approx(0.07060867363244105).epsilon(kRelative));
  CHECK(r.value("theta2_gd_50") == doctest::Approx(0.07694497527671332).epsilon(kRelative));
  CHECK(std::fabs(r.value("theta1_gd_50")) < 1e-14);  // (1 − 0.05·10)^50 = 2^-50
}

TEST_CASE("notes02 exercise-2.4: the effective rate tends to eta/(1 - mu) (N12)") {
  const auto r = compute(item("exercise-2.4"));
  CHECK(r.value("delta_1") == doctest::Approx(-0.1).epsilon(1e-15));
  CHECK(r.value("delta_10") == doctest::Approx(-0.6513215599).epsilon(1e-10));
  CHECK(r.value("moved_10") == doctest::Approx(-4.1381059609).epsilon(1e-10));
  CHECK(r.value("delta_100") == doctest::Approx(-0.9999734386011123).epsilon(1e-12));
  CHECK(r.value("moved_100") == doctest::Approx(-91.00023905259).epsilon(1e-12));
  CHECK(r.value("limit") == doctest::Approx(-1.0).epsilon(1e-15));
}

TEST_CASE("notes02 eq-2.8: RMSProp with delta inside and outside the root (N14)") {
  const auto r = compute(item("eq-2.8"));
  // the catalogue's torch column is torch.optim.RMSprop(lr=0.01, alpha=0.9, eps=1e-8)
  CHECK(r.value("theta1_rmsprop-inside_1") ==
        doctest::Approx(0.9683772234141276).epsilon(kRelative));
  CHECK(r.value("theta2_rmsprop-inside_1") ==
        doctest::Approx(0.9683772249794549).epsilon(kRelative));
  CHECK(r.value("theta1_rmsprop-inside_100") ==
        doctest::Approx(0.08758651964417488).epsilon(kRelative));
  CHECK(r.value("theta2_rmsprop-inside_100") ==
        doctest::Approx(0.08758653754148348).epsilon(kRelative));
  CHECK(r.value("theta1_rmsprop_10") == doctest::Approx(0.8320524153588437).epsilon(kRelative));
  CHECK(r.value("theta2_rmsprop_100") == doctest::Approx(0.08758653172158719).epsilon(kRelative));
}

TEST_CASE("notes02: every item computes at its defaults") {
  for (const auto& it : notes02().items) {
    CAPTURE(it.id);
    CHECK_NOTHROW((void)compute(it));
  }
}

TEST_CASE("notes02 step sizes that overflow say where the run diverged") {
  // exercise-2.2 with eta_exp = 1e6: 57 nan/inf tokens and no word before.
  const auto exp = compute(item("exercise-2.2"), {"eta_exp=1e6"});
  CHECK(exp.status.find("e^theta - 2 theta: GD diverged at k = 1") != std::string::npos);
  CHECK(exp.status.find("not finite") == std::string::npos);
  const auto gd = compute(item("exercise-2.2"), {"eta=1e6"});
  CHECK(gd.status.find("GD diverged at t = ") != std::string::npos);
  CHECK(gd.status.find("not finite") == std::string::npos);
  const auto threshold = compute(item("eq-2.4"), {"etas=1e5"});
  CHECK(threshold.status.find("eta = 100000 diverged at t = ") != std::string::npos);
  CHECK(threshold.status.find("not finite") == std::string::npos);
  const auto near = compute(item("eq-2.4"), {"rosenbrock_etas=1"});
  CHECK(near.status.find("Rosenbrock, eta = 1 diverged at t = ") != std::string::npos);
  const auto momentum = compute(item("eq-2.7"), {"eta=1e6"});
  CHECK(momentum.status.find("heavy-ball diverged at t = ") != std::string::npos);
  CHECK(momentum.status.find("not finite") == std::string::npos);
  // RMSProp's steps are normalized: eta = 1e6 swings far but stays finite
  const auto rms = compute(item("eq-2.8"), {"eta=1e6"});
  CHECK(rms.status.find("not finite") == std::string::npos);
  CHECK_THROWS_AS(compute(item("eq-2.4"), {"etas=1e308"}), descent::invalid_argument);
}

TEST_CASE("notes02 exercise-2.2: a ratio 0/0 is not printed") {
  // eta lambda = 1 in every mode: GD lands on the minimizer at k = 1 and |alpha_k| = 0 after;
  // the ratio 0/0 was a NaN in the table (and a 'not finite' status at steps=100000 too).
  const auto exact = compute(item("exercise-2.2"), {"lambda=10,10", "eta=0.1"});
  CHECK(exact.status.find("table ends at k = 1: alpha_k = 0 exactly") != std::string::npos);
  CHECK(exact.status.find("not finite") == std::string::npos);
  CHECK(exact.table("linear rate").rows.size() == 1);
  CHECK_THROWS_WITH_AS(compute(item("exercise-2.2"), {"theta0=0,0"}),
                       doctest::Contains("allowed: a theta0 other than 0"),
                       descent::invalid_argument);
}
