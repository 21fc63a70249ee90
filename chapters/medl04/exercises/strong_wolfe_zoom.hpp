#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.48) and (4.50)): the zoom phase of a strong-Wolfe line search
/// (Nocedal–Wright Algorithm 3.6).
///
/// The tests check the step you return against the two conditions themselves.
///
/// Fill it in, then check it:
///
///     scripts/exercises check strong_wolfe_zoom
///
/// Stuck? `scripts/exercises hint strong_wolfe_zoom` gives a nudge first, then the equations.

#include <functional>
#include <utility>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// φ(α) and φ′(α) together.
using PhiAndSlope = std::function<std::pair<double, double>(double)>;

/// Given a bracket (alpha_lo, alpha_hi) — alpha_lo satisfies (4.48) with the lowest φ seen, and
/// φ′(alpha_lo)(alpha_hi − alpha_lo) < 0 — return a step satisfying (4.48) with c1 and (4.50) with
/// c2, using at most `max_evaluations` evaluations; throw std::runtime_error otherwise.
///
/// TODO: repeatedly evaluate a trial step inside the bracket and shrink the bracket so that it
/// keeps its two properties, until a trial meets both conditions.
inline double strong_wolfe_zoom(const PhiAndSlope& phi, double phi0, double dphi0, double alpha_lo,
                                double alpha_hi, double c1, double c2, int max_evaluations) {
  (void)phi;
  (void)phi0;
  (void)dphi0;
  (void)alpha_lo;
  (void)alpha_hi;
  (void)c1;
  (void)c2;
  (void)max_evaluations;
  throw descent::not_implemented(
      "strong_wolfe_zoom in chapters/medl04/exercises/strong_wolfe_zoom.hpp");
}

}  // namespace descent::exercises
