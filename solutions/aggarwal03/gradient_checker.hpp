#pragma once
/// \file
/// Solution of the exercise aggarwal03/gradient_checker (Aggarwal Eqs. 3.33–3.34).
///
/// The reference solution: look only once `scripts/exercises check gradient_checker` passes.

#include <algorithm>
#include <cmath>
#include <functional>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// A loss L(w) of the parameter vector w, the function whose gradient is checked.
using Loss = std::function<double(const vector&)>;

inline double forward_difference(const Loss& L, const vector& w, std::size_t i, double eps) {
  vector p = w;
  p(i) += eps;
  return (L(p) - L(w)) / eps;
}

inline double central_difference(const Loss& L, const vector& w, std::size_t i, double eps) {
  vector p = w, m = w;
  p(i) += eps;
  m(i) -= eps;
  return (L(p) - L(m)) / (2 * eps);
}

inline double relative_ratio(double estimated, double analytic) {
  const double ae = std::fabs(estimated), aa = std::fabs(analytic);
  if (ae < 1e-15 && aa < 1e-15) return 0;
  double den = std::fabs(estimated + analytic);
  if (den == 0) den = std::max(ae, aa);
  return std::fabs(estimated - analytic) / den;
}

}  // namespace descent::exercises
