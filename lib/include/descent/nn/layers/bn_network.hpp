#pragma once
/// \file
/// A classifier whose hidden layers are dense + batch normalization (Aggarwal §3.6, Figure
/// 3.18, either placement) followed by a plain linear layer giving the class scores, and its
/// mini-batch training: batch statistics in training mode (Eqs. 3.58–3.61), population
/// statistics for evaluation (inference mode, the "entire population" of §3.6 with the biased
/// 1/m variance of Eq. 3.59: a fixed linear map per feature).
///
/// Small and plain on purpose: the reference that Figure 3.18's comparison runs on, built
/// from the textbook layers (its hidden layers are BnDense, bn_dense.hpp). NormalizedNetwork
/// (fused/normalized_network.hpp) is the fast fused form of the pre-activation placement with
/// PyTorch's running statistics; with the hidden bias at 0 the two compute the same loss and
/// gradient (tests/lib/nn_normalized_test.cpp).

#include <cstdint>
#include <vector>

#include "descent/nn/layers/bn_dense.hpp"
#include "descent/nn/layers/linear.hpp"
#include "descent/nn/training.hpp"

namespace descent::nn {

/// A classifier of BnDense hidden layers and a Linear output of class scores.
struct BnNetwork {
  std::vector<BnDense> hidden;  ///< the hidden layers, input side first
  Linear output;  ///< scores = h W + b; softmax sits in the loss
};

/// Scores of a mini-batch in training mode (batch statistics). `x` must outlive backward().
const matrix& forward_train(BnNetwork& net, const matrix& x);
/// From ∂L/∂scores: fills every layer's gradients (W, b, γ, β).
void backward(BnNetwork& net, const matrix& grad_scores);

/// All parameters in one vector: per hidden layer W (row-major), b, γ, β; then the output's
/// W and b. The gradients in the same order.
[[nodiscard]] vector flatten(const BnNetwork& net);
/// The gradients after backward(), in flatten(net)'s order.
[[nodiscard]] vector flatten_gradients(const BnNetwork& net);
/// Writes `theta` (flatten's order and length) back into `net`.
void unflatten(const vector& theta, BnNetwork& net);

/// Sets every BN layer's running_mean and running_var to the population mean and biased
/// variance of its input over all rows of `x`, layer by layer through the layers before it in
/// inference mode (so each layer sees what it will see at inference).
void set_population_statistics(BnNetwork& net, const matrix& x);

/// Scores in inference mode: every BN layer uses its running statistics.
[[nodiscard]] matrix forward_inference(const BnNetwork& net, const matrix& x);

/// Mean cross-entropy and accuracy in inference mode.
[[nodiscard]] Evaluation evaluate(const BnNetwork& net, const matrix& x,
                                  const std::vector<std::uint8_t>& labels);

/// Mini-batch training with `rule` at options.alpha and the batch-mean cross-entropy, on the
/// epoch loop every network kind shares (training.hpp: same seed, same batches, early stopping
/// that keeps the best parameters). Before each validation the population statistics of the whole
/// training set are set (§3.6), and the validation set is evaluated in inference mode; the
/// history records each epoch's mean training-mode batch loss. The network returned holds the
/// best epoch's parameters and their population statistics.
[[nodiscard]] TrainResult train_classifier(BnNetwork& net, const matrix& x,
                                           const std::vector<std::uint8_t>& labels,
                                           const matrix& x_valid,
                                           const std::vector<std::uint8_t>& labels_valid,
                                           optim::UpdateRule& rule, const TrainOptions& options);

}  // namespace descent::nn
