// aggarwal03 at the edges of what its parameters allow: ids, crashes, costs, statuses. The
// reference for each check is stated beside it (the book's numbering, a closed form, or what
// the item must say instead of crashing).

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "descent/report/check.hpp"

using descent::app::compute;

namespace {

using descent::testing::aggarwal03;

const descent::app::Item& item(const std::string& id) {
  return descent::testing::item(aggarwal03(), id);
}

}  // namespace

TEST_CASE("aggarwal03: the exercises are exercise-1 ... exercise-12, the old ids point to them") {
  // Aggarwal §3.10 numbers its exercises 1-12.
  for (int n = 1; n <= 12; ++n) (void)item("exercise-" + std::to_string(n));
  std::size_t exercises = 0;
  for (const auto& it : aggarwal03().items)
    if (it.id.rfind("exercise-", 0) == 0) ++exercises;
  CHECK(exercises == 12);
  const std::map<std::string, std::string> old_ids{{"exercise-3.7", "exercise-7"},
                                                   {"exercise-3.8", "exercise-8"},
                                                   {"exercise-3.11", "exercise-11"},
                                                   {"exercise-3.12", "exercise-12"}};
  CHECK(aggarwal03().renamed == old_ids);
  for (const auto& [old, now] : old_ids) CHECK(aggarwal03().find(old) == nullptr);
}

namespace {

// Every NaN or infinity of `r` sits where the item declared one may, or the status names it.
void check_non_finite_declared(const descent::report::Result& r) {
  CHECK_MESSAGE(descent::report::first_non_finite(r).empty(),
                "undeclared: " << descent::report::first_non_finite(r));
}

}  // namespace

TEST_CASE("aggarwal03 figure-3.8: once every ReLU chain has died the median is NaN, and said") {
  // A ReLU chain survives a layer with probability 1/2 (a = w h > 0), so 10 chains are all
  // dead within a few layers, and 20000 chains within 16 (0.5^16 * 20000 < 1).
  for (const std::vector<std::string>& sets :
       {std::vector<std::string>{"chains=10"}, {"depth=16"}, {"depth=100", "chains=1000"}}) {
    CAPTURE(sets.back());
    const auto r = compute(item("figure-3.8"), sets);
    CHECK(std::isnan(r.value("chain_median_relu")));
    CHECK(r.value("chain_dead_relu") == 1);
    CHECK(std::isfinite(r.value("chain_median_sigmoid")));  // sigmoid chains never die
    CHECK(r.status.find("relu: all ") != std::string::npos);
    check_non_finite_declared(r);
  }
}

TEST_CASE("aggarwal03 figure-3.8: width-1 ReLU networks die whole; the mean leaves them out") {
  const auto r = compute(item("figure-3.8"), {"width=1", "network_depth=200", "seeds=3"});
  CHECK(std::isnan(r.value("network_mean_relu_he")));
  CHECK(r.status.find("relu_he: 3 of 3 networks pass no gradient") != std::string::npos);
  CHECK(std::isfinite(r.value("network_mean_sigmoid_fan_in")));  // tiny, but not 0
  check_non_finite_declared(r);
}

TEST_CASE("aggarwal03 figure-3.8: an exploding gradient of 1e200 is measured, not overflowed") {
  // ReLU with sigma = 1: E|W^T (phi' . g)|^2 = (width / 2) |g|^2, so each layer multiplies
  // |g| by about sqrt(width / 2) = 10: log10 ratio about 200 over 200 layers (slightly less,
  // by Jensen's inequality; the defaults give 16.87 against 20 log10 sqrt(50) = 16.99).
  const auto r = compute(item("figure-3.8"), {"width=200", "network_depth=200", "seeds=1"});
  CHECK(r.value("network_mean_relu_std1") == doctest::Approx(200).epsilon(0.02));
  CHECK(r.status.empty());
}

TEST_CASE("aggarwal03 figure-3.8: combinations beyond one run's budget are refused") {
  CHECK_THROWS_AS(compute(item("figure-3.8"), {"chains=10000000"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-3.8"), {"width=1000"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-3.8"), {"seeds=1000"}), descent::invalid_argument);
  CHECK_NOTHROW((void)compute(item("figure-3.8"), {"chains=2000000", "depth=1", "width=10"}));
}

namespace {

bool says(const descent::report::Result& r, const std::string& phrase) {
  return r.status.find(phrase) != std::string::npos;
}

}  // namespace

