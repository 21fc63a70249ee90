#pragma once
/// \file
/// Exercise (MEDL): write the momentum, MEDL (4.16)-(4.17) update.
///
/// Fill in momentum_update below, then run
///
///     cmake --build build --target exercise-medl04-momentum_update
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

/// What the rule remembers between steps: the velocity v (empty before the first step: v(0) = 0).
struct MomentumState {
  std::vector<double> v;
};

/// One step of momentum, MEDL (4.16)-(4.17): updates theta and state in place.
///
/// TODO: v <- beta v + (1 - beta) g, then theta <- theta - alpha v (the book's form, with the (1 -
/// beta) factor). Hint: size v to theta on the first call, filled with zeros.
inline void momentum_update(std::vector<double>& theta, const std::vector<double>& g,
                            MomentumState& state, double alpha, double beta) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)beta;
  throw descent::not_implemented(
      "momentum_update in chapters/medl04/exercises/momentum_update.hpp");
}

}  // namespace descent::exercises
