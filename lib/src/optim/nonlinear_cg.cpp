#include "descent/optim/nonlinear_cg.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/linalg.hpp"

namespace descent::optim {

const char* to_string(CgBeta beta) {
  switch (beta) {
    case CgBeta::fletcher_reeves: return "Fletcher-Reeves";
    case CgBeta::polak_ribiere_plus: return "Polak-Ribiere+";
  }
  return "unknown";
}

//! [beta]
double cg_beta(CgBeta formula, double gg_old, double gg_new, double g_new_g_old) {
  switch (formula) {
    case CgBeta::fletcher_reeves: return gg_new / gg_old;
    case CgBeta::polak_ribiere_plus:  // ∇C⁺ᵀ(∇C⁺ − ∇C) / ‖∇C‖², clipped at 0
      return std::max(0.0, (gg_new - g_new_g_old) / gg_old);
  }
  return 0;
}
//! [beta]

namespace {

[[noreturn]] void refuse_fixed_step() {
  throw invalid_argument(
      "nonlinear CG: line_search = none; allowed: exact, backtracking, wolfe, strong_wolfe "
      "(CG's direction has no natural length)");
}

}  // namespace

LineSearch nonlinear_cg_line_search(LineSearchKind kind) {
  if (kind == LineSearchKind::none) refuse_fixed_step();
  LineSearch search = default_line_search(kind);
  if (auto* wolfe = std::get_if<WolfeOptions>(&search)) wolfe->c2 = 0.1;
  return search;
}

void NonlinearCgOptions::validate() const {
  stop.validate();
  if (std::holds_alternative<FixedStep>(line_search)) refuse_fixed_step();
  optim::validate(line_search);
  const auto* wolfe = std::get_if<WolfeOptions>(&line_search);
  if (wolfe && !(wolfe->c2 < 0.5))
    throw invalid_argument("c2 = " + short_number(wolfe->c2) +
                           "; allowed: c1 < c2 < 1/2 (strong Wolfe with c2 < 1/2 keeps "
                           "Fletcher-Reeves directions descent directions)");
  if (restart_every != 0) require("restart_every", restart_every, Interval::closed(1, 1e9));
  require("powell_nu", powell_nu, Interval::closed(0, 1));
}

NonlinearCgRun nonlinear_cg(const problems::Objective& objective, const vector& theta0,
                            const NonlinearCgOptions& options) {
  options.validate();
  const std::size_t d = objective.dimension();
  if (theta0.size() != d)
    throw invalid_argument("nonlinear_cg: theta0 has " + std::to_string(theta0.size()) +
                           " entries; allowed: " + std::to_string(d) + " (the dimension of " +
                           objective.name() + ")");
  const auto started = std::chrono::steady_clock::now();
  const int restart_every = options.restart_every ? options.restart_every : static_cast<int>(d);
  NonlinearCgRun run;
  auto& tr = run.trajectory;
  vector theta = theta0, g(vector::shape_type{d});
  double value = objective.value_and_gradient(theta, g);
  tr.evaluations = 1;
  double gg = dot(g, g);
  tr.iterates.push_back({0, options.record_theta ? theta : vector(), value, std::sqrt(gg), 0, 0});
  if (auto stop = check_start(options.stop, tr.iterates[0])) {
    tr.status = *stop;
    return run;
  }
  vector direction = -g;  // θ_d⁽⁰⁾ = −∇C(θ⁽⁰⁾)
  double previous_value = value + std::sqrt(gg) / 2;
  Ray ray(objective, theta, direction);
  for (int t = 0;; ++t) {
    double slope = dot(direction, g);
    if (!(slope < 0)) {  // lost descent (possible for PR+ without an exact search): restart
      direction = -g;
      slope = -gg;
      ++run.restarts;
    }
    const auto ls =
        search(options.line_search, ray, value, slope, {.last_decrease = previous_value - value});
    tr.evaluations += ls.evaluations;
    if (!ls.ok()) {
      tr.status = {StopReason::line_search_failed, ls.detail, t};
      return run;
    }
    // θ⁽ᵗ⁺¹⁾ and ∇C⁽ᵗ⁺¹⁾ are in the ray's buffers; β from the old and the new gradient
    const vector& g_new = ray.gradient();
    const double gg_new = dot(g_new, g_new);
    const double g_new_g_old = dot(g_new, g);
    double beta = cg_beta(options.beta, gg, gg_new, g_new_g_old);
    if (options.beta == CgBeta::polak_ribiere_plus && (gg_new - g_new_g_old) < 0) ++run.clipped;
    const bool periodic = (t + 1) % restart_every == 0;
    const bool powell =
        options.powell_nu > 0 && std::fabs(g_new_g_old) >= options.powell_nu * gg_new;
    if (periodic || powell) {
      beta = 0;
      ++run.restarts;
    }
    run.betas.push_back(beta);
    double ss = 0;
    {
      const double* xn = ray.theta().data();
      const double* gn = g_new.data();
      double* x = theta.data();
      double* gp = g.data();
      double* dir = direction.data();
      for (std::size_t i = 0; i < d; ++i) {
        ss += (xn[i] - x[i]) * (xn[i] - x[i]);
        x[i] = xn[i];
        gp[i] = gn[i];
        dir[i] = beta * dir[i] - gn[i];  // (3.49): θ_d⁽ᵗ⁺¹⁾ = −∇C⁽ᵗ⁺¹⁾ + βθ_d⁽ᵗ⁾
      }
    }
    previous_value = value;
    value = ls.phi;
    gg = gg_new;
    tr.iterates.push_back({t + 1, options.record_theta ? theta : vector(), value, std::sqrt(gg),
                           std::sqrt(ss), ls.alpha});
    if (auto stop = check_stop(options.stop, tr.iterates[tr.iterates.size() - 2],
                               tr.iterates.back(), started)) {
      tr.status = *stop;
      break;
    }
  }
  if (!options.record_theta) tr.iterates.back().theta = theta;
  return run;
}

}  // namespace descent::optim
