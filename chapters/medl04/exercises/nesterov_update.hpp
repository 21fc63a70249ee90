#pragma once
/// \file
/// Exercise (MEDL): write the Nesterov momentum, MEDL (4.33)-(4.34) update.
///
/// Fill in nesterov_update below, then run
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
  (void)theta;
  (void)gradient;
  (void)state;
  (void)alpha;
  (void)beta;
  throw descent::not_implemented(
      "nesterov_update in chapters/medl04/exercises/nesterov_update.hpp");
}

}  // namespace descent::exercises
