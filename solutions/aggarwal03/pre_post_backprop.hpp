#pragma once
/// \file
/// Solution of the exercise aggarwal03/pre_post_backprop (Aggarwal Exercise 9).
///
/// The reference solution: look only once `scripts/exercises check pre_post_backprop` passes.

#include <cstddef>
#include <vector>

#include "descent/core/tensor.hpp"
#include "sigmoid_network.hpp"  // given/: SigmoidNet, forward(), Gradients

namespace descent::exercises {

inline Gradients backprop_post_activation(const SigmoidNet& net, const ForwardPass& f,
                                          const vector& dL_do) {
  const std::size_t layers = net.size();
  Gradients g{std::vector<vector>(layers), std::vector<matrix>(layers),
              std::vector<vector>(layers)};
  g.unit[layers - 1] = dL_do;  // Δ(o, o) = ∂L/∂o
  for (std::size_t k = layers; k-- > 0;) {
    const vector& delta = g.unit[k];
    const vector& h = f.h[k + 1];
    // Eq. 3.13: ∂L/∂w_(i,j) = Δ(h_j, o) h_i Φ′(a_j), Φ′(a) = h(1 − h) for the sigmoid
    g.W[k] = matrix::from_shape(net[k].W.shape());
    g.b[k] = vector::from_shape({h.size()});
    for (std::size_t j = 0; j < h.size(); ++j) {
      const double local = delta(j) * h(j) * (1 - h(j));
      g.b[k](j) = local;
      for (std::size_t i = 0; i < f.h[k].size(); ++i) g.W[k](i, j) = local * f.h[k](i);
    }
    if (k == 0) break;
    // Eq. 3.12: Δ(h_i, o) = Σ_j Φ′(a_j) w_(i,j) Δ(h_j, o)
    g.unit[k - 1] = xt::zeros<double>({f.h[k].size()});
    for (std::size_t i = 0; i < f.h[k].size(); ++i)
      for (std::size_t j = 0; j < h.size(); ++j)
        g.unit[k - 1](i) += h(j) * (1 - h(j)) * net[k].W(i, j) * delta(j);
  }
  return g;
}

/// Backpropagation with pre-activation variables: unit[k] = δ(h, o) = ∂L/∂a_h for the units of
/// layer k.
inline Gradients backprop_pre_activation(const SigmoidNet& net, const ForwardPass& f,
                                         const vector& dL_do) {
  const std::size_t layers = net.size();
  Gradients g{std::vector<vector>(layers), std::vector<matrix>(layers),
              std::vector<vector>(layers)};
  const vector& o = f.h[layers];
  g.unit[layers - 1] = vector::from_shape({o.size()});
  for (std::size_t j = 0; j < o.size(); ++j) g.unit[layers - 1](j) = dL_do(j) * o(j) * (1 - o(j));
  for (std::size_t k = layers; k-- > 0;) {
    const vector& delta = g.unit[k];
    // Eq. 3.19: ∂L/∂w_(i,j) = δ(h_j, o) h_i
    g.W[k] = matrix::from_shape(net[k].W.shape());
    g.b[k] = delta;
    for (std::size_t i = 0; i < f.h[k].size(); ++i)
      for (std::size_t j = 0; j < delta.size(); ++j) g.W[k](i, j) = delta(j) * f.h[k](i);
    if (k == 0) break;
    // Eq. 3.18: δ(h_i, o) = Φ′(a_i) Σ_j w_(i,j) δ(h_j, o), the derivative outside the sum
    const vector& h = f.h[k];
    g.unit[k - 1] = vector::from_shape({h.size()});
    for (std::size_t i = 0; i < h.size(); ++i) {
      double sum = 0;
      for (std::size_t j = 0; j < delta.size(); ++j) sum += net[k].W(i, j) * delta(j);
      g.unit[k - 1](i) = h(i) * (1 - h(i)) * sum;
    }
  }
  return g;
}

}  // namespace descent::exercises
