#pragma once
/// \file
/// Aggarwal §3.10, Exercise 11: from any d linearly independent directions v_0 ... v_{d−1}, start
/// with q_0 = v_0 and set q_{t+1} = v_{t+1} + Σ_{i=0}^{t} β_ti q_i; with the right β_ti the q_t are
/// mutually conjugate (q_iᵀHq_j = 0, i ≠ j). Why is this more expensive than the chapter's method?
///
/// You write the construction and return the β_ti with the directions; the tests check
/// conjugacy and independence on positive definite matrices and directions they draw, compare
/// with exact rational arithmetic on the catalogue's tridiagonal H, and count the β: the answer
/// to "why more expensive".
///
/// Fill it in, then check it:
///
///     scripts/exercises check conjugate_gram_schmidt
///
/// Stuck? `scripts/exercises hint conjugate_gram_schmidt` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// The conjugate directions and the coefficients that built them: q_{t+1} = v_{t+1} +
/// Σ_{i=0}^{t} beta[t][i] q_i (beta[t] has t + 1 entries; beta.size() = d − 1).
struct ConjugateSet {
  std::vector<vector> q;                  ///< the d mutually conjugate directions q_0 ... q_{d−1}
  std::vector<std::vector<double>> beta;  ///< beta[t][i]: the coefficient of q_i in q_{t+1}
};

/// Conjugate directions for the symmetric positive definite H (d × d) from the independent v.
///
/// TODO: choose each β_ti so that q_{t+1} is conjugate to q_i, using that the earlier q are
/// already mutually conjugate.
inline ConjugateSet conjugate_gram_schmidt(const matrix& H, const std::vector<vector>& v) {
  (void)H;
  (void)v;
  throw descent::not_implemented(
      "conjugate_gram_schmidt in chapters/aggarwal03/exercises/conjugate_gram_schmidt.hpp");
}

}  // namespace descent::exercises
