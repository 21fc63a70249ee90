#pragma once
/// \file
/// A fully connected network and its backpropagation in the three forms of Aggarwal §3.2:
/// post-activation (Δ = ∂L/∂h, Eqs. 3.12–3.13), pre-activation (δ = ∂L/∂a, Eqs. 3.18–3.19)
/// and decoupled (alternating linear and activation layers, Table 3.1). All three take the
/// same network and upstream gradient and return the same gradients (Exercise 9).
/// One example per row, so the same code runs a single example or a mini-batch. Every pass
/// allocates its results, to be read; the fast trainer of the same Network is
/// fused/network_training.hpp.

#include <optional>
#include <vector>

#include "descent/core/tensor.hpp"
#include "descent/nn/activation.hpp"

namespace descent::nn {

/// One fully connected layer: h = φ(a), a = h_prev W + b, one example per row.
struct Dense {
  matrix W;  ///< fan_in × fan_out: a = h_prev W + b
  vector b;  ///< fan_out biases, added to every row
  Activation phi = Activation::sigmoid;  ///< the activation φ applied elementwise to a
};

/// A feed-forward network: layers applied in order, the last one's output is o.
struct Network {
  /// The layers, input side first; consecutive shapes must chain (fan_out = next fan_in).
  std::vector<Dense> layers;
  double alpha = 0.01;  ///< leaky-ReLU slope, if any layer uses it
};

/// The values of one forward pass: a[k] and h[k] of layer k (h of the input is `input`).
struct ForwardPass {
  matrix input;           ///< x, n × fan_in of the first layer (one example per row)
  std::vector<matrix> a;  ///< pre-activations
  std::vector<matrix> h;  ///< post-activations; h.back() is the output o
};

/// The forward pass: for each layer a = h_prev W + b, h = φ(a), from h_prev = x (n × fan_in).
[[nodiscard]] ForwardPass forward(const Network& net, const matrix& x);

/// ∂L/∂W and ∂L/∂b per layer (shapes as W and b), plus the backward signals per layer.
struct Gradients {
  std::vector<matrix> W;     ///< ∂L/∂W_k, fan_in × fan_out, summed over the rows of the batch
  std::vector<vector> b;     ///< ∂L/∂b_k, fan_out entries, summed over the rows
  std::vector<matrix> post;  ///< Δ(h_k) = ∂L/∂h_k per layer
  std::vector<matrix> pre;   ///< δ(h_k) = ∂L/∂a_k per layer
};

/// Extra losses on hidden nodes (§3.2.7): hidden_grad[k], if set, is ∂L_{h}/∂h_k, added to the
/// gradient arriving at h_k (Eq. 3.25 then 3.26: Φ'(a) ∂L_h/∂h enters δ).
using HiddenLossGrads = std::vector<std::optional<matrix>>;

/// `grad_output` = ∂L/∂o with o = h.back().
[[nodiscard]] Gradients backprop_post_activation(const Network& net, const ForwardPass& fwd,
                                                 const matrix& grad_output,
                                                 const HiddenLossGrads& hidden = {});
/// Pre-activation form (Aggarwal Eqs. 3.18–3.19): propagates δ = ∂L/∂a; same gradients
/// as backprop_post_activation.
[[nodiscard]] Gradients backprop_pre_activation(const Network& net, const ForwardPass& fwd,
                                                const matrix& grad_output,
                                                const HiddenLossGrads& hidden = {});
/// Decoupled form (Aggarwal Table 3.1): the linear and activation layers propagate in
/// separate steps; same gradients as the other two.
[[nodiscard]] Gradients backprop_decoupled(const Network& net, const ForwardPass& fwd,
                                           const matrix& grad_output,
                                           const HiddenLossGrads& hidden = {});

/// All parameters in one vector (W row-major then b, layer by layer), and back: for gradient
/// checking and for optimizers.
[[nodiscard]] vector flatten(const Network& net);
/// The parameter gradients in flatten(net)'s order (the post/pre signals are left out).
[[nodiscard]] vector flatten(const Gradients& g);
/// How many numbers flatten(net) holds: Σ over layers of |W| + |b|.
[[nodiscard]] std::size_t parameter_count(const Network& net);
/// Writes `theta` (flatten's order and length) back into the weights and biases of `net`.
void unflatten(const vector& theta, Network& net);

}  // namespace descent::nn
