#pragma once
/// \file
/// Many-to-one layers: the Max row of Table 3.1 and maxout (§3.4.3.2).
///
/// Ties: the whole gradient goes to the FIRST maximal input (PyTorch's torch.max(x, dim)
/// does the same; torch.max(x) / amax split it evenly — Aggarwal leaves ties open).

#include <cstddef>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent::nn {

/// The maximum of each row, and the index of the first maximal entry.
struct MaxForward {
  vector value;                     ///< the row maxima, one per row of z
  std::vector<std::size_t> argmax;  ///< per row, the column of its first maximal entry
};
/// The maximum of each row of z (rows × width), with where it was (Table 3.1's max node).
[[nodiscard]] MaxForward max_forward(const matrix& z);
/// Table 3.1: copy the upstream gradient to the maximal input, 0 to the others.
[[nodiscard]] matrix max_backward(const MaxForward& fwd, const vector& grad_out, std::size_t width);

/// Maxout: h = max_k (Z W_k + 1 b_kᵀ), elementwise over k pieces (§3.4.3.2). ReLU is the
/// case of two pieces with W_2 = 0, b_2 = 0; leaky ReLU the case W_2 = α W_1.
struct Maxout {
  std::vector<matrix> W;  ///< each fan_in × fan_out
  std::vector<vector> b;  ///< each fan_out

  /// Forward; remembers which piece won each output for backward.
  matrix forward(const matrix& z);
  /// Routes G to the winning piece: fills grad_W, grad_b and returns ∂L/∂Z.
  matrix backward(const matrix& grad_out);

  std::vector<matrix> grad_W;  ///< ∂L/∂W_k per piece after backward(), fan_in × fan_out each
  std::vector<vector> grad_b;  ///< ∂L/∂b_k per piece after backward(), fan_out each

 private:
  matrix input_;
  xt::xtensor<std::size_t, 2> winner_;
};

}  // namespace descent::nn
