/// \file
/// MEDL §4.6 "Concepts of second-order methods", the univariate case: Newton's method
/// (4.51), its overshoot (4.52), oscillation and convergence to a maximum, the secant
/// method (4.53) and Figure 4.10.

#include <algorithm>
#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/optim/newton_1d.hpp"
#include "descent/problems/univariate.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Cell;
using report::Result;

// Where the functions stay finite, with their derivatives: the quadratic and the cubic up
// to 1e100 (C below 1e300), the quartics up to 1e6 (C below 1e24).
const Interval kModerate = Interval::closed(-1e100, 1e100);
const Interval kQuartic = Interval::closed(-1e6, 1e6);

Cell optional_cell(const std::optional<double>& x) {
  return x ? Cell{*x} : Cell{std::string()};
}

// The iterates of a univariate run as the book lists them.
void add_iterates(Result& result, const std::string& name, const optim::Trajectory1d& run,
                  const std::string& curvature_column) {
  auto& table =
      result.table(name, {"t", "theta", "C(theta)", "C'(theta)", curvature_column, "step theta_s"});
  for (const auto& it : run.iterates)
    table.add({double(it.t), it.theta, it.value, it.d1, optional_cell(it.curvature),
               optional_cell(it.step)});
  if (run.status.reason == StopReason::diverged)  // the run's status says where
    result.allow_non_finite(name, "the iterates of a run that diverged (the status says where)");
}

optim::Univariate1dOptions options_from(const Params& p) {
  optim::Univariate1dOptions options;
  options.max_iterations = static_cast<int>(p.integer("max_iterations"));
  options.step_tolerance = p.number("tolerance");
  return options;
}

Param max_iterations_param(const std::string& default_value = "50") {
  return Param::integer("max_iterations", default_value, Provenance::companion,
                        "most Newton (or secant) steps", Interval::closed(1, 10000));
}

Param tolerance_param() {
  return Param::number("tolerance", "1e-12", Provenance::companion,
                       "stop when |theta_s| <= tolerance (1 + |theta|)",
                       Interval{0, 1e-2, false, false});
}

// theta_0, theta_1, ... up to theta_last as named values, for tests and the docs.
void add_theta_values(Result& result, const optim::Trajectory1d& run, int last) {
  for (const auto& it : run.iterates)
    if (it.t <= last) result.value("theta_" + std::to_string(it.t), it.theta);
}

// --- eq-4.51 ------------------------------------------------------------------------

Result newton_on_quadratic(const Params& p) {
  const double a = p.number("a");
  if (a == 0)
    throw invalid_argument("a = 0 makes C constant in its quadratic term; allowed: a != 0");
  const auto f = problems::quadratic(a, p.number("m"), p.number("c"));
  const auto run = optim::newton_1d(f, p.number("theta0"));
  Result result;
  add_iterates(result, "iterates", run, "C''(theta)");
  add_theta_values(result, run, 2);
  result.value("iterations", run.status.iterations);
  result.status = run.status.to_string();
  return result;
}

app::Item newton_on_quadratic_item() {
  return {
      "eq-4.51",
      "Newton's method in one dimension reaches the minimum of a convex quadratic in one "
      "step",
      "MEDL §4.6, Eq. (4.51), p. 154",
      {Param::number("theta0", "0", Provenance::companion, "starting point theta(0)", kModerate),
       Param::number("a", "3", Provenance::companion,
                     "leading coefficient of C = a (theta - m)^2 + c (a != 0)", kModerate),
       Param::number("m", "2", Provenance::companion, "the stationary point m", kModerate),
       Param::number("c", "1", Provenance::companion, "the value at m", kModerate)},
      newton_on_quadratic};
}

// --- eq-4.52 ------------------------------------------------------------------------

// The series {theta, C} of a run's iterates (θ⁽ᵗ⁾, C(θ⁽ᵗ⁾)): points on the curve C.
void add_iterates_on_curve(Result& result, const std::string& name,
                           const optim::Trajectory1d& run) {
  auto& s = result.add_series(name, {"t", "theta", "C"});
  for (const auto& it : run.iterates) s.add({double(it.t), it.theta, it.value});
}

