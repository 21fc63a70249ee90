#pragma once
/// \file
/// Exercise 2.4 of the notes: unroll the momentum recursion (2.7) to see how past gradients enter
/// the update, then, with a constant gradient (no curvature), show that momentum multiplies the
/// learning rate by 1/(1 − μ) in the limit.
///
/// You write the unrolled sum and the closed forms; the tests compare the sum with the recursion
/// (2.7) run on gradient sequences they draw, and the closed forms with exact rational arithmetic.
/// The notes leave Δθ^(−1) unset: it is 0.
///
/// Fill it in, then check it:
///
///     scripts/exercises check momentum_unrolled
///
/// Stuck? `scripts/exercises hint momentum_unrolled` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// Δθ^(t−1) of (2.7) written out as a sum over the past gradients, given gradients[k] =
/// ∇L(θ^(k)) for k = 0 ... t − 1 (t = gradients.size() >= 1, every gradient of the same length).
///
/// TODO: unroll the first equation of (2.7) down to Δθ^(−1) = 0 and evaluate the sum; do not
/// run the recursion.
inline std::vector<double> unrolled_step(const std::vector<std::vector<double>>& gradients,
                                         double eta, double mu) {
  (void)gradients;
  (void)eta;
  (void)mu;
  throw descent::not_implemented(
      "unrolled_step in chapters/notes02/exercises/momentum_unrolled.hpp");
}

/// Δθ^(t−1) when every gradient equals the constant g, in closed form (t >= 1).
///
/// TODO: the unrolled sum with ∇L ≡ g is a geometric sum: write its closed form.
inline double constant_gradient_step(double g, double eta, double mu, int t) {
  (void)g;
  (void)eta;
  (void)mu;
  (void)t;
  throw descent::not_implemented(
      "constant_gradient_step in chapters/notes02/exercises/momentum_unrolled.hpp");
}

/// The effective learning rate: the factor that turns g into −Δθ^(t−1) as t → ∞.
///
/// TODO: the limit of your closed form.
inline double effective_learning_rate(double eta, double mu) {
  (void)eta;
  (void)mu;
  throw descent::not_implemented(
      "effective_learning_rate in chapters/notes02/exercises/momentum_unrolled.hpp");
}

/// θ^(t) − θ^(0) when every gradient equals g, in closed form (t >= 1).
///
/// TODO: sum your closed-form steps Δθ^(0) ... Δθ^(t−1).
inline double constant_gradient_displacement(double g, double eta, double mu, int t) {
  (void)g;
  (void)eta;
  (void)mu;
  (void)t;
  throw descent::not_implemented(
      "constant_gradient_displacement in chapters/notes02/exercises/momentum_unrolled.hpp");
}

}  // namespace descent::exercises
