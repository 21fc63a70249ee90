#pragma once
/// \file
/// The quadratic form C(θ) = ½θᵀAθ − bᵀθ with A symmetric (MEDL §4.5 before (4.46)):
/// ∇C = Aθ − b, ∇²C = A; for A positive definite its minimizer solves Aθ = b.
/// Named QuadraticForm to stay apart from the one-dimensional `quadratic` of univariate.hpp.

#include "descent/problems/objective.hpp"

namespace descent::problems {

/// C(θ) = ½θᵀAθ − bᵀθ with a symmetric d × d matrix A: gradient Aθ − b, Hessian A (the
/// problem linear CG solves, MEDL (4.46)–(4.47)).
class QuadraticForm final : public Objective {
 public:
  /// A must be square and symmetric (checked to 1e-12 relative), b must match it.
  QuadraticForm(matrix a, vector b);
  [[nodiscard]] std::string name() const override { return "quadratic form"; }
  [[nodiscard]] std::size_t dimension() const override { return b_.size(); }
  [[nodiscard]] double value(const vector& theta) const override;
  void gradient(const vector& theta, vector& g) const override;
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& theta, matrix& h) const override;
  void hessian_vector(const vector& theta, const vector& v, vector& hv) const override;
  /// The origin.
  [[nodiscard]] vector initial_point() const override;
  /// A⁻¹b (LAPACK solve); nullopt when A is not positive definite (no unique minimizer).
  [[nodiscard]] std::optional<vector> minimizer() const override;
  [[nodiscard]] std::optional<double> minimum() const override;

  /// A, d × d symmetric.
  [[nodiscard]] const matrix& a() const { return a_; }
  /// b, d entries.
  [[nodiscard]] const vector& b() const { return b_; }

 private:
  matrix a_;
  vector b_;
  bool positive_definite_;
};

/// A random symmetric positive definite d x d matrix QᵀQ + d·I from a seeded Rng, with
/// condition number moderate enough for float64 CG to finish in d steps.
[[nodiscard]] matrix random_spd(std::size_t d, unsigned long long seed);

}  // namespace descent::problems
