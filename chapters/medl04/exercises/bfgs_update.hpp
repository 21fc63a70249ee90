#pragma once
/// \file
/// Exercise (MEDL §4.6, (4.66)–(4.67)): the BFGS update of B ≈ (∇²C)⁻¹.
///
/// The tests check a hand-computed update, the secant equation (4.63), symmetry and the curvature
/// condition (4.64).
///
/// Fill it in, then check it:
///
///     scripts/exercises check bfgs_update
///
/// Stuck? `scripts/exercises hint bfgs_update` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

using Matrix = std::vector<std::vector<double>>;  ///< row by row

/// B ← VᵀBV + ρ s sᵀ with ρ = 1/(yᵀs), V = I − ρ y sᵀ (s = θ_s, y = g_s). Throw std::domain_error
/// when the curvature condition yᵀs > 0 (4.64) fails.
///
/// TODO: the update (4.66)–(4.67). Any correct form passes; the one that costs O(d²) instead of the
/// O(d³) of two matrix products is worth finding.
inline void bfgs_update(Matrix& b, const std::vector<double>& s, const std::vector<double>& y) {
  (void)b;
  (void)s;
  (void)y;
  throw descent::not_implemented("bfgs_update in chapters/medl04/exercises/bfgs_update.hpp");
}

}  // namespace descent::exercises
