#pragma once
/// \file
/// Exercise (MEDL §4.6, (4.69)): the L-BFGS product B̃∇C by the two-loop recursion.
///
///     cmake --build build --target exercise-medl04-lbfgs_two_loop

#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// B̃g for the pairs (s[k], y[k]), k = 0 the oldest, with B_init = γI and
/// γ = yᵀs / yᵀy of the newest pair (γ = 1 when there is none).
///
/// TODO: first loop newest to oldest: a_k = ρ_k s_kᵀq, q ← q − a_k y_k; then r = γq; second
/// loop oldest to newest: b = ρ_k y_kᵀr, r ← r + s_k(a_k − b). ρ_k = 1/(y_kᵀs_k).
/// Hint: keep the a_k of the first loop for the second.
inline std::vector<double> lbfgs_two_loop(const std::vector<std::vector<double>>& s,
                                          const std::vector<std::vector<double>>& y,
                                          const std::vector<double>& g) {
  (void)s;
  (void)y;
  (void)g;
  throw descent::not_implemented("lbfgs_two_loop in chapters/medl04/exercises/lbfgs_two_loop.hpp");
}

}  // namespace descent::exercises
