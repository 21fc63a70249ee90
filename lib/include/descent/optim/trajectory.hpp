#pragma once
/// \file
/// What every multivariate optimizer of descent records and how it decides to stop:
/// the iterates θ⁽ᵗ⁾ of a run (its trajectory) and the termination criteria of MEDL
/// §4.1, checked after each step. Shared by the first-order methods (Algorithm 4.1), the
/// line-search, Newton and quasi-Newton methods.

#include <algorithm>
#include <chrono>
#include <optional>
#include <vector>

#include "descent/core/status.hpp"
#include "descent/core/tensor.hpp"

namespace descent::optim {

/// One iterate of a run.
struct Iterate {
  int t = 0;                 ///< the iteration index t
  vector theta;              ///< θ⁽ᵗ⁾
  double value = 0;          ///< C(θ⁽ᵗ⁾)
  double gradient_norm = 0;  ///< ‖∇C(θ⁽ᵗ⁾)‖₂
  double step_norm = 0;      ///< ‖θ⁽ᵗ⁾ − θ⁽ᵗ⁻¹⁾‖₂ (0 at t = 0)
  double alpha = 0;          ///< the step size used to reach θ⁽ᵗ⁾ (0 at t = 0)
};

/// A whole run: every recorded iterate and why it stopped.
struct Trajectory {
  /// The recorded iterates, θ⁽⁰⁾ first (which ones: see DescentOptions::record_every).
  std::vector<Iterate> iterates;
  Status status;        ///< why the run stopped
  int evaluations = 0;  ///< objective evaluations (a value and gradient together count once)
  /// The last recorded iterate, where the run stopped.
  [[nodiscard]] const Iterate& last() const { return iterates.back(); }
  /// The iterate after step t, or the last one if the run stopped earlier (a run that starts
  /// where its stopping test holds takes no step, so after(1) is then the start).
  [[nodiscard]] const Iterate& after(std::size_t t) const {
    return iterates[std::min(t, iterates.size() - 1)];
  }
};

/// The termination criteria of MEDL §4.1; each one is off when its tolerance is 0.
/// `validate()` throws descent::invalid_argument naming the field and its allowed range.
struct StopCriteria {
  int max_iterations = 1000;        ///< t = 0, ..., T: 1 <= max_iterations <= 10^9
  double gradient_tolerance = 0;    ///< ‖∇C(θ⁽ᵗ⁺¹⁾)‖ < ε
  double absolute_improvement = 0;  ///< |C(θ⁽ᵗ⁾) − C(θ⁽ᵗ⁺¹⁾)| < ε
  double relative_improvement = 0;  ///< |C(θ⁽ᵗ⁾) − C(θ⁽ᵗ⁺¹⁾)| / |C(θ⁽ᵗ⁾)| < ε
  double step_tolerance = 0;        ///< ‖θ_s⁽ᵗ⁾‖ < ε
  double time_limit_seconds = 0;  ///< wall-clock limit (0: none)

  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// The criteria that can already hold at θ⁽⁰⁾, before any step: a NaN or infinite C(θ⁽⁰⁾) or
/// ‖∇C(θ⁽⁰⁾)‖ (diverged) and ‖∇C(θ⁽⁰⁾)‖ < gradient_tolerance (converged). The convention of every
/// optimizer in optim: a run started where its stopping test already holds takes no step and
/// reports 0 iterations. Returns the status to stop with, or nullopt to start.
[[nodiscard]] std::optional<Status> check_start(const StopCriteria& criteria, const Iterate& start);

/// Checks the criteria after the step from `previous` to `current`, in the order above
/// after a non-finite check (a NaN or infinite value or gradient stops the run as
/// diverged: never a silent NaN). Returns the status to stop with, or nullopt to go on.
/// `started` is when the run began, for the time limit.
[[nodiscard]] std::optional<Status> check_stop(const StopCriteria& criteria,
                                               const Iterate& previous, const Iterate& current,
                                               std::chrono::steady_clock::time_point started);

}  // namespace descent::optim
