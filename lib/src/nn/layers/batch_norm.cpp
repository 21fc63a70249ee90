#include "descent/nn/layers/batch_norm.hpp"

#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/linalg.hpp"

namespace descent::nn {

void column_moments(const matrix& v, VarianceEstimator variance, vector& mean, vector& var) {
  const std::size_t m = v.shape(0), d = v.shape(1);
  const std::size_t divisor = variance == VarianceEstimator::biased ? m : m - 1;
  if (m == 0 || divisor == 0)
    throw invalid_argument(
        "batch norm: a batch of " + std::to_string(m) + " rows has no " +
        (variance == VarianceEstimator::biased ? "" : "unbiased ") +
        "variance; allowed: m >= " + (variance == VarianceEstimator::biased ? "1" : "2"));
  mean = xt::zeros<double>({d});
  var = xt::zeros<double>({d});
  for (std::size_t i = 0; i < d; ++i) {
    double s = 0;
    for (std::size_t r = 0; r < m; ++r) s += v(r, i);
    mean(i) = s / double(m);  // Eq. 3.58
    double q = 0;
    for (std::size_t r = 0; r < m; ++r) q += (v(r, i) - mean(i)) * (v(r, i) - mean(i));
    var(i) = q / double(divisor);
  }
}

BatchNorm::BatchNorm(std::size_t d, double eps_, double momentum_)
    : gamma(xt::ones<double>({d})),
      beta(xt::zeros<double>({d})),
      eps(eps_),
      momentum(momentum_),
      running_mean(xt::zeros<double>({d})),
      running_var(xt::ones<double>({d})) {
  require("eps", eps, Interval::greater_than(0));
  require("momentum", momentum, Interval{0, 1, true, false});
}

matrix BatchNorm::forward_train(const matrix& v, BatchNormCache& c) const {
  if (v.shape(1) != gamma.size())
    throw invalid_argument("batch norm: the batch is " + shape_string(v) + " but there are " +
                           shape_string(gamma) +
                           " features; allowed: " + std::to_string(gamma.size()) + " columns");
  c.v = v;
  column_moments(v, VarianceEstimator::biased, c.mu, c.sigma2);
  c.sigma2 += eps;  // Eq. 3.59: ε is part of σ²
  c.sigma = xt::sqrt(c.sigma2);
  c.v_hat = matrix(v.shape());
  matrix a(v.shape());
  for (std::size_t r = 0; r < v.shape(0); ++r)
    for (std::size_t i = 0; i < v.shape(1); ++i) {
      c.v_hat(r, i) = (v(r, i) - c.mu(i)) / c.sigma(i);  // Eq. 3.60
      a(r, i) = gamma(i) * c.v_hat(r, i) + beta(i);      // Eq. 3.61
    }
  return a;
}

namespace {
void gamma_beta(const BatchNormCache& c, const matrix& grad_a, BatchNormGrads& g) {
  const std::size_t m = grad_a.shape(0), d = grad_a.shape(1);
  g.gamma = xt::zeros<double>({d});
  g.beta = xt::zeros<double>({d});
  for (std::size_t r = 0; r < m; ++r)
    for (std::size_t i = 0; i < d; ++i) {
      g.beta(i) += grad_a(r, i);
      g.gamma(i) += grad_a(r, i) * c.v_hat(r, i);
    }
}
void require_shape(const BatchNormCache& c, const matrix& grad_a) {
  if (grad_a.shape() != c.v.shape())
    throw invalid_argument("batch norm backward: dL/da is " + shape_string(grad_a) +
                           ", the batch " + shape_string(c.v) + "; allowed: equal shapes");
}
}  // namespace

//! [batch-norm-book]
BatchNormGrads BatchNorm::backward_book(const BatchNormCache& c, const matrix& grad_a) const {
  require_shape(c, grad_a);
  const std::size_t m = grad_a.shape(0), d = grad_a.shape(1);
  const double md = double(m);
  BatchNormGrads g;
  gamma_beta(c, grad_a, g);
  g.d_sigma2 = xt::zeros<double>({d});
  g.d_mu = xt::zeros<double>({d});
  g.d_mu_second_term = xt::zeros<double>({d});
  g.v = matrix(grad_a.shape());
  for (std::size_t i = 0; i < d; ++i) {
    const double s = c.sigma(i);
    double sum_g = 0, sum_gc = 0, sum_c = 0;
    for (std::size_t r = 0; r < m; ++r) {
      const double dv_hat = gamma(i) * grad_a(r, i);  // Eq. 3.64
      sum_g += dv_hat;
      sum_gc += dv_hat * (c.v(r, i) - c.mu(i));
      sum_c += c.v(r, i) - c.mu(i);
    }
    // ∂L/∂σ² = −(1/(2σ³)) Σ_q ∂L/∂v̂ (v − μ)
    g.d_sigma2(i) = -sum_gc / (2 * s * s * s);
    // ∂L/∂μ = −(1/σ) Σ_q ∂L/∂v̂ − 2 ∂L/∂σ² Σ_q (v − μ)/m; the second term is 0 (T30)
    g.d_mu_second_term(i) = -2 * g.d_sigma2(i) * sum_c / md;
    g.d_mu(i) = -sum_g / s + g.d_mu_second_term(i);
    for (std::size_t r = 0; r < m; ++r)  // Eqs. 3.62/3.63
      g.v(r, i) = gamma(i) * grad_a(r, i) / s + g.d_mu(i) / md +
                  g.d_sigma2(i) * 2 * (c.v(r, i) - c.mu(i)) / md;
  }
  return g;
}
//! [batch-norm-book]

//! [batch-norm-compact]
BatchNormGrads BatchNorm::backward_compact(const BatchNormCache& c, const matrix& grad_a) const {
  require_shape(c, grad_a);
  const std::size_t m = grad_a.shape(0), d = grad_a.shape(1);
  BatchNormGrads g;
  gamma_beta(c, grad_a, g);  // Σ ∂L/∂a and Σ ∂L/∂a v̂ are exactly ∂L/∂β and ∂L/∂γ
  g.v = matrix(grad_a.shape());
  for (std::size_t i = 0; i < d; ++i) {
    const double scale = gamma(i) / (double(m) * c.sigma(i));
    for (std::size_t r = 0; r < m; ++r)
      g.v(r, i) = scale * (double(m) * grad_a(r, i) - g.beta(i) - c.v_hat(r, i) * g.gamma(i));
  }
  return g;
}
//! [batch-norm-compact]

void BatchNorm::update_running(const matrix& v, VarianceEstimator variance) {
  vector mean, var;
  column_moments(v, variance, mean, var);
  running_mean = (1 - momentum) * running_mean + momentum * mean;
  running_var = (1 - momentum) * running_var + momentum * var;
}

void BatchNorm::set_population(const matrix& population, VarianceEstimator variance) {
  column_moments(population, variance, running_mean, running_var);
}

matrix BatchNorm::forward_inference(const matrix& v) const {
  if (v.shape(1) != gamma.size())
    throw invalid_argument("batch norm: the batch is " + shape_string(v) + " but there are " +
                           shape_string(gamma) + " features");
  matrix a(v.shape());
  for (std::size_t i = 0; i < v.shape(1); ++i) {
    const double scale = gamma(i) / std::sqrt(running_var(i) + eps);
    for (std::size_t r = 0; r < v.shape(0); ++r)
      a(r, i) = scale * (v(r, i) - running_mean(i)) + beta(i);
  }
  return a;
}

}  // namespace descent::nn
