#pragma once
/// \file
/// The BFGS update of the inverse-Hessian approximation B, MEDL (4.66)/(4.67), from the pair
/// θ_s = θ⁽ᵗ⁺¹⁾ − θ⁽ᵗ⁾, g_s = ∇C(θ⁽ᵗ⁺¹⁾) − ∇C(θ⁽ᵗ⁾) (4.62): B ← VᵀBV + ρθ_sθ_sᵀ with
/// ρ = 1/(g_sᵀθ_s) and V = I − ρg_sθ_sᵀ, in the form the book prints and in the O(d²) rank-two
/// form Algorithm 4.3 runs (quasi_newton.hpp); the tests hold the two equal.

#include "descent/core/tensor.hpp"

namespace descent::optim {

/// (4.66) as printed: VᵀBV + ρθ_sθ_sᵀ with V = I − ρg_sθ_sᵀ, two d×d×d matrix products, O(d³).
[[nodiscard]] matrix bfgs_update_literal(const matrix& b, const vector& s, const vector& y);

/// The same update expanded to rank two, in place and O(d²):
/// B ← B − ρ(θ_s(Bg_s)ᵀ + (Bg_s)θ_sᵀ) + (ρ²g_sᵀBg_s + ρ)θ_sθ_sᵀ.
/// `work` receives Bg_s (resized if needed). Requires g_sᵀθ_s > 0 (throws otherwise).
void bfgs_update(matrix& b, const vector& s, const vector& y, vector& work);

}  // namespace descent::optim
