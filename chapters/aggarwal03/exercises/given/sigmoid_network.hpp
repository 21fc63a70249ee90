#pragma once
/// \file
/// (Given, for the exercise pre_post_backprop.) A network of sigmoid layers, its forward pass and
/// the gradients a backward pass returns.

#include <cmath>
#include <cstddef>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// One layer of sigmoid units: W(i, j) is the weight w_(h_i, h_j) from unit i of the layer below
/// to unit j of this one (n_below × n_this), b(j) the bias of unit j.
struct SigmoidLayer {
  matrix W;  ///< weights, n_below × n_this
  vector b;  ///< biases, n_this entries
};
/// A network of sigmoid layers, input side first.
using SigmoidNet = std::vector<SigmoidLayer>;

/// What the forward pass stores: h[0] = x the input, then for layer k the pre-activations
/// a[k] = W_kᵀ h[k] + b_k and the post-activations h[k + 1] = Φ(a[k]), Φ the sigmoid.
struct ForwardPass {
  std::vector<vector> a;  ///< a[k], the pre-activations of layer k
  std::vector<vector> h;  ///< h[0] = x, then h[k + 1] = Φ(a[k]); h.back() is the output
};

/// (Given.) The forward pass of `net` on input x.
inline ForwardPass forward(const SigmoidNet& net, const vector& x) {
  ForwardPass f{{}, {x}};
  for (const auto& layer : net) {
    vector a = layer.b;
    for (std::size_t j = 0; j < a.size(); ++j)
      for (std::size_t i = 0; i < layer.W.shape(0); ++i) a(j) += layer.W(i, j) * f.h.back()(i);
    vector h = vector::from_shape({a.size()});
    for (std::size_t j = 0; j < a.size(); ++j) h(j) = 1 / (1 + std::exp(-a(j)));
    f.a.push_back(a);
    f.h.push_back(h);
  }
  return f;
}

/// The gradients of one backward pass: for each layer k, the unit quantities (Δ or δ, one per
/// unit of the layer) and ∂L/∂W_k, ∂L/∂b_k.
struct Gradients {
  std::vector<vector> unit;  ///< unit[k]: Δ or δ for each unit of layer k
  std::vector<matrix> W;     ///< W[k] = ∂L/∂W_k, shaped as W_k
  std::vector<vector> b;     ///< b[k] = ∂L/∂b_k, shaped as b_k
};

}  // namespace descent::exercises
