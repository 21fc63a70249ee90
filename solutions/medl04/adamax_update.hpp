#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.41)–(4.42)): one step of Adamax.
///
/// The reference solution: look only once `scripts/exercises check adamax_update` passes.

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
inline void adamax_update(std::vector<double>& theta, const std::vector<double>& g,
                          AdamaxState& state, double alpha, double beta, double gamma,
                          double epsilon) {
  if (state.v.empty()) state.v.assign(theta.size(), 0.0);
  if (state.r.empty()) state.r.assign(theta.size(), 0.0);
  const double cv = 1 - std::pow(beta, state.t + 1);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    state.v[i] = beta * state.v[i] + (1 - beta) * g[i];
    state.r[i] = std::max(gamma * state.r[i], std::fabs(g[i]));      // (4.41)
    theta[i] -= alpha * (state.v[i] / cv) / (state.r[i] + epsilon);  // (4.42)
  }
  ++state.t;
}

}  // namespace descent::exercises
