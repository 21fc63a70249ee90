#include "descent/autodiff/finite_difference.hpp"

#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"

namespace descent::autodiff {

namespace {
void check_step(double h) {
  if (!(h > 0) || !std::isfinite(h))
    throw invalid_argument("finite difference step h = " + short_number(h) +
                           " is out of range; allowed: 0 < h < inf");
}
}  // namespace

//! [forward-difference]
std::vector<double> forward_difference(const ScalarFunction& f, const std::vector<double>& theta,
                                       double h) {
  check_step(h);
  const double c = f(theta);
  std::vector<double> g(theta.size()), shifted = theta;
  for (std::size_t i = 0; i < theta.size(); ++i) {
    shifted[i] = theta[i] + h;
    g[i] = (f(shifted) - c) / h;  // MEDL (4.26)
    shifted[i] = theta[i];
  }
  return g;
}
//! [forward-difference]

std::vector<double> central_difference(const ScalarFunction& f, const std::vector<double>& theta,
                                       double h) {
  check_step(h);
  std::vector<double> g(theta.size()), shifted = theta;
  for (std::size_t i = 0; i < theta.size(); ++i) {
    shifted[i] = theta[i] + h;
    const double up = f(shifted);
    shifted[i] = theta[i] - h;
    const double down = f(shifted);
    shifted[i] = theta[i];
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

}  // namespace descent::autodiff
