#pragma once
/// \file
/// A fully connected classifier with batch normalization in every hidden layer, trained fast on
/// the fused path (parameters in one flat θ, nothing allocated per step): hidden layer k computes
/// h_k = Φ(BN(h_{k−1} W_k)), the pre-activation placement of Aggarwal Figure 3.18(b) and PyTorch's
/// Linear → BatchNorm1d → ReLU; the output layer is a plain Dense (scores = h W + b) with softmax
/// cross-entropy.
///
/// The hidden layers have no bias: BN subtracts the batch mean right after the product, so a
/// bias there cancels exactly (its gradient is zero) and β of Eq. 3.61 takes its place
/// (PyTorch: `nn.Linear(..., bias=False)`). Training mode normalizes with the batch statistics
/// (ε inside σ², biased variance, Eq. 3.59) and updates the running statistics as PyTorch does
/// (momentum 0.1, unbiased variance); evaluation uses the running statistics.
///
/// Parameters in flatten() order: for each hidden layer W (row-major), γ, β; then the output W
/// and b. The running statistics are state, not parameters.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "descent/core/random.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/nn/init.hpp"
#include "descent/nn/training.hpp"

namespace descent::nn {

/// One hidden layer of NormalizedNetwork: h = Φ(BN_{γ,β}(h_prev W)), no bias (BN's β takes its
/// place).
struct NormalizedLayer {
  matrix W;  ///< fan_in × fan_out, no bias (see above)
  vector gamma;         ///< BN scale γ, fan_out entries (Aggarwal Eq. 3.61)
  vector beta;          ///< BN shift β, fan_out entries (Eq. 3.61)
  vector running_mean;  ///< running mean of h_prev W per unit, for evaluation (starts at 0)
  vector running_var;   ///< running unbiased variance per unit, for evaluation (starts at 1)
};

/// A batch-normalized classifier: hidden NormalizedLayers, then a Dense output of class scores.
struct NormalizedNetwork {
  std::vector<NormalizedLayer> hidden;  ///< the hidden layers, input side first
  Dense output;  ///< identity activation: its output are the scores
  Activation phi = Activation::relu;  ///< the hidden layers' activation Φ
  double eps = 1e-5;      ///< BN's ε (PyTorch's default)
  double momentum = 0.1;  ///< weight of a new batch in the running statistics (PyTorch's)
};

/// widths = {inputs, hidden..., classes}; weights drawn from `init` layer by layer, γ = 1,
/// β = 0, b = 0.
[[nodiscard]] NormalizedNetwork make_normalized_network(const std::vector<std::size_t>& widths,
                                                        Init init, Rng& rng);

/// All parameters in one vector, in the order of this file's description (W, γ, β per hidden
/// layer, then the output W and b); the running statistics are not included.
[[nodiscard]] vector flatten(const NormalizedNetwork& net);
/// Writes `theta` (flatten's order and length) back into `net`; throws descent::invalid_argument
/// on a wrong length.
void unflatten(const vector& theta, NormalizedNetwork& net);

/// The summed cross-entropy of one training-mode batch (batch statistics, running statistics
/// untouched) and, in `gradient` (flatten() layout), the gradient of the batch-MEAN loss.
[[nodiscard]] double batch_loss_and_gradient(const NormalizedNetwork& net, const matrix& x,
                                             const std::vector<std::uint8_t>& labels,
                                             vector& gradient);

/// Mean cross-entropy and accuracy in inference mode (running statistics).
[[nodiscard]] Evaluation evaluate(const NormalizedNetwork& net, const matrix& x,
                                  const std::vector<std::uint8_t>& labels);

/// As train_classifier for a Network (network_training.hpp); every batch must have >= 2 rows (a
/// variance needs two), so batch_size >= 2 and the last batch may not be a single example. The
/// running statistics are updated at every step, and the best epoch's are kept with its parameters.
[[nodiscard]] TrainResult train_classifier(NormalizedNetwork& net, const matrix& x,
                                           const std::vector<std::uint8_t>& labels,
                                           const matrix& x_valid,
                                           const std::vector<std::uint8_t>& labels_valid,
                                           optim::UpdateRule& rule, const TrainOptions& options);

}  // namespace descent::nn