// The picture of (4.52): the curve C(θ) with its minimum 3 and maximum -1, and Newton's
// iterates on it, (a) from the book's θ⁽⁰⁾ = 1.5 (the overshoot to 5.25) and (b) from a start
// left of the inflection point θ = 1, which climbs to the maximum (MEDL p. 156).
void add_overshoot_figure(Result& result, const problems::Univariate& f,
                          const optim::Trajectory1d& run, const optim::Trajectory1d& left) {
  add_iterates_on_curve(result, "newton", run);
  add_iterates_on_curve(result, "newton_left", left);
  // the curve over every finite iterate of both runs and both extrema, widened by a tenth
  double lo = -1, hi = 3;
  for (const auto* r : {&run, &left})
    for (const auto& it : r->iterates)
      if (std::isfinite(it.theta) && std::fabs(it.theta) <= 1e6)
        lo = std::min(lo, it.theta), hi = std::max(hi, it.theta);
  const double pad = 0.1 * (hi - lo);
  auto& curve = result.add_series("curve", {"theta", "C"});
  for (int k = 0; k <= 400; ++k) {
    const double theta = (lo - pad) + (hi - lo + 2 * pad) * k / 400;
    curve.add({theta, f.value(theta)});
  }
  auto& extrema = result.add_series("extrema", {"theta", "C"});
  for (const double theta : {-1.0, 3.0}) extrema.add({theta, f.value(theta)});
  using report::Layer;
  const auto panel = [&](const std::string& title, const std::string& series,
                         const optim::Trajectory1d& r) {
    report::Panel p;
    p.title = title;
    p.xlabel = "θ";
    p.ylabel = "C(θ)";
    p.layers = {{"curve", "theta", "C", Layer::Style::lines, "C = (θ − 3)² (θ + 3)"},
                {"extrema", "theta", "C", Layer::Style::points, "maximum −1, minimum 3"},
                {series, "theta", "C", Layer::Style::linespoints,
                 "Newton iterates from θ⁽⁰⁾ = " + short_number(r.iterates.front().theta)}};
    return p;
  };
  report::Figure figure{
      "eq-4.52",
      "Eq. (4.52): Newton's method overshoots the minimum, and left of the inflection point "
      "it climbs to the maximum",
      {panel("(a) the book's start: the first step overshoots to 5.25", "newton", run),
       panel("(b) a start left of the inflection point θ = 1", "newton_left", left)},
      "Panel (b)'s start (parameter left_start) is the companion's; the book states that every "
      "start below 1 ends at the maximum."};
  if (run.status.reason == StopReason::diverged)
    result.allow_non_finite("newton",
                            "the iterates of a run that diverged (the status says where)");
  if (left.status.reason == StopReason::diverged)
    result.allow_non_finite("newton_left",
                            "the iterates of a run that diverged (the status says where)");
  result.figures.push_back(figure);
}

//! [overshoot]
Result newton_overshoot(const Params& p) {
  const auto f = problems::overshoot_cubic();  // MEDL (4.52)
  const auto options = options_from(p);
  const auto run = optim::newton_1d(f, p.number("theta0"), options);

  Result result;
  add_iterates(result, "iterates", run, "C''(theta)");
  add_theta_values(result, run, 6);
  result.value("C_theta_0", run.iterates[0].value);
  if (run.iterates.size() > 1 && run.iterates[0].step) {
    result.value("step_0", *run.iterates[0].step);
    result.value("C_theta_1", run.iterates[1].value);
  }
  if (run.iterates.size() > 6) result.value("error_theta_6", std::fabs(run.iterates[6].theta - 3));
  result.value("limit", run.final_theta());
  result.value("iterations", run.status.iterations);
  result.status = run.status.to_string();

  // Where Newton's method ends from other starts: left of the inflection point θ = 1
  // it climbs to the local maximum −1 (MEDL p. 156).
  auto& starts = result.table("starts", {"theta0", "steps", "limit", "kind", "status"});
  for (const double theta0 : p.vector("starts")) {
    const auto other = optim::newton_1d(f, theta0, options);
    starts.add({theta0, double(other.status.iterations), other.final_theta(),
                other.status.converged()
                    ? problems::classify_stationary_point(f, other.final_theta())
                    : std::string("-"),
                std::string(to_string(other.status.reason))});
  }
  add_overshoot_figure(result, f, run, optim::newton_1d(f, p.number("left_start"), options));
  return result;
}
//! [overshoot]

app::Item newton_overshoot_item() {
  return {
      "eq-4.52",
      "Newton's method overshoots on C = (theta-3)^2 (theta+3), then converges fast",
      "MEDL §4.6, Eq. (4.52), pp. 155-156",
      {Param::number("theta0", "1.5", Provenance::book, "starting point theta(0)", kModerate),
       max_iterations_param(), tolerance_param(),
       Param::vector("starts", "-2,0,0.5,0.9,0.99,1.01,1.5,2,4", Provenance::companion,
                     "other starting points: which extremum does each reach?", 1, 50, kModerate),
       Param::number("left_start", "0.5", Provenance::companion,
                     "the start of panel (b), left of the inflection point 1", kModerate)},
      newton_overshoot};
}

