#pragma once
/// \file
/// Exercise (MEDL §4.3, Algorithm 4.2): one step of ADAM.
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare with arrays
/// computed by torch.optim (tests/reference/fixtures/optim_first_order.json).
///
/// Fill it in, then check it:
///
///     scripts/exercises check adam_update
///
/// Stuck? `scripts/exercises hint adam_update` gives a nudge first, then the equations.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: v, s: first and second moments (empty before the first
/// step); t: steps taken so far.
struct AdamState {
  std::vector<double> v;  ///< first moment (average of gradients), one per coordinate
  std::vector<double> s;  ///< second moment (average of squared gradients), one per coordinate
  int t = 0;              ///< steps taken so far
};

/// One step of ADAM, MEDL Algorithm 4.2: updates theta and state in place; g is ∇C(θ) (line 4).
///
/// TODO: carry out lines 5–10 of Algorithm 4.2 once. `state.t` is the number of steps taken before
/// this one.
inline void adam_update(std::vector<double>& theta, const std::vector<double>& g, AdamState& state,
                        double alpha, double beta, double gamma, double epsilon) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)beta;
  (void)gamma;
  (void)epsilon;
  throw descent::not_implemented("adam_update in chapters/medl04/exercises/adam_update.hpp");
}

}  // namespace descent::exercises
