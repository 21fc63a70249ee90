// Exercise notes02/unbiased_gradient (Exercise 2.3): E_π[∇l_I(θ)] = ∇L_N(θ). References: numpy on
// the notes' N = 8 regression (tests/reference/generate_exercises.py), the closed-form gradient
// of least squares on data sets the test draws, and exact enumeration of mini-batches. Compiled
// against the stub (every case must fail) and the solution (every case must pass).

#include "unbiased_gradient.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "descent/core/random.hpp"
#include "exercise_checks.hpp"
#include "exercise_fixtures.hpp"

namespace unbiased_gradient_test {

using descent::vector;
using descent::exercises::expected_sample_gradient;
using descent::exercises::full_gradient;
using descent::exercises::minibatch_estimate;
using descent::exercises::monte_carlo_mean;
using descent::exercises::RegressionData;
using descent::exercises::sample_gradient;
using descent::testing::check_all_close;

const descent::testing::ExerciseFixture kFixture("notes02/unbiased_gradient");

// The notes' data (catalogue N7): x_i = −1 + 2(i − 1)/7, y_i = 1 + 2x_i + 0.1(−1)^i, i = 1..8.
RegressionData notes_data() {
  return {kFixture.numbers("x"), kFixture.numbers("y")};
}

// A random data set of n points.
RegressionData random_data(std::size_t n, descent::Rng& rng) {
  RegressionData d;
  for (std::size_t i = 0; i < n; ++i) {
    d.x.push_back(rng.uniform(-2, 2));
    d.y.push_back(rng.normal(1, 2));
  }
  return d;
}

// The gradient of Σ ½(y_i − θ₀ − θ₁x_i)² in closed form: (Σ r_i, Σ r_i x_i), r_i = θ₀ + θ₁x_i −
// y_i.
vector least_squares_gradient(const RegressionData& d, const vector& theta) {
  double g0 = 0, g1 = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) {
    const double r = theta(0) + theta(1) * d.x[i] - d.y[i];
    g0 += r;
    g1 += r * d.x[i];
  }
  return vector{g0, g1};
}

TEST_CASE("full_gradient on the notes' data equals numpy's at two points") {
  const auto data = notes_data();
  check_all_close("grad L_N(0, 0)", full_gradient(data, vector{0, 0}),
                  kFixture.numbers("full_gradient_at_0"), 1e-13);
  check_all_close("grad L_N(0.5, 1.5)", full_gradient(data, vector{0.5, 1.5}),
                  kFixture.numbers("full_gradient_at_0.5,1.5"), 1e-13);
}

TEST_CASE("sample_gradient: N grad L(y_i, f(x_i)) (2.5) for every sample, as numpy") {
  const auto data = notes_data();
  for (std::size_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    check_all_close("grad l_i(0, 0)", sample_gradient(data, vector{0, 0}, i),
                    kFixture.numbers("scaled_sample_gradients_at_0/" + std::to_string(i)), 1e-13);
  }
}

TEST_CASE("expected_sample_gradient equals grad L_N: the estimator is unbiased (the exercise)") {
  descent::Rng rng(41);
  for (int trial = 0; trial < 20; ++trial) {
    CAPTURE(trial);
    const auto data = random_data(3 + static_cast<std::size_t>(trial), rng);
    const vector theta{rng.normal(0, 2), rng.normal(0, 2)};
    check_all_close("E[grad l_I]", expected_sample_gradient(data, theta),
                    least_squares_gradient(data, theta), 1e-12);
  }
}

TEST_CASE("monte_carlo_mean of 100000 draws lies within 3 sigma/sqrt(K) of grad L_N") {
  const auto data = notes_data();
  descent::Rng rng(5489);
  const std::size_t draws = 100000;
  const vector mean = monte_carlo_mean(data, vector{0, 0}, draws, rng);
  REQUIRE(mean.size() == 2);
  const auto truth = kFixture.numbers("full_gradient_at_0");
  const auto sd = kFixture.numbers("population_sd_at_0");  // of N∇L_i
  for (std::size_t j = 0; j < 2; ++j) {
    CAPTURE(j);
    CAPTURE(mean(j));
    CHECK(std::fabs(mean(j) - truth[j]) <= 3 * sd[j] / std::sqrt(double(draws)));
  }
  // and it is a sample, not the exact mean: the draws differ from one seed to another
  descent::Rng other(1);
  CHECK(monte_carlo_mean(data, vector{0, 0}, draws, other)(0) != mean(0));
}

TEST_CASE("minibatch_estimate is unbiased: its mean over all |B|-subsets is grad L_N") {
  descent::Rng rng(42);
  const auto data = random_data(8, rng);
  const vector theta{0.3, -1.1};
  const vector truth = least_squares_gradient(data, theta);
  for (std::size_t size = 1; size <= 8; ++size) {
    CAPTURE(size);
    // every subset of {0..7} with `size` elements, equally likely
    std::vector<double> sum(2, 0.0);
    int subsets = 0;
    for (unsigned mask = 0; mask < 256; ++mask) {
      if (static_cast<std::size_t>(__builtin_popcount(mask)) != size) continue;
      std::vector<std::size_t> batch;
      for (std::size_t i = 0; i < 8; ++i)
        if (mask & (1u << i)) batch.push_back(i);
      const vector estimate = minibatch_estimate(data, theta, batch);
      sum[0] += estimate(0);
      sum[1] += estimate(1);
      ++subsets;
    }
    check_all_close("E[grad l_B]", std::vector<double>{sum[0] / subsets, sum[1] / subsets}, truth,
                    1e-12);
  }
}

}  // namespace unbiased_gradient_test
