// The optimizer x problem harness (ensmallen's FunctionTest, issue 12 item 6): every optimizer
// of descent::optim — the first-order update rules driven by Algorithm 4.1, nonlinear CG,
// Newton, Hessian-free Newton, BFGS and L-BFGS with every line search each offers — on every
// test problem of descent::problems that knows where its minimum is. Each pair either reaches
// the minimizer within the problem's stated tolerance or stops with the status its row expects.
//
// Reference values: the quadratics' and Rosenbrock's minimizers in closed form; logistic and
// softmax regression from numpy/scipy (fixtures/optim_harness.json, written by
// tests/reference/generate_optim_harness.py); the two-parameter network's infimum in closed form
// (it is not attained: see network_infimum).

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/kernels.hpp"
#include "descent/optim/cg.hpp"
#include "descent/optim/descent.hpp"
#include "descent/optim/hessian_free.hpp"
#include "descent/optim/newton.hpp"
#include "descent/optim/newton_1d.hpp"
#include "descent/optim/nonlinear_cg.hpp"
#include "descent/optim/quasi_newton.hpp"
#include "descent/optim/update_rule.hpp"
#include "descent/problems/finite_sum.hpp"
#include "descent/problems/logistic.hpp"
#include "descent/problems/quadratic.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "descent/problems/softmax_regression.hpp"
#include "descent/problems/two_parameter_network.hpp"
#include "descent/problems/univariate.hpp"
#include "fixtures.hpp"

using namespace descent;
using descent::testing::load_fixture;
using descent::testing::to_vector;

