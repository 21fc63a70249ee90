#pragma once
/// \file
/// What the first-order items of every chapter share: running a named update rule on a
/// problem with Algorithm 4.1, and turning the trajectory into the series a figure draws
/// and the table of checkpoints a test compares.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "descent/app/item.hpp"
#include "descent/core/error.hpp"
#include "descent/optim/descent.hpp"

namespace descent::chapters::common {

/// One first-order run as an item describes it: which rule, its hyper-parameters, the
/// learning-rate schedule, and how many iterates to keep.
struct Run {
  /// The rule's name as optim::make_rule accepts it, e.g. "momentum-ewma", "adam".
  std::string rule = "gd";
  optim::RuleOptions options;  ///< β, γ, ρ, ε, p of the rule (each rule reads the ones it needs)
  optim::Schedule schedule;    ///< α⁽ᵗ⁾
  int iterations = 1000;       ///< T, the number of steps
  /// Keep θ⁽ᵗ⁾ when t is a multiple of this (the last iterate is always kept).
  int record_every = 1;
  int keep_last = 1;  ///< also keep the last this many iterates
};

/// Runs MEDL Algorithm 4.1 with `r` on C from x0 with full gradients (optim::descend).
inline optim::Trajectory run(const problems::Objective& C, const Run& r, const vector& x0) {
  auto rule = optim::make_rule(r.rule, r.options);
  optim::DescentOptions o;
  o.stop.max_iterations = r.iterations;
  o.schedule = r.schedule;
  o.record_every = r.record_every;
  o.keep_last = r.keep_last;
  return optim::descend(C, *rule, x0, o);
}

/// The most iterates the runs of one item keep (every one a row of a path series too): about
/// 360 MB, so that any accepted iteration count stays well under 2 GB.
inline constexpr double most_kept = 1e6;

/// Refuses a run that would keep `kept` iterates, `what` saying how they add up (e.g.
/// "betas x iterations"), `hint` what to change.
inline void require_affordable(double kept, const std::string& what, const std::string& hint) {
  if (kept > most_kept)
    throw invalid_argument(what + " = " + short_number(kept) + " iterates kept; allowed: at most " +
                           short_number(most_kept) + " (" + hint + ")");
}

/// The recorded iterate with t == `t`, or nullptr (not recorded, or the run stopped).
inline const optim::Iterate* at(const optim::Trajectory& run, int t) {
  for (const auto& it : run.iterates)
    if (it.t == t) return &it;
  return nullptr;
}

/// A series {t, theta1, theta2, C} of a 2-d run, for a figure.
inline void add_path(report::Result& result, const std::string& name,
                     const optim::Trajectory& run) {
  auto& s = result.add_series(name, {"t", "theta1", "theta2", "C"});
  for (const auto& it : run.iterates) s.add({double(it.t), it.theta(0), it.theta(1), it.value});
}

/// The columns of a checkpoint table.
inline std::vector<std::string> checkpoint_columns() {
  return {"run", "t", "theta1", "theta2", "C(theta)", "|grad C|"};
}

/// One row per checkpoint t that the run reached, and named values theta1_<label>_<t>, ...;
/// the run's last iterate is always among them (a run of 50 steps shows θ(50) even when
/// 50 is not a checkpoint, and a run that stopped early shows where it stopped).
inline void add_checkpoints(report::Result& result, report::Table& table, const std::string& label,
                            const optim::Trajectory& run, std::vector<int> ts) {
  ts.push_back(run.last().t);
  std::sort(ts.begin(), ts.end());
  ts.erase(std::unique(ts.begin(), ts.end()), ts.end());
  for (int t : ts) {
    const auto* it = at(run, t);
    if (!it) continue;
    table.add({label, double(t), it->theta(0), it->theta(1), it->value, it->gradient_norm});
    result.value("theta1_" + label + "_" + std::to_string(t), it->theta(0));
    result.value("theta2_" + label + "_" + std::to_string(t), it->theta(1));
    result.value("C_" + label + "_" + std::to_string(t), it->value);
  }
}

/// Says in the status of `result` where a run diverged ("fixed_0 diverged at t = 3:
/// C(theta) = inf"), and declares the tables and series in `places` that show its
/// iterates as allowed to hold the infinities and NaNs it reached. Nothing for a run that
/// did not diverge.
inline void report_divergence(report::Result& result, const std::string& label,
                              const optim::Trajectory& run,
                              const std::vector<std::string>& places) {
  if (run.status.reason != StopReason::diverged) return;
  const auto& last = run.last();
  const std::string where = label + " diverged at t = " + std::to_string(run.status.iterations) +
                            ": C(theta) = " + short_number(last.value);
  result.status += (result.status.empty() ? "" : "; ") + where;
  for (const auto& place : places)
    result.allow_non_finite(place, "iterates of a run that diverged; the status says where");
}

/// Standard parameters of the first-order items.
/// (x0 within ±1e6: the landscapes' values stay finite there, so a run that overflows has
/// diverged, and its status says where.)
inline app::Param x0_param(const std::string& value, app::Provenance p) {
  return app::Param::vector("x0", value, p, "starting point theta(0) = (theta1, theta2)", 2, 2,
                            Interval::closed(-1e6, 1e6));
}
/// "alpha": the learning rate α > 0.
inline app::Param alpha_param(const std::string& value, app::Provenance p,
                              const std::string& help = "learning rate alpha") {
  return app::Param::number("alpha", value, p, help, Interval::greater_than(0));
}
/// "beta": a momentum or first-moment decay β in [0, 1).
inline app::Param beta_param(const std::string& value, app::Provenance p,
                             const std::string& help = "momentum / first-moment decay beta") {
  return app::Param::number("beta", value, p, help, Interval{0, 1, false, true});
}
/// "gamma": a second-moment decay γ in [0, 1).
inline app::Param gamma_param(const std::string& value, app::Provenance p,
                              const std::string& help = "second-moment decay gamma") {
  return app::Param::number("gamma", value, p, help, Interval{0, 1, false, true});
}
/// "epsilon": the ε ≥ 0 of an adaptive rule's denominator.
inline app::Param epsilon_param(const std::string& value, app::Provenance p) {
  return app::Param::number("epsilon", value, p, "epsilon of the denominator",
                            Interval::at_least(0));
}
/// "iterations": the number of steps T, 1 ≤ T ≤ `most`.
inline app::Param iterations_param(const std::string& value, app::Provenance p, double most = 1e6) {
  return app::Param::integer("iterations", value, p, "number of steps T",
                             Interval::closed(1, most));
}

/// One panel drawing θ-paths over the plane, with the minimizer as a point.
inline report::Panel plane_panel(const std::string& title,
                                 const std::vector<std::pair<std::string, std::string>>& paths,
                                 const std::string& points_series = "") {
  report::Panel p;
  p.title = title;
  p.xlabel = "θ₁";
  p.ylabel = "θ₂";
  for (const auto& [series, legend] : paths)
    p.layers.push_back({series, "theta1", "theta2", report::Layer::Style::lines, legend});
  if (!points_series.empty())
    p.layers.push_back(
        {points_series, "theta1", "theta2", report::Layer::Style::points, "minimizer"});
  return p;
}

}  // namespace descent::chapters::common
