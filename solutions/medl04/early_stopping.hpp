#pragma once
/// \file
/// Solution of the exercise medl04/early_stopping (MEDL Figure 4.4, suggested exercise E12).
///
/// The reference solution: look only once `scripts/exercises check early_stopping` passes.

#include <cstddef>
#include <limits>
#include <vector>

namespace descent::exercises {

class EarlyStopping {
 public:
  explicit EarlyStopping(std::size_t patience) : patience_(patience) {}

  bool observe(std::size_t epoch, double validation_error, const std::vector<double>& parameters) {
    if (validation_error < best_error_) {  // strictly lower: a tie keeps the earlier epoch
      best_epoch_ = epoch;
      best_error_ = validation_error;
      best_parameters_ = parameters;  // a copy: the caller keeps training its own
      since_best_ = 0;
    } else {
      ++since_best_;
    }
    return patience_ > 0 && since_best_ >= patience_;
  }

  std::size_t best_epoch() const { return best_epoch_; }
  double best_error() const { return best_error_; }
  const std::vector<double>& best_parameters() const { return best_parameters_; }

 private:
  std::size_t patience_;
  std::size_t best_epoch_ = 0, since_best_ = 0;
  double best_error_ = std::numeric_limits<double>::infinity();
  std::vector<double> best_parameters_;
};

}  // namespace descent::exercises
