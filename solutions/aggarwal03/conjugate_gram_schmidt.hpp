#pragma once
/// \file
/// Solution of the exercise aggarwal03/conjugate_gram_schmidt (Aggarwal Exercise 11).
///
/// The reference solution: look only once `scripts/exercises check conjugate_gram_schmidt`
/// passes.

#include <cstddef>
#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

struct ConjugateSet {
  std::vector<vector> q;                  ///< the d mutually conjugate directions q_0 ... q_{d−1}
  std::vector<std::vector<double>> beta;  ///< beta[t][i]: the coefficient of q_i in q_{t+1}
};

/// Gram–Schmidt in the H inner product: q_iᵀH q_{t+1} = q_iᵀHv_{t+1} + β_ti q_iᵀHq_i = 0 (the
/// other terms vanish by conjugacy), so β_ti = −v_{t+1}ᵀHq_i / q_iᵀHq_i. Every new direction
/// needs all the previous ones: O(d²) storage and work, d(d − 1)/2 coefficients, where CG keeps
/// one direction and computes one β per step.
inline ConjugateSet conjugate_gram_schmidt(const matrix& H, const std::vector<vector>& v) {
  ConjugateSet set;
  std::vector<vector> hq;  // Hq_i, each computed once
  for (std::size_t t = 0; t < v.size(); ++t) {
    vector next = v[t];
    std::vector<double> beta;
    for (std::size_t i = 0; i < set.q.size(); ++i) {
      beta.push_back(-dot(v[t], hq[i]) / dot(set.q[i], hq[i]));
      next += beta.back() * set.q[i];
    }
    if (t > 0) set.beta.push_back(beta);
    hq.push_back(gemv(H, next));
    set.q.push_back(next);
  }
  return set;
}

}  // namespace descent::exercises
