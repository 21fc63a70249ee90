#pragma once
/// \file
/// Exercise (MEDL): write the Adagrad, MEDL (4.21)-(4.22) update.
///
/// Fill in adagrad_update below, then run
///
///     cmake --build build --target exercise-medl04-adagrad_update
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

/// What the rule remembers between steps: the sum s of squared gradients (empty before the first
/// step).
struct AdagradState {
  std::vector<double> s;
};

/// One step of Adagrad, MEDL (4.21)-(4.22): updates theta and state in place.
///
/// TODO: s <- s + g*g (per coordinate), then theta_i <- theta_i - alpha g_i / (sqrt(s_i) +
/// epsilon). Hint: epsilon goes outside the square root in MEDL (4.21).
inline void adagrad_update(std::vector<double>& theta, const std::vector<double>& g,
                           AdagradState& state, double alpha, double epsilon) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)epsilon;
  throw descent::not_implemented("adagrad_update in chapters/medl04/exercises/adagrad_update.hpp");
}

}  // namespace descent::exercises
