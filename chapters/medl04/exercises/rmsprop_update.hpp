#pragma once
/// \file
/// Exercise (MEDL): write the RMSprop, MEDL (4.21)-(4.22) update.
///
/// Fill in rmsprop_update below, then run
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
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)gamma;
  (void)epsilon;
  throw descent::not_implemented("rmsprop_update in chapters/medl04/exercises/rmsprop_update.hpp");
}

}  // namespace descent::exercises
