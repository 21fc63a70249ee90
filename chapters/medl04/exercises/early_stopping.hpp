#pragma once
/// \file
/// Exercise (MEDL §4.2, Figure 4.4; the catalogue's suggested exercise E12): early stopping.
///
/// Training records the validation error after every epoch and keeps the parameters of the
/// best epoch; it may stop once the error has not improved for `patience` epochs. You write that
/// bookkeeping; the tests feed it error curves whose answers are known, and the epochs of a real
/// training run (a softmax classifier trained by SGD on data the test draws), after which the
/// parameters you kept must reproduce the best validation error you recorded. Figure 4.4's best
/// epoch, 76, comes from MNIST and a network that `build/chapters/medl04 run figure-4.4` trains;
/// it is not reproducible from the text (the catalogue's proxies give 177 on digits and 159 on
/// Fashion-MNIST).
///
/// Erratum: §4.1 ends "the final θ ... could be a minimizer of the validation set accuracy": a
/// minimizer of the validation error (or maximizer of the accuracy).
///
/// Fill it in, then check it:
///
///     scripts/exercises check early_stopping
///
/// Stuck? `scripts/exercises hint early_stopping` gives a nudge first, then the equations.

#include <cstddef>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// The early-stopping monitor of a training loop.
class EarlyStopping {
 public:
  /// Stop after `patience` epochs in a row without a lower validation error; 0 never stops.
  explicit EarlyStopping(std::size_t patience) : patience_(patience) {}

  /// Records epoch `epoch` (1, 2, ... in order) with its validation error and the parameters it
  /// ended with. Returns true when training should stop now. An epoch is better only if its
  /// error is strictly lower than the best so far (a tie keeps the earlier epoch).
  ///
  /// TODO: keep the best epoch, its error and a copy of its parameters, and count the epochs
  /// since it.
  bool observe(std::size_t epoch, double validation_error, const std::vector<double>& parameters) {
    (void)epoch;
    (void)validation_error;
    (void)parameters;
    throw descent::not_implemented(
        "EarlyStopping::observe in chapters/medl04/exercises/early_stopping.hpp");
  }

  /// The best epoch so far (0 before the first).
  ///
  /// TODO: what observe kept.
  std::size_t best_epoch() const {
    throw descent::not_implemented(
        "EarlyStopping::best_epoch in chapters/medl04/exercises/early_stopping.hpp");
  }

  /// Its validation error.
  ///
  /// TODO: what observe kept.
  double best_error() const {
    throw descent::not_implemented(
        "EarlyStopping::best_error in chapters/medl04/exercises/early_stopping.hpp");
  }

  /// The parameters it ended with: the checkpoint to restore when training stops.
  ///
  /// TODO: what observe kept.
  const std::vector<double>& best_parameters() const {
    throw descent::not_implemented(
        "EarlyStopping::best_parameters in chapters/medl04/exercises/early_stopping.hpp");
  }

 private:
  std::size_t patience_;
  // TODO: the members your bookkeeping needs.
};

}  // namespace descent::exercises
