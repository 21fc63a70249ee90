#pragma once
/// \file
/// Solution of the exercise aggarwal03/steepest_descent_xy10 (Aggarwal Exercise 6).
///
/// The reference solution: look only once `scripts/exercises check steepest_descent_xy10` passes.

#include <cmath>
#include <vector>

#include "exercise_6_figure.hpp"  // given/: the figure

namespace descent::exercises {

/// One iterate (x, y) of the descent on L = x² + y¹⁰.
struct Point {
  double x;  ///< the first coordinate
  double y;  ///< the second coordinate
};

/// The iterates (x_0, y_0) = start, (x_1, y_1), ... of steepest descent with the constant rate
/// `alpha` on L = x² + y¹⁰: `iterations` steps, or fewer when an iterate is not finite (that
/// iterate is the last one returned: the run diverged).
inline std::vector<Point> steepest_descent_xy10(Point start, double alpha, int iterations) {
  std::vector<Point> path{start};
  for (int t = 0; t < iterations; ++t) {
    const Point p = path.back();
    // ∇L = (2x, 10y⁹); far from 0 in y the step is huge: y¹⁰ is flat near 0 and a cliff beyond 1
    path.push_back({p.x - alpha * 2 * p.x, p.y - alpha * 10 * std::pow(p.y, 9)});
    if (!std::isfinite(path.back().x) || !std::isfinite(path.back().y)) break;
  }
  return path;
}

/// The figure of Exercise 6 from your trajectories (given/exercise_6_figure.hpp draws it).
inline report::Result trajectory_figure(double alpha, double small_alpha, int iterations) {
  return exercise_6_figure<Point>(steepest_descent_xy10, alpha, small_alpha, iterations);
}

}  // namespace descent::exercises