namespace {

// Every run stops once ‖∇C‖ < 1e-7. Not smaller: at 1e-8 the Armijo decrease ‖∇C‖²/(2λ) of a
// logistic step (λ ≈ 0.2) is 2.5e-16, the rounding of C ≈ 0.54 itself, and whether a Wolfe
// search still finds it depends on the last bit of exp and log.
constexpr double kGradientTolerance = 1e-7;
constexpr int kFirstOrderSteps = 20000;  // T of Algorithm 4.1
constexpr int kSecondOrderSteps = 10000;

// --- the problems ----------------------------------------------------------------------------

struct Problem {
  std::string name;
  std::shared_ptr<const problems::Objective> f;
  vector start;
  /// How far θ is from the answer: ‖θ − θ*‖, or what stands for it (softmax, network).
  std::function<double(const vector&)> distance;
  /// `reach` rows: the run converged (‖∇C‖ < 1e-7) and distance(θ) <= tolerance, because ...
  double tolerance;
  std::string why;
};

double distance_to(const vector& theta, const vector& minimizer) {
  return euclidean_norm(vector(theta - minimizer));
}

// Softmax regression's C is unchanged when one vector is added to every class's (b_j, w_j), so
// its minimizers form a plane: compare the coefficients centred over the classes.
vector centred(const vector& theta, std::size_t classes) {
  vector out = theta;
  for (std::size_t l = 0; l < theta.size(); l += classes) {
    double mean = 0;
    for (std::size_t j = 0; j < classes; ++j) mean += theta(l + j) / double(classes);
    for (std::size_t j = 0; j < classes; ++j) out(l + j) -= mean;
  }
  return out;
}

// The two-parameter network of MEDL Figure 4.5 has no minimizer: as |w₁| → ∞ each σ(w₁x)
// saturates to 0 or 1, and C tends to its infimum, in closed form. With w₁ → +∞ the three
// points x < 0 see ŷ = σ(0) = 1/2 and the three x > 0 (labels 1, 1, 0) see ŷ = σ(w₂), best at
// σ(w₂) = 2/3, w₂ = ln 2: the squared loss (summed) tends to 3/4 + 2/3 = 17/12, the cross
// entropy (averaged) to (3 ln 2 − 2 ln(2/3) − ln(1/3))/6 = (ln 2 + 3 ln 3)/6; w₁ → −∞ mirrors
// it with w₂ = −ln 2.
double network_infimum(problems::TwoParameterNetwork::Loss loss) {
  return loss == problems::TwoParameterNetwork::Loss::squared
             ? 17.0 / 12
             : (std::log(2.0) + 3 * std::log(3.0)) / 6;
}

std::vector<Problem> problem_list() {
  const auto fx = load_fixture("optim_harness.json");
  std::vector<Problem> list;
  for (const double kappa : {1.0, 100.0, 1e4}) {
    auto f = std::make_shared<problems::Quadratic>(problems::Quadratic::with_condition(kappa));
    list.push_back({"quadratic-kappa" + short_number(kappa), f, f->initial_point(),
                    [](const vector& t) { return euclidean_norm(t); }, kGradientTolerance,
                    "∇C = diag(κ, 1)θ, so ‖θ − 0‖ <= ‖∇C‖ < 1e-7"});
  }
  auto rosenbrock = std::make_shared<problems::Rosenbrock>();
  list.push_back({"rosenbrock", rosenbrock, rosenbrock->initial_point(),
                  [](const vector& t) {
                    return distance_to(t, vector{1.0, 1.0});
                  },
                  3e-7, "‖θ − θ*‖ ≈ ‖∇C‖/λ_min(∇²C(1, 1)) = 1e-7/0.3993 = 2.5e-7"});
  auto logistic =
      std::make_shared<problems::LogisticRegression>(problems::LogisticRegression::nine_points());
  const vector logistic_min = to_vector(fx["logistic"]["minimizer"]);
  list.push_back({"logistic", logistic, logistic->initial_point(),
                  [=](const vector& t) { return distance_to(t, logistic_min); }, 1e-6,
                  "‖θ − θ*‖ ≈ ‖∇C‖/λ_min = 1e-7/0.166 = 6e-7 (λ_min of ∇²C(θ*) from numpy)"});
  auto softmax =
      std::make_shared<problems::SoftmaxRegression>(problems::SoftmaxRegression::nine_points());
  const vector softmax_min = to_vector(fx["softmax"]["centred_minimizer"]);
  list.push_back(
      {"softmax", softmax, softmax->initial_point(),
       [=](const vector& t) { return distance_to(centred(t, 3), softmax_min); }, 5e-6,
       "centred ‖θ − θ*‖ ≈ ‖∇C‖/0.0263 = 3.8e-6 (0.0263: the least eigenvalue of ∇²C(θ*) off "
       "its null space, numpy)"});
  using Net = problems::TwoParameterNetwork;
  for (const auto loss : {Net::Loss::squared, Net::Loss::cross_entropy}) {
    auto net = std::make_shared<Net>(Net::figure_4_5(loss));
    const double infimum = network_infimum(loss);
    auto gap = [net, infimum](const vector& t) { return net->value(t) - infimum; };
    const std::string name =
        loss == Net::Loss::squared ? "network-squared" : "network-cross-entropy";
    const std::string why =
        "no minimizer: C − inf C, which decays like ‖∇C‖ (both like e^{−|w1|}) as w1 grows";
    if (loss == Net::Loss::squared)  // its own start: ∇C(0, 0) = 0 exactly
      list.push_back({name + "-from-0", net, net->initial_point(), gap, 1e-6, why});
    list.push_back({name, net, vector{1.0, 1.0}, gap, 1e-6, why});
  }
  return list;
}

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

// --- the expectations ------------------------------------------------------------------------

enum class Expect {
  reach,        ///< converged, and the problem's distance <= its tolerance
  stop_within,  ///< stopped with `reason`, distance <= `bound`
  stop_beyond,  ///< stopped with `reason`, distance > `bound`: far from the answer
  refused,      ///< descent::invalid_argument before any step
};

/// One expectation. `optimizers` and `problem` are space-separated patterns: a name, or a
/// prefix ending in '*'. The first row that matches a pair decides it; an `extra` row is one
/// more run (another α) of every pair it matches. The network problems start from (1, 1),
/// except network-squared-from-0, which starts at the problem's own (0, 0).
struct Row {
  const char* optimizers;
  const char* problem;
  double alpha;  ///< the first-order rules' constant step size (0 for the others)
  Expect expect;
  StopReason reason = StopReason::converged;
  double bound = 0;
  const char* why = "";
  bool extra = false;
};

Row reach(const char* optimizers, const char* problem, double alpha, const char* why) {
  return {optimizers, problem, alpha, Expect::reach, StopReason::converged, 0, why};
}
Row within(const char* optimizers, const char* problem, double alpha, StopReason reason,
           double bound, const char* why) {
  return {optimizers, problem, alpha, Expect::stop_within, reason, bound, why};
}
Row beyond(const char* optimizers, const char* problem, double alpha, StopReason reason,
           double bound, const char* why) {
  return {optimizers, problem, alpha, Expect::stop_beyond, reason, bound, why};
}
Row refused(const char* optimizers, const char* problem, const char* why) {
  return {optimizers, problem, 0, Expect::refused, StopReason::converged, 0, why};
}
Row extra(Row row) {
  row.extra = true;
  return row;
}

constexpr auto converged = StopReason::converged;
constexpr auto limit = StopReason::iteration_limit;
constexpr auto diverged = StopReason::diverged;
constexpr auto search_failed = StopReason::line_search_failed;
constexpr auto singular = StopReason::singular_hessian;

// clang-format off
const std::vector<Row>& rows() {
  static const std::vector<Row> table = {
    // -- starts where the stopping test holds ---------------------------------------------------
    refused("newton/*", "network*",
            "the network has no closed-form Hessian (has_hessian() is false)"),
    within("*", "network-squared-from-0", 1, converged, 0.09,
           "∇C(0, 0) = 0 exactly (a saddle: every ŷ = 1/2 and w2 = 0): 0 iterations, and C(0, 0) "
           "= 1.5 = inf C + 1/12"),

    // -- first-order rules, constant α (Algorithm 4.1) ------------------------------------------
    extra(beyond("gd", "quadratic-kappa100", 0.03, diverged, 1,
                 "α = 0.03 > 2/L = 0.02: the steep direction grows by |1 − 100α| = 2 a step")),
    reach("gd momentum-ewma nesterov", "quadratic-kappa1", 0.5,
          "α = 1/(2L): the error halves each step (momentum adds oscillation, not divergence)"),
    reach("gd momentum-ewma nesterov", "quadratic-kappa100", 0.01,
          "α = 1/L: the slow direction shrinks by 1 − 1/κ = 0.99 a step, 1600 steps to 1e-7"),
    within("gd momentum-ewma nesterov", "quadratic-kappa10000", 1e-4, limit, 0.14,
           "α = 1/L: the slow direction shrinks by 1 − 1/κ a step, by e^-2 = 0.135 in T = 2e4"),
    within("gd momentum-ewma nesterov", "rosenbrock", 1e-3, limit, 1e-3,
           "α = 1e-3 (about 1/L at the start): the curved valley needs ~4e4 steps, T is 2e4"),
    reach("gd momentum-ewma nesterov", "logistic", 4,
          "α = 4 < 2/L (L <= 0.3125 = λ_max(E[uuᵀ])/4): geometric convergence"),
    reach("gd momentum-ewma nesterov", "softmax", 2,
          "α = 2 < 2/L: geometric on the identifiable part"),
    within("gd momentum-ewma nesterov", "network*", 1, limit, 1e-4,
           "the infimum lies at infinity: w1 grows only logarithmically in t"),
    reach("adagrad", "quadratic* logistic softmax", 0.5,
          "α = 0.5: Adagrad's per-coordinate rate α/√(Σg²) suits a fixed problem"),
    within("adagrad", "rosenbrock", 0.1, limit, 3e-3,
           "α/√(Σg²) decays like 1/√t: the end of the valley is reached slowly"),
    within("adagrad", "network*", 0.5, limit, 1e-4, "the infimum lies at infinity; rates decay"),
    reach("rmsprop", "quadratic* logistic", 1e-3,
          "on these the gradient shrinks geometrically along the path, and so does s"),
    within("rmsprop", "rosenbrock softmax network*", 1e-3, limit, 1e-2,
           "constant α: near θ* a step α g/√s has length ~α whatever g, so RMSprop hovers "
           "within a few α (10α allowed) instead of reaching ‖∇C‖ < 1e-7"),
    reach("adadelta", "quadratic* logistic", 1,
          "α = 1 as the books (no learning rate): Δ and s adapt the step"),
    beyond("adadelta", "rosenbrock", 1, limit, 1,
           "the first steps are ε-sized ((√Δ + ε)/(√s + ε), Δ⁽⁰⁾ = 0): it has not left the start"),
    beyond("adadelta", "softmax", 1, limit, 1e10,
           "bounded gradients, growing Δ: the steps feed themselves and C grows past 1e30"),
    within("adadelta", "network*", 1, limit, 3e-3, "the infimum lies at infinity"),
    reach("adam nadam adamax lp-adam", "quadratic* logistic rosenbrock", 1e-2,
          "α = 1e-2: the bias-corrected step shrinks with the gradient on these"),
    reach("adam adamax lp-adam", "softmax network*", 1e-2,
          "as above; on the network w1 grows fast enough to reach ‖∇C‖ < 1e-7"),
    within("nadam", "softmax network*", 1e-2, limit, 1e-2,
           "Nadam's extra weight on the fresh gradient keeps it circling at the scale of α"),

    // -- nonlinear CG ---------------------------------------------------------------------------
    within("cg-pr+/backtracking", "quadratic-kappa10000", 0, limit, 0.2,
           "Armijo alone gives no curvature condition (4.49): PR+ restarts to steepest descent "
           "and crawls along the slow direction"),
    within("cg-pr+/backtracking", "rosenbrock", 0, limit, 1e-3,
           "as above: Armijo steps do not keep PR+ conjugate in the valley"),
    within("cg-fr/backtracking cg-pr+/backtracking", "network*", 0, limit, 1e-3,
           "Armijo steps from α₀ = 1 shrink to the flat directions' scale: slow towards infinity"),
    reach("cg-*", "*", 0,
          "exact and (strong) Wolfe searches keep CG directions descent directions"),

    // -- Newton, Hessian-free -------------------------------------------------------------------
    within("newton/*", "softmax", 0, singular, 10,
           "C is invariant along (1, 1, 1) per feature: ∇²C is singular everywhere, at θ⁽⁰⁾ too"),
    reach("newton/* hessian-free/*", "*", 0,
          "one Newton step solves a quadratic; Rosenbrock and logistic converge quadratically; "
          "on softmax's singular ∇²C inner CG stops where the curvature is rounding noise "
          "(relative 1e-10), so its steps stay in the range of ∇²C"),

    // -- quasi-Newton ---------------------------------------------------------------------------
    reach("bfgs/* lbfgs/*", "*", 0, "every search satisfies Armijo, and BFGS converges"),
  };
  return table;
}
// clang-format on

bool matches(const char* patterns, const std::string& name) {
  std::istringstream in(patterns);
  std::string p;
  while (in >> p) {
    if (p == "*" || p == name) return true;
    if (p.back() == '*' && name.compare(0, p.size() - 1, p, 0, p.size() - 1) == 0) return true;
  }
  return false;
}

const char* to_string(Expect e) {
  switch (e) {
    case Expect::reach: return "reach";
    case Expect::stop_within: return "stop within";
    case Expect::stop_beyond: return "stop beyond";
    case Expect::refused: return "refused";
  }
  return "?";
}

// Runs `optimizer` on `problem` with the step size of `row` and checks the row's expectation.
void check(const Optimizer& optimizer, const Problem& problem, const Row& row) {
  const std::string pair = optimizer.name + " on " + problem.name;
  const std::string why = row.why;
  CAPTURE(pair);
  CAPTURE(why);
  std::optional<Outcome> run;
  std::string refusal;
  try {
    run = optimizer.run(*problem.f, problem.start, row.alpha);
  } catch (const descent::invalid_argument& e) {
    refusal = e.what();
  }
  if (row.expect == Expect::refused) {
    CHECK_MESSAGE(!run, pair << " was expected to be refused");
    return;
  }
  REQUIRE_MESSAGE(run, pair << " was refused: " << refusal);
  const double distance = problem.distance(run->theta);
  INFO(pair << ": " << run->status.to_string() << "; distance " << distance << "; expected "
            << to_string(row.expect));
  switch (row.expect) {
    case Expect::reach: {
      const std::string& tolerance_why = problem.why;
      CAPTURE(tolerance_why);
      CHECK(run->status.reason == StopReason::converged);
      CHECK(distance <= problem.tolerance);
      break;
    }
    case Expect::stop_within:
      CHECK(run->status.reason == row.reason);
      CHECK(distance <= row.bound);
      break;
    case Expect::stop_beyond:
      CHECK(run->status.reason == row.reason);
      CHECK(distance > row.bound);
      break;
    case Expect::refused: break;
  }
}

}  // namespace

