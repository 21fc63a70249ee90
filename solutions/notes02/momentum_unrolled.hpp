#pragma once
/// \file
/// Solution of the exercise notes02/momentum_unrolled (Exercise 2.4).
///
/// The reference solution: look only once `scripts/exercises check momentum_unrolled` passes.

#include <cmath>
#include <cstddef>
#include <vector>

namespace descent::exercises {

/// Δθ^(t−1) = −η Σ_{k=0}^{t−1} μ^k ∇L(θ^(t−1−k)).
inline std::vector<double> unrolled_step(const std::vector<std::vector<double>>& gradients,
                                         double eta, double mu) {
  const std::size_t t = gradients.size();
  std::vector<double> step(gradients.front().size(), 0.0);
  for (std::size_t k = 0; k < t; ++k)
    for (std::size_t i = 0; i < step.size(); ++i)
      step[i] -= eta * std::pow(mu, double(k)) * gradients[t - 1 - k][i];
  return step;
}

/// −ηg Σ_{k<t} μ^k = −ηg (1 − μ^t)/(1 − μ).
inline double constant_gradient_step(double g, double eta, double mu, int t) {
  return -eta * g * (1 - std::pow(mu, t)) / (1 - mu);
}

/// −Δθ^(t−1)/g → η/(1 − μ).
inline double effective_learning_rate(double eta, double mu) {
  return eta / (1 - mu);
}

/// Σ_{s=1}^{t} −ηg(1 − μ^s)/(1 − μ) = −ηg [t/(1 − μ) − μ(1 − μ^t)/(1 − μ)²].
inline double constant_gradient_displacement(double g, double eta, double mu, int t) {
  return -eta * g * (t / (1 - mu) - mu * (1 - std::pow(mu, t)) / ((1 - mu) * (1 - mu)));
}

}  // namespace descent::exercises
