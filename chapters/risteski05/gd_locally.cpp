/// \file
/// Risteski, lecture 5, slides "Understanding gradient descent locally": near a minimum f is
/// close to a quadratic ½xᵀAx, and on an elliptical one the gradient does not point at the
/// minimizer, so gradient descent zig-zags. With A = diag(λ) each coordinate is multiplied by
/// 1 − ηλⱼ per step; with η = 2/(λ_max + λ_min) the stiff one has 1 − ηλ_max < 0 and flips its
/// sign every step.

#include <cmath>
#include <numbers>
#include <string>

#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/problems/quadratic.hpp"
#include "risteski05/sections.hpp"

namespace descent::chapters::risteski05 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

//! [slide-gd-locally]
Result gd_locally(const Params& p) {
  const auto lambda = descent::to_vector(p.vector("lambda"));
  const problems::Quadratic f(lambda, vector({0.0, 0.0}), descent::to_vector(p.vector("x0")));
  const double eta = p.number("eta");
  common::Run r;  // x ← x − η A x
  r.schedule = optim::Schedule::fixed_rate(eta);
  r.iterations = static_cast<int>(p.integer("steps"));
  const auto run = common::run(f, r, f.initial_point());

  Result result;
  common::report_divergence(result, "GD", run, {"iterates", "path", "values"});
  // The factor of each coordinate, 1 − ηλⱼ, and the ratios x_{t+1,j}/x_{t,j} measured.
  const double factor1 = 1 - eta * lambda(0), factor2 = 1 - eta * lambda(1);
  result.value("factor1", factor1);
  result.value("factor2", factor2);
  auto& table = result.table("iterates", {"t", "x1", "x2", "f(x)", "x1(t)/x1(t-1)", "x2(t)/x2(t-1)",
                                          "angle(-grad f, -x) deg"});
  double worst1 = 0, worst2 = 0;
  int flips1 = 0, flips2 = 0, ratios = 0;
  vector g;
  for (std::size_t t = 0; t < run.iterates.size(); ++t) {
    const auto& x = run.iterates[t].theta;
    // How far the steepest-descent direction is from the direction to the minimizer 0
    // (atan2 of the cross and dot products: accurate near 0, where acos of the cosine is not).
    f.gradient(x, g);
    const bool defined = (g(0) != 0 || g(1) != 0) && (x(0) != 0 || x(1) != 0);
    const report::Cell angle = defined
                                   ? report::Cell{std::atan2(std::fabs(g(0) * x(1) - g(1) * x(0)),
                                                             g(0) * x(0) + g(1) * x(1)) *
                                                  180 / std::numbers::pi}
                                   : report::Cell{std::string("-")};
    if (t == 0 && std::holds_alternative<double>(angle))
      result.value("angle_deg_0", std::get<double>(angle));
    report::Cell q1{std::string("-")}, q2{std::string("-")};
    if (t > 0) {
      const auto& prev = run.iterates[t - 1].theta;
      if (prev(0) != 0 && prev(1) != 0 && std::isfinite(x(0)) && std::isfinite(x(1))) {
        const double a = x(0) / prev(0), b = x(1) / prev(1);
        q1 = a;
        q2 = b;
        worst1 = std::max(worst1, std::fabs(a - factor1));
        worst2 = std::max(worst2, std::fabs(b - factor2));
        ++ratios;
      }
      flips1 += (x(0) < 0) != (prev(0) < 0);
      flips2 += (x(1) < 0) != (prev(1) < 0);
    }
    table.add({double(t), x(0), x(1), run.iterates[t].value, q1, q2, angle});
  }
  if (ratios > 0) {
    result.value("max_ratio_error1", worst1);
    result.value("max_ratio_error2", worst2);
  }
  result.value("sign_flips1", flips1);
  result.value("sign_flips2", flips2);
  result.value("steps", run.status.iterations);
  result.value("x1_last", run.last().theta(0));
  result.value("x2_last", run.last().theta(1));

  const auto box = common::box_from(p);
  common::add_path(result, "path", run);
  common::add_grid(result, "landscape", f, box.x, box.y);
  report::Panel panel;
  panel.title = "f = (λ₁x₁² + λ₂x₂²)/2, η = " + short_number(eta);
  panel.xlabel = "x₁";
  panel.ylabel = "x₂";
  const double f0 = f.value(f.initial_point());
  std::vector<double> levels;
  for (int k = 10; k >= 0; --k) levels.push_back(f0 * std::pow(0.5, k));
  panel.layers.push_back(common::contour_layer("landscape", levels));
  panel.layers.push_back(
      {"path", "theta1", "theta2", report::Layer::Style::linespoints, "gradient descent from x₀"});
  common::frame(panel, box);
  result.figures.push_back(
      {"slide-gd-locally",
       "Gradient descent zig-zags on an elliptical quadratic",
       {panel},
       "The slide's picture has no numbers; A = diag(10, 1), eta = 2/11 and x0 = (1, 1) are the "
       "companion's."});
  return result;
}
//! [slide-gd-locally]

}  // namespace

app::Item gd_locally_item() {
  return {
      "slide-gd-locally",
      "GD on (1/2) x^T A x with A = diag(10, 1): each coordinate times 1 - eta lambda_j, the "
      "stiff one flips sign (zig-zag)",
      "Risteski lecture 5, slides \"Understanding gradient descent locally\"",
      {Param::vector("lambda", "10,1", Provenance::companion, "the diagonal of A (its eigenvalues)",
                     2, 2, Interval{0, 1e6, true, false}),
       Param::number("eta", "2/11", Provenance::companion,
                     "step size; 2/(lambda_max + lambda_min) = 2/11 for the default A",
                     Interval{0, 1e6, true, false}),
       Param::vector("x0", "1,1", Provenance::companion, "the start", 2, 2,
                     Interval::closed(-1e6, 1e6)),
       Param::integer("steps", "30", Provenance::companion, "gradient-descent steps",
                      Interval::closed(1, 1e5)),
       common::box_param("-1.1,1.1,-0.5,1.1", Provenance::companion),
       common::contour_grid_param("101", Provenance::companion)},
      gd_locally};
}

}  // namespace descent::chapters::risteski05
