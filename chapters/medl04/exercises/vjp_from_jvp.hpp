#pragma once
/// \file
/// Exercise (MEDL §4.4): a vector-Jacobian product uᵀJ built from Jacobian-vector products.
///
/// Forward mode gives you `jvp(v)` = J v, one combination of columns per call. Build the row vector
/// uᵀJ ∈ ℝ^d out of it, and compare with the reverse mode's single sweep (`autodiff::vjp`): this is
/// why MEDL says the gradient of a loss (m = 1, d large) should not be computed with jvp.
///
/// Fill it in, then check it:
///
///     scripts/exercises check vjp_from_jvp
///
/// Stuck? `scripts/exercises hint vjp_from_jvp` gives a nudge first, then the equations.

#include <cstddef>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// v ↦ J v for a fixed point θ (m outputs).
using JacobianVectorProduct = std::function<std::vector<double>(const std::vector<double>&)>;

/// uᵀJ for a function of `d` inputs, using only `jvp`.
///
/// TODO: compute entry j of uᵀJ for every j from calls of `jvp`. The tests count the calls.
inline std::vector<double> vjp_from_jvp(const JacobianVectorProduct& jvp, std::size_t d,
                                        const std::vector<double>& u) {
  (void)jvp;
  (void)d;
  (void)u;
  throw descent::not_implemented("vjp_from_jvp in chapters/medl04/exercises/vjp_from_jvp.hpp");
}

}  // namespace descent::exercises
