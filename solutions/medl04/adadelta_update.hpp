#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.38)): one step of Adadelta, which has no learning rate.
///
/// The reference solution: look only once `scripts/exercises check adadelta_update` passes.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: s: running average of squared gradients; delta: running
/// average of squared steps (both empty before the first step).
struct AdadeltaState {
  std::vector<double> s;      ///< running average of squared gradients, one per coordinate
  std::vector<double> delta;  ///< running average of squared steps, one per coordinate
};

/// One step of Adadelta, MEDL (4.38): updates theta and state in place; g is ∇C(θ⁽ᵗ⁾).
inline void adadelta_update(std::vector<double>& theta, const std::vector<double>& g,
                            AdadeltaState& state, double gamma, double rho, double epsilon) {
  if (state.s.empty()) state.s.assign(theta.size(), 0.0);
  if (state.delta.empty()) state.delta.assign(theta.size(), 0.0);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    state.s[i] = gamma * state.s[i] + (1 - gamma) * g[i] * g[i];
    const double step =
        (std::sqrt(state.delta[i]) + epsilon) / (std::sqrt(state.s[i]) + epsilon) * g[i];
    theta[i] -= step;  // (4.38)
    state.delta[i] = rho * state.delta[i] + (1 - rho) * step * step;
  }
}

}  // namespace descent::exercises
