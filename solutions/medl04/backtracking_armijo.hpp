#pragma once
/// \file
/// Solution of the exercise medl04/backtracking_armijo (MEDL (4.48)).
///
/// The reference solution: look only once `scripts/exercises check backtracking_armijo` passes.

#include <functional>
#include <stdexcept>

namespace descent::exercises {

inline double backtracking_armijo(const std::function<double(double)>& phi, double phi0,
                                  double dphi0, double alpha0, double factor, double c1,
                                  int max_trials) {
  double alpha = alpha0;
  for (int k = 0; k < max_trials; ++k, alpha *= factor)
    if (phi(alpha) <= phi0 + c1 * alpha * dphi0) return alpha;  // MEDL (4.48)
  throw std::runtime_error("backtracking: no sufficient decrease");
}

}  // namespace descent::exercises
