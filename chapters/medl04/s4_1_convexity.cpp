/// \file
/// MEDL §4.1 "Formulation of optimization": the convex bowl and the non-convex peaks
/// surface of Figure 4.1 with their critical points, and the convexity of logistic (4.7)
/// and multinomial (4.8) regression, checked through Hessian eigenvalues.

#include <cmath>
#include <string>

#include "common/first_order.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/problems/logistic.hpp"
#include "descent/problems/peaks.hpp"
#include "descent/problems/quadratic.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

//! [figure-4.1]
Result figure_4_1(const Params& p) {
  Result result;
  auto& table = result.table(
      "critical points", {"surface", "kind", "theta1", "theta2", "C", "lambda_min", "lambda_max"});
  const problems::Quadratic bowl(vector({2.0, 2.0}), vector({0.0, 0.0}), vector({1.0, 1.0}));
  const problems::Peaks peaks;
  const double lo = p.number("lo"), hi = p.number("hi");
  if (!(lo < hi)) throw invalid_argument("lo must be below hi; allowed: lo < hi");
  const auto grid = static_cast<int>(p.integer("grid"));
  int minima = 0, maxima = 0, saddles = 0;
  auto& points = result.add_series("peaks_critical", {"theta1", "theta2", "C"});
  for (const auto& [name, surface] :
       {std::pair<std::string, const problems::Objective*>{"bowl", &bowl}, {"peaks", &peaks}}) {
    for (const auto& c : problems::critical_points(*surface, lo, hi, grid)) {
      table.add({name, c.kind, c.theta(0), c.theta(1), c.value, c.lambda_min, c.lambda_max});
      if (name != "peaks") continue;
      points.add({c.theta(0), c.theta(1), c.value});
      minima += c.kind == "minimum";
      maxima += c.kind == "maximum";
      saddles += c.kind == "saddle";
    }
  }
  result.value("peaks_minima", minima);
  result.value("peaks_maxima", maxima);
  result.value("peaks_saddles", saddles);
  // The section θ₂ = 0.3 through both surfaces, for the figure.
  auto& section = result.add_series("section", {"theta1", "bowl", "peaks"});
  for (int i = 0; i <= 200; ++i) {
    const double x = lo + (hi - lo) * i / 200;
    const vector t({x, 0.3});
    section.add({x, 0.5 * bowl.value(t), peaks.value(t)});
  }
  report::Panel panel;
  panel.title = "C along theta2 = 0.3";
  panel.xlabel = "theta1";
  panel.ylabel = "C";
  panel.layers = {
      {"section", "theta1", "bowl", report::Layer::Style::lines, "bowl theta1^2+theta2^2"},
      {"section", "theta1", "peaks", report::Layer::Style::lines, "peaks"}};
  report::Panel map;
  map.title = "critical points of peaks";
  map.xlabel = "theta1";
  map.ylabel = "theta2";
  map.layers = {{"peaks_critical", "theta1", "theta2", report::Layer::Style::points,
                 "minima, maxima, saddles (table)"}};
  result.figures.push_back({"figure-4.1",
                            "Figure 4.1: a convex bowl and the non-convex peaks",
                            {panel, map},
                            "The book draws 3-d surfaces; here a section and the critical "
                            "points, classified by Hessian eigenvalues in the table."});
  return result;
}
//! [figure-4.1]

//! [eq-4.8]
Result log_sum_exp(const Params& p) {
  // ∇² log Σ e^{z_k} = diag(π) − ππᵀ with π = softmax(z): PSD, with 1 in its null space.
  const auto K = static_cast<std::size_t>(p.integer("classes"));
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  Result result;
  auto& table = result.table("Hessians", {"draw", "lambda_min", "lambda_max", "|H 1|"});
  double worst = INFINITY;
  for (long k = 0; k < p.integer("points"); ++k) {
    const vector z = rng.normal_vector(K) * 3.0;
    double top = z(0), total = 0;
    for (double zk : z) top = std::max(top, zk);
    vector pi = xt::zeros<double>({K});
    for (std::size_t a = 0; a < K; ++a) total += pi(a) = std::exp(z(a) - top);
    pi /= total;
    matrix h = xt::zeros<double>({K, K});
    for (std::size_t a = 0; a < K; ++a)
      for (std::size_t b = 0; b < K; ++b) h(a, b) = (a == b ? pi(a) : 0.0) - pi(a) * pi(b);
    const auto eig = eigh(h);
    double null = 0;  // ‖H 1‖: the constant direction costs nothing (shift invariance)
    for (std::size_t a = 0; a < K; ++a) {
      double row = 0;
      for (std::size_t b = 0; b < K; ++b) row += h(a, b);
      null += row * row;
    }
    worst = std::min(worst, eig.values(0));
    table.add({double(k), eig.values(0), eig.values(K - 1), std::sqrt(null)});
  }
  result.value("min_eigenvalue", worst);
  return result;
}
//! [eq-4.8]

}  // namespace

void add_section_4_1(app::Chapter& chapter) {
  chapter.add({"figure-4.1",
               "A convex bowl and the peaks surface with its nine critical points",
               "MEDL §4.1, Figure 4.1, p. 124",
               {Param::number("lo", "-3", Provenance::companion, "lower end of the search square"),
                Param::number("hi", "3", Provenance::companion, "upper end of the search square"),
                Param::integer("grid", "41", Provenance::companion,
                               "Newton starts per side of the square", Interval::closed(2, 400))},
               figure_4_1});
  add_eq_4_7(chapter);  // s4_1_eq_4_7_logistic_hessian.cpp
  chapter.add({"eq-4.8",
               "Log-sum-exp is convex: its Hessian diag(pi) - pi pi^T is PSD",
               "MEDL §4.1, Eq. (4.8), p. 128",
               {Param::integer("classes", "4", Provenance::companion, "number of classes K",
                               Interval::closed(2, 50)),
                Param::integer("points", "8", Provenance::companion, "random logit vectors",
                               Interval::closed(1, 1000)),
                Param::integer("seed", "5", Provenance::companion, "random seed",
                               Interval::closed(0, 1e9))},
               log_sum_exp});
}

}  // namespace descent::chapters::medl04
