#pragma once
/// \file
/// Mini-batch training of a classifier (softmax + cross-entropy on the last layer's
/// identity output): shuffled epochs, validation after every epoch, early stopping that
/// restores the best parameters, and a progress line on a terminal.
///
/// The optimizer step sits behind the tiny StepRule interface: plain SGD lives here, and
/// UpdateRuleStep plugs in any first-order policy of descent::optim (ADAM for MEDL Figure 4.4).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "descent/core/status.hpp"
#include "descent/core/tensor.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/optim/update_rule.hpp"

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

/// A first-order rule of descent::optim (e.g. make_rule("adam")) at a fixed learning rate α.
/// The training loop takes the gradient at θ itself, so look-ahead rules (Nesterov-type,
/// whose gradient_point is not θ) are refused on their first step rather than run wrongly.
class UpdateRuleStep : public StepRule {
 public:
  UpdateRuleStep(std::unique_ptr<optim::UpdateRule> rule, double alpha);
  void step(vector& theta, const vector& gradient) override;

 private:
  std::unique_ptr<optim::UpdateRule> rule_;
  double alpha_;
};

/// Which validation quantity picks the best epoch (the one early stopping keeps).
enum class Monitor {
  validation_loss,   ///< mean cross-entropy on the validation set
  validation_error,  ///< 1 − accuracy: MEDL's performance function P for Figure 4.4
};

struct TrainOptions {
  std::size_t batch_size = 10;  ///< examples per step (> 0); the last batch may be smaller
  std::size_t epochs = 10;      ///< passes over the training set (> 0)
  /// Stop after this many epochs without a lower validation loss; 0 = never stop early.
  std::size_t patience = 0;
  std::uint64_t seed = 0;  ///< seeds the shuffling of each epoch
  /// false: no shuffling, the mini-batches are consecutive chunks in data order every epoch
  /// (the authors' Figure 4.4 code, and an exact replay against PyTorch in the tests).
  bool shuffle = true;
  /// The best epoch has the lowest value of this; ties keep the earlier epoch.
  Monitor monitor = Monitor::validation_loss;
  bool progress = true;   ///< draw a progress line (only when stderr is a terminal)
  void validate() const;  ///< throws descent::invalid_argument naming the bad field
};

struct EpochRecord {
  std::size_t epoch;           ///< 1-based
  double train_loss;           ///< mean cross-entropy over the epoch's mini-batches
  double validation_loss;      ///< mean cross-entropy on the validation set
  double validation_accuracy;  ///< fraction of the validation set classified correctly
};

struct TrainResult {
  std::vector<EpochRecord> history;
  std::size_t best_epoch = 0;  ///< epoch of the lowest monitored value; its parameters are kept
  double best_validation_loss = 0;  ///< the validation loss at best_epoch
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
