#pragma once
/// \file
/// Exercise (MEDL §4.6, (4.66)–(4.67)): the BFGS update of B ≈ (∇²C)⁻¹.
///
///     cmake --build build --target exercise-medl04-bfgs_update

#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

using Matrix = std::vector<std::vector<double>>;  ///< row by row

/// B ← VᵀBV + ρ s sᵀ with ρ = 1/(yᵀs), V = I − ρ y sᵀ (s = θ_s, y = g_s). Throw
/// std::domain_error when the curvature condition yᵀs > 0 (4.64) fails.
///
/// TODO: any correct form passes; try the O(d²) one.
/// Hint: with u = By, VᵀBV + ρssᵀ = B − ρ(s uᵀ + u sᵀ) + (ρ² yᵀu + ρ) s sᵀ.
inline void bfgs_update(Matrix& b, const std::vector<double>& s, const std::vector<double>& y) {
  (void)b;
  (void)s;
  (void)y;
  throw descent::not_implemented("bfgs_update in chapters/medl04/exercises/bfgs_update.hpp");
}

}  // namespace descent::exercises
