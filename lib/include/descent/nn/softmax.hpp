#pragma once
/// \file
/// Softmax with cross-entropy, Aggarwal §3.2.5.1, Eqs. 3.20–3.22, one example per row.

#include "descent/core/tensor.hpp"

namespace descent::nn {

/// o_i = exp(v_i) / Σ_j exp(v_j) (Eq. 3.20), row by row, with the maximum of each row
/// subtracted first (log-sum-exp; not in the text) so that large v cannot overflow.
[[nodiscard]] matrix softmax(const matrix& v);

/// L = −Σ_rows Σ_i y_i log o_i (Eq. 3.21, summed over the batch as Eq. 3.27), computed from
/// the scores v through log-softmax. `y` may be one-hot or any probability vector per row
/// (the soft targets of the mimic models, §3.7.3).
[[nodiscard]] double cross_entropy(const matrix& v, const matrix& y);

/// ∂L/∂v = o − y (Eq. 3.22; also for soft targets, since Σ_i y_i = 1).
[[nodiscard]] matrix softmax_cross_entropy_grad(const matrix& v, const matrix& y);

/// The Jacobian J_ij = ∂o_i/∂v_j = o_i (δ_ij − o_j) of one example (Exercise 10).
[[nodiscard]] matrix softmax_jacobian(const vector& v);

}  // namespace descent::nn
