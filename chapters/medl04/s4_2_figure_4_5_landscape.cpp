/// \file
/// MEDL §4.2, Figure 4.5: the loss landscapes of the two-parameter network
/// ŷ = σ(w₂ σ(w₁ x)) with the squared and the binary cross-entropy loss, on the synthetic data
/// of Figure 3.4, over the authors' grid; with gradient descent on each landscape from the
/// same start.

#include <cmath>
#include <string>

#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/problems/two_parameter_network.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
using Net = problems::TwoParameterNetwork;

//! [figure-4.5]
Result figure_4_5(const Params& p) {
  const auto box = common::box_from(p);
  const auto points = p.vector("points");
  if (points.size() % 2 != 0)
    throw invalid_argument("points needs pairs w1,w2; allowed: an even number of values");
  Result result;
  auto& at = result.table("losses", {"w1", "w2", "squared (sum)", "cross entropy (mean)"});
  auto& extremes =
      result.table("landscape", {"loss", "grid minimum", "at w1", "at w2", "grid maximum",
                                 "share of grid with |grad C| < 1e-3", "GD: C(theta_T)"});
  const int n = static_cast<int>(p.integer("grid"));
  // As w1 → −∞ the network is a step: ŷ = σ(w2) for x < 0 and ½ for x > 0; σ(w2) = 1/3
  // is best, giving 6/9 + 3/4 = 17/12 (squared) and (3 H(1/3) + 3 log 2)/6 (cross entropy).
  const double entropy = -(std::log(1.0 / 3) / 3 + 2 * std::log(2.0 / 3) / 3);
  const double squared_limit = 17.0 / 12, ce_limit = (3 * entropy + 3 * std::log(2.0)) / 6;
  report::Figure figure{"figure-4.5",
                        "Figure 4.5: loss landscapes of σ(w₂ σ(w₁ x)), (a) squared loss, (b) "
                        "cross entropy; (c) both along the line w₁ = w₁⁽⁰⁾ where gradient "
                        "descent starts, (d) how far each descent gets",
                        {},
                        "The book draws surfaces; here their contour lines, with the grid "
                        "minimum and a gradient-descent path on each, the same start and step."};
  // The frame leaves a margin around the grid: its minimum lies on the grid's edge (w1 = lo;
  // the infimum is at w1 → −∞), and a marker there must be drawn whole.
  const double mx = 0.03 * (box.x.hi - box.x.lo), my = 0.03 * (box.y.hi - box.y.lo);
  for (const auto loss : {Net::Loss::squared, Net::Loss::cross_entropy}) {
    const auto C = Net::figure_4_5(loss);
    const std::string key = loss == Net::Loss::squared ? "squared" : "ce";
    // The authors' half-open grid [lo, hi)² with n points per side (step 0.1 by default).
    double lowest = INFINITY, highest = -INFINITY, flat = 0;
    vector w({0.0, 0.0}), best = w, g;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        w(0) = box.x.lo + (box.x.hi - box.x.lo) * i / n;
        w(1) = box.y.lo + (box.y.hi - box.y.lo) * j / n;
        const double c = C.value_and_gradient(w, g);
        if (c < lowest) {
          lowest = c;
          best = w;
        }
        highest = std::max(highest, c);
        flat += std::hypot(g(0), g(1)) < 1e-3;
      }
    // Gradient descent on this landscape from x0 (the same start and step for both losses).
    common::Run r;
    r.schedule = optim::Schedule::fixed_rate(p.number("alpha"));
    r.iterations = static_cast<int>(p.integer("iterations"));
    r.record_every = std::max(1, r.iterations / 200);
    const auto run = common::run(C, r, descent::to_vector(p.vector("x0")));
    common::add_path(result, "gd_" + key, run);
    common::report_divergence(result, "gd_" + key, run,
                              {"gd_" + key, "gap_" + key, "landscape", "values"});
    extremes.add(
        {C.name(), lowest, best(0), best(1), highest, flat / (double(n) * n), run.last().value});
    result.value(key + "_min", lowest);
    result.value(key + "_argmin_w1", best(0));
    result.value(key + "_argmin_w2", best(1));
    result.value(key + "_max", highest);
    result.value(key + "_flat_share", flat / (double(n) * n));
    result.value(key + "_gd_final", run.last().value);
    result.value(key + "_gd_w1", run.last().theta(0));
    result.value(key + "_gd_w2", run.last().theta(1));
    result.add_series("min_" + key, {"theta1", "theta2"}).add({best(0), best(1)});
    // How far above the infimum each descent stays: the squared loss's plateau holds it.
    const double limit = loss == Net::Loss::squared ? squared_limit : ce_limit;
    auto& gap = result.add_series("gap_" + key, {"t", "C - inf C"});
    for (const auto& it : run.iterates) gap.add({double(it.t), it.value - limit});
    common::add_grid(result, "landscape_" + key, C, box.x, box.y);
    auto panel = common::plane_panel(
        loss == Net::Loss::squared ? "(a) squared loss (sum)" : "(b) cross entropy (mean)",
        {{"gd_" + key, "gradient descent"}});
    panel.xlabel = "w₁";
    panel.ylabel = "w₂";
    panel.layers.back().markers = true;  // where it starts and where it stops
    panel.layers.push_back(
        {"min_" + key, "theta1", "theta2", report::Layer::Style::points, "grid minimum"});
    panel.layers.push_back(common::contour_layer(
        "landscape_" + key,
        common::even_levels(lowest, highest, static_cast<int>(p.integer("levels")))));
    panel.xrange = std::pair{box.x.lo - mx, box.x.hi + mx};
    panel.yrange = std::pair{box.y.lo - my, box.y.hi + my};
    figure.panels.push_back(panel);
  }
  // (c) Both losses along the vertical line through the start, where the cross-entropy
  // descent travels: a plateau and a cliff for the squared loss, a steady slope for cross
  // entropy: the book's "much smoother loss landscape".
  const double w1 = p.vector("x0")[0];
  auto& slice = result.add_series("slice", {"w2", "squared", "ce"});
  for (int j = 0; j <= 400; ++j) {
    const vector wj({w1, box.y.lo + (box.y.hi - box.y.lo) * j / 400});
    slice.add({wj(1), Net::figure_4_5(Net::Loss::squared).value(wj),
               Net::figure_4_5(Net::Loss::cross_entropy).value(wj)});
  }
  report::Panel along;
  along.title = "(c) both losses along w₁ = " + short_number(w1) + ", against w₂";
  along.xlabel = "w₂";
  along.ylabel = "C(w₁, w₂)";
  along.layers = {{"slice", "w2", "squared", report::Layer::Style::lines, "squared"},
                  {"slice", "w2", "ce", report::Layer::Style::lines, "cross entropy"}};
  figure.panels.push_back(along);
  // (d) The descents' progress: the same start and step on both landscapes.
  report::Panel progress;
  progress.title = "(d) gradient descent: C(θ⁽ᵗ⁾) − inf C";
  progress.xlabel = "t";
  progress.ylabel = "C(θ⁽ᵗ⁾) − inf C";
  progress.logy = true;
  progress.layers = {{"gap_squared", "t", "C - inf C", report::Layer::Style::lines, "squared"},
                     {"gap_ce", "t", "C - inf C", report::Layer::Style::lines, "cross entropy"}};
  figure.panels.push_back(progress);
  for (std::size_t k = 0; k + 1 < points.size(); k += 2) {
    const vector wk({points[k], points[k + 1]});
    at.add({points[k], points[k + 1], Net::figure_4_5(Net::Loss::squared).value(wk),
            Net::figure_4_5(Net::Loss::cross_entropy).value(wk)});
  }
  result.value("squared_limit", squared_limit);
  result.value("ce_limit", ce_limit);
  result.figures.push_back(figure);
  return result;
}
//! [figure-4.5]

}  // namespace

app::Item figure_4_5_item() {
  return {"figure-4.5",
          "Loss landscapes of a two-parameter network: squared against cross-entropy loss",
          "MEDL §4.2, Figure 4.5, p. 135",
          {common::box_param("-20,20,-20,20", Provenance::authors),
           Param::integer("grid", "400", Provenance::authors,
                          "points per side of the grid [lo, hi) searched for the extremes",
                          Interval::closed(2, 2000)),
           common::contour_grid_param("81", Provenance::companion),
           Param::integer("levels", "15", Provenance::companion,
                          "contour levels, evenly spaced between the grid extremes",
                          Interval::closed(1, 100)),
           Param::vector("points", "0,0,1,1,-1,2,5,-5,10,10,-20,-20", Provenance::companion,
                         "pairs w1,w2 where both losses are tabulated (catalogue C17)", 2, 40),
           common::x0_param("10,-15", Provenance::companion),
           common::alpha_param("1", Provenance::companion),
           common::iterations_param("2000", Provenance::companion, 1e6)},
          figure_4_5};
}

}  // namespace descent::chapters::medl04
