#pragma once
/// \file
/// Exercise (MEDL §4.3, (4.21)–(4.22)): one step of RMSprop.
///
/// The reference solution: look only once `scripts/exercises check rmsprop_update` passes.

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
inline void rmsprop_update(std::vector<double>& theta, const std::vector<double>& g,
                           RmspropState& state, double alpha, double gamma, double epsilon) {
  if (state.s.empty()) state.s.assign(theta.size(), 0.0);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    state.s[i] = gamma * state.s[i] + (1 - gamma) * g[i] * g[i];
    theta[i] -= alpha * g[i] / (std::sqrt(state.s[i]) + epsilon);
  }
}

}  // namespace descent::exercises
