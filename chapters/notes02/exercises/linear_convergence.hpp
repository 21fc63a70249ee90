#pragma once
/// \file
/// Exercise 2.2 of the notes: near a minimum θ*, gradient descent (2.4) converges linearly.
///
/// The notes' argument: with the quadratic model, α = Qᵀ(θ − θ*) obeys α ← (I − ηΛ)α, so every
/// mode shrinks by its own factor 1 − ηλⱼ and ‖α_U‖ ≤ ρ^U ‖α_0‖ with ρ = maxⱼ |1 − ηλⱼ|. You
/// write the pieces of that argument; the tests check them on the notes' quadratic, on random
/// positive definite Hessians they draw, and on a function that is not quadratic.
///
/// Erratum: "after U steps we have α_U = (I − ηΛ)^U α₁" is off by one: starting from α₁, U steps
/// give α_{U+1}. And |1 − ηλ₁| < 1 is enough only if every λⱼ > 0.
///
/// Fill it in, then check it:
///
///     scripts/exercises check linear_convergence
///
/// Stuck? `scripts/exercises hint linear_convergence` gives a nudge first, then the equations.

#include <functional>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// ρ = the largest factor by which one step of (2.4) with rate η shrinks a mode, for the
/// eigenvalues `lambda` of the Hessian at θ*.
///
/// TODO: the factor of mode j is |1 − ηλⱼ|; return the largest.
inline double contraction_factor(const vector& lambda, double eta) {
  (void)lambda;
  (void)eta;
  throw descent::not_implemented(
      "contraction_factor in chapters/notes02/exercises/linear_convergence.hpp");
}

/// θ_0 = theta0, θ_1, ..., θ_steps of gradient descent (2.4) with the fixed rate η.
///
/// TODO: (2.4), `steps` times, keeping every iterate.
inline std::vector<vector> gradient_descent(const std::function<vector(const vector&)>& gradient,
                                            const vector& theta0, double eta, int steps) {
  (void)gradient;
  (void)theta0;
  (void)eta;
  (void)steps;
  throw descent::not_implemented(
      "gradient_descent in chapters/notes02/exercises/linear_convergence.hpp");
}

/// The eigenvalues of the symmetric Hessian H in decreasing order (as the notes sort them),
/// and the coordinates α = Qᵀ(θ − θ*) of θ in the matching eigenvectors.
struct Modes {
  vector lambda;  ///< λ₁ ≥ ... ≥ λ_D, the eigenvalues of H
  vector alpha;   ///< α = Qᵀ(θ − θ*), θ's coordinates along the matching eigenvectors
};

/// TODO: the notes' change of variables α := Qᵀ(θ − θ*) for HL(θ*) = QΛQᵀ, with λ₁ ≥ ... ≥ λ_D.
inline Modes modes(const matrix& H, const vector& theta_star, const vector& theta) {
  (void)H;
  (void)theta_star;
  (void)theta;
  throw descent::not_implemented("modes in chapters/notes02/exercises/linear_convergence.hpp");
}

}  // namespace descent::exercises
