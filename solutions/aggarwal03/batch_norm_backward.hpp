#pragma once
/// \file
/// Solution of the exercise aggarwal03/batch_norm_backward (Aggarwal §3.6, Eqs. 3.62–3.65).
///
/// The reference solution: look only once `scripts/exercises check batch_norm_backward` passes.

#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// What batch_norm_backward returns: the gradients of L with respect to the batch and to γ, β.
struct BatchNormGradients {
  matrix v;
  vector gamma;
  vector beta;
};

inline BatchNormGradients batch_norm_backward(const matrix& v, const vector& gamma, double eps,
                                              const matrix& grad_a) {
  const std::size_t m = v.shape(0), d = v.shape(1);
  BatchNormGradients g{matrix::from_shape({m, d}), xt::zeros<double>({d}), xt::zeros<double>({d})};
  for (std::size_t i = 0; i < d; ++i) {
    double mu = 0;
    for (std::size_t r = 0; r < m; ++r) mu += v(r, i) / double(m);
    double var = 0;
    for (std::size_t r = 0; r < m; ++r) var += (v(r, i) - mu) * (v(r, i) - mu) / double(m);
    const double sigma = std::sqrt(var + eps);
    for (std::size_t r = 0; r < m; ++r) {
      const double v_hat = (v(r, i) - mu) / sigma;
      g.beta(i) += grad_a(r, i);
      g.gamma(i) += grad_a(r, i) * v_hat;
    }
    for (std::size_t r = 0; r < m; ++r) {
      const double v_hat = (v(r, i) - mu) / sigma;
      g.v(r, i) = gamma(i) / (double(m) * sigma) *
                  (double(m) * grad_a(r, i) - g.beta(i) - v_hat * g.gamma(i));
    }
  }
  return g;
}

}  // namespace descent::exercises
