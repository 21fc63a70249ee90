#pragma once
/// \file
/// Mimic models, Aggarwal §3.7.3 (d): a large teacher labels (possibly unlabeled) inputs with
/// its softmax probabilities, and a smaller student is trained on those soft targets alone.
/// The loss is the cross-entropy −Σ_i p_i log o_i against a probability vector p (Eq. 3.21
/// with soft y), whose gradient with respect to the scores is still o − p (Eq. 3.22, since
/// Σ_i p_i = 1). The text gives no temperature; the softmax here has none (T = 1).

#include <vector>

#include "descent/core/status.hpp"
#include "descent/core/tensor.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/nn/training.hpp"
#include "descent/optim/update_rule.hpp"

namespace descent::nn {

/// The teacher's softmax outputs on `x`, one probability vector per row.
[[nodiscard]] matrix soft_targets(const Network& teacher, const matrix& x);

/// What train_on_soft_targets did.
struct SoftTargetResult {
  std::vector<double>
      epoch_loss;  ///< the mean batch loss of each epoch completed with a finite one
  /// iteration_limit: all epochs run. diverged: an epoch's loss was not finite; the student
  /// then holds the parameters at the end of the last finite epoch (the initial ones if none).
  Status status;
};

/// Mini-batch training of `student` on the rows of `targets` (probability vectors) with `rule`
/// at options.alpha, on the epoch loop of training.hpp with the batch-mean soft cross-entropy;
/// batches are drawn as train_classifier draws them. No validation, no early stopping (patience
/// must be 0): the student ends with the last parameters.
[[nodiscard]] SoftTargetResult train_on_soft_targets(Network& student, const matrix& x,
                                                     const matrix& targets, optim::UpdateRule& rule,
                                                     const TrainOptions& options);

}  // namespace descent::nn
