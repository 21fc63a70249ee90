// Exercise aggarwal03/batch_norm_backward: the backward pass of batch normalization (Aggarwal
// §3.6). Compiled against the stub (every case must fail) and against the solution (every case
// must pass).

#include "batch_norm_backward.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "exercise_checks.hpp"
#include "exercise_tensors.hpp"

using descent::matrix;
using descent::vector;
using descent::exercises::batch_norm_backward;
using descent::testing::check_all_close;
using descent::testing::fixture_matrix;
using descent::testing::fixture_vector;

namespace batch_norm_backward_test {

// The forward pass (3.58)–(3.61), to differentiate numerically: L = Σ upstream ⊙ a.
double loss(const matrix& v, const vector& gamma, const vector& beta, double eps,
            const matrix& up) {
  double total = 0;
  for (std::size_t i = 0; i < v.shape(1); ++i) {
    double mu = 0, var = 0;
    for (std::size_t r = 0; r < v.shape(0); ++r) mu += v(r, i) / double(v.shape(0));
    for (std::size_t r = 0; r < v.shape(0); ++r)
      var += (v(r, i) - mu) * (v(r, i) - mu) / double(v.shape(0));
    for (std::size_t r = 0; r < v.shape(0); ++r)
      total += up(r, i) * (gamma(i) * (v(r, i) - mu) / std::sqrt(var + eps) + beta(i));
  }
  return total;
}

const char* const kFixture = "nn_batch_norm.json";

descent::exercises::BatchNormGradients of_fixture_batch(const std::string& name) {
  return batch_norm_backward(fixture_matrix(kFixture, "/" + name + "/batch"),
                             fixture_vector(kFixture, "/" + name + "/gamma"),
                             descent::testing::fixture_number(kFixture, "/" + name + "/eps"),
                             fixture_matrix(kFixture, "/" + name + "/upstream"));
}

TEST_CASE("batch_norm_backward: dL/dv, dL/dgamma, dL/dbeta equal PyTorch's autograd") {
  for (const std::string name : {"eps_1e-5", "eps_0.5", "batch_3x2"}) {
    CAPTURE(name);
    const auto g = of_fixture_batch(name);
    // Float64 against float64 autograd on O(1) values: 1e-12.
    check_all_close("dL/dv", g.v, fixture_matrix(kFixture, "/" + name + "/grad_v"), 1e-12);
    check_all_close("dL/dgamma", g.gamma, fixture_vector(kFixture, "/" + name + "/grad_gamma"),
                    1e-12);
    check_all_close("dL/dbeta", g.beta, fixture_vector(kFixture, "/" + name + "/grad_beta"), 1e-12);
  }
}

TEST_CASE("batch_norm_backward: dL/dv equals central differences of the forward pass") {
  const matrix v{
      {0.3, -1.2, 2.0}, {1.7, 0.4, -0.5}, {-0.9, 2.2, 0.1}, {0.5, -0.3, 1.4}, {2.5, 1.1, -2.0}};
  const matrix up{
      {0.2, -0.4, 1.0}, {-1.3, 0.7, 0.3}, {0.6, 0.1, -0.8}, {0.9, -1.1, 0.2}, {-0.5, 0.8, 0.4}};
  const vector gamma{0.5, -1.2, 2.0}, beta{0.1, 0.0, -0.3};
  const double eps = 1e-5, h = 1e-6;
  const auto g = batch_norm_backward(v, gamma, eps, up);
  REQUIRE(g.v.size() == v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    matrix plus = v, minus = v;
    plus.flat(i) += h;
    minus.flat(i) -= h;
    const double numeric =
        (loss(plus, gamma, beta, eps, up) - loss(minus, gamma, beta, eps, up)) / (2 * h);
    CAPTURE(i);
    // central differences with h = 1e-6: error ~1e-10 on O(1) values
    CHECK(g.v.flat(i) == doctest::Approx(numeric).epsilon(1e-7));
  }
}

TEST_CASE("batch_norm_backward: the gradient of v sums to zero in each column") {
  // L is invariant to shifting a column (μ absorbs it), so Σ_r ∂L/∂v^(r) = 0.
  const matrix v{{1, 10}, {2, -5}, {6, 0}, {4, 4}};
  const matrix up{{1, 0.5}, {-1, 0.25}, {0.5, -2}, {0.3, 0.3}};
  const auto g = batch_norm_backward(v, vector{1.5, -0.5}, 1e-5, up);
  REQUIRE(g.v.shape(0) == 4);
  for (std::size_t i = 0; i < 2; ++i) {
    double column_sum = 0;
    for (std::size_t r = 0; r < 4; ++r) column_sum += g.v(r, i);
    CAPTURE(i);
    CHECK(column_sum == doctest::Approx(0).epsilon(1e-12));
  }
}

}  // namespace batch_norm_backward_test
