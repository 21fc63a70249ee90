#pragma once
/// \file
/// Aggarwal §3.3.1, the ways of choosing hyperparameters to try: grid search (every
/// combination of a few values per hyperparameter, whose count grows exponentially with the
/// number of hyperparameters), random search inside the grid's box, sampling the logarithm of
/// a rate uniformly, and coarse-to-fine refinement around the best point found so far. The
/// points live in the box of the *logarithms* of the hyperparameters (log₁₀ α, log₁₀ λ), as
/// the book recommends for learning and regularization rates.

#include <cstddef>
#include <vector>

#include "descent/core/random.hpp"

namespace descent::chapters::aggarwal03 {

/// A box of the search space, one [lo, hi] interval per hyperparameter (lo < hi).
struct Box {
  std::vector<double> lo;  ///< lower end of each axis
  std::vector<double> hi;  ///< upper end of each axis
};

/// One point of the search space, one coordinate per hyperparameter.
using Point = std::vector<double>;

/// The number of grid points, the product of the values tried per hyperparameter: 10 values
/// for each of 5 hyperparameters make the book's 10⁵ = 100000 runs.
[[nodiscard]] double grid_size(const std::vector<double>& values_per_hyperparameter);

/// `k` evenly spaced values from `lo` to `hi`, both ends included (k >= 2).
[[nodiscard]] std::vector<double> grid_axis(double lo, double hi, std::size_t k);

/// Every combination of `k` values per axis of `box` (k^h points), the first axis outermost.
[[nodiscard]] std::vector<Point> grid_points(const Box& box, std::size_t k);

/// `n` points drawn uniformly in `box`, axis by axis in order (a point's coordinates are
/// consecutive draws of `rng`).
[[nodiscard]] std::vector<Point> random_points(const Box& box, std::size_t n, Rng& rng);

/// P(α < t) when log₁₀ α is uniform on [log₁₀ lo, log₁₀ hi] (0 < lo < t < hi):
/// (log t − log lo)/(log hi − log lo); 1/2 for the book's α in [0.001, 0.1] and t = 0.01.
[[nodiscard]] double p_below_log_uniform(double lo, double hi, double t);

/// P(α < t) when α itself is uniform on [lo, hi]: (t − lo)/(hi − lo); 1/11 for the book's range.
[[nodiscard]] double p_below_uniform(double lo, double hi, double t);

/// The box of each axis' half-width times `shrink` (in (0, 1)), centred on `centre`: the next,
/// geometrically smaller, box of coarse-to-fine search. It is not clipped to the previous box:
/// a best point on the edge of a range is where the book says to look beyond it.
[[nodiscard]] Box shrink_around(const Box& box, const Point& centre, double shrink);

/// How many different values `values` holds (exact comparison).
[[nodiscard]] std::size_t distinct(std::vector<double> values);

}  // namespace descent::chapters::aggarwal03