// --- section-4.6-oscillation --------------------------------------------------------

//! [oscillation]
Result newton_oscillation(const Params& p) {
  const auto f = problems::oscillating_quartic();
  optim::Univariate1dOptions cycle;
  cycle.max_iterations = static_cast<int>(p.integer("iterations"));
  const auto run = optim::newton_1d(f, p.number("theta0"), cycle);
  const auto perturbed = optim::newton_1d(f, p.number("perturbed"));

  Result result;
  add_iterates(result, "iterates", run, "C''(theta)");
  add_iterates(result, "perturbed", perturbed, "C''(theta)");
  add_theta_values(result, run, 2);
  // (no step where C'' = 0: at theta0 = ±sqrt(5/3) the run stops with zero curvature)
  if (run.iterates[0].step) result.value("step_0", *run.iterates[0].step);
  if (run.iterates.size() > 1 && run.iterates[1].step)
    result.value("step_1", *run.iterates[1].step);
  result.value("perturbed_limit", perturbed.final_theta());
  result.value("perturbed_iterations", perturbed.status.iterations);
  result.status = run.status.to_string() + "; perturbed start: " + perturbed.status.to_string();
  return result;
}
//! [oscillation]

app::Item newton_oscillation_item() {
  return {"section-4.6-oscillation",
          "Newton's method oscillates 1 -> -1 -> 1 on C = -theta^4/4 + 5 theta^2/2",
          "MEDL §4.6, p. 156",
          {Param::number("theta0", "1", Provenance::book, "starting point theta(0)", kQuartic),
           Param::integer("iterations", "6", Provenance::companion,
                          "Newton steps to take from theta0", Interval::closed(1, 1000)),
           Param::number("perturbed", "1.001", Provenance::companion,
                         "a nearby start, run until it converges", kQuartic)},
          newton_oscillation};
}

// --- eq-4.53 ------------------------------------------------------------------------

Result secant_method(const Params& p) {
  const auto f = problems::overshoot_cubic();
  const auto options = options_from(p);
  const double theta0 = p.number("theta0");
  const double theta1 = p.number("theta1");
  const auto run = optim::secant_1d(f, theta0, theta1, options);
  const auto newton = optim::newton_1d(f, theta1, options);

  Result result;
  add_iterates(result, "iterates", run, "secant estimate of C''");
  auto& comparison = result.table("comparison", {"method", "start", "steps", "limit", "kind"});
  auto kind = [&](const optim::Trajectory1d& r) {
    return r.status.converged() ? problems::classify_stationary_point(f, r.final_theta())
                                : std::string(to_string(r.status.reason));
  };
  comparison.add({std::string("secant (4.53)"), theta0, double(run.status.iterations),
                  run.final_theta(), kind(run)});
  comparison.add({std::string("Newton (4.51)"), theta1, double(newton.status.iterations),
                  newton.final_theta(), kind(newton)});
  add_theta_values(result, run, 8);
  result.value("limit", run.final_theta());
  result.value("secant_steps", run.status.iterations);
  result.value("newton_steps", newton.status.iterations);
  result.status = "secant: " + run.status.to_string();
  return result;
}

app::Item secant_method_item() {
  return {"eq-4.53",
          "The secant method: Newton with C'' replaced by a difference of C'",
          "MEDL §4.6, Eq. (4.53), p. 156",
          {Param::number("theta0", "1.5", Provenance::companion, "first point theta(0)", kModerate),
           Param::number("theta1", "1.6", Provenance::companion,
                         "second point theta(1), close to but not equal to theta(0)", kModerate),
           max_iterations_param(), tolerance_param()},
          secant_method};
}

// --- figure-4.10 --------------------------------------------------------------------

