#pragma once
// The training loop as it was before the workspace path (commit fc63d93), kept for the
// before/after row of bench_training: every step gathers the batch into a new matrix, builds a
// one-hot matrix, runs the allocating forward() and backprop_pre_activation(), and copies all
// parameters out (flatten) and back (unflatten). Same shuffle, same validation, same result up
// to rounding.

#include <cstdint>
#include <vector>

#include "descent/nn/backprop/network.hpp"
#include "descent/nn/training.hpp"
#include "descent/optim/update_rule.hpp"

namespace descent::bench {

[[nodiscard]] nn::TrainResult train_classifier_allocating(
    nn::Network& net, const matrix& x, const std::vector<std::uint8_t>& labels,
    const matrix& x_valid, const std::vector<std::uint8_t>& labels_valid, optim::UpdateRule& rule,
    const nn::TrainOptions& options);

}  // namespace descent::bench
