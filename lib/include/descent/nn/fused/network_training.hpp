#pragma once
/// \file
/// Training an nn::Network (backprop/network.hpp) on the fused path: its parameters live in one
/// flat vector θ (the layout of flatten()) whose layers are views into it, and a step allocates
/// nothing: one dgemm per layer forward, two backward (the pre-activation form of
/// backprop_pre_activation, Eqs. 3.18–3.19), softmax + cross-entropy on the last layer's
/// identity output, and the epoch loop of training.hpp.

#include <cstdint>
#include <vector>

#include "descent/core/tensor.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/nn/training.hpp"
#include "descent/optim/update_rule.hpp"

namespace descent::nn {

/// Mean cross-entropy and accuracy of `net` on (x, labels).
[[nodiscard]] Evaluation evaluate(const Network& net, const matrix& x,
                                  const std::vector<std::uint8_t>& labels);

/// Trains `net` in place with `rule` at options.alpha; on return it holds the parameters of the
/// best validation epoch.
[[nodiscard]] TrainResult train_classifier(Network& net, const matrix& x,
                                           const std::vector<std::uint8_t>& labels,
                                           const matrix& x_valid,
                                           const std::vector<std::uint8_t>& labels_valid,
                                           optim::UpdateRule& rule, const TrainOptions& options);

}  // namespace descent::nn
