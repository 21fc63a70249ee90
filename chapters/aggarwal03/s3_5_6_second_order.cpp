/// \file
/// Aggarwal §3.5.6 "Second-Order Derivatives": the Newton step (3.48) on a bowl and in a
/// sloping valley (Figures 3.14, 3.15), conjugate directions (Figure 3.16), conjugate gradients
/// (3.49)/(3.50) and Hessian-free optimization with the finite-difference product (3.51),
/// BFGS (3.56), saddle points (Figure 3.17), and Exercises 7, 8, 11, 12 as numeric checks.
/// The book names no test functions; the catalogue's proposals are the defaults.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>
#include <xtensor/xview.hpp>

#include "aggarwal03/outcome.hpp"
#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "common/grid.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/optim/cg.hpp"
#include "descent/optim/hessian_free.hpp"
#include "descent/optim/line_search.hpp"
#include "descent/optim/newton.hpp"
#include "descent/optim/nonlinear_cg.hpp"
#include "descent/optim/quasi_newton.hpp"
#include "descent/problems/quadratic_form.hpp"
#include "descent/problems/rosenbrock.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

constexpr double kPi = 3.14159265358979323846;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Start points of the quadratic examples: within ±1e100 their losses (1e200) and the drawn
// grids stay finite.
const Interval kStarts = Interval::closed(-1e100, 1e100);

double largest_entry(const vector& v) {
  double largest = 0;
  for (double x : v) largest = std::max(largest, std::fabs(x));
  return largest;
}

// v times the power of two that brings its largest entry into [1, 2): exact, and it keeps the
// squares of a tiny vector from underflowing (and of a huge one from overflowing).
vector scaled(const vector& v) {
  const double largest = largest_entry(v);
  if (largest == 0 || !std::isfinite(largest)) return v;
  vector s = v;
  for (auto& x : s) x = std::scalbn(x, -std::ilogb(largest));  // 2^1074 for 1e-320: no constant
  return s;
}

// ‖v‖: the same bits as sqrt(v·v) wherever that neither underflows nor overflows.
double euclidean_norm(const vector& v) {
  const double largest = largest_entry(v);
  if (largest == 0 || !std::isfinite(largest)) return largest;
  const vector s = scaled(v);
  return std::scalbn(std::sqrt(dot(s, s)), std::ilogb(largest));
}

// cos∠(a, b), on the scaled vectors.
double cosine(const vector& a, const vector& b) {
  const vector u = scaled(a), v = scaled(b);
  return dot(u, v) / (std::sqrt(dot(u, u)) * std::sqrt(dot(v, v)));
}

// L = x² + 4y² = ½WᵀHW with H = diag(2, 8)
problems::QuadraticForm bowl() {
  return {matrix{{2.0, 0.0}, {0.0, 8.0}}, vector{0.0, 0.0}};
}

// the tridiagonal T = tridiag(−1, 2, −1) of size n
matrix tridiagonal(std::size_t n) {
  matrix t = xt::zeros<double>({n, n});
  for (std::size_t i = 0; i < n; ++i) {
    t(i, i) = 2;
    if (i + 1 < n) t(i, i + 1) = t(i + 1, i) = -1;
  }
  return t;
}

// --- figure-3.14 ---------------------------------------------------------------------------

Result figure_3_14(const Params& p) {
  const auto f = bowl();
  const vector w = to_vector(p.vector("w0"));
  if (w(0) == 0 && w(1) == 0)
    throw invalid_argument(
        "w0 = (0, 0) is the optimum, where both directions vanish; allowed: "
        "any other point");
  vector g;
  f.gradient(w, g);
  matrix h;
  f.hessian(w, h);
  const vector newton = -solve(h, g);  // (3.48): −H⁻¹∇L
  const vector to_optimum = -w;
  const double cos_sd = cosine(-g, to_optimum), cos_newton = cosine(newton, to_optimum);
  Result result;
  auto& table = result.table("directions", {"direction", "d1", "d2", "angle to the optimum (deg)"});
  table.add({std::string("steepest descent -grad L"), -g(0), -g(1),
             std::acos(std::min(1.0, cos_sd)) * 180 / kPi});
  table.add({std::string("Newton -H^-1 grad L"), newton(0), newton(1),
             std::acos(std::min(1.0, cos_newton)) * 180 / kPi});
  result.value("steepest_angle_deg", std::acos(std::min(1.0, cos_sd)) * 180 / kPi);
  result.value("newton_angle_deg", std::acos(std::min(1.0, cos_newton)) * 180 / kPi);
  const vector next = w + newton;
  result.value("newton_next_1", next(0));
  result.value("newton_next_2", next(1));
  // the figure: both directions from w, the steepest one scaled to the Newton step's length
  const double scale = euclidean_norm(newton) / euclidean_norm(g);
  result.add_series("steepest", {"x", "y"})
      .add({w(0), w(1)})
      .add({w(0) - scale * g(0), w(1) - scale * g(1)});
  result.add_series("newton", {"x", "y"}).add({w(0), w(1)}).add({next(0), next(1)});
  const double r = std::max(1.0, 1.25 * euclidean_norm(w));
  common::add_grid(result, "loss", f, {-r, r, 81}, {-r / 2, r / 2, 81});
  const double l0 = f.value(w);
  report::Figure figure{
      "figure-3.14",
      "Figure 3.14: steepest descent against the Newton direction, which points at the optimum",
      {},
      "L = x² + 4y² and the point (4, 1) are the catalogue's proposal; the "
      "steepest-descent segment is scaled to the Newton step's length."};
  report::Panel panel;
  panel.title = "contours of L = x² + 4y²";
  panel.xlabel = "x";
  panel.ylabel = "y";
  panel.layers = {common::contour_layer("loss", {l0 / 16, l0 / 4, l0 / 2, l0, 2 * l0}),
                  {"steepest", "x", "y", report::Layer::Style::linespoints, "steepest descent −∇L"},
                  {"newton", "x", "y", report::Layer::Style::linespoints, "Newton −H⁻¹∇L"}};
  figure.panels = {panel};
  result.figures.push_back(figure);
  return result;
}

app::Item figure_3_14_item() {
  return {"figure-3.14",
          "The inverse Hessian turns the steepest-descent direction toward the optimum",
          "Aggarwal §3.5.6, Eq. (3.48) and Figure 3.14",
          {Param::vector("w0", "4,1", Provenance::companion, "the point on L = x^2 + 4y^2", 2, 2,
                         kStarts)},
          figure_3_14};
}

