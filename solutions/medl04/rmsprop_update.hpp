#pragma once
/// \file
/// Exercise (MEDL): write the RMSprop, MEDL (4.21)-(4.22) update.
///
/// (Reference solution.) Fill in rmsprop_update below, then run
///
///     cmake --build build --target exercise-medl04-rmsprop_update
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare
/// with arrays computed by torch.optim
/// (tests/reference/fixtures/optim_first_order.json).

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: the running average s of squared gradients (empty before
/// the first step).
struct RmspropState {
  std::vector<double> s;
};

/// One step of RMSprop, MEDL (4.21)-(4.22): updates theta and state in place.
///
/// TODO: s <- gamma s + (1 - gamma) g*g, then theta_i <- theta_i - alpha g_i / (sqrt(s_i) +
/// epsilon). Hint: there is no bias correction: the first step is large.
inline void rmsprop_update(std::vector<double>& theta, const std::vector<double>& g,
                           RmspropState& state, double alpha, double gamma, double epsilon) {
  if (state.s.empty()) state.s.assign(theta.size(), 0.0);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    state.s[i] = gamma * state.s[i] + (1 - gamma) * g[i] * g[i];
    theta[i] -= alpha * g[i] / (std::sqrt(state.s[i]) + epsilon);
  }
}

}  // namespace descent::exercises
