#pragma once
/// \file
/// Elementwise activations of Aggarwal §3.2.5 and Table 3.1, forward and backward, on a
/// mini-batch (one row per example). Backward multiplies the upstream gradient by Φ'(a)
/// elementwise: g_i = g_{i+1} ⊙ Φ'(z_i) (Table 3.1, one-one rows).
///
/// Kinks (the sources leave them open, Aggarwal Typos T5/T6): ReLU'(0) = 0 (PyTorch);
/// leaky ReLU'(0) = α (Eq. 3.39 "v ≤ 0" branch, PyTorch agrees); hard tanh' = 0 at ±1
/// (`hard_tanh`: the open interval −1 < a < 1 of §3.2.5 and PyTorch) or 1 at ±1
/// (`hard_tanh_closed`: the closed interval [−1, +1] of Table 3.1).

#include <string>

#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::nn {

/// The elementwise activation Φ of a layer (Aggarwal §3.2.5): identity, sigmoid σ, tanh, ReLU,
/// leaky ReLU (slope α below 0, Eq. 3.39), hard tanh (kink convention: see above).
enum class Activation { identity, sigmoid, tanh, relu, leaky_relu, hard_tanh, hard_tanh_closed };

/// The enumerator's name, e.g. "leaky_relu" (as the command line spells it).
[[nodiscard]] const char* to_string(Activation a);

/// Φ(a) for one number; `alpha` is the leaky-ReLU slope (Eq. 3.39), ignored otherwise.
[[nodiscard]] double activate(Activation kind, double a, double alpha = 0.01);
/// Φ'(a) for one number, with the kink conventions stated above.
[[nodiscard]] double derivative(Activation kind, double a, double alpha = 0.01);

/// h = Φ(a) elementwise on a mini-batch's storage (h may be a itself); equal shapes.
void activate(Activation kind, ConstMatrixView a, MatrixView h, double alpha = 0.01);
/// delta ⊙= Φ'(a): the backward step δ = Φ'(a) ⊙ ∂L/∂h (Eq. 3.18) in place; equal shapes.
void multiply_by_derivative(Activation kind, ConstMatrixView a, MatrixView delta,
                            double alpha = 0.01);

/// out = Φ(a) elementwise; `out` is resized only if its shape differs.
void activate(Activation kind, const matrix& a, matrix& out, double alpha = 0.01);

/// grad_in = grad_out ⊙ Φ'(a). Sigmoid and tanh use the post-activation h = Φ(a) as in
/// Table 3.1 (h(1 − h), 1 − h²); the piecewise-linear ones use the pre-activation a.
void activation_backward(Activation kind, const matrix& a, const matrix& h, const matrix& grad_out,
                         matrix& grad_in, double alpha = 0.01);

}  // namespace descent::nn
