/// \file
/// Notes, Chapter 2, the first-order part: gradient descent near a minimum mode by mode
/// (2.4) with its step-size threshold, Exercises 2.1 and 2.2, the mini-batch scaling of §2.2
/// (an erratum), momentum (2.7) with Exercise 2.4, and RMSProp (2.8) with δ inside the root.
/// Algorithm 1 itself (SGD) is in s2_2_sgd.cpp.

#include <cmath>
#include <string>

#include "common/errata.hpp"
#include "common/first_order.hpp"
#include "descent/core/linalg.hpp"
#include "descent/problems/peaks.hpp"
#include "descent/problems/quadratic.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "notes02/regression.hpp"
#include "notes02/sections.hpp"

namespace descent::chapters::notes02 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

double norm2(const vector& x) {
  double s = 0;
  for (double v : x) s += v * v;
  return std::sqrt(s);
}

// The parameters of the notes' quadratic: its eigenvalues and the start.
// (Within 1e6, so that C and its gradient stay finite: a run that overflows has diverged.)
Param lambda_param() {
  return Param::vector("lambda", "10,1", Provenance::companion,
                       "eigenvalues lambda_j of the Hessian (all > 0)", 1, 10,
                       Interval{0, 1e6, true, false});
}
Param theta0_param() {
  return Param::vector("theta0", "1,1", Provenance::companion, "starting point", 1, 10,
                       Interval::closed(-1e6, 1e6));
}
// A step size: above 1e6 every run on these quadratics only overflows.
Param eta_param(const std::string& name, const std::string& value, const std::string& help) {
  return Param::number(name, value, Provenance::companion, help, Interval{0, 1e6, true, false});
}

// The notes' quadratic ½θᵀdiag(λ)θ from θ₀.
problems::Quadratic notes_quadratic(const Params& p) {
  return {descent::to_vector(p.vector("lambda")), xt::zeros<double>({p.vector("lambda").size()}),
          descent::to_vector(p.vector("theta0"))};
}

// --- eq-2.4 -------------------------------------------------------------------------

//! [eq-2.4]
Result step_threshold(const Params& p) {
  const auto C = notes_quadratic(p);
  double lambda_1 = 0;
  for (double l : C.eigenvalues()) lambda_1 = std::max(lambda_1, l);
  Result result;
  auto& table = result.table("threshold", {"eta", "rho = max|1 - eta lambda_j|", "eta < 2/lambda_1",
                                           "|theta_U|", "status"});
  const int steps = static_cast<int>(p.integer("steps"));
  for (const double eta : p.vector("etas")) {
    double rho = 0;
    for (double l : C.eigenvalues()) rho = std::max(rho, std::fabs(1 - eta * l));
    common::Run r;
    r.schedule = optim::Schedule::fixed_rate(eta);
    r.iterations = steps;
    const auto run = common::run(C, r, C.initial_point());  // α ← (I − ηΛ)α, (2.4)
    common::report_divergence(result, "eta = " + short_number(eta), run, {"threshold", "values"});
    const double norm = norm2(run.last().theta);
    table.add(
        {eta, rho, std::string(eta < 2 / lambda_1 ? "yes" : "no"), norm, run.status.to_string()});
    result.value("norm_eta" + short_number(eta), norm);
  }
  result.value("threshold", 2 / lambda_1);
  // The same threshold governs GD near Rosenbrock's minimum, with λ₁ the largest
  // eigenvalue of ∇²C(1, 1); above it GD settles on a 2-cycle instead of converging.
  const problems::Rosenbrock rosenbrock;
  matrix h;
  rosenbrock.hessian(vector({1.0, 1.0}), h);
  const double top = eigh(h).values(1);
  result.value("rosenbrock_threshold", 2 / top);
  auto& near = result.table("Rosenbrock near (1, 1)",
                            {"eta", "eta < 2/lambda_1", "|theta_T - (1,1)|", "theta1", "theta2"});
  for (const double eta : p.vector("rosenbrock_etas")) {
    common::Run r;
    r.schedule = optim::Schedule::fixed_rate(eta);
    r.iterations = static_cast<int>(p.integer("rosenbrock_steps"));
    r.record_every = r.iterations;
    const auto run = common::run(rosenbrock, r, vector({1.01, 1.01}));
    common::report_divergence(result, "Rosenbrock, eta = " + short_number(eta), run,
                              {"Rosenbrock near (1, 1)", "values"});
    const auto& x = run.last().theta;
    const double distance = std::hypot(x(0) - 1, x(1) - 1);
    near.add({eta, std::string(eta < 2 / top ? "yes" : "no"), distance, x(0), x(1)});
    result.value("distance_eta" + short_number(eta), distance);
  }
  return result;
}
//! [eq-2.4]