// --- figure-3.15 ---------------------------------------------------------------------------

Result figure_3_15(const Params& p) {
  // L = 10(y − 0.5x)² + 0.1(x − 5)² = ½WᵀHW − bᵀW + 2.5
  const problems::QuadraticForm f(matrix{{5.2, -10.0}, {-10.0, 20.0}}, vector{1.0, 0.0});
  const vector w0 = to_vector(p.vector("w0"));
  const double lr = p.number("lr");
  const vector optimum = *f.minimizer();
  const auto eig = eigh(f.a());  // ascending: column 0 along the valley, column 1 across it
  const vector along = xt::view(eig.vectors, xt::all(), 0);
  const vector across = xt::view(eig.vectors, xt::all(), 1);
  const auto drawn = static_cast<int>(p.integer("drawn_steps"));
  Result result;
  auto& gd_path = result.add_series("gd", {"x", "y"});
  // W − W* in the Hessian's eigenvectors: each coordinate is multiplied by 1 − lr λ per step,
  // so across the valley (λ = 25.04) it flips sign when lr > 1/λ: the bouncing the book
  // describes; along it (λ = 0.16) it shrinks slowly
  auto& coordinates = result.add_series("eigen_coordinates", {"t", "across", "along"});
  vector w = w0, g;
  int steps = 0;
  const int limit = static_cast<int>(p.integer("max_iterations"));
  for (; steps < limit && euclidean_norm(w - optimum) >= 1e-6; ++steps) {
    if (steps <= drawn) {
      gd_path.add({w(0), w(1)});
      coordinates.add({double(steps), dot(across, w - optimum), dot(along, w - optimum)});
    }
    f.gradient(w, g);
    w -= lr * g;  // lr < 2/25.04 (the parameter's range): the steps contract
  }
  if (steps <= drawn) {
    gd_path.add({w(0), w(1)});
    coordinates.add({double(steps), dot(across, w - optimum), dot(along, w - optimum)});
  }
  // From far away (|w0| ~ 1e100) the rounding of w alone exceeds 1e-6: not reached.
  const double gd_steps = euclidean_norm(w - optimum) < 1e-6 ? steps : kNaN;
  if (std::isnan(gd_steps)) {
    const std::string why = "|W - W*| < 1e-6 not reached in " + std::to_string(limit) + " steps";
    result.allow_non_finite("comparison:iterations to |W - W*| < 1e-6", why);
    result.allow_non_finite("values:gd_iterations", why);
    add_status(result, "gradient descent: " + why);
  }
  auto& newton_path = result.add_series("newton", {"x", "y"});
  const auto run = optim::newton(f, w0);
  for (const auto& it : run.trajectory.iterates) newton_path.add({it.theta(0), it.theta(1)});
  result.value("gd_iterations", gd_steps);
  result.value("newton_iterations", run.trajectory.status.iterations);
  result.value("newton_next_1", run.trajectory.after(1).theta(0));  // the start, if optimal
  result.value("newton_next_2", run.trajectory.after(1).theta(1));
  result.value("eigenvalue_min", eig.values(0));
  result.value("eigenvalue_max", eig.values(1));
  result.value("condition_number", eig.values(1) / eig.values(0));
  result.value("across_factor", 1 - lr * eig.values(1));
  result.value("along_factor", 1 - lr * eig.values(0));
  // the contour grid covers the drawn paths and the optimum, with a margin
  double x_lo = optimum(0), x_hi = optimum(0), y_lo = optimum(1), y_hi = optimum(1);
  for (const auto* s : {&gd_path, &newton_path})
    for (const auto& row : s->rows) {
      x_lo = std::min(x_lo, row[0]), x_hi = std::max(x_hi, row[0]);
      y_lo = std::min(y_lo, row[1]), y_hi = std::max(y_hi, row[1]);
    }
  const double margin = std::max(0.5, 0.1 * std::max(x_hi - x_lo, y_hi - y_lo));
  common::add_grid(result, "loss", {x_lo - margin, x_hi + margin, 121},
                   {y_lo - margin, y_hi + margin, 121}, [](double x, double y) {
                     return 10 * (y - 0.5 * x) * (y - 0.5 * x) + 0.1 * (x - 5) * (x - 5);
                   });
  auto& table = result.table("comparison", {"method", "iterations to |W - W*| < 1e-6"});
  table.add({std::string("gradient descent, lr = " + short_number(lr)), gd_steps});
  table.add({std::string("Newton (3.48)"), double(run.trajectory.status.iterations)});
  const std::string note =
      "The valley L = 10(y − x/2)² + 0.1(x − 5)² is the catalogue's proposal; the book prints no "
      "function. At the learning rate " +
      significant(lr, 4) + " (stable below 2/" + significant(eig.values(1), 4) + " = " +
      significant(2 / eig.values(1), 4) +
      ") each step multiplies the across-valley coordinate by " +
      significant(1 - lr * eig.values(1), 4) + " and the along-valley one by " +
      significant(1 - lr * eig.values(0), 4) + ".";
  report::Figure figure{"figure-3.15",
                        "Figure 3.15: gradient descent bounces across a sloping valley and moves "
                        "down it slowly; Newton jumps to the bottom",
                        {},
                        note};
  report::Panel a;
  a.title = "(a) the first " + std::to_string(drawn) + " gradient steps and the Newton step";
  a.xlabel = "x";
  a.ylabel = "y";
  a.equal_aspect = true;
  a.xrange = {x_lo - margin, x_hi + margin};  // the contour grid's box
  a.yrange = {y_lo - margin, y_hi + margin};
  report::Layer gd{"gd", "x", "y", report::Layer::Style::linespoints, "gradient descent"};
  gd.markers = true;
  report::Layer newton{"newton", "x", "y", report::Layer::Style::linespoints, "Newton"};
  newton.markers = true;
  a.layers = {common::contour_layer("loss", {0.05, 0.2, 0.5, 1, 2, 5, 10, 20, 40, 80}), gd, newton};
  report::Panel b;
  b.title = "(b) W − W* in the Hessian's eigenvectors, gradient descent";
  b.xlabel = "step t";
  b.ylabel = "coordinate of W − W*";
  b.layers = {{"eigen_coordinates", "t", "across", report::Layer::Style::linespoints,
               "across the valley (λ = " + significant(eig.values(1), 4) + ")"},
              {"eigen_coordinates", "t", "along", report::Layer::Style::lines,
               "along the valley (λ = " + significant(eig.values(0), 4) + ")"}};
  figure.panels = {a, b};
  result.figures.push_back(figure);
  return result;
}

