#pragma once
/// \file
/// Exercise (MEDL §4.5, Figures 4.8 and 4.9; the catalogue's suggested exercises E4 and E5):
/// exact line search on Rosenbrock (4.9), and the zig-zag of steepest descent that uses it.
///
/// Along a ray, φ(α) = C(θ + αθ_d) of Rosenbrock is a quartic polynomial in α, so the exact line
/// search (4.43) is exact: its minimizer is a root of the cubic φ′. E4: write the quartic's
/// coefficients and the search; the tests compare with exact rational arithmetic and the book's
/// α ≈ 0.00165 at θ = (0.8, 0) (Figure 4.8). E5: steepest descent with that search from
/// θ⁽⁰⁾ = (0.4, −0.2) (Figure 4.9); the tests check the zig-zag property g⁽ᵗ⁾ᵀg⁽ᵗ⁺¹⁾ = 0 of
/// (4.45) over 1000 steps and the iterates against numpy.
///
/// (4.43) omits it: the search is over α > 0.
///
/// Fill it in, then check it:
///
///     scripts/exercises check exact_line_search
///
/// Stuck? `scripts/exercises hint exact_line_search` gives a nudge first, then the equations.

#include <array>
#include <vector>

#include "descent/core/error.hpp"

namespace descent::exercises {

/// A point or a direction of the plane, (θ₁, θ₂).
using Point2 = std::array<double, 2>;

/// The coefficients c_0 ... c_4 of φ(α) = C(θ + αd) = Σ_k c_k α^k for Rosenbrock
/// C(θ) = (1 − θ₁)² + 100(θ₂ − θ₁²)².
///
/// TODO: substitute θ + αd into (4.9) and collect the powers of α.
inline std::array<double, 5> rosenbrock_ray_quartic(const Point2& theta, const Point2& d) {
  (void)theta;
  (void)d;
  throw descent::not_implemented(
      "rosenbrock_ray_quartic in chapters/medl04/exercises/exact_line_search.hpp");
}

/// E4: the exact line search step, the global minimizer of φ over α > 0 (d a descent
/// direction, so one exists).
///
/// TODO: find the real roots of the cubic φ′ and keep the positive one with the smallest φ.
inline double exact_step(const Point2& theta, const Point2& d) {
  (void)theta;
  (void)d;
  throw descent::not_implemented("exact_step in chapters/medl04/exercises/exact_line_search.hpp");
}

/// E5: steepest descent with exact line search, θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ − α⁽ᵗ⁾∇C(θ⁽ᵗ⁾): the iterates
/// θ⁽⁰⁾ = theta0, θ⁽¹⁾, ..., θ⁽ˢᵗᵉᵖˢ⁾.
///
/// TODO: Algorithm 4.1 with the direction −∇C and your exact_step.
inline std::vector<Point2> steepest_descent_exact(const Point2& theta0, int steps) {
  (void)theta0;
  (void)steps;
  throw descent::not_implemented(
      "steepest_descent_exact in chapters/medl04/exercises/exact_line_search.hpp");
}

}  // namespace descent::exercises