TEST_CASE("aggarwal03 figure-3.9: a run that diverges before t = 4 ends the checkpoints, said") {
  // alpha = 1e100 on x^2 + y^2: W_t = (1 - 2 alpha)^t W_0, |W_2| ~ 4e200, C(W_2) = inf.
  const auto r = compute(item("figure-3.9"), {"alpha_circle=1e100"});
  CHECK(says(r, "circle: |W| < 1e-6 not reached (diverged after 2 iterations"));
  CHECK(r.value("w1_circle_1") == doctest::Approx(4 * (1 - 2e100)));
  CHECK_THROWS_AS((void)r.value("w1_circle_3"), std::out_of_range);  // never reached
  CHECK(std::isnan(r.value("steps_circle")));
  CHECK(r.value("steps_ellipse") == 30);  // the other bowl as at the defaults
  // A start where C(W_0) overflows is refused before any run (x0 is bounded by +-1e6, as in
  // every first-order item).
  for (const char* start : {"x0=1e308,1e308", "x0=-1e308,1e308"}) {
    CAPTURE(start);
    CHECK_THROWS_AS((void)compute(item("figure-3.9"), {start}), descent::invalid_argument);
  }
  const auto slow = compute(item("figure-3.9"), {"alpha_ellipse=1e-9"});
  CHECK(says(slow, "ellipse: |W| < 1e-6 not reached (iteration limit reached after 10000"));
  check_non_finite_declared(slow);
}

TEST_CASE("aggarwal03 figure-3.11: a count never reached is NaN and said, not -1") {
  const auto r = compute(item("figure-3.11"), {"iterations=10"});
  CHECK(std::isnan(r.value("iterations_gd")));
  CHECK(std::isnan(r.value("iterations_momentum")));
  CHECK(says(r, "gd: |W| < tolerance not reached (iteration limit reached after 10 iterations"));
  check_non_finite_declared(r);
  const auto far = compute(item("figure-3.11"), {"alpha=1e6"});
  CHECK(says(far, "gd: |W| < tolerance not reached (diverged after"));
}

TEST_CASE("aggarwal03 figure-3.12, 3.13, exercise-6, section-3.4.3: divergence is named") {
  // L'(w) = 4w(w^2 - 1) + 0.3 from w0 = 2 with alpha = 1e6: w1 = 2 - 2.43e7, |w2| ~ 6e28,
  // |w3| ~ 1e93, and L(w3) ~ w3^4 overflows: diverged at t = 3 with and without momentum.
  const auto marble = compute(item("figure-3.12"), {"alpha=1e6"});
  CHECK(says(marble, "beta = 0: diverged after 3 iterations"));
  CHECK(says(marble, "beta = 0.9: diverged after 3 iterations"));
  const auto cliff = compute(item("figure-3.13"), {"alpha=1e6"});
  CHECK(says(cliff, "plain: diverged after"));
  CHECK_FALSE(says(cliff, "clipped: diverged"));  // steps of at most alpha * 1 stay finite
  // Exercise 6 at its defaults: from (2, 2), y <- y - 0.01 * 10 y^9 leaves every float by
  // t = 3 (the catalogue's stub check: t_b <= 3).
  const auto e6 = compute(item("exercise-6"));
  CHECK(says(e6, "from 2,2: diverged after 3 iterations"));
  CHECK_FALSE(says(e6, "from 0.5,0.5"));
  // One step at rate 1e308 from (w, b) = (3, 0): dL/dw = sum x^2 = 14, and 14e308 overflows.
  const auto relu = compute(item("section-3.4.3"), {"big_lr=1e308"});
  CHECK(says(relu, "ReLU, one step at the large rate: diverged at step 1"));
  CHECK(compute(item("section-3.4.3")).status.empty());
}

