#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.33)–(4.34)): one step of Nesterov momentum.
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare with arrays
/// computed by a numpy transcription of the book (tests/reference/fixtures/optim_first_order.json).
///
/// Erratum: the text starts from v⁽¹⁾ = 0; with t counted from 0 as in (4.16) that is v⁽⁰⁾ = 0.
///
/// Fill it in, then check it:
///
///     scripts/exercises check nesterov_update
///
/// Stuck? `scripts/exercises hint nesterov_update` gives a nudge first, then the equations.

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
///
/// TODO: take one step of (4.33)–(4.34). The gradient is not taken at θ⁽ᵗ⁾: call `gradient` once
/// per step, at the point (4.33) names.
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
