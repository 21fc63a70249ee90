#pragma once
/// \file
/// Exercise (MEDL): write the ADAM, MEDL Algorithm 4.2 update.
///
/// Fill in adam_update below, then run
///
///     cmake --build build --target exercise-medl04-adam_update
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

/// What the rule remembers between steps: v, s: first and second moments (empty before the first
/// step); t: steps taken so far.
struct AdamState {
  std::vector<double> v;
  std::vector<double> s;
  int t = 0;
};

/// One step of ADAM, MEDL Algorithm 4.2: updates theta and state in place.
///
/// TODO: v <- beta v + (1-beta) g; s <- gamma s + (1-gamma) g*g; v_hat = v/(1-beta^(t+1)); s_hat =
/// s/(1-gamma^(t+1)); theta <- theta - alpha v_hat/(sqrt(s_hat) + epsilon); t <- t + 1. Hint: the
/// bias corrections (4.24) use the step count t starting at 0.
inline void adam_update(std::vector<double>& theta, const std::vector<double>& g, AdamState& state,
                        double alpha, double beta, double gamma, double epsilon) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)beta;
  (void)gamma;
  (void)epsilon;
  throw descent::not_implemented("adam_update in chapters/medl04/exercises/adam_update.hpp");
}

}  // namespace descent::exercises
