#include "descent/optim/trajectory.hpp"

#include <cmath>
#include <string>

#include "descent/core/interval.hpp"

namespace descent::optim {

void StopCriteria::validate() const {
  require("max_iterations", max_iterations, Interval::closed(1, 1e9));
  require("gradient_tolerance", gradient_tolerance, Interval::at_least(0));
  require("absolute_improvement", absolute_improvement, Interval::at_least(0));
  require("relative_improvement", relative_improvement, Interval::at_least(0));
  require("step_tolerance", step_tolerance, Interval::at_least(0));
  require("time_limit_seconds", time_limit_seconds, Interval::at_least(0));
}

std::optional<Status> check_start(const StopCriteria& c, const Iterate& start) {
  if (!std::isfinite(start.value) || !std::isfinite(start.gradient_norm))
    return Status{StopReason::diverged, "C(theta0) or its gradient is not finite", 0};
  if (c.gradient_tolerance > 0 && start.gradient_norm < c.gradient_tolerance)
    return Status{StopReason::converged, "|grad C(theta0)| = " + short_number(start.gradient_norm),
                  0};
  return std::nullopt;
}

std::optional<Status> check_stop(const StopCriteria& c, const Iterate& previous,
                                 const Iterate& current,
                                 std::chrono::steady_clock::time_point started) {
  auto stop = [&](StopReason reason, std::string detail) {
    return std::optional<Status>(Status{reason, std::move(detail), current.t});
  };
  if (!std::isfinite(current.value) || !std::isfinite(current.gradient_norm))
    return stop(StopReason::diverged, "C(theta) = " + short_number(current.value) +
                                          ", |grad C| = " + short_number(current.gradient_norm) +
                                          " at t = " + std::to_string(current.t));
  const double improvement = std::fabs(previous.value - current.value);
  if (c.gradient_tolerance > 0 && current.gradient_norm < c.gradient_tolerance)
    return stop(StopReason::converged, "|grad C| = " + short_number(current.gradient_norm) + " < " +
                                           short_number(c.gradient_tolerance));
  if (c.absolute_improvement > 0 && improvement < c.absolute_improvement)
    return stop(StopReason::converged, "|C(t) - C(t+1)| = " + short_number(improvement) + " < " +
                                           short_number(c.absolute_improvement));
  if (c.relative_improvement > 0 && previous.value != 0 &&
      improvement / std::fabs(previous.value) < c.relative_improvement)
    return stop(StopReason::converged, "relative improvement " +
                                           short_number(improvement / std::fabs(previous.value)) +
                                           " < " + short_number(c.relative_improvement));
  if (c.step_tolerance > 0 && current.step_norm < c.step_tolerance)
    return stop(StopReason::converged, "|theta_s| = " + short_number(current.step_norm) + " < " +
                                           short_number(c.step_tolerance));
  if (current.t >= c.max_iterations)
    return stop(StopReason::iteration_limit, "T = " + std::to_string(c.max_iterations));
  if (c.time_limit_seconds > 0) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    if (elapsed.count() >= c.time_limit_seconds)
      return stop(StopReason::iteration_limit,
                  "time limit of " + short_number(c.time_limit_seconds) + " s");
  }
  return std::nullopt;
}

}  // namespace descent::optim
