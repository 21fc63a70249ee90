#include "descent/nn/backprop/network.hpp"

#include <xtensor/xmanipulation.hpp>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/nn/layers/linear.hpp"

namespace descent::nn {

namespace {

matrix transpose(const matrix& m) {
  return matrix(xt::transpose(m));
}

vector column_sums(const matrix& g) {
  vector s = xt::zeros<double>({g.shape(1)});
  for (std::size_t r = 0; r < g.shape(0); ++r)
    for (std::size_t j = 0; j < g.shape(1); ++j) s(j) += g(r, j);
  return s;
}

// Φ'(a) elementwise, for the forms that multiply by it explicitly.
matrix phi_prime(const Network& net, std::size_t k, const ForwardPass& f) {
  matrix d(f.a[k].shape());
  for (std::size_t i = 0; i < d.size(); ++i)
    d.flat(i) = derivative(net.layers[k].phi, f.a[k].flat(i), net.alpha);
  return d;
}

const matrix& layer_input(const ForwardPass& f, std::size_t k) {
  return k == 0 ? f.input : f.h[k - 1];
}

Gradients empty(std::size_t n) {
  Gradients g;
  g.W.resize(n);
  g.b.resize(n);
  g.post.resize(n);
  g.pre.resize(n);
  return g;
}

void add_hidden(const HiddenLossGrads& hidden, std::size_t k, matrix& post) {
  if (k < hidden.size() && hidden[k]) post += *hidden[k];  // Eq. 3.25 plus the hidden loss
}

}  // namespace

ForwardPass forward(const Network& net, const matrix& x) {
  ForwardPass f{x, {}, {}};
  for (std::size_t k = 0; k < net.layers.size(); ++k) {
    const auto& L = net.layers[k];
    matrix a = gemm(layer_input(f, k), L.W);
    for (std::size_t r = 0; r < a.shape(0); ++r)
      for (std::size_t j = 0; j < a.shape(1); ++j) a(r, j) += L.b(j);
    matrix h;
    activate(L.phi, a, h, net.alpha);
    f.a.push_back(std::move(a));
    f.h.push_back(std::move(h));
  }
  return f;
}

//! [post-activation]
// Δ(h_r) = ∂L/∂h_r. Eq. 3.12: Δ(h_{k−1}) = Σ_h Φ'(a_h) w Δ(h), i.e. (Φ'(A_k) ⊙ Δ_k) W_kᵀ;
// Eq. 3.13: ∂L/∂w = Δ(h_r) h_{r−1} Φ'(a_{h_r}).
Gradients backprop_post_activation(const Network& net, const ForwardPass& f,
                                   const matrix& grad_output, const HiddenLossGrads& hidden) {
  const std::size_t n = net.layers.size();
  Gradients g = empty(n);
  g.post[n - 1] = grad_output;  // Δ(o, o) = ∂L/∂o
  add_hidden(hidden, n - 1, g.post[n - 1]);
  for (std::size_t k = n; k-- > 0;) {
    const matrix scaled = phi_prime(net, k, f) * g.post[k];
    g.pre[k] = scaled;
    g.W[k] = gemm(transpose(layer_input(f, k)), scaled);  // Eq. 3.13
    g.b[k] = column_sums(scaled);                         // bias: h_{r−1} = 1
    if (k > 0) {
      g.post[k - 1] = gemm(scaled, transpose(net.layers[k].W));  // Eq. 3.12
      add_hidden(hidden, k - 1, g.post[k - 1]);
    }
  }
  return g;
}
//! [post-activation]

//! [pre-activation]
// δ(h_r) = ∂L/∂a_{h_r}. Initialization δ(o) = ∂L/∂o Φ'(a_o); Eq. 3.18:
// δ(h_{k−1}) = Φ'(a_{h_{k−1}}) Σ_h w δ(h), the derivative outside the sum; Eq. 3.19:
// ∂L/∂w = δ(h_r) h_{r−1}. A hidden loss adds Φ'(a) ∂L_h/∂h (Eq. 3.26).
Gradients backprop_pre_activation(const Network& net, const ForwardPass& f,
                                  const matrix& grad_output, const HiddenLossGrads& hidden) {
  const std::size_t n = net.layers.size();
  Gradients g = empty(n);
  matrix top = grad_output;
  add_hidden(hidden, n - 1, top);
  g.pre[n - 1] = phi_prime(net, n - 1, f) * top;
  for (std::size_t k = n; k-- > 0;) {
    g.W[k] = gemm(transpose(layer_input(f, k)), g.pre[k]);  // Eq. 3.19
    g.b[k] = column_sums(g.pre[k]);
    if (k > 0) {
      matrix sum = gemm(g.pre[k], transpose(net.layers[k].W));  // Σ w δ
      g.post[k - 1] = sum;
      add_hidden(hidden, k - 1, g.post[k - 1]);
      g.pre[k - 1] = phi_prime(net, k - 1, f) * g.post[k - 1];  // Eq. 3.18 (+3.26)
    }
  }
  g.post[n - 1] = top;
  return g;
}
//! [pre-activation]

//! [decoupled]
// Table 3.1: a linear layer (g_i = W g_{i+1}) followed by an activation layer
// (g_i = g_{i+1} ⊙ Φ'), each knowing only its own forward and backward.
Gradients backprop_decoupled(const Network& net, const ForwardPass& f, const matrix& grad_output,
                             const HiddenLossGrads& hidden) {
  const std::size_t n = net.layers.size();
  Gradients g = empty(n);
  matrix upstream = grad_output;
  for (std::size_t k = n; k-- > 0;) {
    add_hidden(hidden, k, upstream);
    g.post[k] = upstream;
    activation_backward(net.layers[k].phi, f.a[k], f.h[k], upstream, g.pre[k], net.alpha);
    Linear linear(net.layers[k].W, net.layers[k].b);
    (void)linear.forward(layer_input(f, k));
    upstream = linear.backward(g.pre[k]);
    g.W[k] = linear.grad_W;
    g.b[k] = linear.grad_b;
  }
  return g;
}
//! [decoupled]

std::size_t parameter_count(const Network& net) {
  std::size_t size = 0;
  for (const auto& L : net.layers) size += L.W.size() + L.b.size();
  return size;
}

vector flatten(const Network& net) {
  vector theta = vector::from_shape({parameter_count(net)});
  std::size_t at = 0;
  for (const auto& L : net.layers) {
    for (std::size_t i = 0; i < L.W.size(); ++i) theta(at++) = L.W.flat(i);
    for (std::size_t i = 0; i < L.b.size(); ++i) theta(at++) = L.b(i);
  }
  return theta;
}

vector flatten(const Gradients& g) {
  std::size_t size = 0;
  for (std::size_t k = 0; k < g.W.size(); ++k) size += g.W[k].size() + g.b[k].size();
  vector theta = vector::from_shape({size});
  std::size_t at = 0;
  for (std::size_t k = 0; k < g.W.size(); ++k) {
    for (std::size_t i = 0; i < g.W[k].size(); ++i) theta(at++) = g.W[k].flat(i);
    for (std::size_t i = 0; i < g.b[k].size(); ++i) theta(at++) = g.b[k](i);
  }
  return theta;
}

void unflatten(const vector& theta, Network& net) {
  const std::size_t size = parameter_count(net);
  if (theta.size() != size)
    throw invalid_argument("unflatten: " + std::to_string(theta.size()) +
                           " numbers for a network of " + std::to_string(size) + " parameters");
  std::size_t at = 0;
  for (auto& L : net.layers) {
    for (std::size_t i = 0; i < L.W.size(); ++i) L.W.flat(i) = theta(at++);
    for (std::size_t i = 0; i < L.b.size(); ++i) L.b(i) = theta(at++);
  }
}

}  // namespace descent::nn
