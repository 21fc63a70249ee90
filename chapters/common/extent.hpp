#pragma once
/// \file
/// The region of the plane a figure's paths cover: the smallest rectangle holding their points,
/// and the drawn box made from it (padded, or a square for a panel at equal aspect).

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/grid.hpp"
#include "descent/optim/trajectory.hpp"

namespace descent::chapters::common {

/// The smallest rectangle holding the points added to it; points with a non-finite
/// coordinate are skipped (a diverged run must not stretch the box to infinity).
struct Extent {
  double lo1 = std::numeric_limits<double>::infinity();   ///< least θ₁
  double hi1 = -std::numeric_limits<double>::infinity();  ///< greatest θ₁
  double lo2 = std::numeric_limits<double>::infinity();   ///< least θ₂
  double hi2 = -std::numeric_limits<double>::infinity();  ///< greatest θ₂

  /// Adds the point (a, b).
  void add(double a, double b) {
    if (!std::isfinite(a) || !std::isfinite(b)) return;
    lo1 = std::min(lo1, a), hi1 = std::max(hi1, a);
    lo2 = std::min(lo2, b), hi2 = std::max(hi2, b);
  }
  /// Adds the iterates θ⁽ᵗ⁾ of a 2-d run with t <= `last_t`.
  void add(const optim::Trajectory& run, double last_t = std::numeric_limits<double>::infinity()) {
    for (const auto& it : run.iterates)
      if (it.t <= last_t) add(it.theta(0), it.theta(1));
  }
  /// True if the rectangle has width and height (at least two distinct points on each axis).
  [[nodiscard]] bool has_area() const { return lo1 < hi1 && lo2 < hi2; }

  /// The rectangle widened on each side by `fraction` of its width (and of its height); a
  /// side shorter than `min_side` is widened as if it were `min_side` long.
  [[nodiscard]] Box padded(double fraction, double min_side, int points) const {
    const double pad1 = fraction * std::max(hi1 - lo1, min_side);
    const double pad2 = fraction * std::max(hi2 - lo2, min_side);
    return {{lo1 - pad1, hi1 + pad1, points}, {lo2 - pad2, hi2 + pad2, points}};
  }
  /// The square centred on the rectangle whose side is `scale` times the rectangle's longer
  /// side (or `scale` × `min_side` if that is longer): for a panel at equal aspect, where a
  /// sliver of a box would hide the angles the figure shows.
  [[nodiscard]] Box square(double scale, double min_side, int points) const {
    const double half = 0.5 * scale * std::max({hi1 - lo1, hi2 - lo2, min_side});
    const double m1 = (lo1 + hi1) / 2, m2 = (lo2 + hi2) / 2;
    return {{m1 - half, m1 + half, points}, {m2 - half, m2 + half, points}};
  }
};

}  // namespace descent::chapters::common
