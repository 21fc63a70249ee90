#pragma once
/// \file
/// Solution of the exercise medl04/bfgs_update (the O(d²) rank-two form of (4.66)–(4.67)).
///
/// The reference solution: look only once `scripts/exercises check bfgs_update` passes.

#include <cstddef>
#include <stdexcept>
#include <vector>

namespace descent::exercises {

using Matrix = std::vector<std::vector<double>>;

inline void bfgs_update(Matrix& b, const std::vector<double>& s, const std::vector<double>& y) {
  const std::size_t d = s.size();
  double ys = 0;
  for (std::size_t i = 0; i < d; ++i) ys += y[i] * s[i];
  if (!(ys > 0)) throw std::domain_error("bfgs_update: y^T s <= 0");
  const double rho = 1 / ys;
  std::vector<double> u(d, 0.0);
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) u[i] += b[i][j] * y[j];
  double yu = 0;
  for (std::size_t i = 0; i < d; ++i) yu += y[i] * u[i];
  const double c = rho * rho * yu + rho;
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j)
      b[i][j] += -rho * (s[i] * u[j] + u[i] * s[j]) + c * s[i] * s[j];
}

}  // namespace descent::exercises
