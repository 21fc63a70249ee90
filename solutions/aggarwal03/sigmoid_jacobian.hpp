#pragma once
/// \file
/// Solution of the exercise aggarwal03/sigmoid_jacobian (Aggarwal Exercise 5).
///
/// The reference solution: look only once `scripts/exercises check sigmoid_jacobian` passes.

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "descent/core/tensor.hpp"

namespace descent::exercises {

inline double logistic(double z) {
  return 1 / (1 + std::exp(-z));
}

/// diag(σ(z_k)(1 − σ(z_k))): zero off the diagonal, since σ(z)_k depends on z_k only.
inline matrix sigmoid_jacobian(const vector& z) {
  matrix j = xt::zeros<double>({z.size(), z.size()});
  for (std::size_t k = 0; k < z.size(); ++k) j(k, k) = logistic(z(k)) * (1 - logistic(z(k)));
  return j;
}

/// Jᵀg = g ⊙ σ(1 − σ): d multiplications instead of d² (and no d × d matrix in memory).
inline vector sigmoid_backward_elementwise(const vector& z, const vector& g_out) {
  vector g = vector::from_shape({z.size()});
  for (std::size_t k = 0; k < z.size(); ++k)
    g(k) = g_out(k) * logistic(z(k)) * (1 - logistic(z(k)));
  return g;
}

/// o_i(δ_ij − o_j) = diag(o) − ooᵀ: dense.
inline matrix softmax_jacobian(const vector& v) {
  const double top = *std::max_element(v.begin(), v.end());
  vector o = xt::exp(v - top);
  o /= xt::sum(o)();
  matrix j = matrix::from_shape({v.size(), v.size()});
  for (std::size_t i = 0; i < v.size(); ++i)
    for (std::size_t k = 0; k < v.size(); ++k) j(i, k) = o(i) * ((i == k ? 1.0 : 0.0) - o(k));
  return j;
}

}  // namespace descent::exercises
