// Aggarwal §3.3.1 (aggarwal03 section-3.3.1), tuning hyperparameters: the grid count and the
// log-uniform probabilities against closed forms (catalogue A20), random search's coverage
// of each axis against the grid's at the same budget, and the objective — a network's
// validation loss after full-batch gradient descent with weight decay — replayed against
// torch (tests/reference/generate_tuning.py).

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "aggarwal03/search_space.hpp"
#include "aggarwal03/tuning_network.hpp"
#include "chapters.hpp"
#include "descent/core/error.hpp"
#include "descent/report/check.hpp"
#include "fixtures.hpp"

using descent::app::compute;
using descent::testing::cell;
using namespace descent::chapters::aggarwal03;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::aggarwal03(), "section-3.3.1");
}

// A cheap run for the properties that do not need a trained network: few epochs, small maps;
// `sets` come after, so they override these.
std::vector<std::string> quick(const std::vector<std::string>& sets) {
  std::vector<std::string> all{"epochs=5", "surface=2", "samples=100", "validation=20"};
  all.insert(all.end(), sets.begin(), sets.end());
  return all;
}

}  // namespace

TEST_CASE("aggarwal03 section-3.3.1: the objective replays torch's SGD with weight decay") {
  // Same data and starting weights as the fixture; 40 full-batch steps of
  // θ ⇐ θ − α(∇L + λθ), torch.optim.SGD(weight_decay = λ) in float64. The runs differ only in
  // the order of floating-point sums, so 1e-12 relative leaves room for rounding only.
  const auto fx = descent::testing::load_fixture("aggarwal03_tuning.json");
  TuningProblem problem;
  problem.x = descent::testing::to_matrix(fx["x"]);
  problem.labels = descent::testing::to_labels(fx["labels"]);
  problem.x_valid = descent::testing::to_matrix(fx["x_valid"]);
  problem.labels_valid = descent::testing::to_labels(fx["labels_valid"]);
  problem.start.layers.push_back({descent::testing::to_matrix(fx["W1"]),
                                  descent::testing::to_vector(fx["b1"]),
                                  descent::nn::Activation::tanh});
  problem.start.layers.push_back({descent::testing::to_matrix(fx["W2"]),
                                  descent::testing::to_vector(fx["b2"]),
                                  descent::nn::Activation::identity});
  problem.epochs = fx["epochs"].get<std::size_t>();
  REQUIRE(fx["cases"].size() == 4);
  for (const auto& c : fx["cases"]) {
    const double alpha = c["alpha"], lambda = c["lambda"];
    CAPTURE(alpha);
    CAPTURE(lambda);
    const auto o = train_trial(problem, alpha, lambda);
    CHECK_FALSE(o.diverged);
    const double v = c["validation_loss"], t = c["train_loss"];
    CHECK(std::fabs(o.validation_loss - v) <= 1e-12 * v);
    CHECK(std::fabs(o.train_loss - t) <= 1e-12 * t);
  }
  // The regularization matters: the same α with λ = 0.5 ends elsewhere than with λ = 0.
  CHECK(train_trial(problem, 0.1, 0.5).validation_loss !=
        doctest::Approx(train_trial(problem, 0.1, 0).validation_loss).epsilon(1e-3));
}

