#pragma once
/// \file
/// Exercise (Aggarwal §3.5.6.1, nonlinear conjugate gradients): the two classical β of θ_d⁽ᵗ⁺¹⁾ =
/// −∇L(W_{t+1}) + β_t θ_d⁽ᵗ⁾ (3.49) that need no Hessian.
///
/// The tests compare with linear CG's β on a quadratic (catalogue A43) and cases worked by hand.
///
/// Fill it in, then check it:
///
///     scripts/exercises check nonlinear_cg_beta
///
/// Stuck? `scripts/exercises hint nonlinear_cg_beta` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// Fletcher–Reeves: β = ‖g_new‖² / ‖g_old‖², with g_old = ∇L(W_t), g_new = ∇L(W_{t+1}).
///
/// TODO: the formula above.
inline double fletcher_reeves(const std::vector<double>& g_old, const std::vector<double>& g_new) {
  (void)g_old;
  (void)g_new;
  throw descent::not_implemented(
      "fletcher_reeves in chapters/aggarwal03/exercises/nonlinear_cg_beta.hpp");
}

/// Polak–Ribière+: β = max(0, g_newᵀ(g_new − g_old) / ‖g_old‖²). A negative value becomes 0, which
/// restarts the method with the steepest-descent direction.
///
/// TODO: the formula above.
inline double polak_ribiere_plus(const std::vector<double>& g_old,
                                 const std::vector<double>& g_new) {
  (void)g_old;
  (void)g_new;
  throw descent::not_implemented(
      "polak_ribiere_plus in chapters/aggarwal03/exercises/nonlinear_cg_beta.hpp");
}

}  // namespace descent::exercises