app::Item step_threshold_item() {
  return {"eq-2.4",
          "GD near a minimum, mode by mode: it converges iff eta < 2/lambda_1",
          "Notes §2.1, Eq. (2.4)",
          {lambda_param(), theta0_param(),
           Param::vector("etas", "0.05,0.1,0.19,0.2,0.21", Provenance::companion,
                         "step sizes eta, on both sides of 2/lambda_1", 1, 10,
                         Interval{0, 1e6, true, false}),
           Param::integer("steps", "100", Provenance::companion, "GD steps U",
                          Interval::closed(1, 1e5)),
           Param::vector("rosenbrock_etas", "0.00199,0.00201", Provenance::companion,
                         "step sizes for GD near Rosenbrock's minimum", 1, 4,
                         Interval{0, 1e6, true, false}),
           Param::integer("rosenbrock_steps", "20000", Provenance::companion,
                          "GD steps on Rosenbrock from (1.01, 1.01)", Interval::closed(1, 1e6))},
          step_threshold,
          /*errata=*/common::errata({"notes-2-4-notation", "notes-2-4"})};
}

// --- exercise-2.1 -------------------------------------------------------------------

Result exercise_2_1(const Params& p) {
  // Symmetric 2×2 Hessians (a, b; b, c): with "≈" an equality, θ* is a local minimum
  // iff H is positive semidefinite.
  const auto a = p.vector("a"), b = p.vector("b"), c = p.vector("c");
  if (a.size() != b.size() || a.size() != c.size())
    throw invalid_argument("a, b and c need the same length; allowed: one entry per matrix");
  Result result;
  auto& table = result.table("Hessians", {"a", "b", "c", "lambda_min", "lambda_max", "kind"});
  for (std::size_t k = 0; k < a.size(); ++k) {
    const auto eig = eigh(matrix({{a[k], b[k]}, {b[k], c[k]}}));
    table.add({a[k], b[k], c[k], eig.values(0), eig.values(1),
               problems::classify(eig.values(0), eig.values(1))});
  }
  return result;
}

app::Item exercise_2_1_item() {
  return {"exercise-2.1",
          "A stationary point is a local minimum iff the Hessian is PSD",
          "Notes §2.1, Exercise 2.1",
          {Param::vector("a", "1,-1,1,2", Provenance::companion, "H_11 of each matrix", 1, 10,
                         Interval::closed(-1e100, 1e100)),
           Param::vector("b", "0,0,0,0", Provenance::companion, "H_12 of each matrix", 1, 10,
                         Interval::closed(-1e100, 1e100)),
           Param::vector("c", "2,-2,-1,0", Provenance::companion, "H_22 of each matrix", 1, 10,
                         Interval::closed(-1e100, 1e100))},
          exercise_2_1};
}

// --- exercise-2.2 -------------------------------------------------------------------

Result exercise_2_2(const Params& p) {
  const auto C = notes_quadratic(p);
  const double eta = p.number("eta");
  double rho = 0;
  for (double l : C.eigenvalues()) rho = std::max(rho, std::fabs(1 - eta * l));
  common::Run r;
  r.schedule = optim::Schedule::fixed_rate(eta);
  r.iterations = static_cast<int>(p.integer("steps"));
  const auto run = common::run(C, r, C.initial_point());
  Result result;
  auto& table = result.table(
      "linear rate", {"k", "|alpha_k|", "ratio |alpha_k+1|/|alpha_k|", "bound rho^k |alpha_0|"});
  common::report_divergence(result, "GD", run, {"linear rate", "values"});
  const double first = norm2(run.iterates[0].theta);
  if (first == 0)
    throw invalid_argument(
        "theta0 = 0 is the minimizer: every |alpha_k| is 0 and no ratio exists; allowed: a "
        "theta0 other than 0");
  bool bound_holds = true;
  for (std::size_t k = 0; k + 1 < run.iterates.size(); ++k) {
    const double now = norm2(run.iterates[k].theta), next = norm2(run.iterates[k + 1].theta);
    const double bound = std::pow(rho, double(k)) * first;
    if (now == 0 || !std::isfinite(bound)) {  // the minimizer hit exactly, or rho^k overflows
      result.status += (result.status.empty() ? "" : "; ") + std::string("table ends at k = ") +
                       std::to_string(k) +
                       (now == 0 ? ": alpha_k = 0 exactly, no further ratio"
                                 : ": the bound rho^k |alpha_0| overflows");
      break;
    }
    bound_holds = bound_holds && now <= bound * (1 + 1e-12);
    table.add({double(k), now, next / now, bound});
  }
  result.value("rho", rho);
  if (!table.rows.empty()) result.value("last_ratio", std::get<double>(table.rows.back()[2]));
  result.value("bound_holds", bound_holds ? 1 : 0);
  // A non-quadratic case: GD on e^θ − 2θ (minimum ln 2, L'' = 2 there): the error ratio
  // tends to 1 − ηL''(θ*).
  double theta = 0;
  const double eta2 = p.number("eta_exp");
  double error = std::fabs(theta - std::log(2.0));
  auto& exp_table = result.table("e^theta - 2 theta", {"k", "error", "ratio"});
  for (int k = 1; k <= 20; ++k) {
    theta -= eta2 * (std::exp(theta) - 2);
    if (!std::isfinite(theta) || !std::isfinite(std::exp(theta)) || error == 0) {
      result.status +=
          (result.status.empty() ? "" : "; ") +
          (error == 0 ? "e^theta - 2 theta: theta hit ln 2 exactly at k = " + std::to_string(k - 1)
                      : "e^theta - 2 theta: GD diverged at k = " + std::to_string(k) +
                            ": theta = " + short_number(theta) +
                            (std::isfinite(theta) ? ", e^theta = inf" : ""));
      break;
    }
    const double next = std::fabs(theta - std::log(2.0));
    exp_table.add({double(k), next, next / error});
    result.value("exp_ratio_" + std::to_string(k), next / error);
    error = next;
  }
  return result;
}

