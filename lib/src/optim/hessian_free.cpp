#include "descent/optim/hessian_free.hpp"

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
  tr.iterates.push_back({0, theta, value, std::sqrt(dot(g, g)), 0, 0});
  CgOptions cg;
  cg.max_iterations = options.cg_iterations;
  cg.tolerance = 0;
  cg.record_directions = false;
  for (int t = 0;; ++t) {
    const LinearOperator h = [&](const vector& v, vector& hv) {
      ++run.hessian_products;
      if (options.finite_difference)
        finite_difference_hv(objective, theta, g, v, options.delta, hv);
      else
        objective.hessian_vector(theta, v, hv);
    };
    const vector minus_g = -g;
    auto inner = conjugate_gradient(h, minus_g, xt::zeros<double>(g.shape()), cg);
    vector step = inner.theta;
    if (inner.status.reason == StopReason::zero_curvature) {
      ++run.negative_curvature_exits;
      if (inner.steps.empty()) step = minus_g;  // no CG step taken: steepest descent
    }
    theta += step;
    value = objective.value_and_gradient(theta, g);
    ++tr.evaluations;
    Iterate next{t + 1, theta, value, std::sqrt(dot(g, g)), std::sqrt(dot(step, step)), 1};
    tr.iterates.push_back(next);
    if (auto stop = check_stop(options.stop, tr.iterates[tr.iterates.size() - 2], next, started)) {
      tr.status = *stop;
      return run;
    }
  }
}

}  // namespace descent::optim
