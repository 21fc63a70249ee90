#pragma once
/// \file
/// Solution of the exercise notes02/stationary_point (Exercise 2.1).
///
/// The reference solution: look only once `scripts/exercises check stationary_point` passes.

#include <cstddef>
#include <stdexcept>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// L(θ) − L(θ*) = ½ Σⱼ λⱼαⱼ², α = Qᵀd (the notes' form, with the ½ of (2.1)).
inline double model_change(const matrix& H, const vector& d) {
  const auto eig = eigh(H);
  double change = 0;
  for (std::size_t j = 0; j < d.size(); ++j) {
    double alpha = 0;  // αⱼ = qⱼᵀd
    for (std::size_t i = 0; i < d.size(); ++i) alpha += eig.vectors(i, j) * d(i);
    change += 0.5 * eig.values(j) * alpha * alpha;
  }
  return change;
}

enum class StationaryKind { strict_minimum, minimum, strict_maximum, maximum, saddle };

inline StationaryKind classify_stationary_point(const matrix& H, double tol) {
  const auto eig = eigh(H);
  const double low = eig.values(0), high = eig.values(eig.values.size() - 1);  // ascending
  if (low > tol) return StationaryKind::strict_minimum;
  if (low >= -tol) return StationaryKind::minimum;
  if (high < -tol) return StationaryKind::strict_maximum;
  if (high <= tol) return StationaryKind::maximum;
  return StationaryKind::saddle;
}

/// The eigenvector of the smallest eigenvalue: dᵀHd = λ_min < 0.
inline vector descent_direction(const matrix& H, double tol) {
  const auto eig = eigh(H);
  if (eig.values(0) >= -tol)
    throw std::domain_error(
        "descent_direction: H is positive semidefinite, no direction goes down");
  vector d = vector::from_shape({H.shape(0)});
  for (std::size_t i = 0; i < d.size(); ++i) d(i) = eig.vectors(i, 0);
  return d;
}

}  // namespace descent::exercises
