/// \file
/// Risteski, lecture 5, slide “The mother of all optimization algorithms”: by Taylor,
/// f(x + Δ) ≈ f(x) + Δᵀ∇f(x), and the Δ with ‖Δ‖ <= ε that decreases the linearization most
/// is −ε∇f/‖∇f‖. Checked here by scanning directions; for other norms the same argument gives
/// the minimum −ε‖∇f‖_* (the dual norm) at another direction; and for f itself the best
/// direction on the circle ‖Δ‖ = ε tends to −∇f/‖∇f‖ as ε → 0, off by an angle O(ε).

#include <cmath>
#include <numbers>
#include <string>

#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/problems/quadratic.hpp"
#include "risteski05/sections.hpp"

namespace descent::chapters::risteski05 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// ‖u‖_p for p = 1, 2 and ∞ (p = 0 stands for ∞).
double p_norm(double a, double b, int p) {
  if (p == 1) return std::fabs(a) + std::fabs(b);
  if (p == 2) return std::hypot(a, b);
  return std::max(std::fabs(a), std::fabs(b));
}

//! [slide-steepest-descent]
// The steepest-descent direction of the linearization for the norm ‖·‖_p, in closed form:
// it attains Δᵀg = −‖g‖_* on the unit ball, ‖·‖_* the dual norm (ℓ2 ↔ ℓ2, ℓ1 ↔ ℓ∞).
vector steepest_direction(const vector& g, int p) {
  if (p == 2) return -g / std::hypot(g(0), g(1));  // the slide: −∇f/‖∇f‖
  if (p == 1) {  // one coordinate: the one with the largest |∂f/∂xᵢ|
    const std::size_t i = std::fabs(g(0)) >= std::fabs(g(1)) ? 0 : 1;
    vector d({0.0, 0.0});
    d(i) = g(i) > 0 ? -1.0 : 1.0;
    return d;
  }
  return vector({g(0) > 0 ? -1.0 : 1.0, g(1) > 0 ? -1.0 : 1.0});  // ℓ∞: −sign(∇f)
}

