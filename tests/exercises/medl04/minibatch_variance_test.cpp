// Exercise medl04/minibatch_variance (MEDL (4.13), suggested exercise E11). References: the
// exact finite-population variances of the catalogue's C15 (numpy, tests/reference/
// generate_exercises.py), the mean ∇C = (20, 9.2), and the law Var ∝ 1/n_b. Compiled against the
// stub (every case must fail) and the solution (every case must pass).

#include "minibatch_variance.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "descent/core/random.hpp"
#include "exercise_checks.hpp"
#include "exercise_fixtures.hpp"

namespace minibatch_variance_test {

using descent::exercises::exact_minibatch_variance;
using descent::exercises::minibatch_mean;
using descent::exercises::monte_carlo_moments;
using descent::testing::check_all_close;

const descent::testing::ExerciseFixture kFixture("medl04/minibatch_variance");

// ∇C_i(θ) of (4.12), C_i = a_i(θ1 − u_i1)² + (θ2 − u_i2)², at θ = (6, 6) (Figure 4.3(a)'s data):
// (10, 10), (16, 12), (18, 10), (16, 6), (40, 8).
std::vector<std::vector<double>> per_sample_gradients() {
  return kFixture.rows("per_sample");
}

TEST_CASE("exact_minibatch_variance: (107.2, 4.16)/n_b for n_b = 1, 2, 5, 10") {
  const auto g = per_sample_gradients();
  const auto sizes = kFixture.numbers("batch_sizes");
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    CAPTURE(sizes[k]);
    check_all_close("Var", exact_minibatch_variance(g, std::size_t(sizes[k])),
                    kFixture.numbers("variance/" + std::to_string(k)), 1e-13);
  }
}

TEST_CASE("minibatch_mean averages n_b gradients drawn with rng.below(n)") {
  const auto g = per_sample_gradients();
  descent::Rng rng(131), replay(131);
  for (std::size_t n_b : {1, 3, 7}) {
    CAPTURE(n_b);
    std::vector<double> expected(2, 0.0);
    for (std::size_t k = 0; k < n_b; ++k) {
      const auto& drawn = g[replay.below(5)];
      expected[0] += drawn[0] / double(n_b);
      expected[1] += drawn[1] / double(n_b);
    }
    check_all_close("estimate", minibatch_mean(g, n_b, rng), expected, 1e-14);
  }
}

TEST_CASE(
    "monte_carlo_moments: unbiased (mean within 0.2 of (20, 9.2)), variance within 3% of exact") {
  const auto g = per_sample_gradients();
  const auto sizes = kFixture.numbers("batch_sizes");
  const auto mean = kFixture.numbers("mean");  // ∇C(6, 6) = (20, 9.2)
  descent::Rng rng(132);
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    CAPTURE(sizes[k]);
    const auto m = monte_carlo_moments(g, std::size_t(sizes[k]), 100000, rng);
    const auto exact = kFixture.numbers("variance/" + std::to_string(k));
    REQUIRE(m.mean.size() == 2);
    REQUIRE(m.variance.size() == 2);
    for (std::size_t j = 0; j < 2; ++j) {
      CAPTURE(j);
      CAPTURE(m.mean[j]);
      CAPTURE(mean[j]);
      // 10⁵ draws: the standard error of the mean is below 0.033, 0.2 is six of them
      CHECK(std::fabs(m.mean[j] - mean[j]) <= 0.2);
      // and of a variance about 0.5% (these gradients are not far from normal): 3% is six
      CHECK(m.variance[j] == doctest::Approx(exact[j]).scale(0).epsilon(0.03));
    }
  }
}

}  // namespace minibatch_variance_test
