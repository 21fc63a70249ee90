#pragma once
/// \file
/// Mini-batch training, the one epoch loop every network kind shares (each kind's
/// train_classifier: fused/network_training.hpp, fused/normalized_network.hpp,
/// layers/bn_network.hpp; and train_on_soft_targets of backprop/distill.hpp): shuffled epochs,
/// validation after every epoch, early stopping that restores the best parameters.
///
/// The step is a first-order update rule of descent::optim (optim/update_rule.hpp: plain
/// gradient descent "gd", Aggarwal Eq. 3.32 with the batch-mean gradient; ADAM "adam" for MEDL
/// Figure 4.4; ...) at the learning rate TrainOptions::alpha. The loop takes each gradient at θ
/// itself, so a rule that looks ahead (UpdateRule::looks_ahead(), Nesterov-type) is refused.
///
/// The library never prints: a caller that wants to show progress supplies a TrainObserver.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "descent/core/status.hpp"
#include "descent/optim/update_rule.hpp"

namespace descent::nn {

/// Which validation quantity picks the best epoch (the one early stopping keeps).
enum class Monitor {
  validation_loss,   ///< mean cross-entropy on the validation set
  validation_error,  ///< 1 − accuracy: MEDL's performance function P for Figure 4.4
};

/// What a training run records after each epoch (one row of TrainResult::history).
struct EpochRecord {
  std::size_t epoch;           ///< 1-based
  double train_loss;           ///< mean cross-entropy over the epoch's mini-batches
  double validation_loss;      ///< mean cross-entropy on the validation set
  double validation_accuracy;  ///< fraction of the validation set classified correctly
};

/// Sees a training run epoch by epoch, e.g. to draw a progress line (the chapters' is
/// chapters/common/training_progress.hpp).
class TrainObserver {
 public:
  virtual ~TrainObserver() = default;
  /// Before the first epoch of a run of at most `epochs` epochs.
  virtual void begin(std::size_t epochs) { (void)epochs; }
  /// After each epoch, with what the run's history records for it (also for an epoch that
  /// stops the run early or diverges).
  virtual void epoch(const EpochRecord& record) = 0;
  /// After the last epoch, once the network holds the parameters it is handed back with.
  virtual void end() {}
};

/// Options of the mini-batch training loop shared by every network kind (train_classifier).
struct TrainOptions {
  double alpha = 0.01;          ///< the learning rate α of every step (finite, > 0)
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
  TrainObserver* observer = nullptr;  ///< told about every epoch, if given
  void validate() const;              ///< throws descent::invalid_argument naming the bad field
};

/// A finished training run: the per-epoch history, the best epoch and why it stopped.
struct TrainResult {
  std::vector<EpochRecord> history;  ///< one record per epoch run, in order
  std::size_t best_epoch = 0;  ///< epoch of the lowest monitored value; its parameters are kept
  double best_validation_loss = 0;  ///< the validation loss at best_epoch
  Status status;  ///< iteration_limit (all epochs), converged ("early stop"), or diverged
};

/// Mean cross-entropy and accuracy of a network on (x, labels).
struct Evaluation {
  double loss;      ///< mean cross-entropy over the examples
  double accuracy;  ///< fraction classified correctly, in [0, 1]
};

}  // namespace descent::nn