Result steepest_descent(const Params& p) {
  // f(x, y) = x² + 3y² = ½ θᵀ diag(2, 6) θ (catalogue L2)
  const problems::Quadratic f(vector({2.0, 6.0}), vector({0.0, 0.0}), vector({1.0, 1.0}));
  const auto x = descent::to_vector(p.vector("x"));
  vector g;
  f.gradient(x, g);
  if (g(0) == 0 && g(1) == 0)
    throw invalid_argument(
        "x is the minimizer, where grad f = 0 and no direction descends; "
        "allowed: any other point");
  const auto n = p.integer("directions");
  if (n % 8 != 0)
    throw invalid_argument(
        "directions must be a multiple of 8 (the scan then contains the "
        "corners of the l1 and l-infinity balls); allowed: 8, 16, ...");
  Result result;
  auto& table = result.table("steepest directions of the linearization",
                             {"norm", "closed form d1", "d2", "min d^T grad f = -|grad f|_*",
                              "scan: best d1", "d2", "scan: min d^T grad f"});
  for (const auto& [p_value, name] :
       {std::pair<int, std::string>{2, "l2"}, {1, "l1"}, {0, "linf"}}) {
    const vector d = steepest_direction(g, p_value);
    // Brute force: n directions u(φ) = (cos φ, sin φ), scaled onto the unit sphere of the norm.
    double best = INFINITY, b0 = 0, b1 = 0;
    for (long k = 0; k < n; ++k) {
      const double phi = 2 * std::numbers::pi * double(k) / double(n);
      const double s = p_norm(std::cos(phi), std::sin(phi), p_value);
      const double u0 = std::cos(phi) / s, u1 = std::sin(phi) / s;
      const double slope = u0 * g(0) + u1 * g(1);
      if (slope < best) {
        best = slope;
        b0 = u0;
        b1 = u1;
      }
    }
    const double slope = d(0) * g(0) + d(1) * g(1);
    table.add({name, d(0), d(1), slope, b0, b1, best});
    result.value("d1_" + name, d(0));
    result.value("d2_" + name, d(1));
    result.value("slope_" + name, slope);
    result.value("scan_d1_" + name, b0);
    result.value("scan_d2_" + name, b1);
    result.value("scan_slope_" + name, best);
  }
  // For f itself: the best Δ on the circle ‖Δ‖ = ε, where the derivative along the circle,
  // ∇f(x + εu(φ))ᵀu′(φ), vanishes; bisection on φ within ±0.5 rad of the direction −∇f.
  const double phi_g = std::atan2(-g(1), -g(0));
  auto& offsets = result.table("true f on the circle |Delta| = epsilon",
                               {"epsilon", "angle offset to -grad f (rad)", "offset / epsilon"});
  vector gy;
  for (const double eps : p.vector("epsilons")) {
    auto along = [&](double phi) {
      f.gradient(vector({x(0) + eps * std::cos(phi), x(1) + eps * std::sin(phi)}), gy);
      return -gy(0) * std::sin(phi) + gy(1) * std::cos(phi);
    };
    double lo = phi_g - 0.5, hi = phi_g + 0.5;  // along < 0 at lo, > 0 at hi: a minimum between
    if (!(along(lo) < 0 && along(hi) > 0))
      throw invalid_argument("epsilon " + short_number(eps) +
                             " is too large for the bracket around -grad f; allowed: smaller "
                             "epsilon (e.g. <= 0.5)");
    for (int k = 0; k < 200 && hi - lo > 1e-16; ++k) {
      const double mid = 0.5 * (lo + hi);
      (along(mid) < 0 ? lo : hi) = mid;
    }
    const double offset = 0.5 * (lo + hi) - phi_g;
    offsets.add({eps, offset, offset / eps});
    result.value("offset_" + short_number(eps), offset);
  }

  // The figure: contours of f, the balls of radius r around x, and each norm's direction.
  const auto box = common::box_from(p);
  const double r = p.number("radius");
  common::add_grid(result, "landscape", f, box.x, box.y);
  auto& l2 = result.add_series("ball_l2", {"theta1", "theta2"});
  for (int k = 0; k <= 120; ++k) {
    const double phi = 2 * std::numbers::pi * k / 120;
    l2.add({x(0) + r * std::cos(phi), x(1) + r * std::sin(phi)});
  }
  auto& l1 = result.add_series("ball_l1", {"theta1", "theta2"});
  auto& linf = result.add_series("ball_linf", {"theta1", "theta2"});
  for (const auto& [a, b] : {std::pair{1, 0}, {0, 1}, {-1, 0}, {0, -1}, {1, 0}})
    l1.add({x(0) + r * a, x(1) + r * b});
  for (const auto& [a, b] : {std::pair{1, 1}, {-1, 1}, {-1, -1}, {1, -1}, {1, 1}})
    linf.add({x(0) + r * a, x(1) + r * b});
  std::vector<std::pair<std::string, std::string>> layers;
  for (const std::string name : {"l2", "l1", "linf"}) {
    const vector d = steepest_direction(g, name == "l2" ? 2 : name == "l1" ? 1 : 0);
    result.add_series("d_" + name, {"theta1", "theta2"})
        .add({x(0), x(1)})
        .add({x(0) + r * d(0), x(1) + r * d(1)});
  }
  auto panel = common::plane_panel("contours of f = x² + 3y²; balls of radius r around x",
                                   {{"d_l2", "steepest, ℓ2: −∇f/‖∇f‖"},
                                    {"d_l1", "steepest, ℓ1: one coordinate"},
                                    {"d_linf", "steepest, ℓ∞: −sign(∇f)"},
                                    {"ball_l2", "ℓ2 ball"},
                                    {"ball_l1", "ℓ1 ball"},
                                    {"ball_linf", "ℓ∞ ball"}});
  panel.xlabel = "x";
  panel.ylabel = "y";
  panel.equal_aspect = true;  // a ball of the l2 norm is a circle
  // Level sets through x and around it: the l2 direction crosses the one through x at a
  // right angle.
  const double fx = f.value(x);
  panel.layers.push_back(common::contour_layer(
      "landscape", {fx / 8, fx / 4, fx / 2, 0.75 * fx, fx, 1.5 * fx, 2 * fx, 3 * fx}));
  common::frame(panel, box);
  result.figures.push_back({"slide-steepest-descent",
                            "Steepest descent: the best direction of the linearization per norm",
                            {panel},
                            "The slide has no picture; f, x and the norms other than l2 are the "
                            "companion's."});
  return result;
}
//! [slide-steepest-descent]

app::Item steepest_descent_item() {
  return {"slide-steepest-descent",
          "Steepest descent: argmin over |Delta| <= eps of Delta^T grad f is -eps grad f/|grad f|",
          "Risteski lecture 5, slide \"The mother of all optimization algorithms\"",
          {Param::vector("x", "1,1", Provenance::companion,
                         "the point x where f = x^2 + 3y^2 is linearized", 2, 2,
                         Interval::closed(-1e6, 1e6)),
           Param::integer("directions", "3600", Provenance::companion,
                          "directions scanned (a multiple of 8)", Interval::closed(8, 1e7)),
           Param::vector("epsilons", "0.1,0.01,0.001", Provenance::companion,
                         "radii epsilon for the true f", 1, 10, Interval::closed(1e-9, 0.5)),
           Param::number("radius", "0.5", Provenance::companion, "radius r of the drawn balls",
                         Interval{0, 1e6, true, false}),
           common::box_param("-0.5,2.5,-0.5,2.5", Provenance::companion),
           common::contour_grid_param("61", Provenance::companion)},
          steepest_descent};
}

}  // namespace

void add_steepest_descent(app::Chapter& chapter) {
  chapter.add(steepest_descent_item());
}

}  // namespace descent::chapters::risteski05