app::Item figure_3_15_item() {
  return {"figure-3.15",
          "In a sloping valley gradient descent bounces; Newton reaches the bottom in one step",
          "Aggarwal §3.5.6, Figure 3.15",
          {Param::vector("w0", "0,3", Provenance::companion, "the start", 2, 2, kStarts),
           Param::number("lr", "0.075", Provenance::companion, "gradient-descent learning rate",
                         Interval::open(0, 0.0799)),
           Param::integer("max_iterations", "100000", Provenance::companion, "most gradient steps",
                          Interval::closed(1, 1e6)),
           Param::integer("drawn_steps", "40", Provenance::companion,
                          "gradient steps drawn in the figure", Interval::closed(1, 10000))},
          figure_3_15};
}

// --- figure-3.16 ---------------------------------------------------------------------------

// Exact line searches from w along each direction in turn (closed form (4.46) on ½WᵀHW);
// the points visited go to `path` when given.
vector along(const matrix& h, vector w, const std::vector<vector>& directions,
             report::Series* path = nullptr) {
  if (path) path->add({w(0), w(1)});
  for (const auto& q : directions) {
    const vector g = gemv(h, w);
    w += optim::exact_step_quadratic(dot(q, g), dot(q, gemv(h, q))) * q;
    if (path) path->add({w(0), w(1)});
  }
  return w;
}

Result figure_3_16(const Params& p) {
  const matrix h{{2.0, 1.0}, {1.0, 3.0}};
  const vector w0 = to_vector(p.vector("w0"));
  const auto eig = eigh(h);
  const vector e0{eig.vectors(0, 0), eig.vectors(1, 0)}, e1{eig.vectors(0, 1), eig.vectors(1, 1)};
  const vector q0{1.0, 0.0}, q1{1.0, -2.0};  // q0ᵀHq1 = 2 − 2 = 0, q0·q1 = 1
  const vector c0{1.0, 0.0}, c1{0.0, 1.0};
  Result result;
  auto& table = result.table("directions", {"set", "q0 . q1", "q0^T H q1", "W after 2 searches (x)",
                                            "W after 2 searches (y)"});
  auto add = [&](const std::string& name, const vector& a, const vector& b,
                 const std::string& key) {
    const vector w = along(h, w0, {a, b}, &result.add_series(key, {"x", "y"}));
    table.add({name, dot(a, b), dot(a, gemv(h, b)), w(0), w(1)});
    result.value(key + "_x", w(0));
    result.value(key + "_y", w(1));
    result.value(key + "_conjugacy", dot(a, gemv(h, b)));
  };
  add("(a) eigenvectors: orthogonal and conjugate", e0, e1, "eigen");
  add("(b) conjugate, not orthogonal", q0, q1, "conjugate");
  add("coordinate axes: orthogonal, not conjugate", c0, c1, "axes");
  // the figure: contours of ½WᵀHW through the start and below it, the searches along each set
  const double r = std::max(1.0, 1.6 * euclidean_norm(w0));
  auto loss = [&h](double x, double y) {
    return 0.5 * (h(0, 0) * x * x + 2 * h(0, 1) * x * y + h(1, 1) * y * y);
  };
  common::add_grid(result, "loss", {-1.45 * r, 1.45 * r, 101}, {-r, r, 101}, loss);
  const double l0 = loss(w0(0), w0(1));
  const std::vector<double> levels{l0 / 64, l0 / 16, l0 / 4, l0 / 2, l0};
  report::Figure figure{
      "figure-3.16",
      "Figure 3.16: two exact line searches along conjugate directions reach "
      "the optimum of a quadratic, (a) orthogonal eigenvectors, (b) non-orthogonal "
      "conjugate directions; along the axes they do not",
      {},
      "H = [[2, 1], [1, 3]] and the start (3, 2) are the catalogue's proposal."};
  report::Panel a;
  a.title = "(a) eigenvectors of H (orthogonal and conjugate)";
  a.xlabel = "w₁";
  a.ylabel = "w₂";
  a.xrange = {{-1.45 * r, 1.45 * r}};  // about equal scales, so orthogonal looks orthogonal
  a.yrange = {{-r, r}};
  a.layers = {
      common::contour_layer("loss", levels),
      {"eigen", "x", "y", report::Layer::Style::linespoints, "eigenvector searches"},
      {"axes", "x", "y", report::Layer::Style::linespoints, "coordinate axes (not conjugate)"}};
  report::Panel b = a;
  b.title = "(b) q₀ = (1, 0), q₁ = (1, −2): conjugate, not orthogonal";
  b.layers = {common::contour_layer("loss", levels),
              {"conjugate", "x", "y", report::Layer::Style::linespoints, "conjugate searches"}};
  figure.panels = {a, b};
  result.figures.push_back(figure);
  return result;
}

app::Item figure_3_16_item() {
  return {"figure-3.16",
          "Conjugate directions: orthogonal (eigenvectors) or not; two exact line searches reach "
          "the optimum",
          "Aggarwal §3.5.6.1, Figure 3.16",
          {Param::vector("w0", "3,2", Provenance::companion, "the start on 1/2 W^T H W", 2, 2,
                         kStarts)},
          figure_3_16,
          /*errata=*/common::errata({"aggarwal-figure-3-16"})};
}

// --- eq-3.49 ------------------------------------------------------------------------------

Result eq_3_49(const Params& p) {
  Result result;
  const auto f = bowl();
  const auto run = optim::conjugate_gradient(f.a(), f.b(), to_vector(p.vector("w0")));
  auto& steps = result.table("cg on x^2 + 4y^2", {"t", "alpha", "W1", "W2", "beta"});
  for (const auto& s : run.steps) {
    steps.add({double(s.t), s.alpha, s.theta(0), s.theta(1), s.beta});
    result.value("alpha_" + std::to_string(s.t), s.alpha);
    result.value("beta_" + std::to_string(s.t), s.beta);
  }
  result.value("bowl_iterations", run.status.iterations);
  result.value("bowl_error", euclidean_norm(run.theta));
  const auto n = static_cast<std::size_t>(p.integer("n"));
  const matrix t = tridiagonal(n);
  const vector ones = xt::ones<double>({n});
  vector ramp = xt::zeros<double>({n});
  for (std::size_t i = 0; i < n; ++i) ramp(i) = double(i + 1);
  const auto flat = optim::conjugate_gradient(t, ones, xt::zeros<double>({n}));
  const auto sloped = optim::conjugate_gradient(t, ramp, xt::zeros<double>({n}));
  auto& tri = result.table("cg on tridiag(-1, 2, -1)", {"b", "CG steps", "|W - T^-1 b|"});
  tri.add({std::string("(1, ..., 1)"), double(flat.status.iterations),
           euclidean_norm(flat.theta - solve(t, ones))});
  tri.add({std::string("(1, 2, ..., n)"), double(sloped.status.iterations),
           euclidean_norm(sloped.theta - solve(t, ramp))});
  result.value("tridiagonal_ones_iterations", flat.status.iterations);
  result.value("tridiagonal_ramp_iterations", sloped.status.iterations);
  for (std::size_t i = 0; i < n && i < 5; ++i)
    result.value("tridiagonal_ones_w" + std::to_string(i + 1), flat.theta(i));
  return result;
}

