#pragma once
/// \file
/// Logistic regression as a finite sum, MEDL §4.1: Cᵢ(θ) = −yᵢ log σ(zᵢ) − (1−yᵢ) log(1−σ(zᵢ))
/// with zᵢ = b + wᵀx⁽ⁱ⁾, θ = (b, w); its per-sample Hessian (4.7) is
/// σ(zᵢ)(1−σ(zᵢ)) [1; x⁽ⁱ⁾][1, x⁽ⁱ⁾ᵀ], rank one and positive semidefinite.

#include "descent/problems/finite_sum.hpp"

namespace descent::problems {

/// Binary logistic regression as a finite sum of cross-entropy terms Cᵢ (MEDL §4.1);
/// θ = (b, w) has p + 1 entries for p features.
class LogisticRegression final : public FiniteSum {
 public:
  /// x is n × p, y in {0, 1}ⁿ.
  LogisticRegression(matrix x, vector y);
  /// The catalogue's 9-point set (C06): x = −2, −1.5, ..., 2; y = 0,0,1,0,1,1,0,1,1.
  static LogisticRegression nine_points();
  [[nodiscard]] std::string name() const override { return "logistic regression"; }
  [[nodiscard]] std::size_t dimension() const override { return x_.shape(1) + 1; }
  [[nodiscard]] std::size_t samples() const override { return x_.shape(0); }
  [[nodiscard]] double sample_value(const vector& theta, std::size_t i) const override;
  void sample_gradient(const vector& theta, std::size_t i, vector& g) const override;
  /// (4.7) for sample i.
  void sample_hessian(const vector& theta, std::size_t i, matrix& h) const override;
  [[nodiscard]] bool has_hessian() const override { return true; }
  [[nodiscard]] vector initial_point() const override;

 private:
  [[nodiscard]] double z(const vector& theta, std::size_t i) const;
  matrix x_;
  vector y_;
};

}  // namespace descent::problems
