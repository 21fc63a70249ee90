#pragma once
/// \file
/// Solution of the exercise medl04/largest_stable_alpha (MEDL Figure 4.2, suggested exercise E9).
///
/// The reference solution: look only once `scripts/exercises check largest_stable_alpha` passes.

#include <array>
#include <cmath>

namespace descent::exercises {

inline bool gd_converges(double alpha, const std::array<double, 2>& theta_init, long steps,
                         double tolerance) {
  double x = theta_init[0], y = theta_init[1];
  for (long t = 0; t < steps; ++t) {
    // ∇C = (−2(1 − θ₁) − 400θ₁(θ₂ − θ₁²), 200(θ₂ − θ₁²))
    const double gx = -2 * (1 - x) - 400 * x * (y - x * x), gy = 200 * (y - x * x);
    x -= alpha * gx;
    y -= alpha * gy;
    if (!(std::fabs(x) < 1e6 && std::fabs(y) < 1e6)) return false;  // NaN fails too
  }
  return std::hypot(x - 1, y - 1) <= tolerance;
}

inline double largest_stable_alpha(double converging, double failing,
                                   const std::array<double, 2>& theta_init, long steps,
                                   double tolerance, int bisections) {
  double lo = converging, hi = failing;
  for (int k = 0; k < bisections; ++k) {
    const double mid = (lo + hi) / 2;
    (gd_converges(mid, theta_init, steps, tolerance) ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace descent::exercises