app::Item exercise_2_2_item() {
  return {
      "exercise-2.2",
      "GD converges linearly near a minimum, at rate max|1 - eta lambda|",
      "Notes §2.1, Exercise 2.2",
      {lambda_param(), theta0_param(), eta_param("eta", "0.05", "step size"),
       Param::integer("steps", "100", Provenance::companion, "GD steps", Interval::closed(2, 1e5)),
       eta_param("eta_exp", "0.25", "step size on e^theta - 2 theta")},
      exercise_2_2};
}

// --- mini-batch scaling: N/|B|, not a binomial coefficient --------------------------

Result minibatch_scaling(const Params& p) {
  const Regression data;
  const auto theta = descent::to_vector(p.vector("theta"));
  const auto full = data.full_gradient(theta);
  // Every 2-subset B of {0..7}: the mean of Σ_{i∈B} ∇L_i over all C(8, 2) = 28 subsets.
  vector mean = xt::zeros<double>({2}), g;
  int subsets = 0;
  for (std::size_t i = 0; i < 8; ++i)
    for (std::size_t j = i + 1; j < 8; ++j) {
      for (const auto k : {i, j}) {
        data.scaled_sample_gradient(theta, k, g);
        mean += g / 8.0;  // ∇L_k
      }
      ++subsets;
    }
  mean /= double(subsets);
  Result result;
  auto& table = result.table("scaling", {"scale", "factor", "E[scale * sum over B]_1", "E[...]_2",
                                         "grad L_N_1", "grad L_N_2"});
  table.add({std::string("N/|B| (correct)"), 4.0, 4 * mean(0), 4 * mean(1), full(0), full(1)});
  table.add(
      {std::string("C(N,|B|) (as printed)"), 28.0, 28 * mean(0), 28 * mean(1), full(0), full(1)});
  result.value("correct_0", 4 * mean(0));
  result.value("printed_0", 28 * mean(0));
  result.value("full_0", full(0));
  result.value("subsets", subsets);
  return result;
}

app::Item minibatch_scaling_item() {
  return {"section-2.2-minibatch",
          "The mini-batch estimator needs the factor N/|B|, not a binomial coefficient",
          "Notes §2.2, the mini-batch estimator l_B",
          {Param::vector("theta", "0,0", Provenance::companion, "where gradients are taken", 2, 2,
                         Interval::closed(-1e100, 1e100))},
          minibatch_scaling,
          /*errata=*/common::errata({"notes-minibatch"})};
}

// --- eq-2.7 and exercise-2.4 --------------------------------------------------------

//! [eq-2.7]
Result momentum_2_7(const Params& p) {
  const auto C = notes_quadratic(p);
  const double eta = p.number("eta"), mu = p.number("mu");
  Result result;
  auto& table = result.table("momentum", common::checkpoint_columns());
  const int steps = static_cast<int>(p.integer("steps"));
  const std::pair<std::string, std::string> forms[] = {
      {"heavy-ball", "notes (2.7)"}, {"momentum-accumulate", "PyTorch SGD"}, {"gd", "plain GD"}};
  for (const auto& [rule, label] : forms) {
    common::Run r;
    r.rule = rule;
    r.options.beta = mu;
    r.schedule = optim::Schedule::fixed_rate(eta);
    r.iterations = steps;
    const auto run = common::run(C, r, C.initial_point());
    common::add_checkpoints(result, table, rule, run, {1, 10, steps});
    common::report_divergence(result, rule, run, {"momentum", "values"});
  }
  return result;
}
//! [eq-2.7]