app::Item eq_3_49_item() {
  return {
      "eq-3.49",
      "Conjugate gradients (3.49)/(3.50): d steps, fewer when b excites fewer eigenvectors",
      "Aggarwal §3.5.6.1, Eqs. (3.49)-(3.50)",
      {Param::vector("w0", "4,1", Provenance::companion, "the start on x^2 + 4y^2", 2, 2, kStarts),
       Param::integer("n", "5", Provenance::companion, "size of tridiag(-1, 2, -1)",
                      Interval::closed(2, 500))},
      eq_3_49};
}

// --- eq-3.51 ------------------------------------------------------------------------------

Result eq_3_51(const Params& p) {
  const problems::Rosenbrock f;
  const vector w0 = to_vector(p.vector("w0"));
  vector g;
  f.gradient(w0, g);
  matrix h;
  f.hessian(w0, h);
  Result result;
  auto& errors = result.table("finite-difference Hv (3.51)", {"delta", "max |Hv - exact|"});
  for (const double delta : {1e-2, 1e-4, 1e-6, 1e-8}) {
    double worst = 0;
    for (const vector& v : {vector{1.0, 0.0}, vector{0.0, 1.0}}) {
      vector hv;
      optim::finite_difference_hv(f, w0, g, v, delta, hv);
      const vector exact = gemv(h, v);
      worst = std::max({worst, std::fabs(hv(0) - exact(0)), std::fabs(hv(1) - exact(1))});
    }
    errors.add({delta, worst});
    result.value("fd_error_" + short_number(delta), worst);
  }
  optim::HessianFreeOptions o;
  o.cg_iterations = static_cast<int>(p.integer("cg_iterations"));
  const auto exact = optim::hessian_free(f, w0, o);
  o.finite_difference = true;
  o.delta = p.number("delta");
  const auto fd = optim::hessian_free(f, w0, o);
  auto& runs = result.table("Hessian-free Newton",
                            {"t", "W1 (exact Hv)", "W2 (exact Hv)", "W1 (finite-difference Hv)",
                             "W2 (finite-difference Hv)"});
  const auto& a = exact.trajectory.iterates;
  const auto& b = fd.trajectory.iterates;
  for (std::size_t t = 0; t < std::max(a.size(), b.size()); ++t) {
    const auto& x = a[std::min(t, a.size() - 1)];
    const auto& y = b[std::min(t, b.size() - 1)];
    runs.add({double(t), x.theta(0), x.theta(1), y.theta(0), y.theta(1)});
    if (t <= 7) {
      result.value("exact_w" + std::to_string(t) + "_1", x.theta(0));
      result.value("exact_w" + std::to_string(t) + "_2", x.theta(1));
      result.value("fd_w" + std::to_string(t) + "_1", y.theta(0));
      result.value("fd_w" + std::to_string(t) + "_2", y.theta(1));
    }
  }
  result.value("exact_iterations", exact.trajectory.status.iterations);
  result.value("fd_iterations", fd.trajectory.status.iterations);
  result.status = "exact Hv: " + exact.trajectory.status.to_string() +
                  "; finite-difference Hv: " + fd.trajectory.status.to_string();
  return result;
}

app::Item eq_3_51_item() {
  return {"eq-3.51",
          "Hessian-free Newton: CG on exact and finite-difference Hessian-vector products",
          "Aggarwal §3.5.6.1, Eq. (3.51)",
          {Param::vector("w0", "-1.2,1", Provenance::companion, "the start on Rosenbrock", 2, 2,
                         Interval::any()),
           Param::integer("cg_iterations", "2", Provenance::companion,
                          "inner CG steps per Newton step", Interval::closed(1, 1000)),
           Param::number("delta", "1e-7", Provenance::companion,
                         "delta of the finite difference (3.51)", Interval::open(0, 1))},
          eq_3_51};
}

// --- section-3.5.6.1 --------------------------------------------------------------------------

