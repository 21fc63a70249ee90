#pragma once
/// \file
/// Objectives of one variable with their first two derivatives in closed form, each
/// knowing its own stationary points: the examples of MEDL §4.6.

#include <functional>
#include <string>
#include <vector>

namespace descent::problems {

/// A twice differentiable C: R -> R with C' and C'', and its known stationary points.
struct Univariate {
  std::string formula;  ///< e.g. "(theta-3)^2 (theta+3)"
  std::function<double(double)> value;  ///< C(θ)
  std::function<double(double)> d1;  ///< C'
  std::function<double(double)> d2;  ///< C''
  std::vector<double> local_minima;  ///< the θ where C' = 0 and C'' > 0
  std::vector<double> local_maxima;  ///< the θ where C' = 0 and C'' < 0
  std::vector<double> inflection_points;  ///< the θ where C'' changes sign
};

/// C(θ) = a(θ − m)² + c: Newton's method reaches m in one step from anywhere (a ≠ 0).
[[nodiscard]] Univariate quadratic(double a, double m, double c);

/// MEDL (4.52): C(θ) = (θ − 3)²(θ + 3), local minimum at 3, local maximum at −1,
/// inflection point at 1.
[[nodiscard]] Univariate overshoot_cubic();

/// MEDL §4.6: C(θ) = −θ⁴/4 + 5θ²/2, on which Newton's method cycles 1 → −1 → 1.
[[nodiscard]] Univariate oscillating_quartic();

/// The function of MEDL Figure 4.10 as in the authors' figure code:
/// C(θ) = θ⁴ − 4θ³ − 2θ² + 10θ + 15, with a local maximum between two minima.
[[nodiscard]] Univariate figure_4_10_quartic();

/// "local minimum", "local maximum" or "degenerate" by the sign of C''(θ).
[[nodiscard]] std::string classify_stationary_point(const Univariate& f, double theta);

}  // namespace descent::problems
