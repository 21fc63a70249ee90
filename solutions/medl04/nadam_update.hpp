#pragma once
/// \file
/// Exercise (MEDL): write the Nadam, MEDL §4.5 update.
///
/// (Reference solution.) Fill in nadam_update below, then run
///
///     cmake --build build --target exercise-medl04-nadam_update
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

/// What the rule remembers between steps: v, s: first and second moments (empty before the first
/// step); t: steps taken so far.
struct NadamState {
  std::vector<double> v;
  std::vector<double> s;
  int t = 0;
};

/// One step of Nadam, MEDL §4.5: updates theta and state in place.
///
/// TODO: ADAM with line 7 replaced by v_hat = beta/(1-beta^(t+2)) v + (1-beta)/(1-beta^(t+1)) g (v
/// already updated). Hint: start from your ADAM; only v_hat changes.
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
