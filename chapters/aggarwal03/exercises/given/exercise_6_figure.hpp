#pragma once
/// \file
/// (Given, for the exercise steepest_descent_xy10.) The figure of Aggarwal's Exercise 6 from the
/// trajectories of steepest descent on L = x² + y¹⁰: (a) x_t and y_t from (0.5, 0.5) at rate
/// alpha; (b) y_t from (2, 2) at rate alpha (it leaves the frame: divergence) and at
/// `small_alpha`. Non-finite iterates are left out of the data.

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "descent/report/result.hpp"

namespace descent::exercises {

/// `trajectory(start, rate, iterations)` returns the iterates (with members x and y) from a
/// start {x, y} of type Start.
template <class Start, class Trajectory>
report::Result exercise_6_figure(const Trajectory& trajectory, double alpha, double small_alpha,
                                 int iterations) {
  report::Result result;
  const auto series = [&](const std::string& name, Start start, double rate) {
    auto& s = result.add_series(name, {"t", "x", "y"});
    const auto path = trajectory(start, rate, iterations);
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
    std::snprintf(text, sizeof text, "α = %g", r);
    return std::string(text);
  };
  report::Figure figure{
      "exercise-6", "Steepest descent on L = x² + y¹⁰ at a constant rate", {}, ""};
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
