#pragma once
/// \file
/// Exercise (MEDL §4.4, (4.26); the catalogue's suggested exercise E3): the step h that
/// minimizes the error of the forward-difference gradient of (4.27) at θ = (π/6, 2, 5).
///
/// "The choice of h trades truncation against round-off" (footnote 19 and the text): you write
/// the estimate (4.26), the search for the best h among given steps, and the step that the
/// error model predicts; the tests check the V shape of the error against the exact gradient
/// of Table 4.3 and numpy's errors.
///
/// Fill it in, then check it:
///
///     scripts/exercises check forward_difference_step
///
/// Stuck? `scripts/exercises hint forward_difference_step` gives a nudge first, then the equations.

#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// The function C: R^d → R whose gradient is estimated.
using Objective = std::function<double(const std::vector<double>&)>;

/// The forward-difference estimate (4.26) of ∇C(θ) with step h, evaluating C exactly d + 1 times.
///
/// TODO: (4.26) for every coordinate i, evaluating C(θ) once for all of them.
inline std::vector<double> forward_difference_gradient(const Objective& C,
                                                       const std::vector<double>& theta, double h) {
  (void)C;
  (void)theta;
  (void)h;
  throw descent::not_implemented(
      "forward_difference_gradient in chapters/medl04/exercises/forward_difference_step.hpp");
}

/// Among `steps`, the h whose estimate has the smallest error max_i |estimate_i − exact_i|.
///
/// TODO: estimate with every step, measure the error against `exact`, keep the best.
inline double best_step(const Objective& C, const std::vector<double>& theta,
                        const std::vector<double>& exact, const std::vector<double>& steps) {
  (void)C;
  (void)theta;
  (void)exact;
  (void)steps;
  throw descent::not_implemented(
      "best_step in chapters/medl04/exercises/forward_difference_step.hpp");
}

/// The h that minimizes the error model of a forward difference in double precision,
/// truncation h|C″|/2 plus round-off 2ε|C|/h (ε = 2⁻⁵², the machine epsilon), given |C| and
/// |C″| along the coordinate.
///
/// TODO: minimize the model over h > 0.
inline double predicted_best_step(double value, double second_derivative) {
  (void)value;
  (void)second_derivative;
  throw descent::not_implemented(
      "predicted_best_step in chapters/medl04/exercises/forward_difference_step.hpp");
}

}  // namespace descent::exercises
