#pragma once
/// \file
/// Exercise (Aggarwal §3.6): the backward pass of batch normalization in training mode.
///
/// Fill in the function below, then run
///
///     cmake --build build --target exercise-aggarwal03-batch_norm_backward
///
/// The tests compare your gradients with PyTorch's autograd and with a numerical gradient
/// (central differences, as in CS231n's assignment).

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

struct BatchNormGradients {
  matrix v;      ///< ∂L/∂v, m × d
  vector gamma;  ///< ∂L/∂γ, d
  vector beta;   ///< ∂L/∂β, d
};

/// The forward pass was, for each column i of the m × d batch `v`:
///   μ = Σ_r v^(r)/m (3.58), σ² = Σ_r (v^(r) − μ)²/m + ε (3.59: ε inside σ²),
///   v̂ = (v − μ)/σ (3.60), a = γ v̂ + β (3.61).
/// Given `grad_a` = ∂L/∂a (m × d), return ∂L/∂v, ∂L/∂γ and ∂L/∂β.
///
/// TODO: ∂L/∂β and ∂L/∂γ are sums over the batch. For ∂L/∂v, go through ∂L/∂v̂ = γ ∂L/∂a
/// (3.64), ∂L/∂σ² and ∂L/∂μ, then Eq. 3.62.
/// Hint: μ and σ² depend on every row, so every v^(r) receives three contributions. Once it
/// works, simplify: it collapses to γ/(mσ) [m ∂L/∂a − Σ∂L/∂a − v̂ Σ(∂L/∂a ⊙ v̂)].
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
