// Exercise notes02/linear_convergence (Exercise 2.2): gradient descent converges linearly near
// a minimum. References: closed forms, numpy runs (tests/reference/generate_exercises.py) and
// positive definite Hessians the test draws with eigenvalues it chooses. Compiled against the
// stub (every case must fail) and the solution (every case must pass).

#include "linear_convergence.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "descent/core/random.hpp"
#include "exercise_fixtures.hpp"
#include "random_matrices.hpp"

namespace linear_convergence_test {

using descent::matrix;
using descent::vector;
using descent::exercises::contraction_factor;
using descent::exercises::gradient_descent;
using descent::exercises::modes;
using descent::testing::minus;
using descent::testing::norm;
using descent::testing::plus;
using descent::testing::times;

const descent::testing::ExerciseFixture kFixture("notes02/linear_convergence");

TEST_CASE("contraction_factor: max |1 - eta lambda| for Lambda = diag(10, 1)") {
  // closed form: η = 0.05 → 0.95, 0.1 → 0.9, 0.19 → 0.9, 0.2 → 1 (mode 1 never shrinks), 0.21 → 1.1
  const vector lambda{10, 1};
  CHECK(contraction_factor(lambda, 0.05) == doctest::Approx(0.95).epsilon(1e-15));
  CHECK(contraction_factor(lambda, 0.1) == doctest::Approx(0.9).epsilon(1e-15));
  CHECK(contraction_factor(lambda, 0.19) == doctest::Approx(0.9).epsilon(1e-15));
  CHECK(contraction_factor(lambda, 0.2) == doctest::Approx(1.0).epsilon(1e-15));
  CHECK(contraction_factor(lambda, 0.21) == doctest::Approx(1.1).epsilon(1e-15));
}

TEST_CASE(
    "gradient_descent on 1/2 theta^T diag(10, 1) theta: |theta_100| as numpy, either side of "
    "2/lambda_1") {
  const auto etas = kFixture.numbers("etas");
  const auto expected = kFixture.numbers("norm_after_steps");
  const auto gradient = [](const vector& t) { return vector{10 * t(0), t(1)}; };
  for (std::size_t k = 0; k < etas.size(); ++k) {
    CAPTURE(etas[k]);
    const auto thetas = gradient_descent(gradient, vector{1, 1}, etas[k], 100);
    REQUIRE(thetas.size() == 101);  // θ_0 ... θ_100
    // numpy does the same arithmetic: rounding only
    CHECK(norm(thetas[100]) == doctest::Approx(expected[k]).epsilon(1e-12));
  }
}

TEST_CASE(
    "gradient_descent on random positive definite H: |theta_k - theta*| <= rho^k |theta_0 - "
    "theta*|") {
  descent::Rng rng(31);
  for (int trial = 0; trial < 10; ++trial) {
    CAPTURE(trial);
    const auto lambda = descent::testing::random_eigenvalues(5, 0.1, 4, rng);
    const matrix h = descent::testing::with_eigenvalues(lambda, rng);
    const vector star = rng.normal_vector(5), theta0 = rng.normal_vector(5);
    const double eta = rng.uniform(0.05, 0.45);  // below 2/λ₁ = 0.5
    double rho = 0;
    for (double l : lambda) rho = std::max(rho, std::fabs(1 - eta * l));
    const auto thetas = gradient_descent([&](const vector& t) { return times(h, minus(t, star)); },
                                         theta0, eta, 60);
    REQUIRE(thetas.size() == 61);
    for (std::size_t k = 0; k < thetas.size(); ++k) {
      CAPTURE(k);
      CHECK(norm(minus(thetas[k], star)) <=
            std::pow(rho, double(k)) * norm(minus(theta0, star)) * (1 + 1e-12));
    }
  }
}

TEST_CASE(
    "gradient_descent on e^theta - 2 theta, eta = 1/4: the error ratio tends to 1 - eta L''(ln 2) "
    "= 1/2") {
  // not a quadratic: linear convergence near θ* all the same, at the rate of the local model
  const auto errors = kFixture.numbers("exp_errors");  // numpy, k = 0..20
  const auto thetas = gradient_descent([](const vector& t) { return vector{std::exp(t(0)) - 2}; },
                                       vector{0.0}, 0.25, 20);
  REQUIRE(thetas.size() == 21);
  for (std::size_t k = 1; k <= 20; ++k) {
    CAPTURE(k);
    CHECK(std::fabs(thetas[k](0) - std::log(2.0)) == doctest::Approx(errors[k]).epsilon(1e-9));
  }
  const double ratio =
      std::fabs(thetas[20](0) - std::log(2.0)) / std::fabs(thetas[19](0) - std::log(2.0));
  CHECK(ratio == doctest::Approx(0.5).epsilon(1e-3));
}

TEST_CASE("modes: each mode of a GD run shrinks by exactly 1 - eta lambda_j per step") {
  descent::Rng rng(32);
  const std::vector<double> lambda{4, 2.5, 1, 0.2};  // decreasing, as the notes sort them
  const matrix h = descent::testing::with_eigenvalues(lambda, rng);
  const vector star = rng.normal_vector(4);
  const double eta = 0.3;
  // the iterates of (2.4) on the quadratic model, computed here
  std::vector<vector> thetas{rng.normal_vector(4)};
  for (int k = 0; k < 20; ++k)
    thetas.push_back(plus(thetas.back(), -eta, times(h, minus(thetas.back(), star))));
  const auto first = modes(h, star, thetas[0]);
  REQUIRE(first.lambda.size() == 4);
  for (std::size_t j = 0; j < 4; ++j) {
    CAPTURE(j);
    CHECK(first.lambda(j) == doctest::Approx(lambda[j]).epsilon(1e-12));
  }
  for (std::size_t k = 1; k < thetas.size(); ++k) {
    const auto now = modes(h, star, thetas[k]);
    for (std::size_t j = 0; j < 4; ++j) {
      CAPTURE(k);
      CAPTURE(j);
      CHECK(now.alpha(j) ==
            doctest::Approx(std::pow(1 - eta * lambda[j], double(k)) * first.alpha(j))
                .epsilon(1e-10));
    }
  }
}

}  // namespace linear_convergence_test
