#pragma once
/// \file
/// Exercise (MEDL §4.5, (4.38)): one step of Adadelta, which has no learning rate.
///
/// The tests apply three of your steps to C = ½ Σ λᵢθᵢ² in five dimensions and compare with arrays
/// computed by a numpy transcription of the book (tests/reference/fixtures/optim_first_order.json).
///
/// The book adds ε outside the square roots (Zeiler and PyTorch add it inside); the tests follow
/// the book. (The text's "Adagrad is learning rate free" means Adadelta.)
///
/// Fill it in, then check it:
///
///     scripts/exercises check adadelta_update
///
/// Stuck? `scripts/exercises hint adadelta_update` gives a nudge first, then the equations.

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// What the rule remembers between steps: s: running average of squared gradients; delta: running
/// average of squared steps (both empty before the first step).
struct AdadeltaState {
  std::vector<double> s;      ///< running average of squared gradients, one per coordinate
  std::vector<double> delta;  ///< running average of squared steps, one per coordinate
};

/// One step of Adadelta, MEDL (4.38): updates theta and state in place; g is ∇C(θ⁽ᵗ⁾).
///
/// TODO: update s as RMSprop does (4.22, with γ), take the descent step of (4.38), then update Δθ,
/// the exponential average (with ρ) of the squared descent steps.
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
