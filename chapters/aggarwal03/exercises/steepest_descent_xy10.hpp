#pragma once
/// \file
/// Aggarwal §3.10, Exercise 6: steepest descent on L = x² + y¹⁰ at a constant learning rate, from
/// (0.5, 0.5) and from (2, 2): plot the trajectories and say what you observe.
///
/// You write the trajectory; `trajectory_figure` below turns your trajectories into the figure
/// (given/exercise_6_figure.hpp), and the tests write it to
/// build/exercises/output/aggarwal03/steepest_descent_xy10/ (exercise-6.tsv and .gp, and .svg when
/// gnuplot is installed). The book gives no learning rate and no number of iterations: the tests
/// use α = 0.01 and 10000, and α = 5·10⁻⁴ to show what a smaller rate does from (2, 2).
///
/// Fill it in, then check it:
///
///     scripts/exercises check steepest_descent_xy10
///
/// Stuck? `scripts/exercises hint steepest_descent_xy10` gives a nudge first, then the equations.

#include <vector>

#include "descent/core/error.hpp"
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
///
/// TODO: the steepest-descent step W ← W − α∇L (Eq. 3.27 with the full gradient), repeated.
inline std::vector<Point> steepest_descent_xy10(Point start, double alpha, int iterations) {
  (void)start;
  (void)alpha;
  (void)iterations;
  throw descent::not_implemented(
      "steepest_descent_xy10 in chapters/aggarwal03/exercises/steepest_descent_xy10.hpp");
}

/// The figure of Exercise 6 from your trajectories (given/exercise_6_figure.hpp draws it).
inline report::Result trajectory_figure(double alpha, double small_alpha, int iterations) {
  return exercise_6_figure<Point>(steepest_descent_xy10, alpha, small_alpha, iterations);
}

}  // namespace descent::exercises
