#pragma once
/// \file
/// Exercise (Aggarwal §3.2.6, Table 3.1): the backward pass of one layer of each row family.
/// Vectors are single examples; g_out is ∂L/∂(layer output).
///
/// The tests compare with PyTorch's autograd and with a Jacobian worked by hand.
///
/// Fill it in, then check it:
///
///     scripts/exercises check layer_backward
///
/// Stuck? `scripts/exercises hint layer_backward` gives a nudge first, then the equations.

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// Linear (many-many), forward z_out = Wᵀ z with W of size n_in × n_out.
///
/// TODO: return ∂L/∂z, Table 3.1's backward rule for the linear layer.
inline vector linear_backward(const matrix& W, const vector& g_out) {
  (void)W;
  (void)g_out;
  throw descent::not_implemented(
      "linear_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// The weight gradient of the same layer: ∂L/∂W (n_in × n_out).
///
/// TODO: each weight W(p, q) connects input p to output q.
inline matrix linear_weight_gradient(const vector& z, const vector& g_out) {
  (void)z;
  (void)g_out;
  throw descent::not_implemented(
      "linear_weight_gradient in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// Sigmoid (one-one), given its OUTPUT h = sigmoid(z).
///
/// TODO: the upstream gradient times the sigmoid's derivative, written through its output.
inline vector sigmoid_backward(const vector& h, const vector& g_out) {
  (void)h;
  (void)g_out;
  throw descent::not_implemented(
      "sigmoid_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// ReLU (one-one), given its INPUT z. Convention: the derivative at z = 0 is 0.
///
/// TODO: Table 3.1's ReLU row.
inline vector relu_backward(const vector& z, const vector& g_out) {
  (void)z;
  (void)g_out;
  throw descent::not_implemented(
      "relu_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// Max (many-one): forward max_k z_k; the upstream gradient is one number. Convention: ties send
/// everything to the first maximal index.
///
/// TODO: Table 3.1's max row.
inline vector max_backward(const vector& z, double g_out) {
  (void)z;
  (void)g_out;
  throw descent::not_implemented(
      "max_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// Arbitrary f (anything), given its Jacobian J_kr = ∂f_k/∂z_r (Eq. 3.23).
///
/// TODO: Eq. 3.24.
inline vector jacobian_backward(const matrix& J, const vector& g_out) {
  (void)J;
  (void)g_out;
  throw descent::not_implemented(
      "jacobian_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

}  // namespace descent::exercises