TEST_CASE("optim harness: every optimizer on every problem reaches it or stops as expected") {
  const auto problems = problem_list();
  const auto optimizers = optimizer_list();
  std::set<std::size_t> used;
  for (const auto& problem : problems)
    for (const auto& optimizer : optimizers) {
      std::size_t k = 0;
      auto decides = [&](const Row& row) {
        return !row.extra && matches(row.optimizers, optimizer.name) &&
               matches(row.problem, problem.name);
      };
      while (k < rows().size() && !decides(rows()[k])) ++k;
      REQUIRE_MESSAGE(k < rows().size(),
                      "no row of the table covers " << optimizer.name << " on " << problem.name);
      used.insert(k);
      check(optimizer, problem, rows()[k]);
    }
  for (std::size_t k = 0; k < rows().size(); ++k) {
    const Row& row = rows()[k];
    if (!row.extra) continue;
    for (const auto& problem : problems)
      for (const auto& optimizer : optimizers)
        if (matches(row.optimizers, optimizer.name) && matches(row.problem, problem.name)) {
          used.insert(k);
          check(optimizer, problem, row);
        }
  }
  for (std::size_t k = 0; k < rows().size(); ++k) {
    const std::string why = rows()[k].why;
    CAPTURE(why);
    CHECK_MESSAGE(used.count(k), "row " << k << " (" << rows()[k].optimizers << " on "
                                        << rows()[k].problem << ") decides no pair");
  }
}