TEST_CASE("aggarwal03 section-3.3.1: P(alpha < 0.01) is 1/2 log-uniform, 1/11 uniform") {
  // Closed forms (catalogue A20) over the book's α in [0.001, 0.1]: log₁₀ α uniform on [−3, −1]
  // puts half its mass below −2; α uniform puts (0.01 − 0.001)/(0.1 − 0.001) = 1/11 there.
  CHECK(p_below_log_uniform(0.001, 0.1, 0.01) == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(std::fabs(p_below_uniform(0.001, 0.1, 0.01) - 0.0909090909091) < 1e-12);
  CHECK(p_below_log_uniform(1e-5, 1, 1e-4) == doctest::Approx(0.2).epsilon(1e-14));
  const auto r = compute(item(), quick({}));
  CHECK(r.value("p_log_uniform") == doctest::Approx(0.5).epsilon(1e-15));
  CHECK(std::fabs(r.value("p_uniform") - 1.0 / 11) < 1e-15);
  // Measured over 10⁵ draws: the standard error is at most 0.0016; the catalogue's ±0.01.
  const auto big = compute(item(), quick({"samples=100000"}));
  CHECK(std::fabs(big.value("p_log_uniform_measured") - 0.5) < 0.01);
  CHECK(std::fabs(big.value("p_uniform_measured") - 1.0 / 11) < 0.01);
  // Another threshold: P(α < 0.0316...) = 3/4 log-uniform.
  const auto q = compute(item(), quick({"threshold=0.031622776601683794", "samples=100000"}));
  CHECK(q.value("p_log_uniform") == doctest::Approx(0.75).epsilon(1e-12));
  CHECK(std::fabs(q.value("p_log_uniform_measured") - 0.75) < 0.01);
}

TEST_CASE("aggarwal03 section-3.3.1: the grid has k^h points") {
  CHECK(grid_size({10, 10, 10, 10, 10}) == 100000);  // the book's 10⁵
  CHECK(grid_size({3, 4, 5}) == 60);
  const Box box{{0, -1, 2}, {1, 1, 3}};
  const auto pts = grid_points(box, 4);
  CHECK(pts.size() == 64);
  // every point distinct, every coordinate one of the axis' 4 values
  auto sorted = pts;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::unique(sorted.begin(), sorted.end()) == sorted.end());
  const auto r = compute(item(), quick({}));
  CHECK(r.value("grid_runs_book") == 100000);
  const auto t = compute(item(), quick({"hyperparameters=3", "values=4", "budget=30"}));
  CHECK(t.value("grid_runs_book") == 64);
  CHECK(t.value("grid_runs") == 25);  // the largest k × k within 30
  CHECK(t.table("grid search").rows.size() == 25);
  CHECK(t.table("random search").rows.size() == 30);
}

TEST_CASE("aggarwal03 section-3.3.1: random search tries more values of each hyperparameter") {
  // Bergstra and Bengio's point, the book's reference [37]: with the same budget B, a grid
  // tries ⌊√B⌋ values of α and of λ, random points B of each (almost surely all different).
  for (int budget : {4, 9, 20, 36})
    for (int seed : {1, 2}) {
      CAPTURE(budget);
      CAPTURE(seed);
      const auto r = compute(item(), quick({"budget=" + std::to_string(budget),
                                            "seed=" + std::to_string(seed), "rounds=1"}));
      const double k = std::floor(std::sqrt(double(budget)));
      CHECK(r.value("grid_distinct_alpha") == k);
      CHECK(r.value("grid_distinct_lambda") == k);
      CHECK(r.value("random_distinct_alpha") == budget);
      CHECK(r.value("random_distinct_lambda") == budget);
      CHECK(r.value("random_trainings") == budget);
      CHECK(r.value("grid_trainings") <= budget);
      CHECK(r.value("random_distinct_alpha") > r.value("grid_distinct_alpha"));
      // every random point inside the box (log₁₀ α in [−3, 0], log₁₀ λ in [−5, 0])
      const auto& s = r.find_series("random");
      for (const auto& row : s.rows) {
        CHECK(row[0] >= -3);
        CHECK(row[0] <= 0);
        CHECK(row[1] >= -5);
        CHECK(row[1] <= 0);
      }
    }
}

