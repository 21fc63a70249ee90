#pragma once
/// \file
/// Landscapes under the trajectories: a function sampled on a rectangular grid, as the
/// series a contour layer of report::Panel draws (rows (θ₁, θ₂, C) with θ₁ in the outer
/// loop), and the contour levels the book's figures use.

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "descent/app/item.hpp"
#include "descent/core/error.hpp"
#include "descent/problems/objective.hpp"
#include "descent/report/result.hpp"

namespace descent::chapters::common {

/// A closed interval [lo, hi] sampled at `points` equally spaced values (both ends included).
struct Axis {
  double lo = 0;          ///< the left end
  double hi = 1;          ///< the right end
  int points = 41;        ///< samples, >= 2
  /// The k-th sample, k = 0, ..., points − 1.
  [[nodiscard]] double at(int k) const { return lo + (hi - lo) * k / (points - 1); }
};

//! [add-grid]
/// Adds the series `name` {theta1, theta2, C} of f(θ₁, θ₂) over x × y, θ₁ in the outer loop.
template <class F>
report::Series& add_grid(report::Result& result, const std::string& name, const Axis& x,
                         const Axis& y, F f) {
  auto& s = result.add_series(name, {"theta1", "theta2", "C"});
  for (int i = 0; i < x.points; ++i)
    for (int j = 0; j < y.points; ++j) {
      const double a = x.at(i), b = y.at(j);
      s.add({a, b, f(a, b)});
    }
  return s;
}
//! [add-grid]

/// The same for a 2-d objective.
inline report::Series& add_grid(report::Result& result, const std::string& name,
                                const problems::Objective& C, const Axis& x, const Axis& y) {
  vector theta({0.0, 0.0});
  return add_grid(result, name, x, y, [&](double a, double b) {
    theta(0) = a;
    theta(1) = b;
    return C.value(theta);
  });
}

/// Levels e^k for k = first, first + step, ..., <= last: the log-spaced contours of the
/// authors' Rosenbrock figures (k = −15, −14.8, ..., 6.8 there).
inline std::vector<double> exp_levels(double first, double last, double step) {
  std::vector<double> levels;
  for (int i = 0; first + i * step <= last + 1e-9; ++i)
    levels.push_back(std::exp(first + i * step));
  return levels;
}

/// `n` levels equally spaced strictly inside (lo, hi).
inline std::vector<double> even_levels(double lo, double hi, int n) {
  std::vector<double> levels;
  for (int i = 1; i <= n; ++i) levels.push_back(lo + (hi - lo) * i / (n + 1));
  return levels;
}

/// The contour layer of a grid series made by add_grid.
inline report::Layer contour_layer(const std::string& series, std::vector<double> levels = {},
                                   const std::string& title = "") {
  return {series, "theta1", "theta2", report::Layer::Style::contour, title, "C", std::move(levels)};
}

/// The drawn region of a landscape figure: θ₁ and θ₂ axes of the contour grid.
struct Box {
  Axis x;  ///< θ₁
  Axis y;  ///< θ₂
};

/// Parameters `box` (θ₁ lo, θ₁ hi, θ₂ lo, θ₂ hi) and `contour_grid` (points per side).
/// The box lies within ±1e4 (the landscapes stay finite there), and a contour grid has at most
/// 500 points per side: 250,000 rows per landscape, far more than a drawing resolves.
inline app::Param box_param(const std::string& value, app::Provenance p) {
  return app::Param::vector("box", value, p, "drawn region theta1_lo,theta1_hi,theta2_lo,theta2_hi",
                            4, 4, Interval::closed(-1e4, 1e4));
}
/// The `contour_grid` parameter.
inline app::Param contour_grid_param(const std::string& value, app::Provenance p) {
  return app::Param::integer("contour_grid", value, p, "grid points per side for the contour lines",
                             Interval::closed(2, 500));
}
/// The Box of an item's `box` and `contour_grid`; throws if a side is empty.
inline Box box_from(const app::Params& p) {
  const auto b = p.vector("box");
  if (!(b[0] < b[1]) || !(b[2] < b[3]))
    throw invalid_argument(
        "box needs theta1_lo < theta1_hi and theta2_lo < theta2_hi; allowed: "
        "lo < hi on both axes");
  const auto n = static_cast<int>(p.integer("contour_grid"));
  return {{b[0], b[1], n}, {b[2], b[3], n}};
}
/// Frames a panel to the box, so the contours fill it.
inline void frame(report::Panel& panel, const Box& box) {
  panel.xrange = std::pair{box.x.lo, box.x.hi};
  panel.yrange = std::pair{box.y.lo, box.y.hi};
}

}  // namespace descent::chapters::common
