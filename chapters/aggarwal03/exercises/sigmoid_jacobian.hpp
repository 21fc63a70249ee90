#pragma once
/// \file
/// Aggarwal §3.10, Exercise 5: why one must be careful with the Jacobian form of backpropagation
/// (Table 3.1's last row, Eqs. 3.23–3.24). Hint of the book: compute the Jacobian of the sigmoid.
///
/// You write the dense Jacobian of a sigmoid layer, the backward pass of the same layer that
/// never forms it, and the Jacobian of softmax, a layer whose Jacobian is really dense. The tests
/// compare with PyTorch's autograd and check the structure that answers the question.
///
/// Fill it in, then check it:
///
///     scripts/exercises check sigmoid_jacobian
///
/// Stuck? `scripts/exercises hint sigmoid_jacobian` gives a nudge first, then the equations.

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// J_kr = ∂σ(z_k)/∂z_r for the elementwise sigmoid layer σ(z)_k = 1/(1 + e^{−z_k}) (d × d).
///
/// TODO: Eq. 3.23 for this layer; every entry, including the ones that turn out to be zero.
inline matrix sigmoid_jacobian(const vector& z) {
  (void)z;
  throw descent::not_implemented(
      "sigmoid_jacobian in chapters/aggarwal03/exercises/sigmoid_jacobian.hpp");
}

/// ∂L/∂z = Jᵀ g_out (Eq. 3.24) for the sigmoid layer, in O(d) time and memory: without forming J.
///
/// TODO: Eq. 3.24 using what the structure of J tells you.
inline vector sigmoid_backward_elementwise(const vector& z, const vector& g_out) {
  (void)z;
  (void)g_out;
  throw descent::not_implemented(
      "sigmoid_backward_elementwise in chapters/aggarwal03/exercises/sigmoid_jacobian.hpp");
}

/// J_ij = ∂o_i/∂v_j for the softmax o = softmax(v) of Eq. 3.20 (d × d).
///
/// TODO: Exercise 10(a)'s derivative, for every i and j.
inline matrix softmax_jacobian(const vector& v) {
  (void)v;
  throw descent::not_implemented(
      "softmax_jacobian in chapters/aggarwal03/exercises/sigmoid_jacobian.hpp");
}

}  // namespace descent::exercises
