/// \file
/// MEDL §4.3 "Adaptive optimization with ADAM": momentum (4.16)–(4.17) and Figure 4.6,
/// Adagrad and RMSprop (4.22), bias correction (4.24) and ADAM (Algorithm 4.2). All runs
/// are on Rosenbrock with the book's conventions (momentum with the (1 − β) factor, ε
/// outside the square root).

#include <algorithm>
#include <cmath>
#include <string>

#include "common/errata.hpp"
#include "common/extent.hpp"
#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/optim/averaging.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// --- figure-4.6 ---------------------------------------------------------------------

//! [figure-4.6]
Result figure_4_6(const Params& p) {
  common::require_affordable(double(p.vector("betas").size()) * double(p.integer("iterations")),
                             "betas x iterations", "fewer betas or iterations");
  const problems::Rosenbrock C;
  Result result;
  auto& table = result.table("checkpoints", common::checkpoint_columns());
  std::vector<std::pair<std::string, std::string>> paths;
  // The rectangle the first `zoom_steps` iterates of every run span: where the runs part.
  const int zoom_steps = static_cast<int>(p.integer("zoom_steps"));
  common::Extent first_steps;
  for (const double beta : p.vector("betas")) {
    common::Run r;
    r.rule = "momentum-ewma";  // MEDL (4.16)–(4.17)
    r.options.beta = beta;
    r.schedule = optim::Schedule::fixed_rate(p.number("alpha_scale") / (1 - beta));
    r.iterations = static_cast<int>(p.integer("iterations"));
    const auto run = common::run(C, r, descent::to_vector(p.vector("x0")));
    const std::string name = "beta=" + short_number(beta);
    common::add_checkpoints(result, table, name, run, {1, 10, 100, 1000});
    common::add_path(result, name, run);
    common::report_divergence(result, name, run, {"checkpoints", name, "values"});
    paths.emplace_back(name, "β = " + short_number(beta));
    first_steps.add(run, zoom_steps);
  }
  result.add_series("minimizer", {"theta1", "theta2"}).add({1.0, 1.0});
  const auto box = common::box_from(p);
  common::add_grid(result, "landscape", C, box.x, box.y);
  const auto levels = common::exp_levels(-15, 6.8, 0.5);
  auto whole = common::plane_panel("(a) the whole runs", paths, "minimizer");
  for (auto& layer : whole.layers) layer.markers = layer.series != "minimizer";
  whole.layers.push_back(common::contour_layer("landscape", levels));
  common::frame(whole, box);
  report::Figure figure{"figure-4.6",
                        "Figure 4.6: momentum on Rosenbrock, α = 0.001/(1 − β), the same number "
                        "of steps for each β; β = 0 is gradient descent",
                        {whole},
                        "Contour levels eᵏ, k = −15, −14.5, …, 6.5 (the authors use steps "
                        "of 0.2)."};
  // (b) The first steps enlarged, where the runs part (padded by a tenth on each side).
  if (first_steps.has_area()) {
    const auto zoomed = first_steps.padded(0.1, 0, 2);
    auto start = common::plane_panel(
        "(b) the first " + std::to_string(zoom_steps) + " steps, enlarged", paths);
    start.layers.push_back(common::contour_layer("landscape", levels));
    start.zoom = report::Zoom{0, {zoomed.x.lo, zoomed.x.hi}, {zoomed.y.lo, zoomed.y.hi}};
    figure.panels.push_back(start);
  }
  // (c) The book's point, "for large β the momentum method accelerates": C along each run.
  report::Panel loss;
  loss.title = "(c) C(θ⁽ᵗ⁾) along each run";
  loss.xlabel = "t";
  loss.ylabel = "C(θ⁽ᵗ⁾)";
  loss.logy = true;
  for (const auto& [name, legend] : paths)
    loss.layers.push_back({name, "t", "C", report::Layer::Style::lines, legend});
  figure.panels.push_back(loss);
  result.figures.push_back(figure);
  return result;
}
//! [figure-4.6]

app::Item figure_4_6_item() {
  return {"figure-4.6",
          "Momentum on Rosenbrock for beta = 0.9, 0.5 and 0",
          "MEDL §4.3, Eqs. (4.16)-(4.17) and Figure 4.6, p. 139",
          {common::x0_param("0.4,-0.2", Provenance::authors),
           Param::vector("betas", "0.9,0.5,0", Provenance::authors, "the values of beta", 1, 6,
                         Interval{0, 1, false, true}),
           Param::number("alpha_scale", "0.001", Provenance::book,
                         "alpha = alpha_scale / (1 - beta)", Interval::greater_than(0)),
           common::iterations_param("1000", Provenance::authors, 1e6),
           common::box_param("-0.3,1.1,-0.3,1.1", Provenance::authors),
           common::contour_grid_param("91", Provenance::companion),
           Param::integer("zoom_steps", "40", Provenance::companion,
                          "panel (b) enlarges the region of the first this many steps",
                          Interval::closed(1, 1e6))},
          figure_4_6,
          /*errata=*/common::errata({"medl-figure-4-6"})};
}

// --- one rule on Rosenbrock: algorithm-4.2; eq-4.22 ----------------------------------

