#pragma once
/// \file
/// Exercise (Aggarwal §3.2.6, Table 3.1): the backward pass of one layer of each row family.
/// Vectors are single examples; g_out is ∂L/∂(layer output).
///
///     cmake --build build --target exercise-aggarwal03-layer_backward

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// Linear (many-many), forward z_out = Wᵀ z with W of size n_in × n_out.
/// TODO: return ∂L/∂z (Table 3.1's g_i = W g_{i+1}).
inline vector linear_backward(const matrix& W, const vector& g_out) {
  (void)W;
  (void)g_out;
  throw descent::not_implemented(
      "linear_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// The weight gradient of the same layer: ∂L/∂W (n_in × n_out).
/// Hint: the entry (p, q) is z^(p) g_out^(q).
inline matrix linear_weight_gradient(const vector& z, const vector& g_out) {
  (void)z;
  (void)g_out;
  throw descent::not_implemented(
      "linear_weight_gradient in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// Sigmoid (one-one), given its OUTPUT h = sigmoid(z).
/// TODO: the derivative of the sigmoid expressed through its output.
inline vector sigmoid_backward(const vector& h, const vector& g_out) {
  (void)h;
  (void)g_out;
  throw descent::not_implemented(
      "sigmoid_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// ReLU (one-one), given its INPUT z. Convention: the derivative at z = 0 is 0.
inline vector relu_backward(const vector& z, const vector& g_out) {
  (void)z;
  (void)g_out;
  throw descent::not_implemented(
      "relu_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// Max (many-one): forward max_k z_k; the upstream gradient is one number.
/// Convention: ties send everything to the first maximal index.
inline vector max_backward(const vector& z, double g_out) {
  (void)z;
  (void)g_out;
  throw descent::not_implemented(
      "max_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

/// Arbitrary f (anything), given its Jacobian J_kr = ∂f_k/∂z_r (Eq. 3.23).
/// Hint: Eq. 3.24. Mind which index of J runs over the outputs.
inline vector jacobian_backward(const matrix& J, const vector& g_out) {
  (void)J;
  (void)g_out;
  throw descent::not_implemented(
      "jacobian_backward in chapters/aggarwal03/exercises/layer_backward.hpp");
}

}  // namespace descent::exercises
