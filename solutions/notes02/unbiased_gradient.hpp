#pragma once
/// \file
/// Solution of the exercise notes02/unbiased_gradient (Exercise 2.3).
///
/// The reference solution: look only once `scripts/exercises check unbiased_gradient` passes.

#include <cstddef>
#include <vector>

#include "descent/core/random.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

struct RegressionData {
  std::vector<double> x;  ///< the inputs x_0 ... x_{N−1}
  std::vector<double> y;  ///< the targets y_0 ... y_{N−1}, same length
};

/// ∇_θ ½(y_i − θ₀ − θ₁x_i)² = r_i (1, x_i), r_i = θ₀ + θ₁x_i − y_i.
inline vector regression_loss_gradient(const RegressionData& data, const vector& theta,
                                       std::size_t i) {
  const double r = theta(0) + theta(1) * data.x[i] - data.y[i];
  return vector{r, r * data.x[i]};
}

inline vector full_gradient(const RegressionData& data, const vector& theta) {
  vector g = xt::zeros<double>({2});
  for (std::size_t i = 0; i < data.x.size(); ++i) g += regression_loss_gradient(data, theta, i);
  return g;
}

/// (2.5): l_i = N L(y_i, f_θ(x_i)).
inline vector sample_gradient(const RegressionData& data, const vector& theta, std::size_t i) {
  return double(data.x.size()) * regression_loss_gradient(data, theta, i);
}

/// Σ_i π{I = i} ∇l_i(θ) = Σ_i (1/N) N ∇L_i(θ) = ∇L_N(θ).
inline vector expected_sample_gradient(const RegressionData& data, const vector& theta) {
  const double n = double(data.x.size());
  vector e = xt::zeros<double>({2});
  for (std::size_t i = 0; i < data.x.size(); ++i) e += sample_gradient(data, theta, i) / n;
  return e;
}

inline vector monte_carlo_mean(const RegressionData& data, const vector& theta, std::size_t draws,
                               Rng& rng) {
  vector mean = xt::zeros<double>({2});
  for (std::size_t k = 0; k < draws; ++k)
    mean += sample_gradient(data, theta, static_cast<std::size_t>(rng.below(data.x.size())));
  return mean / double(draws);
}

/// (N/|B|) Σ_{i∈B} ∇L_i: each i is in a uniform |B|-subset with probability |B|/N.
inline vector minibatch_estimate(const RegressionData& data, const vector& theta,
                                 const std::vector<std::size_t>& batch) {
  vector g = xt::zeros<double>({2});
  for (const std::size_t i : batch) g += regression_loss_gradient(data, theta, i);
  return double(data.x.size()) / double(batch.size()) * g;
}

}  // namespace descent::exercises
