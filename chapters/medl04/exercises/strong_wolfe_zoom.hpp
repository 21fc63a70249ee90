#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.48) and (4.50)): the zoom phase of a strong-Wolfe line search
/// (Nocedal–Wright Algorithm 3.6).
///
///     cmake --build build --target exercise-medl04-strong_wolfe_zoom

#include <functional>
#include <utility>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// φ(α) and φ′(α) together.
using PhiAndSlope = std::function<std::pair<double, double>(double)>;

/// Given a bracket (alpha_lo, alpha_hi) — alpha_lo satisfies (4.48) with the lowest φ seen, and
/// φ′(alpha_lo)(alpha_hi − alpha_lo) < 0 — return a step satisfying (4.48) with c1 and (4.50)
/// with c2, using at most `max_evaluations` evaluations; throw std::runtime_error otherwise.
///
/// TODO: pick a trial α inside the bracket (bisection is enough), evaluate, and shrink the
/// bracket keeping its two properties.
/// Hint: a trial that breaks (4.48) or is not below φ(alpha_lo) becomes alpha_hi; otherwise
/// it becomes alpha_lo — but first check (4.50), and mind the sign of φ′.
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
