#pragma once
/// \file
/// The "arbitrary function" row of Table 3.1: any layer z_{i+1} = f(z_i) back-propagates
/// through its Jacobian, J_kr = ∂f_k(z_i)/∂z_i^(r) (Eq. 3.23), as g_i = Jᵀ g_{i+1} (Eq. 3.24).

#include <functional>

#include "descent/core/tensor.hpp"

namespace descent::nn {

/// A function R^n → R^m, e.g. a layer's map from its input to its output.
using VectorFunction = std::function<vector(const vector&)>;

/// J of f at z by central differences with step h (each column costs two calls of f).
[[nodiscard]] matrix numerical_jacobian(const VectorFunction& f, const vector& z, double h = 1e-6);

/// g_i = Jᵀ g_{i+1} (Eq. 3.24).
[[nodiscard]] vector jacobian_backward(const matrix& J, const vector& grad_out);

}  // namespace descent::nn
