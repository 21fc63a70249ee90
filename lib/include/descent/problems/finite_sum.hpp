#pragma once
/// \file
/// Finite-sum objectives, MEDL (4.4): C(θ) = (1/n) Σᵢ Cᵢ(θ), with the per-sample gradients
/// SGD and mini-batches need; and the quadratic sum (4.12) of Figure 4.3.

#include <vector>

#include "descent/problems/objective.hpp"

namespace descent::problems {

/// A finite sum C(θ) = (1/n) Σᵢ Cᵢ(θ) (MEDL (4.4)): the objective of SGD and mini-batch
/// descent, which sample the terms Cᵢ.
class FiniteSum : public Objective {
 public:
  [[nodiscard]] virtual std::size_t samples() const = 0;  ///< n
  /// Cᵢ(θ), the i-th term (0 ≤ i < n), e.g. the loss on the i-th training example.
  [[nodiscard]] virtual double sample_value(const vector& theta, std::size_t i) const = 0;
  /// ∇Cᵢ(θ) into g.
  virtual void sample_gradient(const vector& theta, std::size_t i, vector& g) const = 0;
  /// (1/n_b) Σ_{i∈batch} ∇Cᵢ(θ), MEDL (4.13).
  void batch_gradient(const vector& theta, const std::vector<std::size_t>& batch, vector& g) const;

  /// ∇²Cᵢ(θ) into h; throws std::logic_error unless the sum overrides it (has_hessian()).
  virtual void sample_hessian(const vector& theta, std::size_t i, matrix& h) const;

  /// The mean over all samples.
  [[nodiscard]] double value(const vector& theta) const override;
  void gradient(const vector& theta, vector& g) const override;
  /// (1/n) Σᵢ ∇²Cᵢ(θ) from sample_hessian; a sum with a closed form may override it.
  void hessian(const vector& theta, matrix& h) const override;
};

/// MEDL (4.12): Cᵢ(θ) = aᵢ(θ₁ − uᵢ₁)² + (θ₂ − uᵢ₂)²; its minimizer is
/// (Σaᵢuᵢ₁/Σaᵢ, mean uᵢ₂). Defaults: the authors' Figure 4.3(a) data (catalogue C14).
class QuadraticSum final : public FiniteSum {
 public:
  /// The n terms' weights aᵢ and centres uᵢ (2-vectors); n = a.size() = u.size() ≥ 1.
  QuadraticSum(std::vector<double> a, std::vector<vector> u);
  static QuadraticSum figure_4_3a();  ///< u = (1,1),(2,0),(3,1),(2,3),(1,2); a = 1,2,3,2,4
  static QuadraticSum figure_4_3b();  ///< every uᵢ = (2,2), same a
  [[nodiscard]] std::string name() const override { return "quadratic sum (4.12)"; }
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  [[nodiscard]] std::size_t samples() const override { return a_.size(); }
  [[nodiscard]] double sample_value(const vector& theta, std::size_t i) const override;
  void sample_gradient(const vector& theta, std::size_t i, vector& g) const override;
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& theta, matrix& h) const override;
  [[nodiscard]] vector initial_point() const override { return vector({6.0, 6.0}); }
  [[nodiscard]] std::optional<vector> minimizer() const override;
  [[nodiscard]] std::optional<double> minimum() const override;
  /// The centres uᵢ, in order (to draw them).
  [[nodiscard]] const std::vector<vector>& centres() const { return u_; }

 private:
  std::vector<double> a_;
  std::vector<vector> u_;
};

}  // namespace descent::problems
