#pragma once
/// \file
/// Aggarwal §3.10, Exercise 7: for a strongly convex quadratic (xᵀHx > 0 for every x ≠ 0), any
/// set of mutually conjugate directions (q_iᵀHq_j = 0 for i ≠ j, §3.5.6.1) is linearly
/// independent.
///
/// The proof's computation: the coefficients of any x in a conjugate basis follow from H-inner
/// products alone, so the only combination of the q_j that gives 0 is the trivial one. You write
/// that computation; the tests apply it to conjugate sets they build for positive definite
/// matrices they draw (orthogonal ones, the eigenvectors, and non-orthogonal ones), and to
/// Figure 3.16(b)'s pair. Then the counter-example that shows why "strongly" is needed: for a
/// positive semidefinite but singular H, a direction conjugate to itself.
///
/// Erratum: §3.5.6.1 says "convex loss functions have linearly independent conjugate
/// directions"; Exercise 7 rightly needs strong convexity (H positive definite).
///
/// Fill it in, then check it:
///
///     scripts/exercises check conjugate_independence
///
/// Stuck? `scripts/exercises hint conjugate_independence` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// The coefficients c with x = Σ_j c_j q_j, for d mutually H-conjugate directions q_0 ... q_{d−1}
/// of a positive definite H (d × d).
///
/// TODO: multiply x = Σ_j c_j q_j by q_kᵀH and use conjugacy to isolate c_k. No linear system.
inline vector conjugate_coordinates(const matrix& H, const std::vector<vector>& q,
                                    const vector& x) {
  (void)H;
  (void)q;
  (void)x;
  throw descent::not_implemented(
      "conjugate_coordinates in chapters/aggarwal03/exercises/conjugate_independence.hpp");
}

/// For a positive semidefinite H that is singular (an eigenvalue within tol of 0): a unit
/// direction q with qᵀHq = 0, conjugate to itself and to every direction, so that a set holding
/// it and any other conjugate direction can be dependent. Throw std::domain_error when H is
/// positive definite (every eigenvalue > tol).
///
/// TODO: find it from the eigen-decomposition of H (descent::eigh).
inline vector self_conjugate_direction(const matrix& H, double tol) {
  (void)H;
  (void)tol;
  throw descent::not_implemented(
      "self_conjugate_direction in chapters/aggarwal03/exercises/conjugate_independence.hpp");
}

}  // namespace descent::exercises
