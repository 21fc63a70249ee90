/// \file
/// MEDL §4.1 "Formulation of optimization": the convex bowl and the non-convex peaks
/// surface of Figure 4.1 with their critical points, and the convexity of logistic (4.7)
/// and multinomial (4.8) regression, checked through Hessian eigenvalues.

#include <cmath>
#include <string>

#include "common/errata.hpp"
#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/problems/logistic.hpp"
#include "descent/problems/peaks.hpp"
#include "descent/problems/quadratic.hpp"
#include "descent/problems/softmax_regression.hpp"
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
  auto& min_s = result.add_series("peaks_minima", {"theta1", "theta2", "C"});
  auto& max_s = result.add_series("peaks_maxima", {"theta1", "theta2", "C"});
  auto& saddle_s = result.add_series("peaks_saddles", {"theta1", "theta2", "C"});
  for (const auto& [name, surface] :
       {std::pair<std::string, const problems::Objective*>{"bowl", &bowl}, {"peaks", &peaks}}) {
    for (const auto& c : problems::critical_points(*surface, lo, hi, grid)) {
      table.add({name, c.kind, c.theta(0), c.theta(1), c.value, c.lambda_min, c.lambda_max});
      if (name != "peaks") continue;
      auto& points = c.kind == "minimum" ? min_s : c.kind == "maximum" ? max_s : saddle_s;
      points.add({c.theta(0), c.theta(1), c.value});
      minima += c.kind == "minimum";
      maxima += c.kind == "maximum";
      saddles += c.kind == "saddle";
    }
  }
  result.value("peaks_minima", minima);
  result.value("peaks_maxima", maxima);
  result.value("peaks_saddles", saddles);
  // Both landscapes as contour lines, with the critical points of the table marked.
  const auto box = common::box_from(p);
  common::add_grid(result, "bowl", bowl, box.x, box.y);
  auto& landscape = common::add_grid(result, "peaks", peaks, box.x, box.y);
  double zmin = INFINITY, zmax = -INFINITY;
  for (const auto& row : landscape.rows) {
    zmin = std::min(zmin, row[2]);
    zmax = std::max(zmax, row[2]);
  }
  result.add_series("bowl_minimum", {"theta1", "theta2"}).add({0.0, 0.0});
  report::Panel a;
  a.title = "(a) convex: θ₁² + θ₂²";
  a.xlabel = "θ₁";
  a.ylabel = "θ₂";
  a.layers = {common::contour_layer("bowl"),
              {"bowl_minimum", "theta1", "theta2", report::Layer::Style::points, "minimum"}};
  common::frame(a, box);
  report::Panel b;
  b.title = "(b) non-convex: peaks";
  b.xlabel = "θ₁";
  b.ylabel = "θ₂";
  b.layers = {common::contour_layer("peaks", common::even_levels(zmin, zmax, 24)),
              {"peaks_minima", "theta1", "theta2", report::Layer::Style::points, "minima"},
              {"peaks_maxima", "theta1", "theta2", report::Layer::Style::points, "maxima"},
              {"peaks_saddles", "theta1", "theta2", report::Layer::Style::points, "saddles"}};
  common::frame(b, box);
  result.figures.push_back({"figure-4.1",
                            "Figure 4.1: a convex bowl and the non-convex peaks",
                            {a, b},
                            "The book draws 3-d surfaces; here their contour lines, with the "
                            "critical points classified by Hessian eigenvalues (table)."});
  return result;
}
//! [figure-4.1]

app::Item figure_4_1_item() {
  return {"figure-4.1",
          "A convex bowl and the peaks surface with its nine critical points",
          "MEDL §4.1, Figure 4.1, p. 124",
          {Param::number("lo", "-3", Provenance::companion, "lower end of the search square",
                         Interval::closed(-1e3, 1e3)),
           Param::number("hi", "3", Provenance::companion, "upper end of the search square",
                         Interval::closed(-1e3, 1e3)),
           Param::integer("grid", "41", Provenance::companion,
                          "Newton starts per side of the square", Interval::closed(2, 400)),
           common::box_param("-3,3,-3,3", Provenance::companion),
           common::contour_grid_param("81", Provenance::companion)},
          figure_4_1,
          /*errata=*/common::errata({"medl-figure-4-1"})};
}

