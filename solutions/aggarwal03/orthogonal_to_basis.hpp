#pragma once
/// \file
/// Solution of the exercise aggarwal03/orthogonal_to_basis (Aggarwal Exercise 8).
///
/// The reference solution: look only once `scripts/exercises check orthogonal_to_basis` passes.

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// U in reduced row echelon form and the pivot column of each nonzero row.
struct Echelon {
  matrix r;
  std::vector<std::size_t> pivots;
};

inline Echelon reduced_echelon(const matrix& U, double tol) {
  Echelon e{U, {}};
  matrix& r = e.r;
  const std::size_t m = r.shape(0), d = r.shape(1);
  std::size_t row = 0;
  for (std::size_t col = 0; col < d && row < m; ++col) {
    std::size_t best = row;  // partial pivoting: the largest entry of the column
    for (std::size_t i = row + 1; i < m; ++i)
      if (std::fabs(r(i, col)) > std::fabs(r(best, col))) best = i;
    if (std::fabs(r(best, col)) <= tol) continue;  // no pivot: a free unknown
    for (std::size_t j = 0; j < d; ++j) std::swap(r(row, j), r(best, j));
    const double p = r(row, col);
    for (std::size_t j = 0; j < d; ++j) r(row, j) /= p;
    for (std::size_t i = 0; i < m; ++i)
      if (i != row) {
        const double f = r(i, col);
        for (std::size_t j = 0; j < d; ++j) r(i, j) -= f * r(row, j);
      }
    e.pivots.push_back(col);
    ++row;
  }
  return e;
}

inline std::size_t row_rank(const matrix& U, double tol) {
  return reduced_echelon(U, tol).pivots.size();
}

/// Free unknown = 1, the pivot unknowns from their rows of the reduced form, then normalized.
inline vector orthogonal_vector(const matrix& U, double tol) {
  const auto e = reduced_echelon(U, tol);
  const std::size_t d = U.shape(1);
  if (e.pivots.size() == d)
    throw std::domain_error("orthogonal_vector: the rows span R^d, only v = 0 is orthogonal");
  std::vector<bool> is_pivot(d, false);
  for (const auto p : e.pivots) is_pivot[p] = true;
  std::size_t free = 0;
  while (is_pivot[free]) ++free;
  vector v = xt::zeros<double>({d});
  v(free) = 1;
  for (std::size_t k = 0; k < e.pivots.size(); ++k) v(e.pivots[k]) = -e.r(k, free);
  double norm = 0;
  for (const double x : v) norm += x * x;
  return v / std::sqrt(norm);
}

}  // namespace descent::exercises
