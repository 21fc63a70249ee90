/// \file
/// MEDL §4.5 "Additional techniques for first-order methods": Nesterov momentum
/// (4.33)–(4.34), look-ahead momentum (4.36)–(4.37), Nadam, Adadelta (4.38), the Lp
/// generalisation (4.39)–(4.40) and Adamax (4.41)–(4.42), each run on Rosenbrock from
/// (0.2, −0.2) with the book's own convention.

#include <cmath>
#include <string>

#include "common/errata.hpp"
#include "common/first_order.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// Which hyper-parameters a rule reads (the others are not offered as parameters).
struct Uses {
  bool beta = false, gamma = false, rho = false, epsilon = false, p = false;
};

Result run_rule(const Params& params, const std::string& rule, Uses uses) {
  const problems::Rosenbrock C;
  common::Run r;
  r.rule = rule;
  if (uses.beta) r.options.beta = params.number("beta");
  if (uses.gamma) r.options.gamma = params.number("gamma");
  if (uses.rho) r.options.rho = params.number("rho");
  if (uses.epsilon) r.options.epsilon = params.number("epsilon");
  if (uses.p) r.options.p = params.number("p");
  r.schedule = optim::Schedule::fixed_rate(params.number("alpha"));
  r.iterations = static_cast<int>(params.integer("iterations"));
  const auto run = common::run(C, r, descent::to_vector(params.vector("x0")));
  Result result;
  auto& table = result.table("checkpoints", common::checkpoint_columns());
  common::add_checkpoints(result, table, rule, run, {1, 2, 3, 10, 100, 1000, 5000});
  result.value("C_final", run.last().value);
  if (run.status.reason == StopReason::diverged)
    common::report_divergence(result, rule, run, {"checkpoints", "values"});
  else
    result.status = run.status.to_string();
  return result;
}

std::vector<Param> params_for(Uses u, const std::string& alpha, const std::string& beta,
                              const std::string& gamma, const std::string& epsilon,
                              const std::string& iterations) {
  std::vector<Param> ps = {common::x0_param("0.2,-0.2", Provenance::companion),
                           common::alpha_param(alpha, Provenance::companion)};
  if (u.beta) ps.push_back(common::beta_param(beta, Provenance::companion));
  if (u.gamma) ps.push_back(common::gamma_param(gamma, Provenance::companion));
  if (u.rho)
    ps.push_back(Param::number("rho", "0.95", Provenance::companion,
                               "decay of the squared steps (Zeiler's value)",
                               Interval{0, 1, false, true}));
  if (u.epsilon) ps.push_back(common::epsilon_param(epsilon, Provenance::companion));
  if (u.p)
    ps.push_back(Param::number("p", "4", Provenance::companion, "the exponent p of (4.39)",
                               Interval::closed(1, 1000)));
  ps.push_back(common::iterations_param(iterations, Provenance::companion, 1e6));
  return ps;
}

constexpr Uses kMomentum{true, false, false, false, false};
constexpr Uses kAdamLike{true, true, false, true, false};
constexpr Uses kAdadelta{false, true, true, true, false};
constexpr Uses kLp{true, true, false, true, true};

// --- eq-4.33, eq-4.37, section-4.5-nadam, eq-4.38, eq-4.40 -----------------------------

Result nesterov(const Params& p) {
  return run_rule(p, "nesterov", kMomentum);
}

app::Item nesterov_item() {
  return {"eq-4.33",
          "Nesterov momentum: the gradient at theta - alpha beta v",
          "MEDL §4.5, Eqs. (4.33)-(4.34), p. 150",
          params_for(kMomentum, "0.01", "0.9", "", "", "1000"),
          nesterov,
          /*errata=*/common::errata({"medl-nesterov-start"})};
}

Result lookahead(const Params& p) {
  return run_rule(p, "lookahead", kMomentum);
}

app::Item lookahead_item() {
  return {"eq-4.37", "Look-ahead momentum: Nesterov with the gradient at theta",
          "MEDL §4.5, Eqs. (4.35)-(4.37), p. 151",
          params_for(kMomentum, "0.01", "0.9", "", "", "1000"), lookahead};
}

Result nadam(const Params& p) {
  return run_rule(p, "nadam", kAdamLike);
}

app::Item nadam_item() {
  return {"section-4.5-nadam", "Nadam: ADAM with a look-ahead v-hat", "MEDL §4.5, p. 151",
          params_for(kAdamLike, "0.01", "0.9", "0.999", "1e-8", "5000"), nadam};
}

