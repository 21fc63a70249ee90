/// \file
/// MEDL §4.6: "for simple neural networks such as logistic regression of Chapter 3, a method
/// such as Newton is highly applicable". Newton's method (4.54)–(4.56), with the closed-form
/// Hessian (4.7), against gradient descent (2.20) from the same start on a one-feature logistic
/// regression: the error of Newton's iterates is squared each step (quadratic convergence),
/// gradient descent's is multiplied by a constant below one (linear convergence).

#include <cmath>
#include <string>
#include <vector>

#include "common/extent.hpp"
#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/optim/newton.hpp"
#include "descent/problems/logistic.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// θ* is found to about 1e-16; a ratio of errors is printed only when the errors it divides are
// at least this large, so that the rounding in θ* changes it by less than about 1e-6.
constexpr double ratio_floor = 1e-10;

// The labels in {0, 1} and classes that overlap: a finite minimizer exists only when no
// threshold on x separates the classes (otherwise C decreases forever as |w| → ∞), i.e. when
// the largest x of each class exceeds the smallest x of the other.
void require_overlap(const std::vector<double>& xs, const std::vector<double>& ys) {
  if (xs.size() != ys.size())
    throw invalid_argument("y has " + std::to_string(ys.size()) + " labels for " +
                           std::to_string(xs.size()) + " points; allowed: one label per x");
  double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
  for (std::size_t i = 0; i < ys.size(); ++i) {
    if (ys[i] != 0 && ys[i] != 1) throw invalid_argument("labels must be 0 or 1; allowed: 0, 1");
    const int k = ys[i] == 1;
    lo[k] = std::min(lo[k], xs[i]);
    hi[k] = std::max(hi[k], xs[i]);
  }
  if (!(hi[0] > lo[1] && hi[1] > lo[0]))
    throw invalid_argument(
        "the classes are separable by a threshold on x, so C has no minimizer (theta* is at "
        "infinity); allowed: both labels present, each class reaching past the other's smallest "
        "x");
}

double distance(const vector& a, const vector& b) {
  return std::hypot(a(0) - b(0), a(1) - b(1));
}

// θ*: damped Newton (Armijo backtracking) from θ = 0, where the Hessian ¼·mean [1 x; x x²] is
// positive definite (far from θ* it can be singular in floating point, so the item's own start
// is not used); run to rounding level, keeping the iterate with the smallest gradient.
optim::Iterate minimizer(const problems::LogisticRegression& C) {
  optim::NewtonOptions o;
  o.line_search = optim::BacktrackingOptions{};
  o.stop.max_iterations = 200;
  o.stop.gradient_tolerance = 0;
  const auto run = optim::newton(C, C.initial_point(), o);
  const optim::Iterate* best = &run.trajectory.iterates[0];
  for (const auto& it : run.trajectory.iterates)
    if (it.gradient_norm < best->gradient_norm) best = &it;
  return *best;
}

//! [logistic-newton]
// One row of the table per iterate, and the ratios that tell the order of convergence:
// |e(t+1)| / |e(t)|^p with p = 2 for Newton and p = 1 for GD, where e(t) = θ⁽ᵗ⁾ − θ*.
void add_rows(Result& result, report::Table& table, report::Series& errors, report::Series& ratios,
              const std::string& method, const optim::Trajectory& run, const vector& theta_star,
              int power, int show_every) {
  const auto& its = run.iterates;
  const std::string tag = power == 2 ? "newton" : "gd";
  double largest = 0, last = NAN;
  for (std::size_t t = 0; t < its.size(); ++t) {
    const double e = distance(its[t].theta, theta_star);
    report::Cell ratio = std::string("-");
    if (t + 1 < its.size()) {
      const double next = distance(its[t + 1].theta, theta_star);
      if (next >= ratio_floor && e >= ratio_floor) {
        const double r = next / std::pow(e, power);
        ratio = r;
        ratios.add({double(t), r});
        largest = std::max(largest, r);
        last = r;
      }
    }
    if (e > 0) errors.add({double(t), e});  // an error of exactly 0 is off a log axis
    if (int(t) % show_every == 0 || t + 1 == its.size())
      table.add({method, double(t), its[t].theta(0), its[t].theta(1), its[t].value,
                 its[t].gradient_norm, e, ratio});
  }
  result.value(tag + "_ratio_max", largest);
  if (!std::isnan(last)) result.value(tag + "_ratio_last", last);
}

