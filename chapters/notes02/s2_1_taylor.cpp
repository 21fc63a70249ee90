/// \file
/// Notes §2.1, Eq. (2.1): the second-order Taylor expansion of L around θ*,
/// L(θ) = L(θ*) + ∇L(θ*)ᵀ(θ − θ*) + ½(θ − θ*)ᵀHL(θ*)(θ − θ*) + o(‖θ − θ*‖²). Along a direction
/// d the remainder R(h) = L(θ* + hd) − Q(h) of the quadratic model Q is o(h²): R/h² → 0, and
/// R/h³ → D³L[d, d, d]/6, the third derivative along d (Rosenbrock is a quartic, so R is exactly
/// h³D³/6 + h⁴D⁴/24).

#include <cmath>
#include <string>
#include <vector>

#include "descent/autodiff/dual.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "notes02/sections.hpp"

namespace descent::chapters::notes02 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
namespace ad = descent::autodiff;

// Rosenbrock L(x, y) = 100(y − x²)² + (1 − x)² along the line θ* + t d, for any number type.
template <class T>
T along(const T& t, const vector& star, double d1, double d2) {
  const T x = t * d1 + star(0), y = t * d2 + star(1);
  const T a = y - x * x, b = 1.0 - x;
  return 100.0 * a * a + b * b;
}

//! [eq-2.1]
// The third derivative of t ↦ L(θ* + t d) at 0 by three nested dual numbers (each level
// seeded with tangent 1): the innermost tangent of the result is g'''(0) = D³L[d, d, d].
double third_derivative(const vector& star, double d1, double d2) {
  using D3 = ad::Dual<ad::Dual2>;
  const ad::Dual1 one(1.0, 0.0), zero(0.0, 0.0);
  const D3 t(ad::Dual2(ad::Dual1(0.0, 1.0), one), ad::Dual2(one, zero));
  return along(t, star, d1, d2).tangent.tangent.tangent;
}

Result taylor(const Params& p) {
  const problems::Rosenbrock L;
  const vector star = descent::to_vector(p.vector("theta_star"));
  const auto dirs = p.vector("directions");
  if (dirs.size() % 2 != 0)
    throw invalid_argument("directions has " + std::to_string(dirs.size()) +
                           " numbers; allowed: pairs d1,d2,d1,d2,...");
  vector g;
  matrix h;
  L.gradient(star, g);
  L.hessian(star, h);
  const double l_star = L.value(star);
  Result result;
  result.value("L_star", l_star);
  result.value("grad_1", g(0));
  result.value("grad_2", g(1));
  result.value("H_11", h(0, 0));
  result.value("H_12", h(0, 1));
  result.value("H_22", h(1, 1));
  auto& table = result.table("remainder", {"d1", "d2", "h", "L(theta*+hd)", "Q(h) (2.1)",
                                           "R(h) = L - Q", "R/h^2", "R/h^3"});
  auto& limits = result.table("third derivative", {"d1", "d2", "D3L[d,d,d]/6 (nested duals)"});
  for (std::size_t k = 0; k + 1 < dirs.size(); k += 2) {
    const vector d({dirs[k], dirs[k + 1]});
    const double slope = dot(g, d), curvature = dot(d, gemv(h, d));
    const double cubic = third_derivative(star, d(0), d(1)) / 6;
    limits.add({d(0), d(1), cubic});
    const std::string tag = std::to_string(k / 2 + 1);
    result.value("cubic_" + tag, cubic);
    for (const double step : p.vector("steps")) {
      const double value = L.value(star + step * d);
      const double model = l_star + step * slope + 0.5 * step * step * curvature;  // (2.1)
      const double r = value - model;
      table.add({d(0), d(1), step, value, model, r, r / (step * step), r / (step * step * step)});
      result.value("R_" + tag + "_" + short_number(step), r);
    }
  }
  return result;
}
//! [eq-2.1]

}  // namespace

void add_section_2_1_taylor(app::Chapter& chapter) {
  chapter.add(
      {"eq-2.1",
       "The second-order Taylor model (2.1) of Rosenbrock: the remainder is o(h^2), "
       "R/h^3 tends to the third derivative / 6",
       "Notes §2.1, Eq. (2.1)",
       {Param::vector("theta_star", "-1.2,1", Provenance::companion,
                      "the expansion point theta* (the notes give none)", 2, 2,
                      Interval::closed(-1e3, 1e3)),
        Param::vector("directions", "1,0,0.6,0.8", Provenance::companion,
                      "directions d as pairs d1,d2,...", 2, 10, Interval::closed(-1e3, 1e3)),
        Param::vector("steps", "0.1,0.01,0.001", Provenance::companion, "steps h", 1, 10,
                      Interval::closed(1e-6, 1e3))},
       taylor});
}

}  // namespace descent::chapters::notes02
