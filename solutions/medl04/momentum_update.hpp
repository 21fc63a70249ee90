#pragma once
/// \file
/// Exercise (MEDL §4.3, (4.16)–(4.17)): one step of gradient descent with momentum.
///
/// The reference solution: look only once `scripts/exercises check momentum_update` passes.

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
inline void momentum_update(std::vector<double>& theta, const std::vector<double>& g,
                            MomentumState& state, double alpha, double beta) {
  if (state.v.empty()) state.v.assign(theta.size(), 0.0);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    state.v[i] = beta * state.v[i] + (1 - beta) * g[i];  // (4.16)
    theta[i] -= alpha * state.v[i];                      // (4.17)
  }
}

}  // namespace descent::exercises
