#pragma once
/// \file
/// Exercise (MEDL §4.6, (4.69)): the L-BFGS product B̃∇C by the two-loop recursion.
///
/// The tests compare with the explicit product (4.69), corrected (the printed last line shifts an
/// index: errata), and with a one-pair case by hand.
///
/// Fill it in, then check it:
///
///     scripts/exercises check lbfgs_two_loop
///
/// Stuck? `scripts/exercises hint lbfgs_two_loop` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// B̃g for the pairs (s[k], y[k]), k = 0 the oldest, with B_init = γI and γ = yᵀs / yᵀy of the
/// newest pair (γ = 1 when there is none).
///
/// TODO: compute B̃g without forming B̃, by the two-loop recursion (Nocedal–Wright Algorithm 7.4),
/// which multiplies out (4.69) from the right.
inline std::vector<double> lbfgs_two_loop(const std::vector<std::vector<double>>& s,
                                          const std::vector<std::vector<double>>& y,
                                          const std::vector<double>& g) {
  (void)s;
  (void)y;
  (void)g;
  throw descent::not_implemented("lbfgs_two_loop in chapters/medl04/exercises/lbfgs_two_loop.hpp");
}

}  // namespace descent::exercises
