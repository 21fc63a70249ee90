#pragma once
/// \file
/// Solution of the exercise medl04/cg_iteration (MEDL (4.46)–(4.47)).
///
/// The reference solution: look only once `scripts/exercises check cg_iteration` passes.

#include <cstddef>
#include <vector>

namespace descent::exercises {

using Matrix = std::vector<std::vector<double>>;

struct CgState {
  std::vector<double> theta;      ///< θ⁽ᵗ⁾
  std::vector<double> g;          ///< the gradient Aθ⁽ᵗ⁾ − b
  std::vector<double> direction;  ///< the search direction θ_d⁽ᵗ⁾
};

inline void cg_iteration(const Matrix& a, CgState& s) {
  const std::size_t d = s.theta.size();
  std::vector<double> ad(d, 0.0);
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) ad[i] += a[i][j] * s.direction[j];
  double dad = 0, dg = 0;
  for (std::size_t i = 0; i < d; ++i) {
    dad += s.direction[i] * ad[i];
    dg += s.direction[i] * s.g[i];
  }
  const double alpha = -dg / dad;  // (4.46)
  double gad = 0;
  for (std::size_t i = 0; i < d; ++i) {
    s.theta[i] += alpha * s.direction[i];
    s.g[i] += alpha * ad[i];
    gad += s.g[i] * ad[i];
  }
  const double beta = gad / dad;  // (4.47)
  for (std::size_t i = 0; i < d; ++i) s.direction[i] = -s.g[i] + beta * s.direction[i];
}

}  // namespace descent::exercises
