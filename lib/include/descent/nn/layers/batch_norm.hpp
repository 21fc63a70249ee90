#pragma once
/// \file
/// Batch normalization, Aggarwal §3.6, Eqs. 3.58–3.65, one example per row, one feature per
/// column.
///
/// Training mode uses the batch statistics with ε INSIDE the variance, σ² = Σ(v − μ)²/m + ε
/// (Eq. 3.59), and the biased 1/m variance: this is exactly PyTorch's training-mode
/// `F.batch_norm` (forward and backward agree to rounding,
/// tests/chapters/aggarwal03_s3_6_test.cpp).
///
/// Inference mode (the book only says "entire population … or an exponentially weighted
/// average") uses stored statistics, either the population of all training rows or an
/// exponential average; the variance is biased (1/m, as Eq. 3.59) or unbiased (1/(m − 1)).
/// PyTorch's choice is the exponential average with momentum 0.1 and the UNBIASED variance
/// (`running_var`), while it normalizes with the biased one in training.

#include <cstddef>

#include "descent/core/tensor.hpp"

namespace descent::nn {

/// Which variance the population statistics use: biased 1/m (as Eq. 3.59) or unbiased 1/(m − 1).
enum class VarianceEstimator { biased, unbiased };

/// What the forward pass of training mode keeps for the backward pass.
struct BatchNormCache {
  matrix v;       ///< the input batch, m × d
  vector mu;      ///< μ_i (Eq. 3.58)
  vector sigma2;  ///< σ_i² including ε (Eq. 3.59)
  vector sigma;   ///< σ_i = √σ_i²
  matrix v_hat;   ///< (v − μ)/σ (Eq. 3.60)
};

/// The gradients of one backward pass.
struct BatchNormGrads {
  matrix v;                 ///< ∂L/∂v^(r)
  vector gamma;             ///< ∂L/∂γ = Σ_r ∂L/∂a^(r) v̂^(r)
  vector beta;              ///< ∂L/∂β = Σ_r ∂L/∂a^(r)
  vector d_sigma2;          ///< ∂L/∂σ² (only from backward_book)
  vector d_mu;              ///< ∂L/∂μ (only from backward_book)
  vector d_mu_second_term;  ///< the term of ∂L/∂μ that Σ(v − μ) = 0 makes vanish (T30)
};

/// Batch normalization of d features (Aggarwal §3.6, Eqs. 3.58–3.64): a = γ (v − μ)/σ + β per
/// feature, with the batch's μ, σ in training and stored statistics in inference.
class BatchNorm {
 public:
  /// d features with γ = 1, β = 0. eps > 0 (the book: "a small value"; PyTorch 1e-5);
  /// momentum in (0, 1] is the weight of the new batch in the exponential average (PyTorch 0.1).
  explicit BatchNorm(std::size_t d, double eps = 1e-5, double momentum = 0.1);

  vector gamma;         ///< scale γ, d entries (Eq. 3.61)
  vector beta;          ///< shift β, d entries (Eq. 3.61)
  double eps;           ///< ε added to σ² (Eq. 3.59), > 0
  double momentum;      ///< weight of a new batch in the running averages, in (0, 1]
  vector running_mean;  ///< running mean per feature, for inference (starts at 0)
  vector running_var;   ///< running variance per feature, for inference (starts at 1)

  /// Training mode: a = γ v̂ + β (Eqs. 3.58–3.61). Fills `cache` for the backward pass.
  [[nodiscard]] matrix forward_train(const matrix& v, BatchNormCache& cache) const;

  /// Backward as the book derives it: ∂L/∂v̂ = γ ∂L/∂a (3.64), ∂L/∂σ², ∂L/∂μ, then
  /// ∂L/∂v = ∂L/∂v̂ /σ + ∂L/∂μ /m + ∂L/∂σ² · 2(v − μ)/m (3.62/3.63).
  [[nodiscard]] BatchNormGrads backward_book(const BatchNormCache& cache,
                                             const matrix& grad_a) const;

  /// The compact closed form ∂L/∂v = γ/(mσ) [m ∂L/∂a − Σ ∂L/∂a − v̂ Σ(∂L/∂a ⊙ v̂)].
  [[nodiscard]] BatchNormGrads backward_compact(const BatchNormCache& cache,
                                                const matrix& grad_a) const;

  /// running ← (1 − momentum) running + momentum · batch statistic (PyTorch's update).
  void update_running(const matrix& v, VarianceEstimator variance = VarianceEstimator::unbiased);

  /// Population statistics: mean and variance over all rows of `population`.
  void set_population(const matrix& population, VarianceEstimator variance);

  /// Inference mode: a = γ (v − running_mean)/√(running_var + ε) + β, a fixed linear map.
  [[nodiscard]] matrix forward_inference(const matrix& v) const;
};

/// The mean and variance of each column (1/m or 1/(m − 1)).
void column_moments(const matrix& v, VarianceEstimator variance, vector& mean, vector& var);

}  // namespace descent::nn
