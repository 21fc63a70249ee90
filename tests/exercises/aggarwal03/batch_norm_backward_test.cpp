// Exercise aggarwal03/batch_norm_backward. Compiled against the stub (every case must fail)
// and against the solution (every case must pass).

#include "batch_norm_backward.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "fixtures.hpp"

using descent::matrix;
using descent::vector;
using descent::exercises::batch_norm_backward;
using descent::testing::to_matrix;
using descent::testing::to_vector;

namespace {

// The forward pass, to differentiate numerically: L = Σ upstream ⊙ a.
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

}  // namespace

TEST_CASE("batch_norm_backward equals PyTorch's autograd on every fixture batch") {
  const auto fx = descent::testing::load_fixture("nn_batch_norm.json");
  for (const char* name : {"eps_1e-5", "eps_0.5", "batch_3x2"}) {
    CAPTURE(name);
    const auto& c = fx[name];
    const auto g = batch_norm_backward(to_matrix(c["batch"]), to_vector(c["gamma"]),
                                       c["eps"].get<double>(), to_matrix(c["upstream"]));
    const matrix gv = to_matrix(c["grad_v"]);
    // Float64 against float64 autograd on O(1) values: 1e-12.
    for (std::size_t i = 0; i < gv.size(); ++i) CHECK(std::fabs(g.v.flat(i) - gv.flat(i)) <= 1e-12);
    const vector gg = to_vector(c["grad_gamma"]), gb = to_vector(c["grad_beta"]);
    for (std::size_t i = 0; i < gg.size(); ++i) {
      CHECK(std::fabs(g.gamma(i) - gg(i)) <= 1e-12);
      CHECK(std::fabs(g.beta(i) - gb(i)) <= 1e-12);
    }
  }
}

TEST_CASE("batch_norm_backward passes a numerical gradient check (CS231n style)") {
  const matrix v{
      {0.3, -1.2, 2.0}, {1.7, 0.4, -0.5}, {-0.9, 2.2, 0.1}, {0.5, -0.3, 1.4}, {2.5, 1.1, -2.0}};
  const matrix up{
      {0.2, -0.4, 1.0}, {-1.3, 0.7, 0.3}, {0.6, 0.1, -0.8}, {0.9, -1.1, 0.2}, {-0.5, 0.8, 0.4}};
  const vector gamma{0.5, -1.2, 2.0}, beta{0.1, 0.0, -0.3};
  const double eps = 1e-5, h = 1e-6;
  const auto g = batch_norm_backward(v, gamma, eps, up);
  double worst = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    matrix plus = v, minus = v;
    plus.flat(i) += h;
    minus.flat(i) -= h;
    const double numeric =
        (loss(plus, gamma, beta, eps, up) - loss(minus, gamma, beta, eps, up)) / (2 * h);
    const double rel = std::fabs(numeric - g.v.flat(i)) /
                       std::max(1e-8, std::fabs(numeric) + std::fabs(g.v.flat(i)));
    worst = std::max(worst, rel);
  }
  CHECK(worst < 1e-6);  // Aggarwal §3.2.10's threshold for a correct gradient
}

TEST_CASE("batch_norm_backward: the gradient of v sums to zero in each column") {
  // L is invariant to shifting a column (μ absorbs it), so Σ_r ∂L/∂v^(r) = 0.
  const matrix v{{1, 10}, {2, -5}, {6, 0}, {4, 4}};
  const matrix up{{1, 0.5}, {-1, 0.25}, {0.5, -2}, {0.3, 0.3}};
  const auto g = batch_norm_backward(v, vector{1.5, -0.5}, 1e-5, up);
  for (std::size_t i = 0; i < 2; ++i) {
    double s = 0;
    for (std::size_t r = 0; r < 4; ++r) s += g.v(r, i);
    CHECK(std::fabs(s) <= 1e-12);
  }
}
