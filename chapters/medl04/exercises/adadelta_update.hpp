#pragma once
/// \file
/// Exercise (MEDL): write the Adadelta, MEDL (4.38) update.
///
/// Fill in adadelta_update below, then run
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
  (void)theta;
  (void)g;
  (void)state;
  (void)gamma;
  (void)rho;
  (void)epsilon;
  throw descent::not_implemented(
      "adadelta_update in chapters/medl04/exercises/adadelta_update.hpp");
}

}  // namespace descent::exercises
