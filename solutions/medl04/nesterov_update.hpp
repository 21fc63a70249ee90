#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.33)–(4.34)): one step of Nesterov momentum.
///
/// The reference solution: look only once `scripts/exercises check nesterov_update` passes.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: the velocity v (empty before the first step: v(0) = 0).
struct NesterovState {
  std::vector<double> v;  ///< the velocity, one per coordinate
};

/// One step of Nesterov momentum, MEDL (4.33)–(4.34): updates theta and state in place; `gradient`
/// evaluates ∇C.
inline void nesterov_update(
    std::vector<double>& theta,
    const std::function<std::vector<double>(const std::vector<double>&)>& gradient,
    NesterovState& state, double alpha, double beta) {
  if (state.v.empty()) state.v.assign(theta.size(), 0.0);
  std::vector<double> point(theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) point[i] = theta[i] - alpha * beta * state.v[i];
  const std::vector<double> g = gradient(point);  // (4.33): the gradient ahead
  for (std::size_t i = 0; i < theta.size(); ++i) {
    state.v[i] = beta * state.v[i] + (1 - beta) * g[i];
    theta[i] -= alpha * state.v[i];  // (4.34)
  }
}

}  // namespace descent::exercises
