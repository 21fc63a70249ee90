#pragma once
/// \file
/// Exercise (MEDL §4.3, (4.16)–(4.17)): one step of gradient descent with momentum.
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare with arrays
/// computed by torch.optim (tests/reference/fixtures/optim_first_order.json).
///
/// Fill it in, then check it:
///
///     scripts/exercises check momentum_update
///
/// Stuck? `scripts/exercises hint momentum_update` gives a nudge first, then the equations.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: the velocity v (empty before the first step: v(0) = 0).
struct MomentumState {
  std::vector<double> v;  ///< the velocity, one per coordinate
};

/// One step of momentum, MEDL (4.16)–(4.17): updates theta and state in place; g is ∇C(θ⁽ᵗ⁾).
///
/// TODO: update the momentum v by (4.16), then take the parameter step (4.17). This is the book's
/// form, with the factor (1 − β) (footnote 15 gives the other).
inline void momentum_update(std::vector<double>& theta, const std::vector<double>& g,
                            MomentumState& state, double alpha, double beta) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)beta;
  throw descent::not_implemented(
      "momentum_update in chapters/medl04/exercises/momentum_update.hpp");
}

}  // namespace descent::exercises
