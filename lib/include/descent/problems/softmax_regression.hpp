#pragma once
/// \file
/// Multinomial logistic (softmax) regression, MEDL (4.8): with vⱼ = bⱼ + w₍ⱼ₎ᵀx⁽ⁱ⁾,
/// Cᵢ(θ) = log Σⱼ e^{vⱼ} − v_k when y⁽ⁱ⁾ = k. The first term is the log-sum-exp
/// h(v) = log Σ e^{vⱼ}, whose gradient is softmax(v) = π and whose Hessian is
/// diag(π) − ππᵀ, the covariance of a one-trial categorical distribution, hence PSD
/// (footnote 5); composed with the affine map θ ↦ v, Cᵢ is convex with Hessian
/// (diag(π) − ππᵀ) ⊗ uuᵀ, u = [1; x⁽ⁱ⁾].
///
/// Parameter layout (MEDL (3.23)): θ = (b₁, ..., b_K, w₍₁₎, ..., w₍K₎), so d = K(p + 1).

#include <vector>

#include "descent/problems/finite_sum.hpp"

namespace descent::problems {

/// h(v) = log Σⱼ e^{vⱼ}, computed as m + log Σ e^{vⱼ − m} with m = max v (no overflow).
[[nodiscard]] double log_sum_exp(const vector& v);
/// ∇h(v) = softmax(v) = π.
[[nodiscard]] vector softmax(const vector& v);
/// ∇²h(v) = diag(π) − ππᵀ.
[[nodiscard]] matrix log_sum_exp_hessian(const vector& v);

/// The mean of (4.8) over n samples, with its gradient and Hessian in closed form.
class SoftmaxRegression final : public FiniteSum {
 public:
  /// x is n × p; y holds class labels in {0, ..., K−1}; K >= 2.
  SoftmaxRegression(matrix x, std::vector<std::size_t> y, std::size_t classes);
  /// The companion's data set: the nine points x = −2, −1.5, ..., 2 of the logistic
  /// example (catalogue C06) in K = 3 overlapping classes y = 0,0,1,0,1,2,1,2,2.
  static SoftmaxRegression nine_points();

  [[nodiscard]] std::string name() const override { return "softmax regression"; }
  [[nodiscard]] std::size_t dimension() const override { return K_ * (x_.shape(1) + 1); }
  [[nodiscard]] std::size_t samples() const override { return x_.shape(0); }
  /// K, the number of classes.
  [[nodiscard]] std::size_t classes() const { return K_; }
  /// Position in θ of class j's coefficient of feature l (l = 0 is the bias bⱼ).
  [[nodiscard]] std::size_t index(std::size_t j, std::size_t l) const;
  /// The logits v = (b₁ + w₍₁₎ᵀx⁽ⁱ⁾, ..., b_K + w₍K₎ᵀx⁽ⁱ⁾) of sample i.
  [[nodiscard]] vector logits(const vector& theta, std::size_t i) const;

  [[nodiscard]] double sample_value(const vector& theta, std::size_t i) const override;
  void sample_gradient(const vector& theta, std::size_t i, vector& g) const override;
  /// (diag(π) − ππᵀ) ⊗ uuᵀ for sample i: PSD of rank at most K − 1.
  void sample_hessian(const vector& theta, std::size_t i, matrix& h) const override;
  [[nodiscard]] bool has_hessian() const override { return true; }
  [[nodiscard]] vector initial_point() const override;

 private:
  matrix x_;
  std::vector<std::size_t> y_;
  std::size_t K_;
};

}  // namespace descent::problems
