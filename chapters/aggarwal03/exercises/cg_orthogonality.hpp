#pragma once
/// \file
/// Aggarwal §3.10, Exercise 12: the β_t of §3.5.6.1 makes q_{t+1} conjugate to q_t; in fact
/// every q_i, i ≤ t, satisfies q_iᵀHq_{t+1} = 0. The exercise proves it by induction through
/// (a) Hq_i = [∇L(W_{i+1}) − ∇L(W_i)]/δ_i, (b) ∇L(W_{t+1}) is orthogonal to every q_i, i ≤ t,
/// (c) the gradients are mutually orthogonal and (d) the directions are mutually conjugate.
///
/// You write the method the statements are about: linear conjugate gradients on the quadratic
/// L(W) = ½WᵀHW − bᵀW with exact line search and the β of Eq. 3.50, keeping its whole history.
/// The tests check (a)–(d) on positive definite matrices they draw, and the iterates against
/// exact rational arithmetic on the catalogue's tridiagonal example.
///
/// Erratum: (a) prints "Hq_i = [∇L(W_{i+1}) ∇L(W_i)]/δ_i" without the minus sign; δ_i there is
/// the step size of line search i (W_{i+1} = W_i + δ_i q_i), not the small δ of Eq. 3.51.
///
/// Fill it in, then check it:
///
///     scripts/exercises check cg_orthogonality
///
/// Stuck? `scripts/exercises hint cg_orthogonality` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// What `steps` iterations of conjugate gradients saw: W[0] = W0 ... W[steps], the gradients
/// gradient[t] = ∇L(W[t]) (steps + 1 of them), the directions q[t] and the step sizes delta[t]
/// (steps of each: W[t + 1] = W[t] + delta[t] q[t]).
struct CgHistory {
  std::vector<vector> W;         ///< the iterates W[0] ... W[steps]
  std::vector<vector> gradient;  ///< ∇L(W[t]) for t = 0 ... steps
  std::vector<vector> q;         ///< the search directions q[0] ... q[steps − 1]
  std::vector<double> delta;     ///< the step sizes δ[0] ... δ[steps − 1] of the line searches
};

/// Conjugate gradients on L(W) = ½WᵀHW − bᵀW (H symmetric positive definite) from W0: q_0 =
/// −∇L(W_0), exact line search along q_t, q_{t+1} = −∇L(W_{t+1}) + β_t q_t (Eq. 3.49) with β_t
/// of Eq. 3.50.
///
/// TODO: `steps` iterations as described, recording everything CgHistory holds.
inline CgHistory conjugate_gradient_history(const matrix& H, const vector& b, const vector& W0,
                                            int steps) {
  (void)H;
  (void)b;
  (void)W0;
  (void)steps;
  throw descent::not_implemented(
      "conjugate_gradient_history in chapters/aggarwal03/exercises/cg_orthogonality.hpp");
}

}  // namespace descent::exercises
