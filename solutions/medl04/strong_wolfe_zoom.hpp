#pragma once
/// \file
/// Solution of the exercise medl04/strong_wolfe_zoom (bisection; the library's zoom in
/// lib/src/optim/line_search.cpp interpolates with a cubic instead).
///
/// The reference solution: look only once `scripts/exercises check strong_wolfe_zoom` passes.

#include <cmath>
#include <functional>
#include <stdexcept>
#include <utility>

namespace descent::exercises {

using PhiAndSlope = std::function<std::pair<double, double>(double)>;

inline double strong_wolfe_zoom(const PhiAndSlope& phi, double phi0, double dphi0, double alpha_lo,
                                double alpha_hi, double c1, double c2, int max_evaluations) {
  double phi_lo = phi(alpha_lo).first;
  for (int k = 0; k < max_evaluations; ++k) {
    const double alpha = 0.5 * (alpha_lo + alpha_hi);
    const auto [value, slope] = phi(alpha);
    if (value > phi0 + c1 * alpha * dphi0 || value >= phi_lo) {  // (4.48) fails: shrink right
      alpha_hi = alpha;
      continue;
    }
    if (std::fabs(slope) <= -c2 * dphi0) return alpha;  // (4.50)
    if (slope * (alpha_hi - alpha_lo) >= 0) alpha_hi = alpha_lo;
    alpha_lo = alpha;
    phi_lo = value;
  }
  throw std::runtime_error("zoom: evaluation budget exhausted");
}

}  // namespace descent::exercises
