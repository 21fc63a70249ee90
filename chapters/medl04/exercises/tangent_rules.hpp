#pragma once
/// \file
/// Exercise (MEDL §4.4, (4.29)): the tangent rules of sin, exp and multiplication.
///
/// A dual number carries a primal a and its tangent ȧ. Forward mode applies to each elementary
/// operation f the rule ȧ_f = Σ_k ∂f/∂u_k · u̇_k (4.29). The tests compare with sympy's exact
/// derivatives and rebuild Table 4.2 with your rules.
///
/// Fill it in, then check it:
///
///     scripts/exercises check tangent_rules
///
/// Stuck? `scripts/exercises hint tangent_rules` gives a nudge first, then the equations.

#include "descent/autodiff/dual.hpp"
#include "descent/core/error.hpp"

namespace descent::exercises {

using autodiff::Dual1;  // .value = a, .tangent = ȧ

/// sin(a) with its tangent.
///
/// TODO: the primal is sin of the primal; the tangent is (4.29) with one input.
inline Dual1 tangent_sin(Dual1 a) {
  (void)a;
  throw descent::not_implemented("tangent_sin in chapters/medl04/exercises/tangent_rules.hpp");
}

/// exp(a) with its tangent.
///
/// TODO: (4.29) with one input; exp is its own derivative.
inline Dual1 tangent_exp(Dual1 a) {
  (void)a;
  throw descent::not_implemented("tangent_exp in chapters/medl04/exercises/tangent_rules.hpp");
}

/// a·b with its tangent.
///
/// TODO: (4.29) with two inputs: both may move.
inline Dual1 tangent_mul(Dual1 a, Dual1 b) {
  (void)a;
  (void)b;
  throw descent::not_implemented("tangent_mul in chapters/medl04/exercises/tangent_rules.hpp");
}

}  // namespace descent::exercises
