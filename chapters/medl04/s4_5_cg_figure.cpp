/// \file
/// The picture of section-4.5-cg: conjugate gradient reaches A⁻¹b in d steps where steepest
/// descent with the same exact steps (4.46) zig-zags (MEDL §4.5, (4.46)–(4.47)).

#include "medl04/s4_5_cg_figure.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "common/extent.hpp"
#include "common/grid.hpp"

namespace descent::chapters::medl04 {

namespace {

// ‖Aθ − b‖, the gradient norm of C(θ) = ½θᵀAθ − bᵀθ.
double residual(const matrix& a, const vector& b, const vector& theta) {
  const vector r = gemv(a, theta) - b;
  return std::sqrt(dot(r, r));
}

// C(θ) = ½θᵀAθ − bᵀθ, the quadratic of (4.46).
double quadratic(const matrix& a, const vector& b, const vector& theta) {
  return 0.5 * dot(theta, gemv(a, theta)) - dot(b, theta);
}

// The series {t, theta1, theta2, |A theta - b|} of a path θ⁽⁰⁾, θ⁽¹⁾, ... on the 2x2 system.
void add_path(report::Result& result, const std::string& name, const matrix& a, const vector& b,
              const std::vector<vector>& path) {
  auto& s = result.add_series(name, {"t", "theta1", "theta2", "|A theta - b|"});
  for (std::size_t t = 0; t < path.size(); ++t)
    s.add({double(t), path[t](0), path[t](1), residual(a, b, path[t])});
}

}  // namespace

void add_cg_figure(report::Result& result, const matrix& a, const vector& b, const vector& theta0,
                   const optim::CgRun& cg, const std::vector<vector>& steepest,
                   const optim::CgRun& random, const vector& random_b) {
  std::vector<vector> cg_path{theta0};  // θ⁽⁰⁾ and θ⁽ᵗ⁺¹⁾ of each step
  for (const auto& s : cg.steps) cg_path.push_back(s.theta);
  add_path(result, "cg", a, b, cg_path);
  add_path(result, "steepest", a, b, steepest);
  auto& r = result.add_series("cg_random", {"t", "|A theta - b|"});
  r.add({0.0, std::sqrt(dot(random_b, random_b))});  // θ⁽⁰⁾ = 0
  for (const auto& s : random.steps) r.add({double(s.t + 1), s.residual});

  // the contours: C − C* = (C(θ⁽⁰⁾) − C*) 4^-k, k = 0, ..., 7, with C* = C(A⁻¹b); each level
  // a quarter of the last (the ellipses shrink by half), the outermost through θ⁽⁰⁾
  const vector minimizer = solve(a, b);
  const double c_star = quadratic(a, b, minimizer), c0 = quadratic(a, b, theta0);
  std::vector<double> levels;
  for (int k = 7; k >= 0; --k) levels.push_back(c_star + (c0 - c_star) * std::pow(4.0, -k));
  // a square box around both paths, so the ellipses keep their shape
  common::Extent paths;
  for (const std::vector<vector>* path : {&std::as_const(cg_path), &steepest})
    for (const auto& theta : *path) paths.add(theta(0), theta(1));
  const common::Box box = paths.square(1.2, 1e-12, 121);
  vector theta({0.0, 0.0});
  common::add_grid(result, "contours", box.x, box.y, [&](double x, double y) {
    theta(0) = x, theta(1) = y;
    return quadratic(a, b, theta);
  });

  using report::Layer;
  report::Panel left;
  left.title = "(a) the paths over contours of C = θᵀAθ/2 − bᵀθ";
  left.xlabel = "θ₁";
  left.ylabel = "θ₂";
  common::frame(left, box);
  const auto steps = [](std::size_t points) {
    return " (" + std::to_string(points - 1) + " steps)";
  };
  left.layers = {common::contour_layer("contours", levels),
                 {"steepest", "theta1", "theta2", Layer::Style::linespoints,
                  "steepest descent, exact steps (4.46)" + steps(steepest.size())},
                 {"cg", "theta1", "theta2", Layer::Style::linespoints,
                  "conjugate gradient (4.47)" + steps(cg_path.size())}};
  // a close-up of steepest descent after its first step, where the zig-zag lives, with
  // contours sampled afresh at that scale
  report::Panel close;
  close.title = "(b) close-up after the first step: right-angle turns against CG's one step";
  close.xlabel = "θ₁";
  close.ylabel = "θ₂";
  if (steepest.size() > 2) {
    double c_lo1 = INFINITY, c_hi1 = -INFINITY, c_lo2 = INFINITY, c_hi2 = -INFINITY;
    for (std::size_t t = 1; t < steepest.size(); ++t) {
      c_lo1 = std::min(c_lo1, steepest[t](0)), c_hi1 = std::max(c_hi1, steepest[t](0));
      c_lo2 = std::min(c_lo2, steepest[t](1)), c_hi2 = std::max(c_hi2, steepest[t](1));
    }
    const double c_half = 0.6 * std::max({c_hi1 - c_lo1, c_hi2 - c_lo2, 1e-12});
    const double c1 = (c_lo1 + c_hi1) / 2, c2 = (c_lo2 + c_hi2) / 2;
    const common::Box zoom{{c1 - c_half, c1 + c_half, 121}, {c2 - c_half, c2 + c_half, 121}};
    common::add_grid(result, "contours_close", zoom.x, zoom.y, [&](double x, double y) {
      theta(0) = x, theta(1) = y;
      return quadratic(a, b, theta);
    });
    common::frame(close, zoom);
    close.layers = {common::contour_layer("contours_close", levels),
                    {"steepest", "theta1", "theta2", Layer::Style::linespoints, "steepest descent"},
                    {"cg", "theta1", "theta2", Layer::Style::linespoints, "conjugate gradient"}};
  }
  report::Panel right;
  right.title = "(c) ‖Aθ⁽ᵗ⁾ − b‖ against t";
  right.xlabel = "iteration t";
  right.ylabel = "‖Aθ − b‖";
  right.logy = true;
  right.layers = {
      {"steepest", "t", "|A theta - b|", Layer::Style::linespoints, "steepest descent, 2×2"},
      {"cg", "t", "|A theta - b|", Layer::Style::linespoints, "CG, 2×2"},
      {"cg_random", "t", "|A theta - b|", Layer::Style::linespoints,
       "CG, random SPD system, d = " + std::to_string(random_b.size())}};
  result.figures.push_back(report::Figure{
      "section-4.5-cg",
      "Conjugate gradient reaches the minimizer of a quadratic in d steps; steepest descent "
      "with exact steps zig-zags",
      steepest.size() > 2 ? std::vector<report::Panel>{left, close, right}
                          : std::vector<report::Panel>{left, right},
      "The book gives no example; the 2x2 system and the random one are the companion's."});
}

}  // namespace descent::chapters::medl04
