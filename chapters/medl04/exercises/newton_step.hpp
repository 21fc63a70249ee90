#pragma once
/// \file
/// Exercise (MEDL §4.6): write the Newton step (4.51) and the secant step (4.53).
///
/// Fill in the two functions below, then run
///
///     cmake --build build --target exercise-medl04-newton_step
///
/// to see which test cases pass. The tests iterate your steps on the book's example
/// (4.52) and compare with the iterates the book prints and with scipy.

#include "descent/core/error.hpp"

namespace descent::exercises {

/// The Newton step θ_s = θ⁽ᵗ⁺¹⁾ − θ⁽ᵗ⁾ at a point where C' = `d1` and C'' = `d2`.
/// Throw std::domain_error when the step is undefined.
///
/// TODO: minimize the local quadratic Q⁽ᵗ⁾(θ) = C + (θ − θ⁽ᵗ⁾)C' + ½(θ − θ⁽ᵗ⁾)²C''.
/// Hint: set dQ/dθ = 0 and solve for θ − θ⁽ᵗ⁾. When is there no solution?
inline double newton_step(double d1, double d2) {
  (void)d1;
  (void)d2;
  throw descent::not_implemented("newton_step in chapters/medl04/exercises/newton_step.hpp");
}

/// The secant step: the Newton step with C''(θ⁽ᵗ⁾) replaced by the slope of C' between
/// θ⁽ᵗ⁻¹⁾ (where C' = `d1_prev`) and θ⁽ᵗ⁾ (where C' = `d1`).
/// Throw std::domain_error when the step is undefined.
///
/// TODO: approximate C'' as in (4.53), then reuse your newton_step.
/// Hint: two things can make the slope undefined or useless.
inline double secant_step(double theta_prev, double theta, double d1_prev, double d1) {
  (void)theta_prev;
  (void)theta;
  (void)d1_prev;
  (void)d1;
  throw descent::not_implemented("secant_step in chapters/medl04/exercises/newton_step.hpp");
}

}  // namespace descent::exercises
