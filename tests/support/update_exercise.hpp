#pragma once
// The shared harness of the "write the update" exercises (tests/exercises/medl04/
// *_update_test.cpp): a student's update rule is stepped from the fixture's θ₀ on
// C = ½ Σ λᵢθᵢ² and compared step by step with the stored iterates of
// tests/reference/fixtures/optim_first_order.json (torch or numpy, per rule).

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "exercise_fixtures.hpp"

namespace descent::testing::update_exercise {

inline const char* const kFixture = "optim_first_order.json";

/// ∇C(θ) = λ ⊙ θ.
inline std::vector<double> gradient(const std::vector<double>& theta) {
  static const auto lambda = fixture_numbers(kFixture, "/exercises/lambda");
  std::vector<double> g(theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) g[i] = lambda[i] * theta[i];
  return g;
}

/// A rule's hyper-parameters as the fixture stores them: `p("alpha")`.
struct Params {
  std::string rule;
  double operator()(const std::string& name) const {
    return fixture_number(kFixture, "/exercises/rules/" + rule + "/params/" + name);
  }
};

/// θ after each of `steps` calls of `update(theta, params)`, from the fixture's θ₀; the
/// caller's lambda holds the rule's state, so it is carried between steps.
template <class Update>
std::vector<std::vector<double>> run(const std::string& rule, int steps, Update update) {
  const Params params{rule};
  auto theta = fixture_numbers(kFixture, "/exercises/theta0");
  std::vector<std::vector<double>> out;
  for (int t = 0; t < steps; ++t) {
    update(theta, params);
    out.push_back(theta);
  }
  return out;
}

/// Compares θ after step t with the stored iterate. The reference does the same arithmetic
/// in another order (torch) or the same order (numpy): a few ulps per step, so 1e-12
/// relative (CS231n's checks use ~1e-7).
inline void check_step(const std::string& rule, const std::vector<double>& got, int t) {
  const auto expected =
      fixture_numbers(kFixture, "/exercises/rules/" + rule + "/theta/" + std::to_string(t));
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i] == doctest::Approx(expected[i]).epsilon(1e-12));
  }
}

}  // namespace descent::testing::update_exercise
