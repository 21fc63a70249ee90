#pragma once
/// \file
/// Solution of the exercise aggarwal03/cg_orthogonality (Aggarwal Exercise 12).
///
/// The reference solution: look only once `scripts/exercises check cg_orthogonality` passes.

#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

struct CgHistory {
  std::vector<vector> W;         ///< the iterates W[0] ... W[steps]
  std::vector<vector> gradient;  ///< ∇L(W[t]) for t = 0 ... steps
  std::vector<vector> q;         ///< the search directions q[0] ... q[steps − 1]
  std::vector<double> delta;     ///< the step sizes δ[0] ... δ[steps − 1] of the line searches
};

inline CgHistory conjugate_gradient_history(const matrix& H, const vector& b, const vector& W0,
                                            int steps) {
  CgHistory h;
  h.W.push_back(W0);
  h.gradient.push_back(gemv(H, W0) - b);  // ∇L(W) = HW − b
  vector q = -h.gradient.back();
  for (int t = 0; t < steps; ++t) {
    const vector hq = gemv(H, q);
    // exact line search: d/dδ L(W + δq) = qᵀ(∇L(W) + δHq) = 0
    const double delta = -dot(q, h.gradient.back()) / dot(q, hq);
    h.q.push_back(q);
    h.delta.push_back(delta);
    h.W.push_back(h.W.back() + delta * q);
    h.gradient.push_back(h.gradient.back() + delta * hq);
    const double beta = dot(q, gemv(H, h.gradient.back())) / dot(q, hq);  // Eq. 3.50
    q = -h.gradient.back() + beta * q;                                    // Eq. 3.49
  }
  return h;
}

}  // namespace descent::exercises