// Nonlinear CG, which the section names (and recommends restarts for): Fletcher–Reeves and
// Polak–Ribière+ on a quadratic with exact line search, where both must be linear CG, and on
// Rosenbrock with a strong Wolfe search.
Result section_3_5_6_1(const Params& p) {
  Result result;
  const std::vector<optim::CgBeta> formulas{optim::CgBeta::fletcher_reeves,
                                            optim::CgBeta::polak_ribiere_plus};
  auto key = [](optim::CgBeta b) {
    return std::string(b == optim::CgBeta::fletcher_reeves ? "fr" : "pr");
  };
  // (1) ½WᵀTW − bᵀW with T = tridiag(−1, 2, −1), b = (1, ..., n): linear CG's n steps
  const auto n = static_cast<std::size_t>(p.integer("n"));
  const matrix t = tridiagonal(n);
  vector ramp = xt::zeros<double>({n});
  for (std::size_t i = 0; i < n; ++i) ramp(i) = double(i + 1);
  const problems::QuadraticForm quadratic(t, ramp);
  const vector zero = xt::zeros<double>({n});
  const auto linear = optim::conjugate_gradient(t, ramp, zero);
  auto& q = result.table("on 1/2 W^T T W - b^T W, exact line search",
                         {"method", "iterations", "evaluations", "max |W_t - W_t(linear CG)|",
                          "max |beta_t - beta_t(linear CG)|"});
  q.add({std::string("linear CG (3.49)/(3.50)"), double(linear.status.iterations), 0.0, 0.0, 0.0});
  for (const auto b : formulas) {
    optim::NonlinearCgOptions o;
    o.beta = b;
    // a quadratic has one local minimizer on every ray: the first is the book's (4.43)
    o.line_search = optim::ExactOptions{.rule = optim::ExactOptions::Rule::first_local};
    o.restart_every = 1000000000;  // linear CG never restarts
    o.stop.gradient_tolerance = 1e-10;
    o.stop.max_iterations = static_cast<int>(n);
    const auto run = optim::nonlinear_cg(quadratic, zero, o);
    double dw = 0, db = 0;
    const auto& it = run.trajectory.iterates;
    for (std::size_t k = 1; k < it.size() && k <= linear.steps.size(); ++k) {
      for (std::size_t i = 0; i < n; ++i)
        dw = std::max(dw, std::fabs(it[k].theta(i) - linear.steps[k - 1].theta(i)));
      db = std::max(db, std::fabs(run.betas[k - 1] - linear.steps[k - 1].beta));
    }
    q.add({std::string(optim::to_string(b)), double(run.trajectory.status.iterations),
           double(run.trajectory.evaluations), dw, db});
    result.value("quadratic_" + key(b) + "_iterations", run.trajectory.status.iterations);
    result.value("quadratic_" + key(b) + "_max_iterate_difference", dw);
    result.value("quadratic_" + key(b) + "_max_beta_difference", db);
  }
  result.value("quadratic_linear_iterations", linear.status.iterations);
  // (2) Rosenbrock with strong Wolfe
  const problems::Rosenbrock f;
  const vector w0 = to_vector(p.vector("w0"));
  auto& r = result.table(
      "on Rosenbrock, strong Wolfe line search",
      {"method", "iterations", "evaluations", "restarts", "beta+ clipped", "W1", "W2", "|grad L|"});
  std::string status;
  const auto restart_every = static_cast<int>(p.integer("restart_every"));
  for (const auto b : formulas) {
    optim::NonlinearCgOptions o;
    o.beta = b;
    std::get<optim::WolfeOptions>(o.line_search).c2 = p.number("c2");
    o.stop.gradient_tolerance = p.number("gtol");
    o.restart_every = restart_every;
    o.stop.max_iterations = 100000;
    const auto run = optim::nonlinear_cg(f, w0, o);
    const auto& last = run.trajectory.last();
    r.add({std::string(optim::to_string(b)), double(run.trajectory.status.iterations),
           double(run.trajectory.evaluations), double(run.restarts), double(run.clipped),
           last.theta(0), last.theta(1), last.gradient_norm});
    result.value("rosenbrock_" + key(b) + "_iterations", run.trajectory.status.iterations);
    result.value("rosenbrock_" + key(b) + "_evaluations", run.trajectory.evaluations);
    result.value("rosenbrock_" + key(b) + "_w1", last.theta(0));
    result.value("rosenbrock_" + key(b) + "_w2", last.theta(1));
    auto& path = result.add_series(key(b) + "_path", {"t", "x", "y", "gradient_norm"});
    for (const auto& it : run.trajectory.iterates)
      path.add({double(it.t), it.theta(0), it.theta(1), it.gradient_norm});
    status += std::string(status.empty() ? "" : "; ") + optim::to_string(b) + ": " +
              run.trajectory.status.to_string();
    // the same formula without periodic restarts (restarts only where β+ is clipped or the
    // direction is not a descent direction): drawn in panel (b) against the restarted run
    o.restart_every = 1000000000;
    o.stop.max_iterations = 10000;
    const auto free = optim::nonlinear_cg(f, w0, o);
    auto& free_path = result.add_series(key(b) + "_no_restart", {"t", "gradient_norm"});
    for (const auto& it : free.trajectory.iterates) free_path.add({double(it.t), it.gradient_norm});
    result.value("rosenbrock_" + key(b) + "_no_restart_iterations",
                 free.trajectory.status.iterations);
  }
  result.status = status;
  // how far apart the two paths are, iterate by iterate, where both exist
  const auto& fr = result.find_series("fr_path");
  const auto& pr = result.find_series("pr_path");
  double apart = 0;
  for (std::size_t k = 0; k < std::min(fr.rows.size(), pr.rows.size()); ++k)
    apart =
        std::max(apart, std::hypot(fr.rows[k][1] - pr.rows[k][1], fr.rows[k][2] - pr.rows[k][2]));
  result.value("max_iterate_distance", apart);
  common::add_grid(result, "loss", f, {-2, 2, 101}, {-1, 3, 101});
  const std::string every =
      restart_every == 0 ? std::string("d = 2") : std::to_string(restart_every);
  const std::string caption =
      "Nonlinear CG on Rosenbrock with a strong Wolfe search: Fletcher–Reeves and "
      "Polak–Ribière+. Restarted every " +
      every +
      " steps the two paths nearly coincide (step "
      "by step at most " +
      significant(apart, 4) +
      " apart): every restart is a steepest-descent "
      "step, so the β formula acts only in between. Without periodic restarts they part: " +
      std::to_string(int(result.value("rosenbrock_fr_no_restart_iterations"))) +
      " steps for Fletcher–Reeves, " +
      std::to_string(int(result.value("rosenbrock_pr_no_restart_iterations"))) +
      " for Polak–Ribière+";
  report::Figure figure{"section-3.5.6.1",
                        caption,
                        {},
                        "The book names nonlinear CG without formulas or a test function; "
                        "Rosenbrock from (−1.2, 1) is the catalogue's proposal."};
  report::Panel a;
  a.title = "(a) paths over contours of L (levels 10⁻² … 10³), restart every " + every;
  a.xlabel = "w₁";
  a.ylabel = "w₂";
  report::Layer fr_layer{"fr_path", "x", "y", report::Layer::Style::lines, "Fletcher–Reeves"};
  fr_layer.markers = true;
  a.layers = {common::contour_layer("loss", {0.01, 0.1, 1, 10, 100, 1000}),
              fr_layer,
              {"pr_path", "x", "y", report::Layer::Style::points, "Polak–Ribière+"}};
  report::Panel b;
  b.title = "(b) ‖∇L(Wₜ)‖ against the step t";
  b.xlabel = "t";
  b.ylabel = "‖∇L‖";
  b.logy = true;
  b.layers = {{"fr_path", "t", "gradient_norm", report::Layer::Style::lines,
               "Fletcher–Reeves, restart every " + every},
              {"pr_path", "t", "gradient_norm", report::Layer::Style::points,
               "Polak–Ribière+, restart every " + every},
              {"fr_no_restart", "t", "gradient_norm", report::Layer::Style::lines,
               "Fletcher–Reeves, no periodic restart"},
              {"pr_no_restart", "t", "gradient_norm", report::Layer::Style::lines,
               "Polak–Ribière+, no periodic restart"}};
  figure.panels = {a, b};
  result.figures.push_back(figure);
  return result;
}