Result rule_on_rosenbrock(const Params& p, const std::string& rule, const std::string& label) {
  const problems::Rosenbrock C;
  common::Run r;
  r.rule = rule;
  r.options.beta = p.number("beta");
  r.options.gamma = p.number("gamma");
  r.options.epsilon = p.number("epsilon");
  r.schedule = optim::Schedule::fixed_rate(p.number("alpha"));
  r.iterations = static_cast<int>(p.integer("iterations"));
  const auto run = common::run(C, r, descent::to_vector(p.vector("x0")));
  Result result;
  auto& table = result.table("checkpoints", common::checkpoint_columns());
  common::add_checkpoints(result, table, label, run, {1, 2, 3, 10, 100, 1000, 5000, 10000});
  result.value("C_final", run.last().value);
  if (run.status.reason == StopReason::diverged)
    common::report_divergence(result, label, run, {"checkpoints", "values"});
  else
    result.status = run.status.to_string();
  return result;
}

Result adagrad_rmsprop(const Params& p) {
  common::require_affordable(2.0 * double(p.integer("iterations")), "2 runs x iterations",
                             "fewer iterations");
  const problems::Rosenbrock C;
  Result result;
  auto& table = result.table("checkpoints", common::checkpoint_columns());
  common::Run adagrad;
  adagrad.rule = "adagrad";
  adagrad.options.epsilon = p.number("epsilon");
  adagrad.schedule = optim::Schedule::fixed_rate(p.number("alpha_adagrad"));
  adagrad.iterations = static_cast<int>(p.integer("iterations"));
  common::Run rmsprop = adagrad;
  rmsprop.rule = "rmsprop";
  rmsprop.options.gamma = p.number("gamma");
  rmsprop.schedule = optim::Schedule::fixed_rate(p.number("alpha_rmsprop"));
  const auto x0 = descent::to_vector(p.vector("x0"));
  const std::vector<int> ts = {1, 2, 3, 10, 100, 1000, 5000};
  const auto a = common::run(C, adagrad, x0);
  const auto b = common::run(C, rmsprop, x0);
  common::add_checkpoints(result, table, "adagrad", a, ts);
  common::add_checkpoints(result, table, "rmsprop", b, ts);
  common::report_divergence(result, "adagrad", a, {"checkpoints", "values"});
  common::report_divergence(result, "rmsprop", b, {"checkpoints", "values"});
  result.value("C_final_adagrad", a.last().value);
  result.value("C_final_rmsprop", b.last().value);
  return result;
}

app::Item adagrad_rmsprop_item() {
  return {"eq-4.22",
          "Adagrad and RMSprop on Rosenbrock",
          "MEDL §4.3, Eqs. (4.19)-(4.23), pp. 140-141",
          {common::x0_param("0.2,-0.2", Provenance::companion),
           Param::number("alpha_adagrad", "0.1", Provenance::companion,
                         "Adagrad's alpha (not in the book)", Interval::greater_than(0)),
           Param::number("alpha_rmsprop", "0.001", Provenance::companion,
                         "RMSprop's alpha (not in the book)", Interval::greater_than(0)),
           common::gamma_param("0.999", Provenance::book, "RMSprop's gamma"),
           common::epsilon_param("1e-8", Provenance::book),
           common::iterations_param("5000", Provenance::companion, 1e6)},
          adagrad_rmsprop};
}

// --- eq-4.24 ------------------------------------------------------------------------

//! [eq-4.24]
Result bias_correction(const Params& p) {
  const double beta = p.number("beta"), u = p.number("u");
  optim::PolyakAverage smoothed(optim::PolyakAverage::Kind::exponential, beta);      // (4.14)
  optim::PolyakAverage corrected(optim::PolyakAverage::Kind::bias_corrected, beta);  // (4.24)
  Result result;
  auto& table =
      result.table("smoothing", {"t", "u", "u-bar (4.14)", "1 - beta^t", "corrected (4.24)"});
  for (int t = 1; t <= p.integer("steps"); ++t) {
    smoothed.add(vector({u}));
    corrected.add(vector({u}));
    table.add({double(t), u, smoothed.value()(0), 1 - std::pow(beta, t), corrected.value()(0)});
    result.value("smoothed_" + std::to_string(t), smoothed.value()(0));
    result.value("corrected_" + std::to_string(t), corrected.value()(0));
  }
  return result;
}
//! [eq-4.24]

app::Item bias_correction_item() {
  return {"eq-4.24",
          "Bias correction of an exponentially smoothed constant",
          "MEDL §4.3, Eqs. (4.14) and (4.24), pp. 137, 142",
          {Param::number("u", "1", Provenance::companion, "the constant input u"),
           common::beta_param("0.9", Provenance::companion),
           Param::integer("steps", "10", Provenance::companion, "number of steps",
                          Interval::closed(1, 1000))},
          bias_correction,
          /*errata=*/common::errata({"medl-bias-correction"})};
}

// --- algorithm-4.2 ------------------------------------------------------------------

Result algorithm_4_2(const Params& p) {
  return rule_on_rosenbrock(p, "adam", "adam");
}

app::Item algorithm_4_2_item() {
  return {
      "algorithm-4.2",
      "ADAM on Rosenbrock",
      "MEDL §4.3, Eq. (4.25) and Algorithm 4.2",
      {common::x0_param("0.2,-0.2", Provenance::companion),
       common::alpha_param("0.01", Provenance::companion,
                           "learning rate alpha (the book gives none)"),
       common::beta_param("0.9", Provenance::book), common::gamma_param("0.999", Provenance::book),
       common::epsilon_param("1e-8", Provenance::book),
       common::iterations_param("5000", Provenance::companion, 1e6)},
      algorithm_4_2};
}

}  // namespace

void add_section_4_3(app::Chapter& chapter) {
  chapter.add(figure_4_6_item());
  chapter.add(adagrad_rmsprop_item());
  chapter.add(bias_correction_item());
  chapter.add(algorithm_4_2_item());
}

}  // namespace descent::chapters::medl04
