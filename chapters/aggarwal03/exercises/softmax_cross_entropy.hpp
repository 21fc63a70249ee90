#pragma once
/// \file
/// Exercise (Aggarwal §3.2.5.1, Exercise 10): softmax, cross-entropy and its gradient o − y.
///
///     cmake --build build --target exercise-aggarwal03-softmax_cross_entropy

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// o_i = exp(v_i) / Σ_j exp(v_j) (Eq. 3.20).
/// TODO: compute it so that v = (1000, 1001) does not overflow.
/// Hint: softmax(v) = softmax(v − c) for any constant c.
inline vector softmax(const vector& v) {
  (void)v;
  throw descent::not_implemented(
      "softmax in chapters/aggarwal03/exercises/softmax_cross_entropy.hpp");
}

/// L = −Σ_i y_i log o_i (Eq. 3.21) for a probability vector y.
/// TODO: use log o_i = v_i − log Σ_j exp(v_j), stably.
inline double cross_entropy(const vector& v, const vector& y) {
  (void)v;
  (void)y;
  throw descent::not_implemented(
      "cross_entropy in chapters/aggarwal03/exercises/softmax_cross_entropy.hpp");
}

/// ∂L/∂v (Eq. 3.22).
/// TODO: derive it through the softmax Jacobian ∂o_i/∂v_j = o_i(δ_ij − o_j) (Exercise 10).
/// Hint: the result is remarkably simple when Σ y_i = 1.
inline vector cross_entropy_grad(const vector& v, const vector& y) {
  (void)v;
  (void)y;
  throw descent::not_implemented(
      "cross_entropy_grad in chapters/aggarwal03/exercises/softmax_cross_entropy.hpp");
}

}  // namespace descent::exercises
