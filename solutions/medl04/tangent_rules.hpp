#pragma once
/// \file
/// Solution of the exercise medl04/tangent_rules (MEDL (4.29)).
///
/// The reference solution: look only once `scripts/exercises check tangent_rules` passes.

#include <cmath>

#include "descent/autodiff/dual.hpp"

namespace descent::exercises {

using autodiff::Dual1;

inline Dual1 tangent_sin(Dual1 a) {
  return {std::sin(a.value), std::cos(a.value) * a.tangent};
}

inline Dual1 tangent_exp(Dual1 a) {
  const double e = std::exp(a.value);
  return {e, e * a.tangent};
}

inline Dual1 tangent_mul(Dual1 a, Dual1 b) {
  return {a.value * b.value, a.tangent * b.value + a.value * b.tangent};  // product rule
}

}  // namespace descent::exercises
