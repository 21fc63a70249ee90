// One convention for counting iterations, for every optimizer of descent::optim: a run started
// where its stopping test already holds takes no step and reports 0 iterations (and a start
// where C is not finite is divergence, also at 0). Reference: ∇C(1, 1) = 0 exactly for
// Rosenbrock (MEDL (4.9)), and the closed-form minimizers of the other problems.

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "descent/optim/cg.hpp"
#include "descent/optim/descent.hpp"
#include "descent/optim/hessian_free.hpp"
#include "descent/optim/newton.hpp"
#include "descent/optim/newton_1d.hpp"
#include "descent/optim/nonlinear_cg.hpp"
#include "descent/optim/quasi_newton.hpp"
#include "descent/optim/update_rule.hpp"
#include "descent/problems/finite_sum.hpp"
#include "descent/problems/quadratic.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "descent/problems/univariate.hpp"

using namespace descent;

namespace {

// Every run stops once ‖∇C‖ < 1e-7. Not smaller: at 1e-8 the Armijo decrease ‖∇C‖²/(2λ) of a
// logistic step (λ ≈ 0.2) is 2.5e-16, the rounding of C ≈ 0.54 itself, and whether a Wolfe
// search still finds it depends on the last bit of exp and log.
constexpr double kGradientTolerance = 1e-7;
constexpr int kFirstOrderSteps = 20000;  // T of Algorithm 4.1
constexpr int kSecondOrderSteps = 10000;

// --- the optimizers --------------------------------------------------------------------------

struct Outcome {
  Status status;
  vector theta;
};

Outcome outcome(const optim::Trajectory& tr) {
  return {tr.status, tr.last().theta};
}

optim::StopCriteria stop_after(int steps) {
  optim::StopCriteria s;
  s.max_iterations = steps;
  s.gradient_tolerance = kGradientTolerance;
  return s;
}

struct Optimizer {
  std::string name;
  /// Runs from `start`; `alpha` is the constant step size of a first-order rule.
  std::function<Outcome(const problems::Objective&, const vector& start, double alpha)> run;
};

std::vector<Optimizer> optimizer_list() {
  std::vector<Optimizer> list;
  for (const std::string rule : {"gd", "momentum-ewma", "nesterov", "adagrad", "rmsprop",
                                 "adadelta", "adam", "nadam", "adamax", "lp-adam"}) {
    optim::RuleOptions o;
    o.p = 3;  // Lp-Adam with p = 3: p = 2 would be ADAM itself
    list.push_back(
        {rule, [rule, o](const problems::Objective& f, const vector& start, double alpha) {
           auto r = optim::make_rule(rule, o);
           optim::DescentOptions d;
           d.stop = stop_after(kFirstOrderSteps);
           d.schedule.alpha = alpha;
           d.record_every = kFirstOrderSteps;
           return outcome(optim::descend(f, *r, start, d));
         }});
  }
  for (const auto& [search, kind] : optim::line_search_names)
    for (const auto beta : {optim::CgBeta::fletcher_reeves, optim::CgBeta::polak_ribiere_plus}) {
      const std::string name = beta == optim::CgBeta::fletcher_reeves ? "cg-fr/" : "cg-pr+/";
      list.push_back({name + std::string(search),
                      [beta, kind](const problems::Objective& f, const vector& start, double) {
                        optim::NonlinearCgOptions o;
                        o.beta = beta;
                        o.line_search = optim::nonlinear_cg_line_search(kind);
                        o.stop = stop_after(kSecondOrderSteps);
                        return outcome(optim::nonlinear_cg(f, start, o).trajectory);
                      }});
    }
  for (const auto& [search, kind] : optim::line_search_or_none_names) {
    const std::string suffix = "/" + std::string(search);
    list.push_back(
        {"newton" + suffix, [kind](const problems::Objective& f, const vector& start, double) {
           optim::NewtonOptions o;
           o.line_search = optim::default_line_search(kind);
           o.stop = stop_after(kSecondOrderSteps);
           return outcome(optim::newton(f, start, o).trajectory);
         }});
    list.push_back({"hessian-free" + suffix,
                    [kind](const problems::Objective& f, const vector& start, double) {
                      optim::HessianFreeOptions o;
                      o.line_search = optim::default_line_search(kind);
                      o.finite_difference = !f.has_hessian();  // Aggarwal (3.51)
                      o.stop = stop_after(kSecondOrderSteps);
                      return outcome(optim::hessian_free(f, start, o).trajectory);
                    }});
    list.push_back(
        {"bfgs" + suffix, [kind](const problems::Objective& f, const vector& start, double) {
           optim::QuasiNewtonOptions o;
           o.line_search = optim::default_line_search(kind);
           o.stop = stop_after(kSecondOrderSteps);
           return outcome(optim::bfgs(f, start, o).trajectory);
         }});
    list.push_back(
        {"lbfgs" + suffix, [kind](const problems::Objective& f, const vector& start, double) {
           optim::QuasiNewtonOptions o;
           o.line_search = optim::default_line_search(kind);
           o.stop = stop_after(kSecondOrderSteps);
           return outcome(optim::lbfgs(f, start, o).trajectory);
         }});
  }
  return list;
}

}  // namespace

// --- one convention for counting iterations ---------------------------------------------------

TEST_CASE("optim: a run started where its stopping test holds reports 0 iterations") {
  // Rosenbrock's gradient at (1, 1) is exactly 0 (MEDL (4.9)): every method stops before a step.
  const problems::Rosenbrock f;
  const vector minimum{1.0, 1.0};
  for (const auto& optimizer : optimizer_list()) {
    CAPTURE(optimizer.name);
    const auto run = optimizer.run(f, minimum, 1e-3);
    CHECK(run.status.reason == StopReason::converged);
    CHECK(run.status.iterations == 0);
    CHECK(run.theta(0) == 1.0);
    CHECK(run.theta(1) == 1.0);
  }
  // ... and a start where C is not finite is divergence, also before any step
  const vector nowhere{std::nan(""), 1.0};
  for (const auto& optimizer : optimizer_list()) {
    CAPTURE(optimizer.name);
    const auto run = optimizer.run(f, nowhere, 1e-3);
    CHECK(run.status.reason == StopReason::diverged);
    CHECK(run.status.iterations == 0);
  }
  // SGD on a finite sum, from (4.12)'s minimizer (Σaᵢuᵢ₁/Σaᵢ, mean uᵢ₂) = (11/6, 7/5), where
  // the full gradient vanishes up to rounding, below the tolerance
  const auto sum = problems::QuadraticSum::figure_4_3a();
  auto gd = optim::make_rule("gd");
  optim::DescentOptions o;
  o.stop.gradient_tolerance = 1e-12;
  const auto sgd = optim::descend_stochastic(sum, *gd, vector{11.0 / 6, 1.4}, o, {});
  CHECK(sgd.status.reason == StopReason::converged);
  CHECK(sgd.status.iterations == 0);
  // the univariate Newton method and linear CG follow the same rule
  const auto newton = optim::newton_1d(problems::quadratic(2, 3, 1), 3);  // C'(3) = 0
  CHECK(newton.status.iterations == 0);
  const auto cg = optim::conjugate_gradient(matrix{{2.0, 0.0}, {0.0, 1.0}}, vector{2.0, 1.0},
                                            vector{1.0, 1.0});  // A θ = b already
  CHECK(cg.status.iterations == 0);
}
