#pragma once
/// \file
/// Learning-rate schedules α⁽ᵗ⁾: fixed, exponential (MEDL Figure 4.2: α·0.99ᵗ; Aggarwal
/// §3.5.1: α₀e^{−kt} is the same with decay = e^{−k}), step (α·factorᵏ after every
/// `every` steps) and inverse (Aggarwal §3.5.1: α₀/(1 + kt)).

#include <string>

namespace descent::optim {

/// A learning-rate schedule: α⁽ᵗ⁾ = at(t), built with one of the factories below.
struct Schedule {
  /// fixed α; exponential α·decayᵗ; step α·decay^⌊t/every⌋; inverse α/(1 + kt).
  enum class Kind { fixed, exponential, step, inverse };
  Kind kind = Kind::fixed;  ///< which formula at() applies
  double alpha = 0.01;  ///< α = α⁽⁰⁾ > 0
  double decay = 0.99;  ///< exponential: the factor per step, in (0, 1]; step: per drop
  int every = 1;        ///< step: steps between drops, >= 1
  double k = 0;         ///< inverse: α₀/(1 + k t), k >= 0

  /// α⁽ᵗ⁾ for step t = 0, 1, ...
  [[nodiscard]] double at(int t) const;
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;

  /// α⁽ᵗ⁾ = α.
  static Schedule fixed_rate(double alpha) { return {Kind::fixed, alpha, 1, 1, 0}; }
  /// α⁽ᵗ⁾ = α·decayᵗ (MEDL Figure 4.2 uses decay 0.99; Aggarwal's α₀e^{−kt} is decay = e^{−k}).
  static Schedule exponential(double alpha, double decay) {
    return {Kind::exponential, alpha, decay, 1, 0};
  }
  /// α⁽ᵗ⁾ = α·factor^⌊t/every⌋: multiplied by `factor` after every `every` steps.
  static Schedule step_decay(double alpha, double factor, int every) {
    return {Kind::step, alpha, factor, every, 0};
  }
  /// α⁽ᵗ⁾ = α/(1 + kt) (Aggarwal §3.5.1).
  static Schedule inverse(double alpha, double k) { return {Kind::inverse, alpha, 1, 1, k}; }
};

}  // namespace descent::optim