TEST_CASE("aggarwal03 figure-3.10: the grid (to - from) / step is bounded before it is built") {
  // to = 1e7 at step 0.01 asks for 1e9 samples (once 23.6 GB); 1e5 intervals are accepted.
  CHECK_THROWS_AS(compute(item("figure-3.10"), {"to=1e7"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-3.10"), {"from=-1e308", "to=1e308"}),
                  descent::invalid_argument);  // to - from = inf
  const auto r = compute(item("figure-3.10"), {"from=-6", "to=994"});
  CHECK(r.find_series("derivatives").rows.size() == 100001);
}

TEST_CASE("aggarwal03 section-3.3.3: samples x (sum of fan_in) is bounded") {
  // 1e7 neurons of fan-ins 2 and 100 would draw 6e9 weights (once minutes of CPU).
  CHECK_THROWS_AS(compute(item("section-3.3.3"), {"samples=10000000"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("section-3.3.3"), {"fan_in=10000", "samples=2001"}),
                  descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("section-3.3.3"), {"sigma=1e101"}), descent::invalid_argument);
  CHECK_NOTHROW((void)compute(item("section-3.3.3"), {"fan_in=1", "samples=100000"}));
  CHECK_THROWS_AS(compute(item("section-3.3.3"), {"fan_in=10000"}), descent::invalid_argument);
}

TEST_CASE("aggarwal03 figure-3.17: a singular Hessian of x^3 + y^3 is a status, not exit 1") {
  // The Hessian of x^3 + y^3 is diag(6x, 6y): singular where a coordinate is 0. The saddle
  // x^2 - y^2 has the constant Hessian diag(2, -2): one Newton step from (0, 0) stays there.
  for (const char* start : {"w0=0,0", "w0=0,2"}) {
    CAPTURE(start);
    const auto r = compute(item("figure-3.17"), {start});
    CHECK(says(r, "Newton on x^3 + y^3: singular Hessian after 0 iterations"));
    CHECK_THROWS_AS((void)r.value("plateau_newton3_1"), std::out_of_range);
    CHECK(r.value("saddle_newton_1") == 0);
    CHECK(r.value("saddle_newton_2") == 0);
  }
  // Newton halves each coordinate of x^3 + y^3: (3, 2) -> (0.375, 0.25) after three steps.
  const auto far = compute(item("figure-3.17"), {"w0=1e50,-1e50"});
  CHECK(far.value("plateau_newton3_1") == 1.25e49);
  CHECK(far.status.empty());
  CHECK_THROWS_AS(compute(item("figure-3.17"), {"w0=1e308,1e308"}), descent::invalid_argument);
}

TEST_CASE("aggarwal03 figure-3.14, 3.15: the optimum, tiny and huge starts") {
  // At the optimum both directions vanish: refused in one line, as is a start whose loss
  // would overflow.
  CHECK_THROWS_AS(compute(item("figure-3.14"), {"w0=0,0"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-3.14"), {"w0=1e308,1e308"}), descent::invalid_argument);
  // On an axis both directions point straight at the optimum: angles 0, even at 1e-320,
  // where the squares in a plain norm underflow to 0 (and the angle was NaN).
  const auto tiny = compute(item("figure-3.14"), {"w0=1e-320,0"});
  CHECK(tiny.value("steepest_angle_deg") == 0);
  CHECK(tiny.value("newton_angle_deg") == 0);
  check_non_finite_declared(tiny);
  // The valley's optimum is (5, 2.5): zero gradient steps, and the Newton step stays put.
  const auto at = compute(item("figure-3.15"), {"w0=5,2.5"});
  CHECK(at.value("gd_iterations") == 0);
  CHECK(at.value("newton_next_1") == doctest::Approx(5).epsilon(1e-12));
  CHECK(at.value("newton_next_2") == doctest::Approx(2.5).epsilon(1e-12));
  const auto cut = compute(item("figure-3.15"), {"max_iterations=3"});
  CHECK(std::isnan(cut.value("gd_iterations")));  // was 3, as if reached
  CHECK(says(cut, "gradient descent: |W - W*| < 1e-6 not reached in 3 steps"));
  check_non_finite_declared(cut);
}

TEST_CASE("aggarwal03 figure-3.18: the cost of a run is bounded before any image is loaded") {
  // The whole training set for 15 epochs is 15 x 89,610 weights x 66,600 images ~ 9e10.
  CHECK_THROWS_AS(compute(item("figure-3.18"), {"train=60000"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("figure-3.18"), {"epochs=1000"}), descent::invalid_argument);
  // 2048-wide layers over 10,000 validation images: 1.2e8 activations in one pass.
  CHECK_THROWS_AS(compute(item("figure-3.18"), {"widths=2048,2048,2048,2048,2048,2048",
                                                "validation=10000", "epochs=1", "train=2"}),
                  descent::invalid_argument);
  CHECK(item("figure-3.18").slow);  // `all --quick` and the fuzz test start from quick_sets
}

TEST_CASE("aggarwal03 section-3.7.3: the mimic experiment's memory and training are bounded") {
  // 10^6 labelled points for 200 epochs through a 3 x 64 teacher: ~1.9e12 weight-examples.
  CHECK_THROWS_AS(compute(item("section-3.7.3"), {"labelled=1000000"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("section-3.7.3"), {"epochs_unlabelled=100000"}),
                  descent::invalid_argument);
  // 10^6 points through a 3 x 64 teacher at once: 1.9e8 activations of each kind.
  CHECK_THROWS_AS(compute(item("section-3.7.3"), {"unlabelled=1000000"}),
                  descent::invalid_argument);
  CHECK_THROWS_AS(compute(item("section-3.7.3"), {"teacher=1024,1024,1024,1024,1024,1024"}),
                  descent::invalid_argument);
  // A 1024-wide student: 1024 tanh units per point cost more than its 6147 weights (10 s).
  CHECK_THROWS_AS(compute(item("section-3.7.3"), {"student=1024"}), descent::invalid_argument);
}

TEST_CASE("aggarwal03 figure-3.4, 3.5: w^(2^L) past the doubles is said, not only flagged") {
  // 1.1^(2^20) = e^(2^20 ln 1.1) ~ 10^43400; 2^10 2^1023 > 1.8e308 from L = 10 at w = 2.
  CHECK(says(compute(item("figure-3.4"), {"layers=20"}), "o = w^1048576 and its derivative"));
  CHECK(says(compute(item("figure-3.5"), {"w=2"}), "leaves the doubles from L = 10"));
  CHECK(compute(item("figure-3.4")).status.empty());
}

TEST_CASE("aggarwal03 section-3.7.3: pruning every weight leaves no smallest kept weight") {
  const auto r = compute(item("section-3.7.3"), {"prune=1", "epochs_labelled=1"});
  CHECK(descent::testing::cell(r.table("pruning"), 0, "zeros after masking") == 1);
  CHECK(std::isnan(descent::testing::cell(r.table("pruning"), 0, "smallest kept |w|")));
  check_non_finite_declared(r);  // an n/a cell, declared (it was an undeclared inf)
}