//! [eq-4.8]
Result log_sum_exp(const Params& p) {
  // ∇² log Σ e^{v_k} = diag(π) − ππᵀ with π = softmax(v): PSD, with 1 in its null space.
  const auto K = static_cast<std::size_t>(p.integer("classes"));
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  Result result;
  auto& table = result.table("Hessians", {"draw", "lambda_min", "lambda_max", "|H 1|"});
  double worst = INFINITY;
  for (long k = 0; k < p.integer("points"); ++k) {
    const vector v = rng.normal_vector(K) * 3.0;
    const matrix h = problems::log_sum_exp_hessian(v);
    const auto eig = eigh(h);
    double null = 0;  // ‖H 1‖: the constant direction costs nothing (shift invariance)
    for (std::size_t a = 0; a < K; ++a) {
      double row = 0;
      for (std::size_t b = 0; b < K; ++b) row += h(a, b);
      null += row * row;
    }
    null = std::sqrt(null);
    worst = std::min(worst, eig.values(0));
    table.add({double(k), eig.values(0), eig.values(K - 1), null});
  }
  result.value("min_eigenvalue", worst);
  // The catalogue's example (C07): v = (1, 2, 0.5).
  const auto given = descent::to_vector(p.vector("v"));
  const auto eig_v = eigh(problems::log_sum_exp_hessian(given));
  for (std::size_t k = 0; k < given.size(); ++k)
    result.value("v_eigenvalue_" + std::to_string(k + 1), eig_v.values(k));

  // Softmax regression (4.8) on nine points in K = 3 classes: the Hessian of the mean loss is
  // the mean of (diag(π) − ππᵀ) ⊗ [1; x][1, xᵀ], PSD, singular only along the p + 1 = 2
  // directions that shift every class's (b_j, w_(j)) alike.
  const auto C = problems::SoftmaxRegression::nine_points();
  const std::size_t d = C.dimension();
  auto& softmax = result.table(
      "softmax regression Hessians",
      {"draw", "C(theta)", "lambda_min", "zero eigenvalues", "smallest positive", "lambda_max"});
  double softmax_worst = INFINITY, positive = INFINITY, zeros = 0, chord = -INFINITY;
  matrix h;
  for (long k = 0; k < p.integer("points"); ++k) {
    const vector theta = rng.normal_vector(d) * 2.0;
    C.hessian(theta, h);
    const auto eig = eigh(h);
    std::size_t z = 0;
    while (z < d && std::fabs(eig.values(z)) < 1e-12 * eig.values(d - 1)) ++z;
    softmax_worst = std::min(softmax_worst, eig.values(0));
    if (z < d) positive = std::min(positive, eig.values(z));
    zeros = std::max(zeros, double(z));
    softmax.add({double(k), C.value(theta), eig.values(0), double(z), z < d ? eig.values(z) : 0.0,
                 eig.values(d - 1)});
    // Convexity by its definition (4.3) along a random chord from θ.
    const vector phi = rng.normal_vector(d) * 2.0;
    const double lambda = rng.uniform();
    const vector mid = lambda * theta + (1 - lambda) * phi;
    chord = std::max(chord, C.value(mid) - (lambda * C.value(theta) + (1 - lambda) * C.value(phi)));
  }
  result.value("softmax_min_eigenvalue", softmax_worst);
  result.value("softmax_zero_eigenvalues", zeros);
  result.value("softmax_smallest_positive", positive);
  result.value("softmax_max_chord_gap", chord);  // <= 0: below every chord
  return result;
}
//! [eq-4.8]

app::Item log_sum_exp_item() {
  return {
      "eq-4.8",
      "Log-sum-exp and softmax regression are convex: Hessians diag(pi) - pi pi^T "
      "(x) u u^T are PSD",
      "MEDL §4.1, Eq. (4.8), p. 128",
      {Param::integer("classes", "4", Provenance::companion, "number of classes K",
                      Interval::closed(2, 50)),
       Param::integer("points", "8", Provenance::companion,
                      "random logit vectors, and random theta for softmax regression",
                      Interval::closed(1, 1000)),
       Param::vector("v", "1,2,0.5", Provenance::companion,
                     "a logit vector whose Hessian eigenvalues are listed (catalogue C07)", 2, 50),
       Param::integer("seed", "5", Provenance::companion, "random seed", Interval::closed(0, 1e9))},
      log_sum_exp};
}

}  // namespace

void add_section_4_1(app::Chapter& chapter) {
  chapter.add(figure_4_1_item());
  chapter.add(linear_regression_item());
  chapter.add(eq_4_7_item());  // s4_1_eq_4_7_logistic_hessian.cpp
  chapter.add(log_sum_exp_item());
  chapter.add(huber_item());
}

}  // namespace descent::chapters::medl04
