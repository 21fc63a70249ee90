#pragma once
/// \file
/// Exercise (MEDL §4.5, Nadam): one step of Nadam, ADAM with look-ahead momentum.
///
/// The reference solution: look only once `scripts/exercises check nadam_update` passes.

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
inline void nadam_update(std::vector<double>& theta, const std::vector<double>& g,
                         NadamState& state, double alpha, double beta, double gamma,
                         double epsilon) {
  if (state.v.empty()) state.v.assign(theta.size(), 0.0);
  if (state.s.empty()) state.s.assign(theta.size(), 0.0);
  const double ahead = beta / (1 - std::pow(beta, state.t + 2));
  const double now = (1 - beta) / (1 - std::pow(beta, state.t + 1));
  const double cs = 1 - std::pow(gamma, state.t + 1);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    state.v[i] = beta * state.v[i] + (1 - beta) * g[i];
    state.s[i] = gamma * state.s[i] + (1 - gamma) * g[i] * g[i];
    const double v_hat = ahead * state.v[i] + now * g[i];
    theta[i] -= alpha * v_hat / (std::sqrt(state.s[i] / cs) + epsilon);
  }
  ++state.t;
}

}  // namespace descent::exercises
