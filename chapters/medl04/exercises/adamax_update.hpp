#pragma once
/// \file
/// Exercise (MEDL): write the Adamax, MEDL (4.41)-(4.42) update.
///
/// Fill in adamax_update below, then run
///
///     cmake --build build --target exercise-medl04-adamax_update
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

/// What the rule remembers between steps: v: first moment; r: the max-norm (both empty before the
/// first step); t: steps taken so far.
struct AdamaxState {
  std::vector<double> v;
  std::vector<double> r;
  int t = 0;
};

/// One step of Adamax, MEDL (4.41)-(4.42): updates theta and state in place.
///
/// TODO: v <- beta v + (1-beta) g; r <- max(gamma r, |g|); theta <- theta - alpha
/// (v/(1-beta^(t+1))) / (r + epsilon); t <- t + 1. Hint: r needs no bias correction (MEDL p. 153).
inline void adamax_update(std::vector<double>& theta, const std::vector<double>& g,
                          AdamaxState& state, double alpha, double beta, double gamma,
                          double epsilon) {
  (void)theta;
  (void)g;
  (void)state;
  (void)alpha;
  (void)beta;
  (void)gamma;
  (void)epsilon;
  throw descent::not_implemented("adamax_update in chapters/medl04/exercises/adamax_update.hpp");
}

}  // namespace descent::exercises
