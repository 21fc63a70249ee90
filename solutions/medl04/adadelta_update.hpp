#pragma once
/// \file
/// Exercise (MEDL): write the Adadelta, MEDL (4.38) update.
///
/// (Reference solution.) Fill in adadelta_update below, then run
///
///     cmake --build build --target exercise-medl04-adadelta_update
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare
/// with arrays computed by a numpy transcription of the book
/// (tests/reference/fixtures/optim_first_order.json).

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: s: running average of squared gradients; delta: running
/// average of squared steps (both empty before the first step).
struct AdadeltaState {
  std::vector<double> s;
  std::vector<double> delta;
};

/// One step of Adadelta, MEDL (4.38): updates theta and state in place.
///
/// TODO: s <- gamma s + (1 - gamma) g*g; step_i = (sqrt(delta_i) + epsilon) / (sqrt(s_i) + epsilon)
/// g_i; theta <- theta - step; then delta <- rho delta + (1 - rho) step*step. Hint: delta used in a
/// step is built from the previous steps only: update it last.
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
