#include "descent/optim/quasi_newton.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/kernels.hpp"

namespace descent::optim {

void QuasiNewtonOptions::validate() const {
  stop.validate();
  require("relative_gradient_tolerance", relative_gradient_tolerance, Interval::at_least(0));
  optim::validate(line_search);
  require("m", double(m), Interval::closed(1, 1000));
  require("curvature_epsilon", curvature_epsilon, Interval::at_least(0));
}

namespace {

vector sized(std::size_t d) {
  return vector(vector::shape_type{d});
}

// B as a dense matrix (BFGS).
struct DenseInverse {
  matrix b;
  vector s, y, work;
  explicit DenseInverse(std::size_t d)
      : b(xt::eye<double>(d)), s(sized(d)), y(sized(d)), work(sized(d)) {}
  vector& s_buffer() { return s; }
  vector& y_buffer() { return y; }
  double direction(const vector& g, vector& dir) {
    const std::size_t d = g.size();
    double slope = 0;
    for (std::size_t i = 0; i < d; ++i) {
      double sum = 0;
      for (std::size_t j = 0; j < d; ++j) sum += b(i, j) * g(j);
      dir(i) = -sum;  // (4.59) θ_d = −B∇C
      slope += dir(i) * g(i);
    }
    return slope;
  }
  void update(double, double) { bfgs_update(b, s, y, work); }
};

// B applied through the last m pairs (L-BFGS).
struct LimitedMemory {
  LbfgsMemory memory;
  LimitedMemory(std::size_t m, std::size_t d) : memory(m, d) {}
  vector& s_buffer() { return memory.next_s(); }
  vector& y_buffer() { return memory.next_y(); }
  double direction(const vector& g, vector& dir) { return two_loop_direction(memory, g, dir); }
  void update(double ys, double yy) { memory.commit(ys, yy); }
};

//! [algorithm-4.3]
template <class Inverse>
QuasiNewtonRun quasi_newton(const problems::Objective& objective, const vector& theta0,
                            const QuasiNewtonOptions& options, Inverse& inverse) {
  options.validate();
  const std::size_t d = objective.dimension();
  if (theta0.size() != d)
    throw invalid_argument("quasi-Newton: theta0 has " + std::to_string(theta0.size()) +
                           " entries; allowed: " + std::to_string(d) + " (the dimension of " +
                           objective.name() + ")");
  const auto started = std::chrono::steady_clock::now();
  QuasiNewtonRun run;
  auto& tr = run.trajectory;
  vector theta = theta0, g = sized(d), dir = sized(d);
  double value = objective.value_and_gradient(theta, g);
  tr.evaluations = 1;
  double gnorm = euclidean_norm(g), theta_norm = euclidean_norm(theta);
  tr.iterates.push_back({0, options.record_theta ? theta : vector(), value, gnorm, 0, 0});
  auto relative_met = [&] {
    return options.relative_gradient_tolerance > 0 &&
           gnorm <= options.relative_gradient_tolerance * std::max(1.0, theta_norm);
  };
  if (auto stop = check_start(options.stop, tr.iterates[0])) {
    tr.status = *stop;
    return run;
  }
  if (relative_met()) {
    tr.status = {StopReason::converged, "|grad C(theta0)| = " + short_number(gnorm), 0};
    return run;
  }
  Ray ray(objective, theta, dir);
  for (int t = 0;; ++t) {
    const double slope = inverse.direction(g, dir);  // Step 5, and θ_dᵀ∇C
    if (!(slope < 0)) {
      tr.status = {StopReason::not_descent_direction,
                   "theta_d^T grad C = " + short_number(slope) + " >= 0", t};
      return run;
    }
    // Step 6: the line search; at t = 0, B = I and θ_d = −∇C has no natural length
    const auto ls = search(options.line_search, ray, value, slope, {.newton_step = t > 0});
    tr.evaluations += ls.evaluations;
    if (!ls.ok()) {
      tr.status = {StopReason::line_search_failed, ls.detail, t};
      return run;
    }
    // Step 7 and the pair (4.62), in one pass: θ_s = θ⁺ − θ, g_s = ∇C⁺ − ∇C
    const auto pair =
        kernels::secant_pair(ray.theta().data(), ray.gradient().data(), theta.data(), g.data(),
                             inverse.s_buffer().data(), inverse.y_buffer().data(), d);
    value = ls.phi;
    gnorm = std::sqrt(pair.gg);
    theta_norm = std::sqrt(pair.xx);
    // Step 8, only under the curvature condition (4.64)
    if (pair.ys > options.curvature_epsilon * pair.yy && pair.ys > 0)
      inverse.update(pair.ys, pair.yy);
    else
      ++run.skipped_updates;
    tr.iterates.push_back({t + 1, options.record_theta ? theta : vector(), value, gnorm,
                           std::sqrt(pair.ss), ls.alpha});
    const auto& current = tr.iterates.back();
    if (relative_met() && std::isfinite(value)) {
      tr.status = {StopReason::converged,
                   "|grad C| = " + short_number(gnorm) + " <= " +
                       short_number(options.relative_gradient_tolerance) + " max(1, |theta|)",
                   t + 1};
      break;
    }
    if (auto stop =
            check_stop(options.stop, tr.iterates[tr.iterates.size() - 2], current, started)) {
      tr.status = *stop;
      break;
    }
  }
  if (!options.record_theta) tr.iterates.back().theta = theta;
  return run;
}
//! [algorithm-4.3]

}  // namespace

QuasiNewtonRun bfgs(const problems::Objective& objective, const vector& theta0,
                    const QuasiNewtonOptions& options) {
  DenseInverse inverse(objective.dimension());
  auto run = quasi_newton(objective, theta0, options, inverse);
  run.b = std::move(inverse.b);
  return run;
}

QuasiNewtonRun lbfgs(const problems::Objective& objective, const vector& theta0,
                     const QuasiNewtonOptions& options) {
  options.validate();
  LimitedMemory inverse(options.m, objective.dimension());
  return quasi_newton(objective, theta0, options, inverse);
}

}  // namespace descent::optim
