#pragma once
/// \file
/// Solution of the exercise aggarwal03/layer_backward (Aggarwal Table 3.1, Eqs. 3.23–3.24).
///
/// The reference solution: look only once `scripts/exercises check layer_backward` passes.

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

inline vector linear_backward(const matrix& W, const vector& g_out) {
  vector g = xt::zeros<double>({W.shape(0)});
  for (std::size_t p = 0; p < W.shape(0); ++p)
    for (std::size_t q = 0; q < W.shape(1); ++q) g(p) += W(p, q) * g_out(q);
  return g;
}

inline matrix linear_weight_gradient(const vector& z, const vector& g_out) {
  matrix G = matrix::from_shape({z.size(), g_out.size()});
  for (std::size_t p = 0; p < z.size(); ++p)
    for (std::size_t q = 0; q < g_out.size(); ++q) G(p, q) = z(p) * g_out(q);
  return G;
}

inline vector sigmoid_backward(const vector& h, const vector& g_out) {
  return g_out * h * (1.0 - h);
}

inline vector relu_backward(const vector& z, const vector& g_out) {
  vector g = g_out;
  for (std::size_t i = 0; i < z.size(); ++i)
    if (!(z(i) > 0)) g(i) = 0;
  return g;
}

inline vector max_backward(const vector& z, double g_out) {
  vector g = xt::zeros<double>({z.size()});
  std::size_t best = 0;
  for (std::size_t i = 1; i < z.size(); ++i)
    if (z(i) > z(best)) best = i;
  g(best) = g_out;
  return g;
}

inline vector jacobian_backward(const matrix& J, const vector& g_out) {
  vector g = xt::zeros<double>({J.shape(1)});
  for (std::size_t k = 0; k < J.shape(0); ++k)
    for (std::size_t r = 0; r < J.shape(1); ++r) g(r) += J(k, r) * g_out(k);
  return g;
}

}  // namespace descent::exercises
