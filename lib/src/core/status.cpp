#include "descent/core/status.hpp"

namespace descent {

const char* to_string(StopReason reason) {
  switch (reason) {
    case StopReason::converged: return "converged";
    case StopReason::iteration_limit: return "iteration limit reached";
    case StopReason::diverged: return "diverged";
    case StopReason::zero_curvature: return "zero curvature";
    case StopReason::line_search_failed: return "line search failed";
    case StopReason::not_descent_direction: return "not a descent direction";
    case StopReason::singular_hessian: return "singular Hessian";
  }
  return "unknown";
}

std::string Status::to_string() const {
  std::string s = descent::to_string(reason);
  s += " after " + std::to_string(iterations) + (iterations == 1 ? " iteration" : " iterations");
  if (!detail.empty()) s += ": " + detail;
  return s;
}

}  // namespace descent
