#pragma once
/// \file
/// The companion's data set for Notes §2.2 (the notes give none): eight points on a line with
/// alternating noise, fitted by f_θ(x) = θ₀ + θ₁x with L = ½(y − f)², and L_N the *sum* of
/// the per-sample losses, as the notes write it.

#include <cstddef>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent::chapters::notes02 {

/// xᵢ = −1 + 2(i−1)/7, yᵢ = 1 + 2xᵢ + 0.1(−1)ⁱ for i = 1..8 (0-based in code).
struct Regression {
  std::vector<double> x;  ///< the inputs xᵢ
  std::vector<double> y;  ///< the targets yᵢ
  /// The eight points, in order.
  Regression() {
    for (int i = 1; i <= 8; ++i) {
      x.push_back(-1 + 2.0 * (i - 1) / 7);
      y.push_back(1 + 2 * x.back() + 0.1 * (i % 2 == 0 ? 1 : -1));
    }
  }
  /// N, the number of samples.
  [[nodiscard]] std::size_t size() const { return x.size(); }
  /// N ∇L_i(θ) = ∇l_i(θ) of Notes (2.5), with L = ½(y − θ₀ − θ₁x)², into g.
  void scaled_sample_gradient(const vector& t, std::size_t i, vector& g) const {
    const double r = t(0) + t(1) * x[i] - y[i];
    const double n = static_cast<double>(size());
    g = vector({n * r, n * r * x[i]});
  }
  /// ∇L_N(θ) = Σᵢ ∇L_i(θ), the mean of the N scaled sample gradients.
  [[nodiscard]] vector full_gradient(const vector& t) const {
    vector g = xt::zeros<double>({2}), gi;
    for (std::size_t i = 0; i < size(); ++i) {
      scaled_sample_gradient(t, i, gi);
      g += gi / static_cast<double>(size());
    }
    return g;
  }
};

}  // namespace descent::chapters::notes02
