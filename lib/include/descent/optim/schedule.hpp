#pragma once
/// \file
/// Learning-rate schedules α⁽ᵗ⁾: fixed, exponential (MEDL Figure 4.2: α·0.99ᵗ; Aggarwal
/// §3.5.1: α₀e^{−kt} is the same with decay = e^{−k}), step (α·factorᵏ after every
/// `every` steps) and inverse (Aggarwal §3.5.1: α₀/(1 + kt)).

#include <string>

namespace descent::optim {

struct Schedule {
  enum class Kind { fixed, exponential, step, inverse };
  Kind kind = Kind::fixed;
  double alpha = 0.01;  ///< α = α⁽⁰⁾ > 0
  double decay = 0.99;  ///< exponential: the factor per step, in (0, 1]; step: per drop
  int every = 1;        ///< step: steps between drops, >= 1
  double k = 0;         ///< inverse: α₀/(1 + k t), k >= 0

  /// α⁽ᵗ⁾ for step t = 0, 1, ...
  [[nodiscard]] double at(int t) const;
  void validate() const;

  static Schedule fixed_rate(double alpha) { return {Kind::fixed, alpha, 1, 1, 0}; }
  static Schedule exponential(double alpha, double decay) {
    return {Kind::exponential, alpha, decay, 1, 0};
  }
  static Schedule step_decay(double alpha, double factor, int every) {
    return {Kind::step, alpha, factor, every, 0};
  }
  static Schedule inverse(double alpha, double k) { return {Kind::inverse, alpha, 1, 1, k}; }
};

}  // namespace descent::optim
