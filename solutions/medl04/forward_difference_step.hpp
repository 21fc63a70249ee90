#pragma once
/// \file
/// Solution of the exercise medl04/forward_difference_step (MEDL (4.26), suggested exercise E3).
///
/// The reference solution: look only once `scripts/exercises check forward_difference_step`
/// passes.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

namespace descent::exercises {

/// The function C: R^d → R whose gradient is estimated.
using Objective = std::function<double(const std::vector<double>&)>;

inline std::vector<double> forward_difference_gradient(const Objective& C,
                                                       const std::vector<double>& theta, double h) {
  const double base = C(theta);  // shared by every coordinate: d + 1 evaluations in all
  std::vector<double> g(theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    auto moved = theta;
    moved[i] += h;
    g[i] = (C(moved) - base) / h;  // (4.26)
  }
  return g;
}

inline double best_step(const Objective& C, const std::vector<double>& theta,
                        const std::vector<double>& exact, const std::vector<double>& steps) {
  double best = steps.front(), best_error = std::numeric_limits<double>::infinity();
  for (const double h : steps) {
    const auto g = forward_difference_gradient(C, theta, h);
    double error = 0;
    for (std::size_t i = 0; i < g.size(); ++i) error = std::max(error, std::fabs(g[i] - exact[i]));
    if (error < best_error) {
      best = h;
      best_error = error;
    }
  }
  return best;
}

/// d/dh [h|C″|/2 + 2ε|C|/h] = |C″|/2 − 2ε|C|/h² = 0: h* = 2√(ε|C|/|C″|).
inline double predicted_best_step(double value, double second_derivative) {
  const double eps = std::numeric_limits<double>::epsilon();
  return 2 * std::sqrt(eps * std::fabs(value) / std::fabs(second_derivative));
}

}  // namespace descent::exercises
