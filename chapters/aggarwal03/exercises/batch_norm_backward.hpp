#pragma once
/// \file
/// Exercise (Aggarwal §3.6): the backward pass of batch normalization in training mode.
///
/// The tests compare your gradients with PyTorch's autograd and with a numerical gradient (central
/// differences, as in CS231n's assignment).
///
/// Fill it in, then check it:
///
///     scripts/exercises check batch_norm_backward
///
/// Stuck? `scripts/exercises hint batch_norm_backward` gives a nudge first, then the equations.

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// What batch_norm_backward returns: the gradients of L with respect to the batch and to γ, β.
struct BatchNormGradients {
  matrix v;      ///< ∂L/∂v, m × d
  vector gamma;  ///< ∂L/∂γ, d
  vector beta;   ///< ∂L/∂β, d
};

/// The forward pass was, for each column i of the m × d batch `v`: μ = Σ_r v^(r)/m (3.58), σ² = Σ_r
/// (v^(r) − μ)²/m + ε (3.59: ε inside σ²), v̂ = (v − μ)/σ (3.60), a = γ v̂ + β (3.61). Given
/// `grad_a` = ∂L/∂a (m × d), return ∂L/∂v, ∂L/∂γ and ∂L/∂β.
///
/// TODO: ∂L/∂β and ∂L/∂γ (sums over the batch), then ∂L/∂v by Eqs. 3.62–3.65. (Errata: the book's
/// ∂L/∂μ has a garbled first line, and its second term is zero because Σ_r (v^(r) − μ) = 0.)
inline BatchNormGradients batch_norm_backward(const matrix& v, const vector& gamma, double eps,
                                              const matrix& grad_a) {
  (void)v;
  (void)gamma;
  (void)eps;
  (void)grad_a;
  throw descent::not_implemented(
      "batch_norm_backward in chapters/aggarwal03/exercises/batch_norm_backward.hpp");
}

}  // namespace descent::exercises
