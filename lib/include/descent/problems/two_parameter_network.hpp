#pragma once
/// \file
/// The two-parameter network of MEDL Figure 4.5: one sigmoid neuron per layer, no biases,
/// ŷ = f(x) = σ(w₂ σ(w₁ x)), θ = (w₁, w₂), trained on six points with the squared or the
/// binary cross-entropy loss. Its landscape over (w₁, w₂) is the figure: flat plateaus and
/// ridges for the squared loss, a smoother surface for cross entropy (MEDL §4.2).

#include <vector>

#include "descent/problems/objective.hpp"

namespace descent::problems {

/// C(w₁, w₂) of the network on data (x⁽ⁱ⁾, y⁽ⁱ⁾), with its gradient by the chain rule.
class TwoParameterNetwork final : public Objective {
 public:
  /// The per-sample loss Cᵢ: squared (ŷ − y)² or binary cross entropy −y log ŷ − (1 − y) log(1 −
  /// ŷ).
  enum class Loss { squared, cross_entropy };
  /// Whether C is the sum or the mean of the per-sample losses Cᵢ.
  enum class Reduction { sum, mean };

  /// x and y of the same length n >= 1, y in [0, 1].
  TwoParameterNetwork(std::vector<double> x, std::vector<double> y, Loss loss, Reduction reduction);
  /// The authors' Figure 4.5 (catalogue C17): x = (−3, −2, −1, 1, 2, 3), y = (1, 0, 0, 1, 1, 0),
  /// the squared loss summed over the six points and the cross entropy averaged, as in
  /// their figure code.
  static TwoParameterNetwork figure_4_5(Loss loss);

  [[nodiscard]] std::string name() const override;
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  /// ŷ = σ(w₂ σ(w₁ x)).
  [[nodiscard]] double predict(const vector& theta, double x) const;
  [[nodiscard]] double value(const vector& theta) const override;
  void gradient(const vector& theta, vector& g) const override;
  double value_and_gradient(const vector& theta, vector& g) const override;
  [[nodiscard]] vector initial_point() const override { return vector({0.0, 0.0}); }

 private:
  std::vector<double> x_, y_;
  Loss loss_;
  Reduction reduction_;
};

}  // namespace descent::problems