TEST_CASE("aggarwal03 section-3.3.1: the searches at the defaults") {
  const auto r = compute(item());
  const auto again = compute(item());
  // deterministic: one fixed initialization, data and seed
  CHECK(r.value("random_best_loss") == again.value("random_best_loss"));
  CHECK(r.value("coarse_to_fine_best_loss") == again.value("coarse_to_fine_best_loss"));
  CHECK(r.status.empty());  // no run diverged at the default ranges
  // Each search's best is the least loss of its table, and is below the grid's median.
  auto least = [&](const std::string& table) {
    const auto& t = r.table(table);
    double m = INFINITY;
    for (std::size_t i = 0; i < t.rows.size(); ++i) m = std::min(m, cell(t, i, "validation loss"));
    return m;
  };
  CHECK(r.value("grid_best_loss") == least("grid search"));
  CHECK(r.value("random_best_loss") == least("random search"));
  double fine = INFINITY;
  for (int round = 1; round <= 4; ++round)
    fine = std::min(fine, least("coarse-to-fine round " + std::to_string(round)));
  CHECK(r.value("coarse_to_fine_best_loss") == fine);
  for (const char* s : {"grid", "random", "coarse_to_fine"}) {
    CAPTURE(s);
    CHECK(r.value(std::string(s) + "_best_loss") < r.value("grid_median_loss"));
  }
  // Coarse to fine never loses what it found: the best so far falls round by round, and the
  // last rounds' points lie in the zoomed box of panel (b).
  const auto& path = r.find_series("best_path");
  REQUIRE(path.rows.size() == 4);
  for (std::size_t i = 1; i < path.rows.size(); ++i) CHECK(path.rows[i][3] <= path.rows[i - 1][3]);
  CHECK(path.rows.back()[3] == r.value("coarse_to_fine_best_loss"));
  const auto& zoom = r.figures.at(0).panels.at(1).zoom;
  REQUIRE(zoom.has_value());
  for (int round = 2; round <= 4; ++round)
    for (const auto& row : r.find_series("round_" + std::to_string(round)).rows) {
      CHECK(row[0] >= zoom->xrange.first);
      CHECK(row[0] <= zoom->xrange.second);
      CHECK(row[1] >= zoom->yrange.first);
      CHECK(row[1] <= zoom->yrange.second);
    }
  // The map: 9 × 9 points over the box, α outer, each loss the one a run at that point gives.
  const auto& map = r.find_series("surface");
  REQUIRE(map.rows.size() == 81);
  CHECK(map.rows.front()[0] == -3);
  CHECK(map.rows.front()[1] == -5);
  CHECK(map.rows.back()[0] == 0);
  CHECK(map.rows.back()[1] == 0);
  CHECK(map.rows[1][0] == -3);  // λ varies fastest
  // the grid's corner (α, λ) = (0.001, 1e-5) is also the map's first point: the same run
  CHECK(map.rows.front()[2] == cell(r.table("grid search"), 0, "validation loss"));
}

TEST_CASE("aggarwal03 section-3.3.1: coarse-to-fine boxes shrink around the best point") {
  const Box box{{-3, -5}, {0, 0}};
  const Box next = shrink_around(box, {-1, -4.5}, 0.5);
  CHECK(next.lo[0] == doctest::Approx(-1.75));
  CHECK(next.hi[0] == doctest::Approx(-0.25));
  CHECK(next.lo[1] == doctest::Approx(-5.75));  // not clipped: beyond the edge of the range
  CHECK(next.hi[1] == doctest::Approx(-3.25));
  CHECK(distinct({1, 2, 2, 3, 1}) == 3);
}

TEST_CASE("aggarwal03 section-3.3.1: bad combinations are refused, diverged runs are said") {
  // Each refusal happens before any training: a bound on the product of the sizes, a budget
  // too small for the rounds, an empty range, a threshold outside the book's range.
  CHECK_THROWS_AS(compute(item(), {"epochs=20000"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"budget=12", "rounds=4"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"alpha=0.1,0.01"}), descent::invalid_argument);
  CHECK_THROWS_AS(compute(item(), {"threshold=0.5"}), descent::invalid_argument);
  // Learning rates up to 100 make some runs diverge: the status counts them, their losses are
  // +inf where the item declared non-finite numbers may be, and every search still has a best.
  const auto r = compute(item(), {"alpha=0.001,100", "surface=4"});
  CHECK(r.status.find("diverged") != std::string::npos);
  CHECK(descent::report::first_non_finite(r).empty());
  CHECK(std::isfinite(r.value("grid_best_loss")));
  CHECK(std::isfinite(r.value("random_best_loss")));
}
