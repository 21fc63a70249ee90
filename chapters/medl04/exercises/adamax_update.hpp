#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.41)–(4.42)): one step of Adamax.
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare with arrays
/// computed by torch.optim (tests/reference/fixtures/optim_first_order.json).
///
/// (4.42) writes r_i beside the vectors θ and v̂: read it coordinate by coordinate.
///
/// Fill it in, then check it:
///
///     scripts/exercises check adamax_update
///
/// Stuck? `scripts/exercises hint adamax_update` gives a nudge first, then the equations.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: v: first moment; r: the max-norm (both empty before the
/// first step); t: steps taken so far.
struct AdamaxState {
  std::vector<double> v;  ///< first moment (average of gradients), one per coordinate
  std::vector<double> r;  ///< the max-norm, one per coordinate
  int t = 0;              ///< steps taken so far
};

/// One step of Adamax, MEDL (4.41)–(4.42): updates theta and state in place; g is ∇C(θ).
///
/// TODO: update the momentum v and its bias correction as ADAM does (4.16, 4.24), the L∞ smoothing
/// r of (4.41), and take the step (4.42).
inline void adamax_update(std::vector<double>& theta, const std::vector<double>& g,
                          AdamaxState& state, double alpha, double beta, double gamma,
                          double epsilon) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)beta;
  (void)gamma;
  (void)epsilon;
  throw descent::not_implemented("adamax_update in chapters/medl04/exercises/adamax_update.hpp");
}

}  // namespace descent::exercises