app::Item section_3_5_6_1_item() {
  return {
      "section-3.5.6.1",
      "Nonlinear CG: Fletcher-Reeves and Polak-Ribiere+ equal linear CG on a quadratic with "
      "exact line search; on Rosenbrock they need a strong Wolfe search and restarts",
      "Aggarwal §3.5.6.1, the paragraph on nonlinear conjugate gradients",
      {Param::vector("w0", "-1.2,1", Provenance::companion, "the start on Rosenbrock", 2, 2,
                     Interval::any()),
       Param::number("c2", "0.4", Provenance::companion,
                     "strong Wolfe curvature constant (scipy's CG: 0.4; < 1/2 for Fletcher-Reeves)",
                     Interval::open(1e-4, 0.5)),
       Param::number("gtol", "1e-6", Provenance::companion, "stop at |grad L| < gtol",
                     Interval::open(0, 1)),
       Param::integer("restart_every", "0", Provenance::companion,
                      "restart with -grad L every this many steps (0: d = 2)",
                      Interval::closed(0, 1e9)),
       Param::integer("n", "5", Provenance::companion,
                      "size of tridiag(-1, 2, -1) with b = (1, ..., n)", Interval::closed(2, 200))},
      section_3_5_6_1,
      /*errata=*/common::errata({"aggarwal-3-5-6-1-words"})};
}

// --- section-3.5.6.2 ------------------------------------------------------------------------

Result section_3_5_6_2(const Params& p) {
  const auto f = bowl();
  optim::QuasiNewtonOptions o;
  o.line_search = optim::ExactOptions{};
  o.stop.gradient_tolerance = 1e-12;
  // G after each update: run BFGS for 1 and then 2 iterations
  Result result;
  auto& table = result.table("G_t", {"t", "G11", "G12", "G21", "G22"});
  for (int t = 1; t <= 2; ++t) {
    o.stop.max_iterations = t;
    const auto run = optim::bfgs(f, to_vector(p.vector("w0")), o);
    table.add({double(t), run.b(0, 0), run.b(0, 1), run.b(1, 0), run.b(1, 1)});
    const std::string k = std::to_string(t);
    result.value("G" + k + "_11", run.b(0, 0));
    result.value("G" + k + "_12", run.b(0, 1));
    result.value("G" + k + "_22", run.b(1, 1));
    result.value("alpha_" + std::to_string(t - 1), run.trajectory.last().alpha);
    result.value("W" + k + "_norm", euclidean_norm(run.trajectory.last().theta));
  }
  return result;
}

app::Item section_3_5_6_2_item() {
  return {
      "section-3.5.6.2",
      "BFGS (3.56) with exact line search ends with G = H^-1 after d steps",
      "Aggarwal §3.5.6.2, Eqs. (3.52)-(3.56)",
      {Param::vector("w0", "4,1", Provenance::companion, "the start on x^2 + 4y^2", 2, 2, kStarts)},
      section_3_5_6_2};
}

// --- figure-3.17 ---------------------------------------------------------------------------

// h(x, y) = x³ + y³: a critical point at (0, 0) where the Hessian is 0.
class CubicPlateau final : public problems::Objective {
 public:
  [[nodiscard]] std::string name() const override { return "x^3 + y^3"; }
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  [[nodiscard]] double value(const vector& w) const override {
    return w(0) * w(0) * w(0) + w(1) * w(1) * w(1);
  }
  void gradient(const vector& w, vector& g) const override {
    g = vector{3 * w(0) * w(0), 3 * w(1) * w(1)};
  }
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& w, matrix& h) const override {
    h = matrix{{6 * w(0), 0.0}, {0.0, 6 * w(1)}};
  }
  [[nodiscard]] vector initial_point() const override { return vector{3.0, 2.0}; }
};

