#pragma once
/// \file
/// Solution of the exercise medl04/lbfgs_two_loop (the two-loop recursion for (4.69)).
///
/// The reference solution: look only once `scripts/exercises check lbfgs_two_loop` passes.

#include <cstddef>
#include <vector>

namespace descent::exercises {

inline std::vector<double> lbfgs_two_loop(const std::vector<std::vector<double>>& s,
                                          const std::vector<std::vector<double>>& y,
                                          const std::vector<double>& g) {
  auto dot = [](const std::vector<double>& u, const std::vector<double>& v) {
    double sum = 0;
    for (std::size_t i = 0; i < u.size(); ++i) sum += u[i] * v[i];
    return sum;
  };
  const std::size_t m = s.size();
  std::vector<double> q = g, a(m), rho(m);
  for (std::size_t k = m; k-- > 0;) {
    rho[k] = 1 / dot(y[k], s[k]);
    a[k] = rho[k] * dot(s[k], q);
    for (std::size_t i = 0; i < q.size(); ++i) q[i] -= a[k] * y[k][i];
  }
  const double gamma = m ? dot(y[m - 1], s[m - 1]) / dot(y[m - 1], y[m - 1]) : 1.0;
  for (double& x : q) x *= gamma;
  for (std::size_t k = 0; k < m; ++k) {
    const double b = rho[k] * dot(y[k], q);
    for (std::size_t i = 0; i < q.size(); ++i) q[i] += s[k][i] * (a[k] - b);
  }
  return q;
}

}  // namespace descent::exercises
