#pragma once
/// \file
/// Exercise (MEDL §4.5): backtracking line search with the Armijo condition (4.48).
///
/// The tests run it along −∇C from (0.8, 0) on Rosenbrock (Figure 4.8's ray) and on parabolas.
///
/// Fill it in, then check it:
///
///     scripts/exercises check backtracking_armijo
///
/// Stuck? `scripts/exercises hint backtracking_armijo` gives a nudge first, then the equations.

#include <functional>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// The first of α₀, ρα₀, ρ²α₀, ... (ρ = `factor`) with φ(α) <= φ(0) + c1 α φ′(0), trying at most
/// `max_trials` steps; φ(α) = C(θ + αθ_d). Throw std::runtime_error if none is accepted.
///
/// TODO: try the steps in that order and return the first that meets (4.48).
inline double backtracking_armijo(const std::function<double(double)>& phi, double phi0,
                                  double dphi0, double alpha0, double factor, double c1,
                                  int max_trials) {
  (void)phi;
  (void)phi0;
  (void)dphi0;
  (void)alpha0;
  (void)factor;
  (void)c1;
  (void)max_trials;
  throw descent::not_implemented(
      "backtracking_armijo in chapters/medl04/exercises/backtracking_armijo.hpp");
}

}  // namespace descent::exercises