Result figure_3_17(const Params& p) {
  Result result;
  // (a) x³: the Newton step x − f'/f'' = x − 3x²/(6x) = x/2 halves x toward the inflection
  // point 0, where f' = f'' = 0 and the step is 0/0 (§3.5.6.3)
  const auto cubic_steps = static_cast<int>(p.integer("cubic_steps"));
  auto& cubic = result.table("Newton on x^3", {"t", "x"});
  auto& cubic_path = result.add_series("cubic_newton", {"t", "x", "f"});
  const double x0 = p.number("x0");
  double x = x0;
  for (int t = 0; t <= cubic_steps; ++t) {
    if (t <= 4) {
      cubic.add({double(t), x});
      result.value("cubic_x" + std::to_string(t), x);
    }
    cubic_path.add({double(t), x, x * x * x});
    x -= 3 * x * x / (6 * x);
  }
  // the curve x³ over [−x0, 1.2 x0], both sides of the inflection point
  auto& curve = result.add_series("cubic", {"x", "f"});
  for (int i = 0; i <= 200; ++i) {
    const double xi = -x0 + 2.2 * x0 * i / 200;
    curve.add({xi, xi * xi * xi});
  }
  // the quadratic model at x0 (upright bowl 3x0²(x − x0) + 3x0(x − x0)² + x0³), whose bottom
  // x0/2 is Newton's first step
  auto& model = result.add_series("cubic_model", {"x", "q"});
  for (int i = 0; i <= 100; ++i) {
    const double xi = -0.1 * x0 + 1.3 * x0 * i / 100, d = xi - x0;
    model.add({xi, x0 * x0 * x0 + 3 * x0 * x0 * d + 3 * x0 * d * d});
  }
  // (b) x² − y²: one Newton step lands on the saddle, from anywhere
  const problems::QuadraticForm saddle(matrix{{2.0, 0.0}, {0.0, -2.0}}, vector{0.0, 0.0});
  const vector w0 = to_vector(p.vector("w0"));
  const auto run = optim::newton(saddle, w0);
  // from the saddle itself Newton takes no step: after(1) is then the start
  const vector& newton_1 = run.trajectory.after(1).theta;
  result.value("saddle_newton_1", newton_1(0));
  result.value("saddle_newton_2", newton_1(1));
  result.value("saddle_indefinite_hessians", run.indefinite_hessians);
  result.add_series("saddle_newton", {"x", "y"})
      .add({w0(0), w0(1)})
      .add({newton_1(0), newton_1(1)});
  // gradient descent from near the stable manifold escapes along y
  vector w = to_vector(p.vector("gd_w0")), g;
  const double lr = p.number("lr");
  auto& path = result.add_series("gd", {"x", "y"});
  for (int t = 0; t < 50; ++t) {
    path.add({w(0), w(1)});
    saddle.gradient(w, g);
    w -= lr * g;
  }
  path.add({w(0), w(1)});
  result.value("gd_50_x", w(0));
  result.value("gd_50_y", w(1));
  auto& table = result.table("saddle x^2 - y^2", {"method", "x", "y"});
  table.add({std::string("Newton, one step"), newton_1(0), newton_1(1)});
  table.add({std::string("gradient descent, 50 steps"), w(0), w(1)});
  // h = x³ + y³: Newton halves each coordinate toward the degenerate (0, 0); its Hessian
  // diag(6x, 6y) is singular wherever a coordinate is 0, and the run stops there.
  optim::NewtonOptions three_steps;
  three_steps.stop.max_iterations = 3;
  three_steps.stop.gradient_tolerance = 0;
  const auto plateau = optim::newton(CubicPlateau{}, w0, three_steps);
  if (plateau.trajectory.iterates.size() > 3) {
    result.value("plateau_newton3_1", plateau.trajectory.iterates[3].theta(0));
    result.value("plateau_newton3_2", plateau.trajectory.iterates[3].theta(1));
  } else {
    add_status(result, "Newton on x^3 + y^3: " + plateau.trajectory.status.to_string());
  }
  report::Figure figure{"figure-3.17",
                        "Figure 3.17: saddle points. Newton's method is attracted to the "
                        "inflection point of x³ and jumps to the saddle of x² − y²; gradient "
                        "descent escapes the saddle",
                        {},
                        "Start points and the learning rate are the catalogue's proposals; the "
                        "book draws the two functions as surfaces."};
  report::Panel a;
  a.title = "(a) f(x) = x³: Newton's steps xₜ₊₁ = xₜ/2";
  a.xlabel = "x";
  a.ylabel = "f(x)";
  report::Layer newton_a{"cubic_newton", "x", "f", report::Layer::Style::linespoints,
                         "Newton's iterates"};
  newton_a.markers = true;
  a.layers = {{"cubic", "x", "f", report::Layer::Style::lines, "f(x) = x³"},
              {"cubic_model", "x", "q", report::Layer::Style::lines, "quadratic model at x₀"},
              newton_a};
  report::Panel b;
  b.title = "(b) g(x, y) = x² − y²: Newton's one step and gradient descent";
  b.xlabel = "x";
  b.ylabel = "y";
  b.equal_aspect = true;
  double reach = 1;
  for (const auto& row : path.rows) reach = std::max({reach, std::fabs(row[0]), std::fabs(row[1])});
  reach = std::max({reach, std::fabs(w0(0)), std::fabs(w0(1))});
  common::add_grid(result, "loss", saddle, {-reach, reach, 81}, {-reach, reach, 81});
  const double top = reach * reach;
  report::Layer newton_b{"saddle_newton", "x", "y", report::Layer::Style::linespoints,
                         "Newton, one step"};
  newton_b.markers = true;
  report::Layer gd{"gd", "x", "y", report::Layer::Style::linespoints, "gradient descent"};
  gd.markers = true;
  b.layers = {
      common::contour_layer("loss", {-top / 2, -top / 4, -top / 16, 0, top / 16, top / 4, top / 2}),
      newton_b, gd};
  figure.panels = {a, b};
  result.figures.push_back(figure);
  return result;
}

app::Item figure_3_17_item() {
  return {"figure-3.17",
          "Saddle points: Newton is attracted to x^3's inflection and x^2 - y^2's saddle",
          "Aggarwal §3.5.6.3, Figure 3.17",
          {Param::number("x0", "1", Provenance::companion, "start of Newton on x^3",
                         Interval::closed(1e-100, 1e100)),
           Param::integer("cubic_steps", "6", Provenance::companion,
                          "Newton steps on x^3 drawn in panel (a)", Interval::closed(1, 60)),
           Param::vector("w0", "3,2", Provenance::companion,
                         "start of Newton on the saddle and on x^3 + y^3 (within +-1e50, so "
                         "|grad|^2 = 9(x^4 + y^4) stays finite)",
                         2, 2, Interval::closed(-1e50, 1e50)),
           Param::vector("gd_w0", "3,1e-3", Provenance::companion,
                         "start of gradient descent on the saddle", 2, 2, kStarts),
           Param::number("lr", "0.1", Provenance::companion, "gradient-descent rate",
                         Interval::open(0, 1))},
          figure_3_17,
          /*errata=*/common::errata({"aggarwal-3-5-6-3"})};
}

// --- exercises 7, 8, 11, 12 ----------------------------------------------------------------

// the 5×5 V of the catalogue (det 2)
matrix exercise_v() {
  return matrix{
      {1, 1, 0, 0, 0}, {0, 1, 1, 0, 0}, {0, 0, 1, 1, 0}, {0, 0, 0, 1, 1}, {1, 0, 0, 0, 1}};
}

// the smallest eigenvalue of the Gram matrix of the normalized q_i: > 0 iff independent
double min_gram_eigenvalue(const std::vector<vector>& q) {
  matrix m = xt::zeros<double>({q.size(), q.size()});
  for (std::size_t i = 0; i < q.size(); ++i)
    for (std::size_t j = 0; j < q.size(); ++j)
      m(i, j) = dot(q[i], q[j]) /
                (euclidean_norm(q[i]) * euclidean_norm(q[j]));  // unit vectors: scale-free
  return eigh(m).values(0);
}

Result exercise_7(const Params& p) {
  const auto d = static_cast<std::size_t>(p.integer("d"));
  const matrix h = problems::random_spd(d, static_cast<unsigned long long>(p.integer("seed")));
  vector b = xt::ones<double>({d});
  const auto run = optim::conjugate_gradient(h, b, xt::zeros<double>({d}));
  Result result;
  result.value("cg_directions", double(run.directions.size()));
  result.value("cg_min_gram_eigenvalue", min_gram_eigenvalue(run.directions));
  const auto eig = eigh(h);
  std::vector<vector> ev;
  for (std::size_t j = 0; j < d; ++j) ev.push_back(vector(xt::view(eig.vectors, xt::all(), j)));
  result.value("eigen_min_gram_eigenvalue", min_gram_eigenvalue(ev));
  // PSD counter-example: H = diag(1, 0); q = (0, 1) is conjugate to itself and to anything
  const matrix psd{{1.0, 0.0}, {0.0, 0.0}};
  const vector q{0.0, 1.0};
  result.value("psd_self_conjugacy", dot(q, gemv(psd, q)));
  return result;
}

