#include "descent/optim/cg.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/linalg.hpp"

namespace descent::optim {

void CgOptions::validate() const {
  if (max_iterations != 0) require("max_iterations", max_iterations, Interval::closed(1, 1e9));
  require("tolerance", tolerance, Interval::at_least(0));
  require("curvature_tolerance", curvature_tolerance, Interval::closed(0, 1));
}

//! [cg]
CgRun conjugate_gradient(const LinearOperator& a, const vector& b, const vector& theta0,
                         const CgOptions& options) {
  options.validate();
  const std::size_t d = b.size();
  if (theta0.size() != d)
    throw invalid_argument("conjugate_gradient: theta0 has " + std::to_string(theta0.size()) +
                           " entries; allowed: " + std::to_string(d) + " (the size of b)");
  const int max_t = options.max_iterations ? options.max_iterations : static_cast<int>(d);
  CgRun run;
  run.theta = theta0;
  vector ad = xt::zeros<double>(b.shape());
  // ∇C(θ) = Aθ − b; from θ⁽⁰⁾ = 0, as in truncated Newton, Aθ = 0 needs no product
  if (std::any_of(run.theta.begin(), run.theta.end(), [](double x) { return x != 0; })) {
    a(run.theta, ad);
    ++run.products;
  }
  vector g = ad - b;
  vector direction = -g;  // θ_d⁽⁰⁾ = −∇C(θ⁽⁰⁾)
  const double stop = options.tolerance * std::sqrt(dot(b, b));
  if (std::sqrt(dot(g, g)) <= stop) {
    run.status = {StopReason::converged, "|A theta - b| <= tolerance |b| at the start", 0};
    return run;
  }
  double largest_rayleigh = 0;  // ρ: the estimate of ‖A‖ for the relative curvature test
  for (int t = 0; t < max_t; ++t) {
    if (options.record_directions) run.directions.push_back(direction);
    a(direction, ad);  // Aθ_d⁽ᵗ⁾: the only product per iteration
    ++run.products;
    const double curvature = dot(direction, ad);
    if (!(curvature > 0)) {
      run.status = {StopReason::zero_curvature,
                    "theta_d^T A theta_d = " + short_number(curvature) +
                        " <= 0: A is not positive definite along theta_d",
                    t};
      return run;
    }
    if (options.curvature_tolerance > 0) {
      const double rayleigh = curvature / dot(direction, direction);
      if (rayleigh <= options.curvature_tolerance * largest_rayleigh) {
        run.status = {StopReason::zero_curvature,
                      "theta_d^T A theta_d / |theta_d|^2 = " + short_number(rayleigh) +
                          " <= " + short_number(options.curvature_tolerance) + " x " +
                          short_number(largest_rayleigh) +
                          ": A is numerically singular along theta_d",
                      t};
        return run;
      }
      largest_rayleigh = std::max(largest_rayleigh, rayleigh);
    }
    const double alpha = -dot(direction, g) / curvature;  // (4.46)
    run.theta += alpha * direction;
    g += alpha * ad;  // ∇C(θ⁽ᵗ⁺¹⁾) = ∇C(θ⁽ᵗ⁾) + αAθ_d⁽ᵗ⁾, no second product
    const double beta = dot(g, ad) / curvature;  // (4.47)
    const double residual = std::sqrt(dot(g, g));
    if (options.record_steps) run.steps.push_back({t, run.theta, alpha, beta, residual, curvature});
    if (residual <= stop) {
      run.status = {StopReason::converged,
                    "|A theta - b| = " + short_number(residual) + " <= " + short_number(stop),
                    t + 1};
      return run;
    }
    direction = beta * direction - g;  // (4.47)
  }
  run.status = {StopReason::iteration_limit, "T = " + std::to_string(max_t), max_t};
  return run;
}
//! [cg]

CgRun conjugate_gradient(const matrix& a, const vector& b, const vector& theta0,
                         const CgOptions& options) {
  if (a.shape(0) != b.size() || a.shape(1) != b.size())
    throw invalid_argument("conjugate_gradient: A is " + shape_string(a) + " and b has " +
                           std::to_string(b.size()) + " entries; allowed: A square, matching b");
  return conjugate_gradient([&a](const vector& v, vector& av) { av = gemv(a, v); }, b, theta0,
                            options);
}

double max_conjugacy_cosine(const matrix& a, const std::vector<vector>& directions) {
  std::vector<vector> ad;
  for (const auto& d : directions) ad.push_back(gemv(a, d));
  double worst = 0;
  for (std::size_t i = 0; i < directions.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const double c = dot(directions[i], ad[j]) /
                       std::sqrt(dot(directions[i], ad[i]) * dot(directions[j], ad[j]));
      worst = std::max(worst, std::fabs(c));
    }
  return worst;
}

}  // namespace descent::optim
