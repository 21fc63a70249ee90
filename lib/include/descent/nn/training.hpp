#pragma once
/// \file
/// Mini-batch training of a classifier (softmax + cross-entropy on the last layer's
/// identity output): shuffled epochs, validation after every epoch, early stopping that
/// restores the best parameters, and a progress line on a terminal.
///
/// The optimizer step sits behind the tiny StepRule interface so that the first-order policies
/// of descent::optim (ADAM for MEDL Figure 4.4) can plug in; only plain SGD lives here.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "descent/core/status.hpp"
#include "descent/core/tensor.hpp"
#include "descent/nn/network.hpp"

namespace descent::nn {

/// One optimizer step on the flattened parameters θ given the mini-batch gradient.
class StepRule {
 public:
  virtual ~StepRule() = default;
  virtual void step(vector& theta, const vector& gradient) = 0;
};

/// θ ← θ − α g (Aggarwal Eq. 3.32, with the batch-mean gradient).
class SgdStep : public StepRule {
 public:
  explicit SgdStep(double alpha);
  void step(vector& theta, const vector& gradient) override;

 private:
  double alpha_;
};

struct TrainOptions {
  std::size_t batch_size = 10;  ///< examples per step (> 0); the last batch may be smaller
  std::size_t epochs = 10;      ///< passes over the training set (> 0)
  /// Stop after this many epochs without a lower validation loss; 0 = never stop early.
  std::size_t patience = 0;
  std::uint64_t seed = 0;  ///< seeds the shuffling of each epoch
  bool progress = true;    ///< draw a progress line (only when stderr is a terminal)
  void validate() const;   ///< throws descent::invalid_argument naming the bad field
};

struct EpochRecord {
  std::size_t epoch;           ///< 1-based
  double train_loss;           ///< mean cross-entropy over the epoch's mini-batches
  double validation_loss;      ///< mean cross-entropy on the validation set
  double validation_accuracy;  ///< fraction of the validation set classified correctly
};

struct TrainResult {
  std::vector<EpochRecord> history;
  std::size_t best_epoch = 0;  ///< epoch of the lowest validation loss; its parameters are kept
  double best_validation_loss = 0;
  Status status;  ///< iteration_limit (all epochs), converged ("early stop"), or diverged
};

/// Mean cross-entropy and accuracy of `net` on (x, labels).
struct Evaluation {
  double loss;
  double accuracy;
};
[[nodiscard]] Evaluation evaluate(const Network& net, const matrix& x,
                                  const std::vector<std::uint8_t>& labels);

/// Trains `net` in place; on return it holds the parameters of the best validation epoch.
[[nodiscard]] TrainResult train_classifier(Network& net, const matrix& x,
                                           const std::vector<std::uint8_t>& labels,
                                           const matrix& x_valid,
                                           const std::vector<std::uint8_t>& labels_valid,
                                           StepRule& rule, const TrainOptions& options);

}  // namespace descent::nn
