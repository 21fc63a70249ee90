#pragma once
/// \file
/// Exercise (MEDL): write the Nesterov momentum, MEDL (4.33)-(4.34) update.
///
/// (Reference solution.) Fill in nesterov_update below, then run
///
///     cmake --build build --target exercise-medl04-nesterov_update
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

/// What the rule remembers between steps: the velocity v (empty before the first step: v(0) = 0).
struct NesterovState {
  std::vector<double> v;
};

/// One step of Nesterov momentum, MEDL (4.33)-(4.34): updates theta and state in place.
///
/// TODO: take the gradient at the predicted point theta - alpha beta v, then update v and theta as
/// momentum does. Hint: call gradient(point) once per step, with point computed before v changes.
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
