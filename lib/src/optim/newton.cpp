#include "descent/optim/newton.hpp"

#include <chrono>
#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::optim {

void NewtonOptions::validate() const {
  stop.validate();
  optim::validate(line_search);
}

namespace {

std::string classify(const matrix& h) {
  const auto eig = eigh(h);
  const double scale = std::max(std::fabs(eig.values(0)), std::fabs(eig.values(h.shape(0) - 1)));
  if (eig.values(0) > 1e-14 * scale) return "positive definite";
  if (std::fabs(eig.values(0)) <= 1e-14 * scale) return "singular";
  return "indefinite";
}

}  // namespace

NewtonRun newton(const problems::Objective& objective, const vector& theta0,
                 const NewtonOptions& options) {
  options.validate();
  if (!objective.has_hessian())
    throw invalid_argument("newton: " + objective.name() +
                           " has no closed-form Hessian; allowed: objectives with has_hessian()");
  const auto started = std::chrono::steady_clock::now();
  NewtonRun run;
  auto& tr = run.trajectory;
  vector theta = theta0, g, step;
  matrix h;
  double value = objective.value_and_gradient(theta, g);
  tr.evaluations = 1;
  tr.iterates.push_back({0, theta, value, std::sqrt(dot(g, g)), 0, 0});
  if (auto stop = check_start(options.stop, tr.iterates[0])) {
    tr.status = *stop;
    return run;
  }
  for (int t = 0;; ++t) {
    objective.hessian(theta, h);
    const auto kind = classify(h);
    run.hessian_kind.push_back(kind);
    if (kind != "positive definite") ++run.indefinite_hessians;
    try {
      step = solve(h, -g);  // MEDL (4.56): H θ_s = −∇C
    } catch (const singular_matrix& e) {
      tr.status = {StopReason::singular_hessian,
                   "the Hessian at theta(" + std::to_string(t) + ") is singular", t};
      return run;
    }
    double slope = dot(step, g);
    bool newton_step = true;
    if (options.damped() && !(slope < 0)) {  // not a descent direction: steepest descent
      step = -g;
      slope = -dot(g, g);
      newton_step = false;
    }
    Ray ray(objective, theta, step);  // FixedStep{1}: θ + θ_s, MEDL (4.54)
    const auto ls = search(options.line_search, ray, value, slope, {.newton_step = newton_step});
    tr.evaluations += ls.evaluations;
    if (!ls.ok()) {
      tr.status = {StopReason::line_search_failed, ls.detail, t};
      return run;
    }
    const double alpha = ls.alpha;
    theta = ray.theta();
    g = ray.gradient();
    value = ls.phi;
    Iterate next{t + 1, theta, value, std::sqrt(dot(g, g)), alpha * std::sqrt(dot(step, step)),
                 alpha};
    tr.iterates.push_back(next);
    if (auto stop = check_stop(options.stop, tr.iterates[tr.iterates.size() - 2], next, started)) {
      tr.status = *stop;
      return run;
    }
  }
}

}  // namespace descent::optim
