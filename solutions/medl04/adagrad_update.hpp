#pragma once
/// \file
/// Exercise (MEDL §4.3, (4.21)–(4.22)): one step of Adagrad.
///
/// The reference solution: look only once `scripts/exercises check adagrad_update` passes.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: the sum s of squared gradients (empty before the first
/// step).
struct AdagradState {
  std::vector<double> s;  ///< sum of squared gradients so far, one per coordinate
};

/// One step of Adagrad, MEDL (4.21)–(4.22): updates theta and state in place; g is ∇C(θ⁽ᵗ⁾).
inline void adagrad_update(std::vector<double>& theta, const std::vector<double>& g,
                           AdagradState& state, double alpha, double epsilon) {
  if (state.s.empty()) state.s.assign(theta.size(), 0.0);
  for (std::size_t i = 0; i < theta.size(); ++i) {
    state.s[i] += g[i] * g[i];                                     // (4.22)
    theta[i] -= alpha * g[i] / (std::sqrt(state.s[i]) + epsilon);  // (4.21)
  }
}

}  // namespace descent::exercises
