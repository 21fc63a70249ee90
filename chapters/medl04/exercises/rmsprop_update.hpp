#pragma once
/// \file
/// Exercise (MEDL §4.3, (4.21)–(4.22)): one step of RMSprop.
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare with arrays
/// computed by torch.optim (tests/reference/fixtures/optim_first_order.json).
///
/// Fill it in, then check it:
///
///     scripts/exercises check rmsprop_update
///
/// Stuck? `scripts/exercises hint rmsprop_update` gives a nudge first, then the equations.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: the running average s of squared gradients (empty before
/// the first step).
struct RmspropState {
  std::vector<double> s;  ///< running average of squared gradients, one per coordinate
};

/// One step of RMSprop, MEDL (4.21)–(4.22): updates theta and state in place; g is ∇C(θ⁽ᵗ⁾).
///
/// TODO: smooth the squared gradient into s as (4.22) does for RMSprop, then take the step (4.21).
inline void rmsprop_update(std::vector<double>& theta, const std::vector<double>& g,
                           RmspropState& state, double alpha, double gamma, double epsilon) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)gamma;
  (void)epsilon;
  throw descent::not_implemented("rmsprop_update in chapters/medl04/exercises/rmsprop_update.hpp");
}

}  // namespace descent::exercises
