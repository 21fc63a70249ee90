#pragma once
/// \file
/// Exercise (Aggarwal §3.2.5.1, Exercise 10): softmax, cross-entropy and its gradient o − y.
///
/// The tests compare with PyTorch, with exact values at scores that overflow a naive exp, and with
/// central differences.
///
/// Fill it in, then check it:
///
///     scripts/exercises check softmax_cross_entropy
///
/// Stuck? `scripts/exercises hint softmax_cross_entropy` gives a nudge first, then the equations.

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// o_i = exp(v_i) / Σ_j exp(v_j) (Eq. 3.20).
///
/// TODO: Eq. 3.20, computed so that v = (1000, 1001) does not overflow.
inline vector softmax(const vector& v) {
  (void)v;
  throw descent::not_implemented(
      "softmax in chapters/aggarwal03/exercises/softmax_cross_entropy.hpp");
}

/// L = −Σ_i y_i log o_i (Eq. 3.21) for a probability vector y.
///
/// TODO: Eq. 3.21 without forming o, stably.
inline double cross_entropy(const vector& v, const vector& y) {
  (void)v;
  (void)y;
  throw descent::not_implemented(
      "cross_entropy in chapters/aggarwal03/exercises/softmax_cross_entropy.hpp");
}

/// ∂L/∂v (Eq. 3.22).
///
/// TODO: Eq. 3.22; derive it through the softmax Jacobian (Exercise 10(a)).
inline vector cross_entropy_grad(const vector& v, const vector& y) {
  (void)v;
  (void)y;
  throw descent::not_implemented(
      "cross_entropy_grad in chapters/aggarwal03/exercises/softmax_cross_entropy.hpp");
}

}  // namespace descent::exercises
