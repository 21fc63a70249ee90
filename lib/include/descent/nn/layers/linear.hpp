#pragma once
/// \file
/// The linear layer of Table 3.1 on a mini-batch. With one example per row, the book's
/// z_{i+1} = Wᵀ z_i becomes Z_{i+1} = Z_i W + 1 bᵀ (W is fan-in × fan-out: rows are
/// inputs). Forward is one GEMM; backward is two: ∂L/∂Z_i = G Wᵀ (g_i = W g_{i+1}) and
/// ∂L/∂W = Z_iᵀ G (the weight gradient z_i^(p) g_{i+1}^(q) of §3.2.6, summed over the batch
/// as Eq. 3.32 sums). Every output is preallocated and reused across calls.

#include "descent/core/tensor.hpp"

namespace descent::nn {

/// The linear (affine) layer of Table 3.1: Z_out = Z W + 1 bᵀ, one example per row; backward
/// gives ∂L/∂W = Zᵀ G, ∂L/∂b = Gᵀ1, ∂L/∂Z = G Wᵀ.
class Linear {
 public:
  /// W is fan_in × fan_out, b has fan_out entries.
  Linear(matrix W, vector b);

  /// Z_out = Z W + 1 bᵀ. Keeps a reference to `z` for backward: it must outlive it.
  const matrix& forward(const matrix& z);
  /// Z W + 1 bᵀ without keeping anything for backward (inference).
  [[nodiscard]] matrix apply(const matrix& z) const;
  /// From G = ∂L/∂Z_out: fills grad_W, grad_b and returns ∂L/∂Z_in.
  const matrix& backward(const matrix& grad_out);

  matrix W;       ///< weights, fan_in × fan_out
  vector b;       ///< biases, fan_out entries
  matrix grad_W;  ///< ∂L/∂W after backward(), fan_in × fan_out
  vector grad_b;  ///< ∂L/∂b after backward(), fan_out entries

 private:
  const matrix* input_ = nullptr;
  matrix out_, grad_in_, w_t_, z_t_;
};

}  // namespace descent::nn