//! [figure-4.10-panel]
// One panel of Figure 4.10: the Newton step from θ⁽ᵗ⁾ and the local quadratic Q⁽ᵗ⁾.
void newton_panel(Result& result, const problems::Univariate& f, const std::string& panel,
                  double theta, double q_from, double q_to, report::Table& steps) {
  const double c = f.value(theta), d1 = f.d1(theta), d2 = f.d2(theta);
  if (d2 == 0)
    throw invalid_argument("theta_" + panel + " = " + short_number(theta) +
                           " is an inflection point, C'' = 0: the local quadratic is a line "
                           "with no extremum; allowed: a theta where C'' != 0");
  auto q = [&](double x) { return c + (x - theta) * d1 + 0.5 * (x - theta) * (x - theta) * d2; };
  const double next = theta + optim::newton_step(d1, d2);
  steps.add({panel, theta, c, d1, d2, next, f.value(next), q(next),
             std::string(d2 < 0 ? "concave" : "convex")});
  auto& curve = result.add_series("Q_" + panel, {"theta", "Q"});
  const int n = static_cast<int>(std::lround((q_to - q_from) / 0.01));
  for (int i = 0; i <= n; ++i) curve.add({q_from + 0.01 * i, q(q_from + 0.01 * i)});
  auto& points = result.add_series("step_" + panel, {"theta", "C"});
  points.add({theta, c});
  points.add({next, f.value(next)});
  result.add_series("vertex_" + panel, {"theta", "Q"}).add({next, q(next)});
  result.value("theta_next_" + panel, next);
}
//! [figure-4.10-panel]

Result figure_4_10(const Params& p) {
  const auto f = problems::figure_4_10_quartic();
  Result result;
  auto& steps = result.table("steps", {"panel", "theta_t", "C", "C'", "C''", "theta_t+1",
                                       "C(theta_t+1)", "Q(theta_t+1)", "Q"});
  auto& curve = result.add_series("C", {"theta", "C"});
  // C over the whole frame, −1 ≤ θ ≤ 4.2, as far right as the quadratic of (b) reaches
  for (int i = 0; i <= 520; ++i) curve.add({-1 + 0.01 * i, f.value(-1 + 0.01 * i)});
  // Ranges of the quadratics as in the authors' figure code (catalogue C44).
  newton_panel(result, f, "a", p.number("theta_a"), -1.0, 3.0, steps);
  newton_panel(result, f, "b", p.number("theta_b"), 1.5, 4.2, steps);

  report::Figure figure{"figure-4.10",
                        "Figure 4.10: Newton steps with a concave (a) and a convex (b) local "
                        "quadratic",
                        {},
                        "C(θ) = θ⁴ − 4θ³ − 2θ² + 10θ + 15 is the function of the authors' "
                        "figure code; the book prints no formula."};
  for (const std::string panel : {"a", "b"}) {
    report::Panel axes;
    axes.title = panel == "a" ? "(a) Q concave: the step heads for the maximum"
                              : "(b) Q convex: the step overshoots the minimum";
    axes.xlabel = "θ";
    axes.ylabel = "C(θ)";
    axes.xrange = {-1.0, 4.2};
    axes.yrange = {-10.0, 45.0};
    axes.layers = {
        {"C", "theta", "C", report::Layer::Style::lines, "C(θ)"},
        {"Q_" + panel, "theta", "Q", report::Layer::Style::lines, "Q⁽ᵗ⁾(θ)"},
        {"step_" + panel, "theta", "C", report::Layer::Style::points, "C at θ⁽ᵗ⁾ and θ⁽ᵗ⁺¹⁾"},
        {"vertex_" + panel, "theta", "Q", report::Layer::Style::points, "extremum of Q⁽ᵗ⁾: θ⁽ᵗ⁺¹⁾"},
        // guide lines from the θ axis up to C at θ⁽ᵗ⁾ and θ⁽ᵗ⁺¹⁾: where the step starts and lands
        {"step_" + panel, "theta", "C", report::Layer::Style::impulses, "θ⁽ᵗ⁾ → θ⁽ᵗ⁺¹⁾"},
    };
    figure.panels.push_back(axes);
  }
  result.figures.push_back(figure);
  return result;
}

app::Item figure_4_10_item() {
  return {"figure-4.10",
          "One Newton step where the local quadratic is concave (a) and convex (b)",
          "MEDL §4.6, Figure 4.10, p. 155",
          {Param::number("theta_a", "1.7", Provenance::authors,
                         "theta(t) of panel (a), where C'' < 0", kQuartic),
           Param::number("theta_b", "2.5", Provenance::authors,
                         "theta(t) of panel (b), where C'' > 0", kQuartic)},
          figure_4_10};
}

}  // namespace

void add_section_4_6(app::Chapter& chapter) {
  chapter.add(newton_on_quadratic_item());
  chapter.add(newton_overshoot_item());
  chapter.add(newton_oscillation_item());
  chapter.add(secant_method_item());
  chapter.add(figure_4_10_item());
}

}  // namespace descent::chapters::medl04
