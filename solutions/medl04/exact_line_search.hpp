#pragma once
/// \file
/// Solution of the exercise medl04/exact_line_search (MEDL Figures 4.8–4.9, suggested exercises
/// E4 and E5).
///
/// The reference solution: look only once `scripts/exercises check exact_line_search` passes.

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace descent::exercises {

/// A point or a direction of the plane, (θ₁, θ₂).
using Point2 = std::array<double, 2>;

/// With u(α) = (1 − θ₁) − d₁α and w(α) = (θ₂ − θ₁²) + (d₂ − 2θ₁d₁)α − d₁²α²: φ = u² + 100w².
inline std::array<double, 5> rosenbrock_ray_quartic(const Point2& theta, const Point2& d) {
  const double u0 = 1 - theta[0], u1 = -d[0];
  const double w0 = theta[1] - theta[0] * theta[0], w1 = d[1] - 2 * theta[0] * d[0],
               w2 = -d[0] * d[0];
  return {u0 * u0 + 100 * w0 * w0, 2 * u0 * u1 + 200 * w0 * w1,
          u1 * u1 + 100 * (w1 * w1 + 2 * w0 * w2), 200 * w1 * w2, 100 * w2 * w2};
}

/// The real roots of a x³ + b x² + c x + e (a ≠ 0), by the trigonometric or Cardano formula,
/// each polished by two Newton steps.
inline std::vector<double> real_cubic_roots(double a, double b, double c, double e) {
  const double p = (3 * a * c - b * b) / (3 * a * a);
  const double q = (2 * b * b * b - 9 * a * b * c + 27 * a * a * e) / (27 * a * a * a);
  const double shift = -b / (3 * a);
  std::vector<double> roots;
  const double disc = q * q / 4 + p * p * p / 27;
  if (disc > 0) {  // one real root
    const double s = std::sqrt(disc);
    roots.push_back(std::cbrt(-q / 2 + s) + std::cbrt(-q / 2 - s) + shift);
  } else {  // three real roots
    const double r = 2 * std::sqrt(-p / 3);
    const double phi = std::acos(std::clamp(3 * q / (p * r), -1.0, 1.0)) / 3;
    for (int k = 0; k < 3; ++k)
      roots.push_back(r * std::cos(phi - 2 * std::numbers::pi * k / 3) + shift);
  }
  for (double& x : roots)
    for (int it = 0; it < 2; ++it) {
      const double f = ((a * x + b) * x + c) * x + e, df = (3 * a * x + 2 * b) * x + c;
      if (df != 0) x -= f / df;
    }
  return roots;
}

inline double exact_step(const Point2& theta, const Point2& d) {
  const auto c = rosenbrock_ray_quartic(theta, d);
  const auto phi = [&](double a) { return (((c[4] * a + c[3]) * a + c[2]) * a + c[1]) * a + c[0]; };
  double best = 0, best_phi = phi(0);
  for (const double a : real_cubic_roots(4 * c[4], 3 * c[3], 2 * c[2], c[1]))  // φ′ = 0
    if (a > 0 && phi(a) < best_phi) {
      best = a;
      best_phi = phi(a);
    }
  return best;
}

inline std::vector<Point2> steepest_descent_exact(const Point2& theta0, int steps) {
  std::vector<Point2> path{theta0};
  for (int t = 0; t < steps; ++t) {
    const auto [x, y] = path.back();
    const Point2 g{-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
    const double alpha = exact_step(path.back(), {-g[0], -g[1]});
    path.push_back({x - alpha * g[0], y - alpha * g[1]});
  }
  return path;
}

}  // namespace descent::exercises