Result adadelta(const Params& p) {
  return run_rule(p, "adadelta", kAdadelta);
}

app::Item adadelta_item() {
  auto params = params_for(kAdadelta, "1", "", "0.95", "1e-6", "5000");
  params[1].help = "multiplies the step; the book has no learning rate (alpha = 1)";
  params[1].provenance = Provenance::book;
  return {"eq-4.38",
          "Adadelta: no learning rate, units from past steps",
          "MEDL §4.5, Eq. (4.38), p. 152",
          params,
          adadelta,
          /*errata=*/common::errata({"medl-adadelta-name", "medl-adadelta-units", "medl-4-38"})};
}

Result lp_adam(const Params& p) {
  return run_rule(p, "lp-adam", kLp);
}

app::Item lp_adam_item() {
  return {"eq-4.40", "Lp-ADAM: the second moment replaced by an Lp average",
          "MEDL §4.5, Eqs. (4.39)-(4.40), p. 152",
          params_for(kLp, "0.01", "0.9", "0.999", "1e-8", "5000"), lp_adam};
}

// --- eq-4.41 ------------------------------------------------------------------------

// (4.39)–(4.41) on the gradient sequence g = (3, −1, 2, 0.5): (s⁽⁴⁾)^{1/p} tends to
// Adamax's r⁽⁴⁾ = max(γ³·3, γ²·1, γ·2, 0.5) = 2.187 as p grows. Powers are taken in
// log space so that large p does not overflow (the text's remark).
Result lp_limit(const Params& params) {
  const double gamma = params.number("gamma");
  const double g[4] = {3, -1, 2, 0.5};
  Result result;
  auto& table = result.table("Lp norm", {"p", "(s^(4))^(1/p)", "bias-corrected", "r^(4) (4.41)"});
  double r = 0;
  for (double gi : g) r = std::max(gamma * r, std::fabs(gi));
  for (const double p : params.vector("ps")) {
    // s⁽⁴⁾ = (1−γᵖ) Σ_τ γ^{p(3−τ)}|g_τ|ᵖ, summed as exp(log-terms − max) times e^{max}.
    double logs[4], top = -INFINITY;
    for (int tau = 0; tau < 4; ++tau) {
      // γ^0 = 1 for the last term, also at γ = 0 (where 0 · log 0 would be NaN)
      const double decay = tau == 3 ? 0.0 : (3 - tau) * std::log(gamma);
      logs[tau] = p * (decay + std::log(std::fabs(g[tau])));
      top = std::max(top, logs[tau]);
    }
    double sum = 0;
    for (double l : logs) sum += std::exp(l - top);
    const double log_s = std::log1p(-std::pow(gamma, p)) + top + std::log(sum);
    const double root = std::exp(log_s / p);
    const double corrected = std::exp((log_s - std::log1p(-std::pow(gamma, 4 * p))) / p);
    table.add({p, root, corrected, r});
    result.value("root_p" + short_number(p), root);
  }
  result.value("r_4", r);
  return result;
}

app::Item lp_limit_item() {
  return {"eq-4.41",
          "(s)^(1/p) tends to Adamax's r as p grows",
          "MEDL §4.5, Eqs. (4.39)-(4.41), p. 153",
          {common::gamma_param("0.9", Provenance::companion),
           Param::vector("ps", "1,2,4,10,50,100,1000", Provenance::companion, "the exponents p", 1,
                         20, Interval::closed(1, 1e6))},
          lp_limit,
          /*errata=*/common::errata({"medl-4-42"})};
}

// --- eq-4.42 ------------------------------------------------------------------------

Result adamax(const Params& p) {
  return run_rule(p, "adamax", kAdamLike);
}

app::Item adamax_item() {
  return {"eq-4.42",
          "Adamax: the L-infinity limit",
          "MEDL §4.5, Eqs. (4.41)-(4.42), p. 153",
          params_for(kAdamLike, "0.01", "0.9", "0.999", "1e-8", "5000"),
          adamax,
          /*errata=*/common::errata({"medl-4-42"})};
}

}  // namespace

void add_section_4_5(app::Chapter& chapter) {
  chapter.add(nesterov_item());
  chapter.add(lookahead_item());
  chapter.add(nadam_item());
  chapter.add(adadelta_item());
  chapter.add(lp_adam_item());
  chapter.add(lp_limit_item());
  chapter.add(adamax_item());
}

}  // namespace descent::chapters::medl04
