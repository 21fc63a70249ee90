#pragma once
/// \file
/// Exercise (MEDL §4.3, (4.21)–(4.22)): one step of Adagrad.
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare with arrays
/// computed by torch.optim (tests/reference/fixtures/optim_first_order.json).
///
/// Fill it in, then check it:
///
///     scripts/exercises check adagrad_update
///
/// Stuck? `scripts/exercises hint adagrad_update` gives a nudge first, then the equations.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: the sum s of squared gradients (empty before the first
/// step).
struct AdagradState {
  std::vector<double> s;  ///< sum of squared gradients so far, one per coordinate
};

/// One step of Adagrad, MEDL (4.21)–(4.22): updates theta and state in place; g is ∇C(θ⁽ᵗ⁾).
///
/// TODO: accumulate the squared gradient into s as (4.22) does for Adagrad, then take the step
/// (4.21).
inline void adagrad_update(std::vector<double>& theta, const std::vector<double>& g,
                           AdagradState& state, double alpha, double epsilon) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)epsilon;
  throw descent::not_implemented("adagrad_update in chapters/medl04/exercises/adagrad_update.hpp");
}

}  // namespace descent::exercises