Result logistic_newton(const Params& p) {
  const auto xs = p.vector("x"), ys = p.vector("y");
  require_overlap(xs, ys);
  matrix x = matrix::from_shape({xs.size(), std::size_t(1)});
  for (std::size_t i = 0; i < xs.size(); ++i) x(i, 0) = xs[i];
  const problems::LogisticRegression C(x, descent::to_vector(ys));
  const vector theta0 = descent::to_vector(p.vector("theta0"));
  const double alpha = p.number("alpha");

  const auto star = minimizer(C);
  optim::NewtonOptions o;  // the pure step (4.54): θ_s solves H_t θ_s = −∇C (4.56), H_t by (4.7)
  o.stop.max_iterations = static_cast<int>(p.integer("newton_iterations"));
  o.stop.gradient_tolerance = 0;
  const auto newton = optim::newton(C, theta0, o);
  common::Run r;  // gradient descent (2.20): θ ← θ − α∇C
  r.schedule = optim::Schedule::fixed_rate(alpha);
  r.iterations = static_cast<int>(p.integer("iterations"));
  const auto gd = common::run(C, r, theta0);

  Result result;
  result.status =
      "Newton: " + newton.trajectory.status.to_string() + "; GD: " + gd.status.to_string();
  if (!(star.gradient_norm < 1e-12))
    result.status += "; theta* only to |grad C| = " + short_number(star.gradient_norm);
  common::report_divergence(result, "Newton", newton.trajectory,
                            {"iterates", "newton path", "newton error"});
  common::report_divergence(result, "GD", gd, {"iterates", "gd path", "gd error"});
  result.value("theta_star_b", star.theta(0));
  result.value("theta_star_w", star.theta(1));
  result.value("C_star", star.value);
  result.value("gradient_norm_at_star", star.gradient_norm);
  // Near θ*, GD multiplies the error's component along each eigenvector of H* = ∇²C(θ*) by
  // 1 − αλᵢ: the slowest mode sets the linear rate max|1 − αλᵢ| that GD's ratio tends to.
  matrix h;
  C.hessian(star.theta, h);
  const auto eig = eigh(h);
  result.value("hessian_min_eigenvalue", eig.values(0));
  result.value("hessian_max_eigenvalue", eig.values(1));
  const double gd_rate =
      std::max(std::fabs(1 - alpha * eig.values(0)), std::fabs(1 - alpha * eig.values(1)));
  result.value("gd_rate", gd_rate);

  auto& table =
      result.table("iterates", {"method", "t", "b", "w", "C(theta)", "|grad C|", "|theta - theta*|",
                                "|e(t+1)|/|e(t)|^p (p: Newton 2, GD 1)"});
  auto& newton_error = result.add_series("newton error", {"t", "error"});
  auto& gd_error = result.add_series("gd error", {"t", "error"});
  auto& newton_ratio = result.add_series("newton ratio", {"t", "ratio"});
  auto& gd_ratio = result.add_series("gd ratio", {"t", "ratio"});
  add_rows(result, table, newton_error, newton_ratio, "Newton", newton.trajectory, star.theta, 2,
           1);
  add_rows(result, table, gd_error, gd_ratio, "GD", gd, star.theta, 1,
           static_cast<int>(p.integer("table_every")));
  const auto& nit = newton.trajectory.iterates;
  for (std::size_t t = 0; t < nit.size() && t <= 8; ++t) {
    result.value("newton_b_" + std::to_string(t), nit[t].theta(0));
    result.value("newton_w_" + std::to_string(t), nit[t].theta(1));
  }
  auto first = [&](const optim::Trajectory& run, auto&& holds) -> const optim::Iterate* {
    for (const auto& it : run.iterates)
      if (holds(it)) return &it;
    return nullptr;
  };
  auto near = [&](const optim::Iterate& it) { return distance(it.theta, star.theta) < 1e-12; };
  auto flat = [](const optim::Iterate& it) { return it.gradient_norm < 1e-8; };
  if (const auto* it = first(newton.trajectory, near)) result.value("newton_steps_to_1e-12", it->t);
  if (const auto* it = first(gd, near)) result.value("gd_steps_to_1e-12", it->t);
  if (const auto* it = first(newton.trajectory, flat))
    result.value("newton_steps_grad_1e-8", it->t);
  if (const auto* it = first(gd, flat)) result.value("gd_steps_grad_1e-8", it->t);
  //! [logistic-newton]

  // The figure: (a) the errors on a log axis, (b) the ratios, (c) the paths on the contours.
  using report::Layer;
  report::Panel a;
  a.title = "(a) ‖θ⁽ᵗ⁾ − θ*‖: Newton squares it, GD multiplies it by a constant";
  a.xlabel = "iteration t";
  a.ylabel = "‖θ⁽ᵗ⁾ − θ*‖";
  a.logy = true;
  a.layers = {{"newton error", "t", "error", Layer::Style::linespoints, "Newton (4.54)"},
              {"gd error", "t", "error", Layer::Style::lines, "GD, α = " + short_number(alpha)}};
  auto& rate = result.add_series("gd rate", {"t", "rate"});
  rate.add({0, gd_rate});
  rate.add({double(gd.status.iterations), gd_rate});
  report::Panel b;
  b.title =
      "(b) Newton's ‖e⁽ᵗ⁺¹⁾‖/‖e⁽ᵗ⁾‖² stays bounded; GD's ‖e⁽ᵗ⁺¹⁾‖/‖e⁽ᵗ⁾‖ tends to "
      "max|1 − αλᵢ(H*)|";
  b.xlabel = "iteration t";
  b.ylabel = "ratio";
  b.layers = {{"newton ratio", "t", "ratio", Layer::Style::linespoints, "Newton, ‖e⁽ᵗ⁺¹⁾‖/‖e⁽ᵗ⁾‖²"},
              {"gd ratio", "t", "ratio", Layer::Style::lines, "GD, ‖e⁽ᵗ⁺¹⁾‖/‖e⁽ᵗ⁾‖"},
              {"gd rate", "t", "rate", Layer::Style::lines, "max|1 − αλᵢ(H*)|"}};
  common::add_path(result, "newton path", newton.trajectory);
  common::add_path(result, "gd path", gd);
  common::Extent paths;
  paths.add(star.theta(0), star.theta(1));
  paths.add(newton.trajectory);
  paths.add(gd);
  // A square box around both paths and θ*, so that (c) at equal aspect is not a sliver.
  const auto square = paths.square(1.3, 0.1, static_cast<int>(p.integer("contour_grid")));
  const common::Axis ax{std::max(square.x.lo, -1e4), std::min(square.x.hi, 1e4), square.x.points};
  const common::Axis ay{std::max(square.y.lo, -1e4), std::min(square.y.hi, 1e4), square.y.points};
  common::add_grid(result, "landscape", ax, ay, [&](double u, double v) {
    return C.value(vector({u, v})) - star.value;  // C − C*, for log-spaced levels
  });
  report::Panel c;
  c.title = "(c) the paths over contours of C − C* (levels 10⁻⁶, 10⁻⁵·⁵, ..., 10)";
  c.xlabel = "b";
  c.ylabel = "w";
  c.equal_aspect = true;
  c.xrange = std::pair{ax.lo, ax.hi};
  c.yrange = std::pair{ay.lo, ay.hi};
  auto contours = common::contour_layer("landscape", report::log_levels(1e-6, 10, 2));
  // Newton first, so that each method has the colour of (a) and (b).
  c.layers = {
      contours,
      {"newton path", "theta1", "theta2", Layer::Style::linespoints, "Newton"},
      {"gd path", "theta1", "theta2", Layer::Style::linespoints, "GD, α = " + short_number(alpha)}};
  c.layers[1].markers = c.layers[2].markers = true;
  result.figures.push_back(
      {"section-4.6-logistic-newton",
       "Newton's method on logistic regression (4.7): quadratic against linear convergence",
       {a, b, c},
       "The book names no data set; the nine points are the companion's, and θ* is computed "
       "(damped Newton to rounding level). Errors of exactly 0 are off the log axis of (a); "
       "ratios are drawn while both errors exceed 1e-10."});
  return result;
}

}  // namespace

