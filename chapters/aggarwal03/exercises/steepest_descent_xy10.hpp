#pragma once
/// \file
/// Aggarwal §3.10, Exercise 6: steepest descent on L = x² + y¹⁰ at a constant learning rate, from
/// (0.5, 0.5) and from (2, 2): plot the trajectories and say what you observe.
///
/// You write the trajectory; `trajectory_figure` below (given) turns your trajectories into the
/// figure, and the tests write it to build/exercises/output/aggarwal03/steepest_descent_xy10/
/// (exercise-6.tsv and .gp, and .svg when gnuplot is installed). The book gives no learning rate
/// and no number of iterations: the tests use α = 0.01 and 10000, and α = 5·10⁻⁴ to show what a
/// smaller rate does from (2, 2).
///
/// Fill it in, then check it:
///
///     scripts/exercises check steepest_descent_xy10
///
/// Stuck? `scripts/exercises hint steepest_descent_xy10` gives a nudge first, then the equations.

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/report/result.hpp"

namespace descent::exercises {

struct Point {
  double x, y;
};

/// The iterates (x_0, y_0) = start, (x_1, y_1), ... of steepest descent with the constant rate
/// `alpha` on L = x² + y¹⁰: `iterations` steps, or fewer when an iterate is not finite (that
/// iterate is the last one returned: the run diverged).
///
/// TODO: the steepest-descent step W ← W − α∇L (Eq. 3.27 with the full gradient), repeated.
inline std::vector<Point> steepest_descent_xy10(Point start, double alpha, int iterations) {
  (void)start;
  (void)alpha;
  (void)iterations;
  throw descent::not_implemented(
      "steepest_descent_xy10 in chapters/aggarwal03/exercises/steepest_descent_xy10.hpp");
}

/// (Given.) The figure of Exercise 6 from your trajectories: (a) x_t and y_t from (0.5, 0.5) at
/// rate alpha; (b) y_t from (2, 2) at rate alpha (it leaves the frame: divergence) and at
/// `small_alpha`. Non-finite iterates are left out of the data.
inline report::Result trajectory_figure(double alpha, double small_alpha, int iterations) {
  report::Result result;
  const auto series = [&](const std::string& name, Point start, double rate) {
    auto& s = result.add_series(name, {"t", "x", "y"});
    const auto path = steepest_descent_xy10(start, rate, iterations);
    for (std::size_t t = 0; t < path.size(); ++t)
      if (std::isfinite(path[t].x) && std::isfinite(path[t].y))
        s.add({double(t), path[t].x, path[t].y});
    return path.size();
  };
  series("from (0.5, 0.5)", {0.5, 0.5}, alpha);
  series("from (2, 2)", {2, 2}, alpha);
  series("from (2, 2), smaller rate", {2, 2}, small_alpha);
  using Style = report::Layer::Style;
  const auto rate = [](double r) {
    char text[32];
    std::snprintf(text, sizeof text, "alpha = %g", r);
    return std::string(text);
  };
  report::Figure figure{
      "exercise-6", "Steepest descent on L = x^2 + y^10 at a constant rate", {}, ""};
  report::Panel a;
  a.title = "(a) from (0.5, 0.5), " + rate(alpha);
  a.xlabel = "t";
  a.ylabel = "coordinate";
  a.layers = {{"from (0.5, 0.5)", "t", "x", Style::lines, "x_t"},
              {"from (0.5, 0.5)", "t", "y", Style::lines, "y_t"}};
  report::Panel b;
  b.title = "(b) from (2, 2)";
  b.xlabel = "t";
  b.ylabel = "y_t";
  b.yrange = std::pair<double, double>{-3, 3};  // the diverging run leaves the frame at t = 1
  b.layers = {{"from (2, 2)", "t", "y", Style::linespoints, rate(alpha)},
              {"from (2, 2), smaller rate", "t", "y", Style::lines, rate(small_alpha)}};
  figure.panels = {a, b};
  figure.note = "The book gives no rate or iteration count; chosen for the exercise.";
  result.figures.push_back(figure);
  return result;
}

}  // namespace descent::exercises
