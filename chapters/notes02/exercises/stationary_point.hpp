#pragma once
/// \file
/// Exercise 2.1 of the notes: with the quadratic model (2.1) taken as exact, θ* is a local
/// minimum if and only if the Hessian HL(θ*) is positive (semi-)definite.
///
/// A proof cannot be tested, so you write the computations the proof rests on, and the tests
/// check their properties on matrices they draw at random: the model's change L(θ) − L(θ*) in
/// the eigenbasis of H (the "if": no eigenvalue below 0, no direction goes down), the
/// classification of θ* by the signs of the eigenvalues, and a direction that goes down when
/// H is not positive semidefinite (the "only if").
///
/// Erratum: the notes write the model at a stationary point as L(θ*) + Σⱼ αⱼ²λⱼ; the ½ of
/// (2.1) is missing. It is L(θ*) + ½ Σⱼ λⱼαⱼ², with α = Qᵀ(θ − θ*) and HL(θ*) = QΛQᵀ.
///
/// Fill it in, then check it:
///
///     scripts/exercises check stationary_point
///
/// Stuck? `scripts/exercises hint stationary_point` gives a nudge first, then the equations.

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// L(θ) − L(θ*), the change of the quadratic model at a stationary point θ* (∇L(θ*) = 0)
/// when θ = θ* + d, computed in the eigenbasis of the symmetric Hessian H.
///
/// TODO: the eigen-sum form of the notes with its ½ restored: diagonalize H (descent::eigh)
/// and sum over the modes.
inline double model_change(const matrix& H, const vector& d) {
  (void)H;
  (void)d;
  throw descent::not_implemented("model_change in chapters/notes02/exercises/stationary_point.hpp");
}

/// What θ* is for the quadratic model, by the signs of the eigenvalues of H.
enum class StationaryKind {
  strict_minimum,  ///< every eigenvalue > 0: L rises in every direction
  minimum,         ///< all >= 0, some 0: a flat direction, never down (H PSD, singular)
  strict_maximum,  ///< every eigenvalue < 0
  maximum,         ///< all <= 0, some 0
  saddle,          ///< eigenvalues of both signs
};

/// The kind of the stationary point θ* whose Hessian is H; an eigenvalue with |λ| <= tol counts
/// as 0.
///
/// TODO: classify by the signs of the eigenvalues, in the order of StationaryKind.
inline StationaryKind classify_stationary_point(const matrix& H, double tol) {
  (void)H;
  (void)tol;
  throw descent::not_implemented(
      "classify_stationary_point in chapters/notes02/exercises/stationary_point.hpp");
}

/// A unit direction d along which the model goes down, dᵀHd < 0, when H is not positive
/// semidefinite (some eigenvalue < −tol): then θ* is not a local minimum. Throw
/// std::domain_error when H is positive semidefinite (no such direction exists).
///
/// TODO: find the direction from the eigen-decomposition of H.
inline vector descent_direction(const matrix& H, double tol) {
  (void)H;
  (void)tol;
  throw descent::not_implemented(
      "descent_direction in chapters/notes02/exercises/stationary_point.hpp");
}

}  // namespace descent::exercises
