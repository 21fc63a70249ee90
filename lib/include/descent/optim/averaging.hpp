#pragma once
/// \file
/// Polyak averaging, Aggarwal §3.5.7 (3.57): the average of the iterates, simple
/// (θ̄ = (1/T)Σθ⁽ᵗ⁾), exponential (θ̄ ← βθ̄ + (1−β)θ, θ̄⁽⁰⁾ = 0) and bias-corrected exponential
/// (θ̄/(1 − βᵀ), which equals the book's explicit weighted formula).

#include "descent/core/tensor.hpp"

namespace descent::optim {

/// Polyak averaging of the iterates (Aggarwal (3.57)): feed each θ⁽ᵗ⁾ to add(), read the
/// average θ̄ with value(). Keeps one running vector of the parameters' dimension.
class PolyakAverage {
 public:
  /// Which average: simple (1/T)Σθ⁽ᵗ⁾, exponential θ̄ ← βθ̄ + (1−β)θ from θ̄ = 0, or the
  /// exponential one divided by 1 − βᵀ (bias-corrected).
  enum class Kind { simple, exponential, bias_corrected };
  /// Throws descent::invalid_argument unless beta is in [0, 1).
  explicit PolyakAverage(Kind kind, double beta = 0.9);
  /// Adds the next iterate θ⁽ᵗ⁾ to the average (all iterates must have one dimension).
  void add(const vector& theta);
  /// The current average; throws std::logic_error before the first add().
  [[nodiscard]] vector value() const;
  /// Iterates added so far, T.
  [[nodiscard]] int count() const { return count_; }

 private:
  Kind kind_;
  double beta_;
  int count_ = 0;
  double beta_power_ = 1;  ///< βᵀ
  vector sum_;
};

}  // namespace descent::optim
