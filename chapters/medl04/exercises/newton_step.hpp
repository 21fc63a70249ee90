#pragma once
/// \file
/// Exercise (MEDL §4.6): the Newton step (4.51) and the secant step (4.53).
///
/// The tests iterate your steps on the book's example (4.52) and compare with the iterates the book
/// prints and with exact rational arithmetic.
///
/// Fill it in, then check it:
///
///     scripts/exercises check newton_step
///
/// Stuck? `scripts/exercises hint newton_step` gives a nudge first, then the equations.

#include "descent/core/error.hpp"

namespace descent::exercises {

/// The Newton step θ_s = θ⁽ᵗ⁺¹⁾ − θ⁽ᵗ⁾ at a point where C′ = `d1` and C″ = `d2`. Throw
/// std::domain_error when the step is undefined.
///
/// TODO: the step to the stationary point of the local quadratic Q⁽ᵗ⁾(θ) = C + (θ − θ⁽ᵗ⁾)C′ + ½(θ −
/// θ⁽ᵗ⁾)²C″, as (4.51).
inline double newton_step(double d1, double d2) {
  (void)d1;
  (void)d2;
  throw descent::not_implemented("newton_step in chapters/medl04/exercises/newton_step.hpp");
}

/// The secant step: the Newton step with C″(θ⁽ᵗ⁾) replaced by the slope of C′ between θ⁽ᵗ⁻¹⁾ (where
/// C′ = `d1_prev`) and θ⁽ᵗ⁾ (where C′ = `d1`). Throw std::domain_error when the step is undefined.
///
/// TODO: approximate C″ as (4.53) does, then take the Newton step with it.
inline double secant_step(double theta_prev, double theta, double d1_prev, double d1) {
  (void)theta_prev;
  (void)theta;
  (void)d1_prev;
  (void)d1;
  throw descent::not_implemented("secant_step in chapters/medl04/exercises/newton_step.hpp");
}

}  // namespace descent::exercises
