#pragma once
/// \file
/// Solution of the exercise medl04/newton_step: the Newton step (4.51) and the secant step (4.53).
///
/// The reference solution: look only once `scripts/exercises check newton_step` passes.

#include <stdexcept>

namespace descent::exercises {

inline double newton_step(double d1, double d2) {
  // dQ/dθ = C' + (θ − θ⁽ᵗ⁾)C'' = 0 has a unique solution only when C'' ≠ 0 (4.51).
  if (d2 == 0) throw std::domain_error("Newton step undefined: C'' = 0");
  return -d1 / d2;
}

inline double secant_step(double theta_prev, double theta, double d1_prev, double d1) {
  if (theta == theta_prev) throw std::domain_error("secant step undefined: equal points");
  const double slope = (d1 - d1_prev) / (theta - theta_prev);  // MEDL (4.53)
  return newton_step(d1, slope);
}

}  // namespace descent::exercises
