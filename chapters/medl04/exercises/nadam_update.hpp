#pragma once
/// \file
/// Exercise (MEDL §4.5, Nadam): one step of Nadam, ADAM with look-ahead momentum.
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare with arrays
/// computed by a numpy transcription of the book (tests/reference/fixtures/optim_first_order.json).
///
/// Fill it in, then check it:
///
///     scripts/exercises check nadam_update
///
/// Stuck? `scripts/exercises hint nadam_update` gives a nudge first, then the equations.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: v, s: first and second moments (empty before the first
/// step); t: steps taken so far.
struct NadamState {
  std::vector<double> v;  ///< first moment (average of gradients), one per coordinate
  std::vector<double> s;  ///< second moment (average of squared gradients), one per coordinate
  int t = 0;              ///< steps taken so far
};

/// One step of Nadam, MEDL §4.5: updates theta and state in place; g is ∇C(θ).
///
/// TODO: ADAM (Algorithm 4.2) with line 7 replaced by the look-ahead v̂ that §4.5 gives for Nadam.
inline void nadam_update(std::vector<double>& theta, const std::vector<double>& g,
                         NadamState& state, double alpha, double beta, double gamma,
                         double epsilon) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)beta;
  (void)gamma;
  (void)epsilon;
  throw descent::not_implemented("nadam_update in chapters/medl04/exercises/nadam_update.hpp");
}

}  // namespace descent::exercises
