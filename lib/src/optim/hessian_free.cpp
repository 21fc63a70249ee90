#include "descent/optim/hessian_free.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/linalg.hpp"
#include "descent/optim/cg.hpp"

namespace descent::optim {

void finite_difference_hv(const problems::Objective& objective, const vector& theta,
                          const vector& g, const vector& v, double delta, vector& hv) {
  require("delta", delta, Interval::greater_than(0));
  const vector shifted = theta + delta * v;
  vector g_shifted;
  objective.gradient(shifted, g_shifted);
  hv = (g_shifted - g) / delta;  // Aggarwal (3.51)
}

void HessianFreeOptions::validate() const {
  stop.validate();
  require("cg_iterations", cg_iterations, Interval::closed(0, 1e6));
  require("delta", delta, Interval::greater_than(0));
  require("forcing", forcing, Interval::closed(0, 0.999999));
  require("curvature_tolerance", curvature_tolerance, Interval::closed(0, 1));
  optim::validate(line_search);
}

HessianFreeRun hessian_free(const problems::Objective& objective, const vector& theta0,
                            const HessianFreeOptions& options) {
  options.validate();
  if (!options.finite_difference && !objective.has_hessian())
    throw invalid_argument("hessian_free: " + objective.name() +
                           " has no Hessian-vector product; allowed: finite_difference = true");
  const auto started = std::chrono::steady_clock::now();
  HessianFreeRun run;
  auto& tr = run.trajectory;
  vector theta = theta0, g;
  double value = objective.value_and_gradient(theta, g);
  tr.evaluations = 1;
  tr.iterates.push_back(
      {0, options.record_theta ? theta : vector(), value, std::sqrt(dot(g, g)), 0, 0});
  if (auto stop = check_start(options.stop, tr.iterates[0])) {
    tr.status = *stop;
    return run;
  }
  CgOptions cg;
  cg.max_iterations = options.cg_iterations;
  cg.record_directions = false;
  cg.record_steps = false;
  cg.curvature_tolerance = options.curvature_tolerance;
  const vector zero = xt::zeros<double>(g.shape());
  vector minus_g, step;
  for (int t = 0;; ++t) {
    const LinearOperator h = [&](const vector& v, vector& hv) {
      ++run.hessian_products;
      if (options.finite_difference)
        finite_difference_hv(objective, theta, g, v, options.delta, hv);
      else
        objective.hessian_vector(theta, v, hv);
    };
    minus_g = -g;
    // CG's test is relative to ‖b‖ = ‖∇C‖: the forcing term η_t itself (Nocedal–Wright (7.3))
    const double gnorm = std::sqrt(dot(g, g));
    cg.tolerance = options.forcing > 0 ? std::min(options.forcing, std::sqrt(gnorm)) : 0;
    auto inner = conjugate_gradient(h, minus_g, zero, cg);
    run.cg_iterations += inner.status.iterations;
    step = std::move(inner.theta);
    if (inner.status.reason == StopReason::zero_curvature) {
      ++run.negative_curvature_exits;
      if (inner.status.iterations == 0) step = minus_g;  // no CG step taken: steepest descent
    }
    Ray ray(objective, theta, step);  // FixedStep{1}: θ + θ_s
    const auto ls = search(options.line_search, ray, value, dot(step, g), {.newton_step = true});
    tr.evaluations += ls.evaluations;
    if (!ls.ok()) {
      tr.status = {StopReason::line_search_failed, ls.detail, t};
      break;
    }
    const double alpha = ls.alpha;
    theta = ray.theta();
    g = ray.gradient();
    value = ls.phi;
    Iterate next{t + 1,
                 options.record_theta ? theta : vector(),
                 value,
                 std::sqrt(dot(g, g)),
                 alpha * std::sqrt(dot(step, step)),
                 alpha};
    tr.iterates.push_back(next);
    if (auto stop = check_stop(options.stop, tr.iterates[tr.iterates.size() - 2], next, started)) {
      tr.status = *stop;
      break;
    }
  }
  if (!options.record_theta) tr.iterates.back().theta = theta;
  return run;
}

}  // namespace descent::optim
