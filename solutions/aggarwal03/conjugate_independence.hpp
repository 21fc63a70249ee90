#pragma once
/// \file
/// Solution of the exercise aggarwal03/conjugate_independence (Aggarwal Exercise 7).
///
/// The reference solution: look only once `scripts/exercises check conjugate_independence`
/// passes.

#include <cstddef>
#include <stdexcept>
#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// q_kᵀHx = Σ_j c_j q_kᵀHq_j = c_k q_kᵀHq_k, and q_kᵀHq_k > 0: c_k = q_kᵀHx / q_kᵀHq_k. With
/// x = 0 every c_k is 0: the q_k are independent.
inline vector conjugate_coordinates(const matrix& H, const std::vector<vector>& q,
                                    const vector& x) {
  const vector hx = gemv(H, x);
  vector c = vector::from_shape({q.size()});
  for (std::size_t k = 0; k < q.size(); ++k) c(k) = dot(q[k], hx) / dot(q[k], gemv(H, q[k]));
  return c;
}

/// An eigenvector of the eigenvalue 0: Hq = 0, so qᵀHq = 0 and qᵀHp = 0 for every p.
inline vector self_conjugate_direction(const matrix& H, double tol) {
  const auto eig = eigh(H);
  if (eig.values(0) > tol)
    throw std::domain_error("self_conjugate_direction: H is positive definite");
  vector q = vector::from_shape({H.shape(0)});
  for (std::size_t i = 0; i < q.size(); ++i) q(i) = eig.vectors(i, 0);
  return q;
}

}  // namespace descent::exercises