TEST_CASE("optim harness: every line-search method offers every search") {
  // the names the command line uses, each turned into options every method accepts
  const problems::Rosenbrock f;
  for (const auto& [name, kind] : optim::line_search_or_none_names) {
    CAPTURE(std::string(name));
    optim::NewtonOptions newton;
    newton.line_search = optim::default_line_search(kind);
    CHECK_NOTHROW(newton.validate());
    optim::QuasiNewtonOptions quasi;
    quasi.line_search = optim::default_line_search(kind);
    CHECK_NOTHROW(quasi.validate());
    optim::HessianFreeOptions free;
    free.line_search = optim::default_line_search(kind);
    CHECK_NOTHROW(free.validate());
    if (kind == optim::LineSearchKind::none) {
      CHECK_THROWS_WITH_AS((void)optim::nonlinear_cg_line_search(kind),
                           doctest::Contains("no natural length"), descent::invalid_argument);
      optim::NonlinearCgOptions cg;
      cg.line_search = optim::FixedStep{};
      CHECK_THROWS_AS(cg.validate(), descent::invalid_argument);
    } else {
      optim::NonlinearCgOptions cg;
      cg.line_search = optim::nonlinear_cg_line_search(kind);
      CHECK_NOTHROW(cg.validate());
    }
  }
}

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
