#pragma once
/// \file
/// Exercise (MEDL §4.2, Figure 4.2; the catalogue's suggested exercise E9): the largest fixed
/// learning rate α for which gradient descent on Rosenbrock (4.9) from θ_init = (0.2, −0.2)
/// still converges in 10⁵ steps.
///
/// Figure 4.2 runs α = 0.005 and 0.0025 (the authors' code; the text gives neither) and finds no
/// minimum: both end on 2-cycles. You write the convergence test and a bisection on α; the tests
/// compare with numpy runs and with what the local theory predicts near θ* = (1, 1): gradient
/// descent there contracts iff α < 2/λ_max(∇²C(θ*)) (the notes' Eq. 2.4 argument).
///
/// Fill it in, then check it:
///
///     scripts/exercises check largest_stable_alpha
///
/// Stuck? `scripts/exercises hint largest_stable_alpha` gives a nudge first, then the equations.

#include <array>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// Whether gradient descent θ ← θ − α∇C(θ) on C(θ) = (1 − θ₁)² + 100(θ₂ − θ₁²)² (4.9), from
/// theta_init for `steps` steps, ends within `tolerance` (Euclidean distance) of (1, 1). A run
/// whose |θ₁| or |θ₂| exceeds 10⁶ (or stops being finite) has diverged: false at once.
///
/// TODO: run the iteration and test where it ends.
inline bool gd_converges(double alpha, const std::array<double, 2>& theta_init, long steps,
                         double tolerance) {
  (void)alpha;
  (void)theta_init;
  (void)steps;
  (void)tolerance;
  throw descent::not_implemented(
      "gd_converges in chapters/medl04/exercises/largest_stable_alpha.hpp");
}

/// Bisection on α: `converging` is a rate for which gd_converges holds, `failing` one for which
/// it does not; after `bisections` halvings of that interval, the last rate known to converge.
///
/// TODO: keep the invariant gd_converges(lo) && !gd_converges(hi) while halving [lo, hi].
inline double largest_stable_alpha(double converging, double failing,
                                   const std::array<double, 2>& theta_init, long steps,
                                   double tolerance, int bisections) {
  (void)converging;
  (void)failing;
  (void)theta_init;
  (void)steps;
  (void)tolerance;
  (void)bisections;
  throw descent::not_implemented(
      "largest_stable_alpha in chapters/medl04/exercises/largest_stable_alpha.hpp");
}

}  // namespace descent::exercises