app::Item logistic_newton_item() {
  return {"section-4.6-logistic-newton",
          "Newton's method on logistic regression (4.7): quadratic convergence against GD's "
          "linear",
          "MEDL §4.6 (opening and Eq. (4.56)), Eq. (4.7)",
          // (x within ±1e3 and theta0 within ±1e3: z = b + w x stays within ±1e6, where the
          // loss and its derivatives are finite)
          {Param::vector("x", "-2,-1.5,-1,-0.5,0,0.5,1,1.5,2", Provenance::companion,
                         "the scalar features x(i)", 2, 1000, Interval::closed(-1e3, 1e3)),
           Param::vector("y", "0,0,1,0,1,1,0,1,1", Provenance::companion,
                         "the labels y(i) in {0, 1}; the classes must overlap", 2, 1000),
           Param::vector("theta0", "0,0", Provenance::companion, "the start (b, w) of both methods",
                         2, 2, Interval::closed(-1e3, 1e3)),
           Param::number("alpha", "1", Provenance::companion, "GD's learning rate",
                         Interval::closed(1e-6, 100)),
           Param::integer("iterations", "150", Provenance::companion, "GD's number of steps",
                          Interval::closed(1, 1e5)),
           Param::integer("newton_iterations", "8", Provenance::companion,
                          "Newton's number of steps", Interval::closed(1, 100)),
           Param::integer("table_every", "10", Provenance::companion,
                          "the table lists every this many GD iterates (and the last)",
                          Interval::closed(1, 1e5)),
           common::contour_grid_param("121", Provenance::companion)},
          logistic_newton};
}

}  // namespace descent::chapters::medl04
