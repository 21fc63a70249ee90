#pragma once
/// \file
/// The Rosenbrock function, MEDL (4.9): C(θ) = (a − θ₁)² + b(θ₂ − θ₁²)², with a = 1,
/// b = 100 in the book, minimized at (a, a²) in a long curved valley; and its extended
/// d-dimensional form (the libLBFGS sample, a sum over pairs) used by the benchmarks.

#include "descent/problems/objective.hpp"

namespace descent::problems {

/// MEDL (4.9): C(θ) = (a − θ₁)² + b(θ₂ − θ₁²)².
class Rosenbrock final : public Objective {
 public:
  /// The parameters a and b of (4.9); the minimizer is (a, a²), the minimum 0.
  explicit Rosenbrock(double a = 1, double b = 100);
  [[nodiscard]] std::string name() const override { return "Rosenbrock (4.9)"; }
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  [[nodiscard]] double value(const vector& theta) const override;
  void gradient(const vector& theta, vector& g) const override;
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& theta, matrix& h) const override;
  /// (−1.2, 1), the classical start (ensmallen, scipy); the book's items choose their own.
  [[nodiscard]] vector initial_point() const override;
  [[nodiscard]] std::optional<vector> minimizer() const override;
  [[nodiscard]] std::optional<double> minimum() const override { return 0.0; }

 private:
  double a_;
  double b_;
};

/// Σᵢ (1 − θ₂ᵢ₋₁)² + 100(θ₂ᵢ − θ₂ᵢ₋₁²)² over d/2 disjoint pairs (d even), as in libLBFGS's
/// sample; start (−1.2, 1, −1.2, 1, ...), minimizer (1, ..., 1).
class ExtendedRosenbrock final : public Objective {
 public:
  /// d ≥ 2 even; throws descent::invalid_argument otherwise.
  explicit ExtendedRosenbrock(std::size_t d);
  [[nodiscard]] std::string name() const override { return "extended Rosenbrock"; }
  [[nodiscard]] std::size_t dimension() const override { return d_; }
  [[nodiscard]] double value(const vector& theta) const override;
  void gradient(const vector& theta, vector& g) const override;
  double value_and_gradient(const vector& theta, vector& g) const override;
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& theta, matrix& h) const override;
  void hessian_vector(const vector& theta, const vector& v, vector& hv) const override;
  [[nodiscard]] vector initial_point() const override;
  [[nodiscard]] std::optional<vector> minimizer() const override;
  [[nodiscard]] std::optional<double> minimum() const override { return 0.0; }

 private:
  std::size_t d_;
};

}  // namespace descent::problems