app::Item momentum_2_7_item() {
  return {"eq-2.7",
          "Momentum as the notes write it, PyTorch's form, and plain GD",
          "Notes §2.3, Eq. (2.7)",
          {lambda_param(), theta0_param(), eta_param("eta", "0.05", "step size eta"),
           Param::number("mu", "0.9", Provenance::companion, "momentum mu in (0, 1)",
                         Interval::open(0, 1)),
           Param::integer("steps", "50", Provenance::companion, "steps", Interval::closed(1, 1e5))},
          momentum_2_7,
          /*errata=*/common::errata({"notes-initial-state"})};
}

Result exercise_2_4(const Params& p) {
  // L(θ) = gθ: the gradient is the constant g, so (2.7) unrolls to
  // Δθ^(t−1) = −ηg(1 − μᵗ)/(1 − μ) → −ηg/(1 − μ): the rate is multiplied by 1/(1 − μ).
  const double g = p.number("g"), eta = p.number("eta"), mu = p.number("mu");
  auto rule = optim::make_rule("heavy-ball", [&] {
    optim::RuleOptions o;
    o.beta = mu;
    return o;
  }());
  vector theta({0.0}), grad({g});
  Result result;
  auto& table =
      result.table("effective rate", {"t", "Delta theta", "closed form", "theta_t - theta_0"});
  for (int t = 1; t <= p.integer("steps"); ++t) {
    const double before = theta(0);
    rule->step(theta, grad, eta);
    const double delta = theta(0) - before;
    table.add({double(t), delta, -eta * g * (1 - std::pow(mu, t)) / (1 - mu), theta(0)});
    result.value("delta_" + std::to_string(t), delta);
    result.value("moved_" + std::to_string(t), theta(0));
  }
  result.value("limit", -eta * g / (1 - mu));
  return result;
}

app::Item exercise_2_4_item() {
  return {
      "exercise-2.4",
      "With a constant gradient momentum multiplies the rate by 1/(1-mu)",
      "Notes §2.3, Exercise 2.4",
      {Param::number("g", "1", Provenance::companion, "the constant gradient",
                     Interval::closed(-1e100, 1e100)),
       eta_param("eta", "0.1", "step size eta"),
       Param::number("mu", "0.9", Provenance::companion, "momentum mu", Interval::open(0, 1)),
       Param::integer("steps", "100", Provenance::companion, "steps", Interval::closed(1, 1e5))},
      exercise_2_4};
}

// --- eq-2.8 -------------------------------------------------------------------------

Result rmsprop_2_8(const Params& p) {
  const auto C = notes_quadratic(p);
  Result result;
  auto& table = result.table("RMSProp", common::checkpoint_columns());
  for (const std::string rule : {"rmsprop-inside", "rmsprop"}) {
    common::Run r;
    r.rule = rule;  // notes (2.8): δ inside the root; PyTorch: ε outside
    r.options.gamma = p.number("beta");
    r.options.epsilon = p.number("delta");
    r.schedule = optim::Schedule::fixed_rate(p.number("eta"));
    r.iterations = static_cast<int>(p.integer("steps"));
    const auto run = common::run(C, r, C.initial_point());
    common::add_checkpoints(result, table, rule, run, {1, 10, 100});
    common::report_divergence(result, rule, run, {"RMSProp", "values"});
  }
  return result;
}

app::Item rmsprop_2_8_item() {
  return {
      "eq-2.8",
      "RMSProp with delta inside the square root, against PyTorch's form",
      "Notes §2.3, Eq. (2.8)",
      {lambda_param(), theta0_param(), eta_param("eta", "0.01", "step size eta"),
       Param::number("beta", "0.9", Provenance::book, "decay beta (\"usually 0.9\")",
                     Interval{0, 1, false, true}),
       Param::number("delta", "1e-8", Provenance::companion, "delta > 0",
                     Interval::greater_than(0)),
       Param::integer("steps", "100", Provenance::companion, "steps", Interval::closed(1, 1e5))},
      rmsprop_2_8,
      /*errata=*/common::errata({"notes-initial-state", "notes-2-8"})};
}

}  // namespace

void add_section_2_1(app::Chapter& chapter) {
  chapter.add(step_threshold_item());
  chapter.add(exercise_2_1_item());
  chapter.add(exercise_2_2_item());
}

void add_section_2_2(app::Chapter& chapter) {
  chapter.add(algorithm_1_item());
  chapter.add(minibatch_scaling_item());
}

void add_section_2_3(app::Chapter& chapter) {
  chapter.add(momentum_2_7_item());
  chapter.add(exercise_2_4_item());
  chapter.add(rmsprop_2_8_item());
}

}  // namespace descent::chapters::notes02
