#pragma once
/// \file
/// Aggarwal §3.10, Exercise 9: backpropagation with post-activation variables (§3.2.3, Eqs.
/// 3.9–3.13) and with pre-activation variables (§3.2.4, Eqs. 3.14–3.19) are mathematically
/// equivalent.
///
/// You write both recursions for a network of sigmoid layers; the tests check each against
/// PyTorch on the catalogue's 2-3-1 network (A9) and against central differences, and the two
/// against each other on deeper random networks, with the identity that links them:
/// δ(h_r, o) = Φ′(a_{h_r}) Δ(h_r, o).
///
/// Errata: Eqs. 3.9 and 3.15 drop the last factor of their right-hand sides (∂h_r/∂w and
/// ∂a_{h_r}/∂w); Eqs. 3.13 and 3.19 have them. §3.2.7's "Φ′(o)" means Φ′(a_o).
///
/// Fill it in, then check it:
///
///     scripts/exercises check pre_post_backprop
///
/// Stuck? `scripts/exercises hint pre_post_backprop` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"
#include "sigmoid_network.hpp"  // given/: SigmoidNet, forward(), Gradients

namespace descent::exercises {

/// Backpropagation with post-activation variables: unit[k] = Δ(h, o) = ∂L/∂h for the units h
/// of layer k, given dL_do = ∂L/∂o for the outputs o = h[L] of the last layer.
///
/// TODO: Δ of the output units is ∂L/∂o; the recursion Eq. 3.12 carries it down; Eq. 3.13 gives
/// the weight gradients (and the bias gradients, with h_{r−1} = 1).
inline Gradients backprop_post_activation(const SigmoidNet& net, const ForwardPass& f,
                                          const vector& dL_do) {
  (void)net;
  (void)f;
  (void)dL_do;
  throw descent::not_implemented(
      "backprop_post_activation in chapters/aggarwal03/exercises/pre_post_backprop.hpp");
}

/// Backpropagation with pre-activation variables: unit[k] = δ(h, o) = ∂L/∂a_h for the units of
/// layer k.
///
/// TODO: δ of the output units is ∂L/∂o Φ′(a_o); the recursion Eq. 3.18 carries it down; Eq.
/// 3.19 gives the weight gradients (and the bias gradients).
inline Gradients backprop_pre_activation(const SigmoidNet& net, const ForwardPass& f,
                                         const vector& dL_do) {
  (void)net;
  (void)f;
  (void)dL_do;
  throw descent::not_implemented(
      "backprop_pre_activation in chapters/aggarwal03/exercises/pre_post_backprop.hpp");
}

}  // namespace descent::exercises