app::Item exercise_3_7_item() {
  return {"exercise-7",
          "Conjugate directions of a strongly convex quadratic are linearly independent",
          "Aggarwal Chapter 3, Exercise 7",
          {Param::integer("d", "8", Provenance::companion, "dimension", Interval::closed(2, 100)),
           Param::integer("seed", "4", Provenance::companion, "seed of the SPD matrix",
                          Interval::closed(0, 1e9))},
          exercise_7,
          /*errata=*/common::errata({"aggarwal-3-5-6-1-convex"})};
}

Result exercise_8(const Params&) {
  const matrix v = exercise_v();
  const auto eig = eigh(gemm(xt::eval(xt::transpose(v)), v));
  const vector zero = solve(v, xt::zeros<double>({5}));
  Result result;
  result.value("min_eigenvalue_VtV", eig.values(0));  // > 0: full rank, null space {0}
  result.value("solution_norm", euclidean_norm(zero));
  return result;
}

app::Item exercise_3_8_item() {
  return {"exercise-8",
          "A vector orthogonal to d independent vectors is zero",
          "Aggarwal Chapter 3, Exercise 8",
          {},
          exercise_8};
}

Result exercise_11(const Params&) {
  const matrix t = tridiagonal(5), v = exercise_v();
  std::vector<vector> q;
  int products = 0;
  for (std::size_t k = 0; k < 5; ++k) {
    vector next = xt::view(v, k, xt::all());
    for (const auto& qi : q) {  // β_ti = −v_{t+1}ᵀHq_i / q_iᵀHq_i: Gram–Schmidt in the H product
      const vector hq = gemv(t, qi);
      ++products;
      next -= (dot(next, hq) / dot(qi, hq)) * qi;
    }
    q.push_back(next);
  }
  Result result;
  double off = 0;
  auto& table = result.table("diag(Q H Q^T)", {"i", "q_i^T H q_i"});
  for (std::size_t i = 0; i < 5; ++i) {
    for (std::size_t j = 0; j < i; ++j) off = std::max(off, std::fabs(dot(q[i], gemv(t, q[j]))));
    table.add({double(i), dot(q[i], gemv(t, q[i]))});
    result.value("diag_" + std::to_string(i), dot(q[i], gemv(t, q[i])));
  }
  result.value("max_off_diagonal", off);
  result.value("h_products", products);
  result.value("cg_h_products", 4);  // CG: one new product per new direction, d − 1
  return result;
}

app::Item exercise_3_11_item() {
  return {"exercise-11",
          "Conjugate directions from any independent set by H-Gram-Schmidt, and its cost",
          "Aggarwal Chapter 3, Exercise 11",
          {},
          exercise_11};
}

Result exercise_12(const Params& p) {
  const auto n = static_cast<std::size_t>(p.integer("n"));
  const matrix t = tridiagonal(n);
  vector b = xt::zeros<double>({n});
  for (std::size_t i = 0; i < n; ++i) b(i) = double(i + 1);
  const auto run = optim::conjugate_gradient(t, b, xt::zeros<double>({n}));
  // gradients g_t = Tθ_t − b at θ_0 = 0, θ_1, ...
  std::vector<vector> gradients{-b};
  for (const auto& s : run.steps) gradients.push_back(gemv(t, s.theta) - b);
  double conj = 0, orth = 0, grad_dir = 0;
  for (std::size_t i = 0; i < run.directions.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const auto& qi = run.directions[i];
      const auto& qj = run.directions[j];
      conj = std::max(conj, std::fabs(dot(qi, gemv(t, qj))) /
                                std::sqrt(dot(qi, gemv(t, qi)) * dot(qj, gemv(t, qj))));
    }
  for (std::size_t i = 0; i < gradients.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (euclidean_norm(gradients[i]) > 1e-10 && euclidean_norm(gradients[j]) > 1e-10)
        orth = std::max(orth, std::fabs(dot(gradients[i], gradients[j])) /
                                  (euclidean_norm(gradients[i]) * euclidean_norm(gradients[j])));
  for (std::size_t i = 1; i < gradients.size(); ++i)
    for (std::size_t j = 0; j < i && j < run.directions.size(); ++j)
      if (euclidean_norm(gradients[i]) > 1e-10)
        grad_dir = std::max(grad_dir,
                            std::fabs(dot(gradients[i], run.directions[j])) /
                                (euclidean_norm(gradients[i]) * euclidean_norm(run.directions[j])));
  Result result;
  result.value("max_conjugacy_cosine", conj);               // (d) q_iᵀHq_j = 0 for all i ≠ j
  result.value("max_gradient_cosine", orth);                // (c) gradients mutually orthogonal
  result.value("max_gradient_direction_cosine", grad_dir);  // (b) ∇L(W_{t+1}) ⟂ q_i, i <= t
  result.value("iterations", run.status.iterations);
  return result;
}

app::Item exercise_3_12_item() {
  return {"exercise-12",
          "CG directions are conjugate to all earlier ones; gradients mutually orthogonal",
          "Aggarwal Chapter 3, Exercise 12 (a)-(c)",
          {Param::integer("n", "5", Provenance::companion, "size of tridiag(-1, 2, -1)",
                          Interval::closed(2, 100))},
          exercise_12,
          /*errata=*/common::errata({"aggarwal-exercise-12-a", "aggarwal-exercise-12-d"})};
}

}  // namespace

void add_section_3_5_6(app::Chapter& chapter) {
  chapter.add(figure_3_14_item());
  chapter.add(figure_3_15_item());
  chapter.add(figure_3_16_item());
  chapter.add(eq_3_49_item());
  chapter.add(eq_3_51_item());
  chapter.add(section_3_5_6_1_item());
  chapter.add(section_3_5_6_2_item());
  chapter.add(figure_3_17_item());
  chapter.add(exercise_3_7_item());
  chapter.add(exercise_3_8_item());
  chapter.add(exercise_3_11_item());
  chapter.add(exercise_3_12_item());
}

}  // namespace descent::chapters::aggarwal03
