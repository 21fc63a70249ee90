#pragma once
/// \file
/// Exercise (MEDL §4.4, (4.29)): write the tangent rules of sin, exp and multiplication.
///
/// A dual number carries a primal a and its tangent ȧ. Forward mode applies to each
/// elementary operation f the rule ȧ_f = Σ_k ∂f/∂u_k · u̇_k (4.29). Fill in the three
/// functions below, then run
///
///     cmake --build build --target exercise-medl04-tangent_rules
///
/// The tests compare with sympy's exact derivatives and rebuild Table 4.2 with your rules.

#include "descent/autodiff/dual.hpp"
#include "descent/core/error.hpp"

namespace descent::exercises {

using autodiff::Dual1;  // .value = a, .tangent = ȧ

/// sin(a) with its tangent.
/// TODO: the value is sin(a.value); what multiplies a.tangent?
/// Hint: Table 4.2's node 4 uses footnote 23, cos(π/3) = 1/2.
inline Dual1 tangent_sin(Dual1 a) {
  (void)a;
  throw descent::not_implemented("tangent_sin in chapters/medl04/exercises/tangent_rules.hpp");
}

/// exp(a) with its tangent.
/// TODO: compute exp once and use it twice.
inline Dual1 tangent_exp(Dual1 a) {
  (void)a;
  throw descent::not_implemented("tangent_exp in chapters/medl04/exercises/tangent_rules.hpp");
}

/// a·b with its tangent.
/// TODO: the product rule; both inputs may move.
inline Dual1 tangent_mul(Dual1 a, Dual1 b) {
  (void)a;
  (void)b;
  throw descent::not_implemented("tangent_mul in chapters/medl04/exercises/tangent_rules.hpp");
}

}  // namespace descent::exercises
