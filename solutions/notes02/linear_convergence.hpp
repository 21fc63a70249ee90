#pragma once
/// \file
/// Solution of the exercise notes02/linear_convergence (Exercise 2.2).
///
/// The reference solution: look only once `scripts/exercises check linear_convergence` passes.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// ρ = maxⱼ |1 − ηλⱼ|.
inline double contraction_factor(const vector& lambda, double eta) {
  double rho = 0;
  for (const double l : lambda) rho = std::max(rho, std::fabs(1 - eta * l));
  return rho;
}

/// θ ← θ − η∇L(θ) (2.4).
inline std::vector<vector> gradient_descent(const std::function<vector(const vector&)>& gradient,
                                            const vector& theta0, double eta, int steps) {
  std::vector<vector> thetas{theta0};
  for (int t = 0; t < steps; ++t) thetas.push_back(thetas.back() - eta * gradient(thetas.back()));
  return thetas;
}

struct Modes {
  vector lambda;  ///< λ₁ ≥ ... ≥ λ_D, the eigenvalues of H
  vector alpha;   ///< α = Qᵀ(θ − θ*), θ's coordinates along the matching eigenvectors
};

/// α = Qᵀ(θ − θ*), eigenvalues decreasing (eigh returns them ascending).
inline Modes modes(const matrix& H, const vector& theta_star, const vector& theta) {
  const auto eig = eigh(H);
  const std::size_t d = theta.size();
  Modes m{vector::from_shape({d}), vector::from_shape({d})};
  for (std::size_t k = 0; k < d; ++k) {
    const std::size_t j = d - 1 - k;  // the k-th largest
    m.lambda(k) = eig.values(j);
    double a = 0;
    for (std::size_t i = 0; i < d; ++i) a += eig.vectors(i, j) * (theta(i) - theta_star(i));
    m.alpha(k) = a;
  }
  return m;
}

}  // namespace descent::exercises
