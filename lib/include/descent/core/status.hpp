#pragma once
/// \file
/// Why an iterative method stopped. Every optimizer returns one (docs/pages/design.md,
/// conventions): a run never ends in a silent NaN.

#include <string>

namespace descent {

/// How an iterative method ended; Status pairs it with a sentence and the iteration count.
enum class StopReason {
  converged,              ///< a convergence criterion held; `detail` names which
  iteration_limit,        ///< the iteration budget ran out first
  diverged,               ///< a non-finite value (NaN or ±inf) appeared
  zero_curvature,         ///< a Newton-type step divided by a zero (second) derivative
  line_search_failed,     ///< no step satisfied the line-search conditions
  not_descent_direction,  ///< the search direction does not decrease the objective
  singular_hessian,       ///< the Hessian (or its approximation) could not be solved with
};

/// The reason a method stopped, with a sentence for people and the iteration count.
struct Status {
  StopReason reason = StopReason::iteration_limit;  ///< what ended the run
  std::string detail;  ///< e.g. "|step| <= 1e-12 (1 + |theta|)"
  int iterations = 0;  ///< iterations completed when the method stopped

  /// True when `reason` is StopReason::converged.
  [[nodiscard]] bool converged() const { return reason == StopReason::converged; }
  /// One line such as "converged after 7 iterations: |step| <= 1e-12 (1 + |theta|)".
  [[nodiscard]] std::string to_string() const;
};

/// A short phrase for people, e.g. "line search failed" or "iteration limit reached".
[[nodiscard]] const char* to_string(StopReason reason);

}  // namespace descent
