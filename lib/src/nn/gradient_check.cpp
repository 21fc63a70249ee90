#include "descent/nn/gradient_check.hpp"

#include <algorithm>
#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::nn {

double relative_ratio(double estimated, double analytic, double floor) {
  const double ae = std::fabs(estimated), aa = std::fabs(analytic);
  if (ae < floor && aa < floor) return 0;  // both zero: they agree
  double den = std::fabs(estimated + analytic);
  if (den == 0) den = std::max(ae, aa);          // opposite signs: ρ = 2
  return std::fabs(estimated - analytic) / den;  // Eq. 3.34
}

double finite_difference(const std::function<double(const vector&)>& loss, const vector& w,
                         std::size_t i, double epsilon, Difference kind) {
  vector p = w;
  p(i) += epsilon;
  const double up = loss(p);
  if (kind == Difference::forward) return (up - loss(w)) / epsilon;  // Eq. 3.33
  p(i) = w(i) - epsilon;
  return (up - loss(p)) / (2 * epsilon);
}

GradientCheck check_gradient(const std::function<double(const vector&)>& loss, const vector& w,
                             const vector& analytic, double epsilon, Difference kind) {
  if (analytic.size() != w.size())
    throw invalid_argument("check_gradient: w has " + shape_string(w) + " entries, the gradient " +
                           shape_string(analytic) + "; allowed: equal sizes");
  if (!(epsilon > 0)) throw invalid_argument("check_gradient: epsilon must be > 0");
  GradientCheck c{vector::from_shape({w.size()}), vector::from_shape({w.size()}), 0, 0};
  for (std::size_t i = 0; i < w.size(); ++i) {
    c.estimated(i) = finite_difference(loss, w, i, epsilon, kind);
    c.rho(i) = relative_ratio(c.estimated(i), analytic(i));
    if (c.rho(i) > c.max_rho || i == 0) {
      c.max_rho = std::max(c.max_rho, c.rho(i));
      if (c.rho(i) >= c.max_rho) c.worst = i;
    }
  }
  return c;
}

}  // namespace descent::nn
