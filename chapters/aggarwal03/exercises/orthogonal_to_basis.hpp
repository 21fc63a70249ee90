#pragma once
/// \file
/// Aggarwal §3.10, Exercise 8: if a d-dimensional vector v has zero dot product with d linearly
/// independent vectors, then v = 0.
///
/// The proof's computation is elimination: the rows u_1 ... u_d of U are independent exactly when
/// elimination finds d pivots, and then Uv = 0 leaves no free unknown. You write the rank by
/// elimination and the search for a nonzero v orthogonal to every row, which must succeed when
/// the rows are dependent and must fail (the exercise) when they are not. The tests use the
/// catalogue's 5 × 5 matrix and matrices they draw with a rank they choose.
///
/// Fill it in, then check it:
///
///     scripts/exercises check orthogonal_to_basis
///
/// Stuck? `scripts/exercises hint orthogonal_to_basis` gives a nudge first, then the equations.

#include <cstddef>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// The number of linearly independent rows of U (m × d): Gaussian elimination with partial
/// pivoting, where a pivot of absolute value <= tol counts as zero.
///
/// TODO: eliminate column by column and count the pivots.
inline std::size_t row_rank(const matrix& U, double tol) {
  (void)U;
  (void)tol;
  throw descent::not_implemented(
      "row_rank in chapters/aggarwal03/exercises/orthogonal_to_basis.hpp");
}

/// A unit vector v with u_iᵀv = 0 for every row u_i of U (m × d). Throw std::domain_error when
/// the rows span ℝ^d (rank d): then only v = 0 is orthogonal to them, which is Exercise 8.
///
/// TODO: reduce U to echelon form; a column without a pivot is a free unknown: set it to 1 and
/// solve back for the others.
inline vector orthogonal_vector(const matrix& U, double tol) {
  (void)U;
  (void)tol;
  throw descent::not_implemented(
      "orthogonal_vector in chapters/aggarwal03/exercises/orthogonal_to_basis.hpp");
}

}  // namespace descent::exercises
