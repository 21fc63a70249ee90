#pragma once
/// \file
/// The quadratic bowls of every source: C(θ) = ½ (θ − c)ᵀ A (θ − c) with A = diag(λ)
/// (notes §2.1, Risteski's GD-rate slides, Aggarwal Figure 3.9's x² + 4y² is λ = (2, 8)).
/// The condition number κ = λ_max/λ_min is chosen through the eigenvalues.

#include "descent/problems/objective.hpp"

namespace descent::problems {

/// An axis-aligned quadratic bowl C(θ) = ½ (θ − c)ᵀ diag(λ) (θ − c): minimum 0 at c,
/// Hessian diag(λ), condition number max λ / min λ.
class Quadratic final : public Objective {
 public:
  /// Throws descent::invalid_argument unless every λ > 0 and c has the same size.
  Quadratic(vector lambda, vector centre, vector start);
  /// λ = (κ, 1) in 2-D: condition number κ >= 1, minimum at 0, start (1, 1).
  static Quadratic with_condition(double kappa);
  [[nodiscard]] std::string name() const override { return "quadratic"; }
  [[nodiscard]] std::size_t dimension() const override { return lambda_.size(); }
  [[nodiscard]] double value(const vector& theta) const override;
  void gradient(const vector& theta, vector& g) const override;
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& theta, matrix& h) const override;
  [[nodiscard]] vector initial_point() const override { return start_; }
  [[nodiscard]] std::optional<vector> minimizer() const override { return centre_; }
  [[nodiscard]] std::optional<double> minimum() const override { return 0.0; }
  /// λ, the diagonal of the Hessian (its eigenvalues).
  [[nodiscard]] const vector& eigenvalues() const { return lambda_; }

 private:
  vector lambda_, centre_, start_;
};

}  // namespace descent::problems
