/// \file
/// Aggarwal §3.4.1 (Figure 3.9, the bowls) and §3.5 "Gradient-Descent Strategies", first-order
/// part: learning-rate decay
/// (3.5.1), momentum (Figures 3.11, 3.12), Nesterov (3.5.2.1), the parameter-specific rates
/// AdaGrad, RMSProp, RMSProp with Nesterov, AdaDelta and Adam (3.5.3) in the book's own
/// forms, the cliff of Figure 3.13 with gradient clipping (3.5.5), Polyak averaging (3.5.7)
/// and Exercise 6. The book gives formulas only; the test surfaces and settings are the
/// catalogue's (provenance "companion").

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "aggarwal03/outcome.hpp"
#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/optim/averaging.hpp"
#include "descent/problems/quadratic.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// Aggarwal's bowls L = x² + c·y² = ½(2x² + 2c y²).
problems::Quadratic bowl(double c, const vector& start) {
  return {vector({2.0, 2 * c}), vector({0.0, 0.0}), start};
}

// A 1-d objective from closed forms (the book's surfaces are pictures without formulas).
class Curve1d final : public problems::Objective {
 public:
  Curve1d(std::string name, double (*f)(double), double (*d)(double), double start)
      : name_(std::move(name)), f_(f), d_(d), start_(start) {}
  [[nodiscard]] std::string name() const override { return name_; }
  [[nodiscard]] std::size_t dimension() const override { return 1; }
  [[nodiscard]] double value(const vector& t) const override { return f_(t(0)); }
  void gradient(const vector& t, vector& g) const override { g = vector({d_(t(0))}); }
  [[nodiscard]] vector initial_point() const override { return vector({start_}); }

 private:
  std::string name_;
  double (*f_)(double);
  double (*d_)(double);
  double start_;
};

// The first t with ‖W‖ < tolerance, NaN if none before the run stopped (and why it stopped).
struct Reach {
  double steps;
  Status status;
};
Reach iterations_to(const problems::Objective& C, const common::Run& r, double tolerance);

// Declares the NaN of a target not reached, and says in the status why it was not.
void note_not_reached(Result& result, const std::string& label, const std::string& target,
                      const std::string& table_column, const std::string& value,
                      const Reach& reach) {
  if (!std::isnan(reach.steps)) return;
  const std::string why = target + " not reached";
  result.allow_non_finite(table_column, why);
  result.allow_non_finite("values:" + value, why);
  add_status(result, label + ": " + why + " (" + reach.status.to_string() + ")");
}

// --- figure-3.9 ---------------------------------------------------------------------

//! [figure-3.9]
Result figure_3_9(const Params& p) {
  const auto x0 = descent::to_vector(p.vector("x0"));
  const auto circle = bowl(1, x0);   // L = x² + y²
  const auto ellipse = bowl(4, x0);  // L = x² + 4y²
  const auto box = common::box_from(p);
  Result result;
  auto& table = result.table("steepest descent", {"bowl", "alpha", "steps to |W| < 1e-6"});
  std::vector<report::Panel> panels;
  for (const auto& [name, C, alpha] : {std::tuple<std::string, const problems::Quadratic*, double>{
                                           "circle", &circle, p.number("alpha_circle")},
                                       {"ellipse", &ellipse, p.number("alpha_ellipse")}}) {
    common::Run r;
    r.schedule = optim::Schedule::fixed_rate(alpha);
    r.iterations = 20;
    const auto run = common::run(*C, r, x0);
    common::add_path(result, name, run);
    r.iterations = 10000;
    const auto reach = iterations_to(*C, r, 1e-6);
    table.add({name, alpha, reach.steps});
    result.value("steps_" + name, reach.steps);
    note_not_reached(result, name, "|W| < 1e-6", "steepest descent:steps to |W| < 1e-6",
                     "steps_" + name, reach);
    for (int t = 1; t <= 4; ++t)
      if (const auto* it = common::at(run, t)) {  // none past a divergence
        result.value("w1_" + name + "_" + std::to_string(t), it->theta(0));
        result.value("w2_" + name + "_" + std::to_string(t), it->theta(1));
      }
    // Contours through the first iterates: each step leaves its level set at a right angle.
    std::vector<double> levels;
    for (std::size_t t = 0; t < run.iterates.size() && levels.size() < 8; ++t)
      if (const double v = run.iterates[t].value; v > 1e-12 && std::isfinite(v))
        levels.insert(levels.begin(), v);
    if (name == "circle")  // one step reaches 0: draw circles of radius 1, 2, ... instead
      levels = {1, 4, 9, 16, 25};
    common::add_grid(result, "landscape_" + name, *C, box.x, box.y);
    auto panel = common::plane_panel(name == "circle" ? "(a) L = x² + y²" : "(b) L = x² + 4y²",
                                     {{name, "steepest descent"}});
    panel.xlabel = "x";
    panel.ylabel = "y";
    panel.layers.push_back(common::contour_layer("landscape_" + name, levels));
    common::frame(panel, box);
    panels.push_back(panel);
  }
  result.figures.push_back({"figure-3.9", "Figure 3.9: a circular and an elliptical bowl", panels,
                            "Start (4, 1) and the step sizes are the catalogue's; the contours "
                            "of (b) pass through the iterates."});
  return result;
}
//! [figure-3.9]

app::Item figure_3_9_item() {
  return {"figure-3.9",
          "Steepest descent on a circular and an elliptical bowl",
          "Aggarwal §3.4.1, Figure 3.9",
          {common::x0_param("4,1", Provenance::companion),
           Param::number("alpha_circle", "0.5", Provenance::companion, "step size on x^2 + y^2",
                         Interval::greater_than(0)),
           Param::number("alpha_ellipse", "0.2", Provenance::companion, "step size on x^2 + 4 y^2",
                         Interval::greater_than(0)),
           common::box_param("-1,5,-2,2", Provenance::companion),
           common::contour_grid_param("81", Provenance::companion)},
          figure_3_9};
}

// --- section-3.5.1 ------------------------------------------------------------------

Result decay_schedules(const Params& p) {
  const double alpha = p.number("alpha0"), k = p.number("k");
  const auto exponential = optim::Schedule::exponential(alpha, std::exp(-k));  // α₀e^{−kt}
  const auto inverse = optim::Schedule::inverse(alpha, k);                     // α₀/(1 + kt)
  const auto step =
      optim::Schedule::step_decay(alpha, p.number("factor"), static_cast<int>(p.integer("every")));
  Result result;
  auto& table = result.table("schedules", {"t", "exponential", "inverse", "step"});
  for (const double t : p.vector("t")) {
    const int ti = static_cast<int>(t);
    table.add({t, exponential.at(ti), inverse.at(ti), step.at(ti)});
    result.value("exponential_" + std::to_string(ti), exponential.at(ti));
    result.value("inverse_" + std::to_string(ti), inverse.at(ti));
    result.value("step_" + std::to_string(ti), step.at(ti));
  }
  return result;
}

app::Item decay_schedules_item() {
  return {"section-3.5.1",
          "Learning-rate decay: exponential, inverse and step",
          "Aggarwal §3.5.1",
          {Param::number("alpha0", "0.1", Provenance::companion, "initial rate alpha_0",
                         Interval::greater_than(0)),
           Param::number("k", "0.1", Provenance::companion, "decay rate k", Interval::at_least(0)),
           Param::number("factor", "0.5", Provenance::book, "step decay factor",
                         Interval{0, 1, true, false}),
           Param::integer("every", "5", Provenance::book, "epochs between drops",
                          Interval::closed(1, 1e6)),
           Param::vector("t", "0,1,4,5,9,10,12,20,50", Provenance::companion, "epochs t", 1, 30,
                         Interval::closed(0, 1e6))},
          decay_schedules};
}

Reach iterations_to(const problems::Objective& C, const common::Run& r, double tolerance) {
  auto rule = optim::make_rule(r.rule, r.options);
  optim::DescentOptions o;
  o.stop.max_iterations = r.iterations;
  o.schedule = r.schedule;
  o.record_every = r.iterations;
  int hit = -1;
  o.observer = [&](const optim::Iterate& it) {
    if (hit < 0 && std::hypot(it.theta(0), it.theta(1)) < tolerance) hit = it.t;
  };
  const auto run = optim::descend(C, *rule, C.initial_point(), o);
  return {hit < 0 ? std::numeric_limits<double>::quiet_NaN() : double(hit), run.status};
}

// --- figure-3.11 --------------------------------------------------------------------

//! [figure-3.11]
Result figure_3_11(const Params& p) {
  const auto C = bowl(p.number("c"), descent::to_vector(p.vector("x0")));
  Result result;
  auto& table = result.table("to |W| < tolerance", {"method", "alpha", "beta", "iterations"});
  std::vector<std::pair<std::string, std::string>> paths;
  for (const double beta : {0.0, p.number("beta")}) {
    common::Run r;
    r.rule = "heavy-ball";  // V ⇐ βV − α∂L/∂W; W ⇐ W + V; β = 0 is plain GD
    r.options.beta = beta;
    r.schedule = optim::Schedule::fixed_rate(p.number("alpha"));
    r.iterations = static_cast<int>(p.integer("iterations"));
    const std::string name = beta == 0 ? "gd" : "momentum";
    const auto reach = iterations_to(C, r, p.number("tolerance"));
    table.add({name, p.number("alpha"), beta, reach.steps});
    result.value("iterations_" + name, reach.steps);
    note_not_reached(result, name, "|W| < tolerance", "to |W| < tolerance:iterations",
                     "iterations_" + name, reach);
    r.iterations = 40;
    const auto path = common::run(C, r, C.initial_point());
    common::add_path(result, name, path);
    if (reach.status.reason != StopReason::diverged)  // else said above
      note_divergence(result, name + ", first 40 steps", path.status);
    paths.emplace_back(name, name == "gd" ? "without momentum" : "with momentum");
  }
  const auto box = common::box_from(p);
  common::add_grid(result, "landscape", C, box.x, box.y);
  auto panel = common::plane_panel("L = x² + c y², first 40 steps", paths);
  panel.xlabel = "x";
  panel.ylabel = "y";
  panel.layers.push_back(common::contour_layer("landscape", {0.25, 1, 2.25, 4, 6.25, 9, 16, 25}));
  common::frame(panel, box);
  result.figures.push_back({"figure-3.11",
                            "Figure 3.11: momentum smooths the zigzag",
                            {panel},
                            "The book's figure is a sketch; this is the catalogue's bowl, with "
                            "contours L = 0.25, 1, 2.25, ..., 25."});
  return result;
}
//! [figure-3.11]

app::Item figure_3_11_item() {
  return {"figure-3.11",
          "Momentum against plain GD on an ill-conditioned bowl",
          "Aggarwal §3.5.2, Figure 3.11",
          {common::x0_param("4,1", Provenance::companion),
           Param::number("c", "25", Provenance::companion, "L = x^2 + c y^2",
                         Interval::greater_than(0)),
           common::alpha_param("0.036", Provenance::companion),
           common::beta_param("0.5", Provenance::companion),
           Param::number("tolerance", "1e-6", Provenance::companion,
                         "stop counting when |W| < tolerance", Interval::greater_than(0)),
           common::iterations_param("10000", Provenance::companion, 1e6),
           common::box_param("-1,5,-1.5,1.5", Provenance::companion),
           common::contour_grid_param("81", Provenance::companion)},
          figure_3_11};
}

// --- figure-3.12 --------------------------------------------------------------------

Result figure_3_12(const Params& p) {
  const Curve1d marble(
      "(w^2-1)^2 + 0.3 w", [](double w) { return (w * w - 1) * (w * w - 1) + 0.3 * w; },
      [](double w) { return 4 * w * (w * w - 1) + 0.3; }, p.number("w0"));
  Result result;
  auto& table = result.table("where the marble stops", {"beta", "w_T", "L(w_T)"});
  auto& curve = result.add_series("L", {"w", "L"});
  for (int i = 0; i <= 300; ++i) {
    const double w = -1.6 + 3.8 * i / 300;
    curve.add({w, marble.value(vector({w}))});
  }
  report::Panel a;  // (a) the landscape, where each marble starts and stops
  a.title = "(a) L(w) = (w² − 1)² + 0.3 w";
  a.xlabel = "w";
  a.ylabel = "L";
  a.layers = {{"L", "w", "L", report::Layer::Style::lines, "L(w)"}};
  report::Panel b;  // (b) the paths wₜ
  b.title = "(b) wₜ, first 300 steps: plain GD stays in the local minimum";
  b.xlabel = "t";
  b.ylabel = "w";
  for (const double beta : p.vector("betas")) {
    common::Run r;
    r.rule = "heavy-ball";
    r.options.beta = beta;
    r.schedule = optim::Schedule::fixed_rate(p.number("alpha"));
    r.iterations = static_cast<int>(p.integer("iterations"));
    r.record_every = 10;
    const auto run = common::run(marble, r, marble.initial_point());
    note_divergence(result, "beta = " + short_number(beta), run.status);
    table.add({beta, run.last().theta(0), run.last().value});
    result.value("w_beta" + short_number(beta), run.last().theta(0));
    const std::string name = "beta=" + short_number(beta);
    auto& path = result.add_series(name, {"t", "w", "L"});
    for (const auto& it : run.iterates) path.add({double(it.t), it.theta(0), it.value});
    auto& end = result.add_series("end " + name, {"w", "L"});
    end.add({run.last().theta(0), run.last().value});
    a.layers.push_back({"end " + name, "w", "L", report::Layer::Style::points,
                        "where β = " + short_number(beta) + " stops"});
    b.layers.push_back({name, "t", "w", report::Layer::Style::lines, "β = " + short_number(beta)});
  }
  const double start = marble.value(marble.initial_point());
  result.add_series("start", {"w", "L"}).add({p.number("w0"), start});
  a.yrange = std::pair{-1.0, std::isfinite(start) ? std::max(3.0, 1.1 * start) : 3.0};
  b.xrange =
      std::pair{0.0, std::min(300.0, double(p.integer("iterations")))};  // the action is early
  a.layers.push_back({"start", "w", "L", report::Layer::Style::points, "start w₀"});
  result.figures.push_back({"figure-3.12",
                            "Figure 3.12: momentum rolls the marble out of a local minimum",
                            {a, b},
                            "The book's figure is a sketch of a marble on a surface; this is the "
                            "catalogue's double well L(w) = (w² − 1)² + 0.3 w."});
  return result;
}

app::Item figure_3_12_item() {
  return {"figure-3.12",
          "Momentum rolls the marble out of a local minimum",
          "Aggarwal §3.5.2, Figure 3.12",
          {Param::number("w0", "2", Provenance::companion, "start w0"),
           common::alpha_param("0.01", Provenance::companion),
           Param::vector("betas", "0,0.9", Provenance::companion, "momentum values", 1, 6,
                         Interval{0, 1, false, true}),
           common::iterations_param("2000", Provenance::companion, 1e6)},
          figure_3_12};
}

// --- the book's forms of §3.5.2.1 and §3.5.3 on x² + 4y² ----------------------------

Result rule_on_bowl(const Params& p, const std::string& rule) {
  const auto C = bowl(4, descent::to_vector(p.vector("x0")));
  common::Run r;
  r.rule = rule;
  r.options.beta = p.number("beta");
  r.options.gamma = p.number("rho");  // Aggarwal's ρ is the library's γ (second moment)
  r.options.rho = p.number("rho");    // and Adadelta's ρ
  r.options.epsilon = p.number("epsilon");
  r.schedule = optim::Schedule::fixed_rate(p.number("alpha"));
  r.iterations = static_cast<int>(p.integer("iterations"));
  const auto run = common::run(C, r, C.initial_point());
  Result result;
  auto& table = result.table("iterates", common::checkpoint_columns());
  common::add_checkpoints(result, table, rule, run, {1, 2, 3, 10, 100});
  result.status = run.status.to_string();
  return result;
}

std::vector<Param> bowl_params(const std::string& alpha, const std::string& beta,
                               const std::string& rho, const std::string& epsilon) {
  return {common::x0_param("4,1", Provenance::companion),
          common::alpha_param(alpha, Provenance::companion),
          common::beta_param(beta, Provenance::companion, "momentum beta (rho_f for Adam)"),
          Param::number("rho", rho, Provenance::companion,
                        "decay rho of the squared-gradient average A", Interval{0, 1, false, true}),
          common::epsilon_param(epsilon, Provenance::companion),
          common::iterations_param("100", Provenance::companion, 1e6)};
}

app::Item nesterov_item() {
  return {"section-3.5.2.1", "Nesterov momentum: the gradient at W + beta V", "Aggarwal §3.5.2.1",
          bowl_params("0.1", "0.9", "0.9", "0"),
          [](const Params& p) { return rule_on_bowl(p, "nesterov-sutskever"); }};
}

app::Item adagrad_item() {
  return {"eq-3.40", "AdaGrad with epsilon inside the root", "Aggarwal §3.5.3.1, Eq. (3.40)",
          bowl_params("0.5", "0.9", "0.9", "0"),
          [](const Params& p) { return rule_on_bowl(p, "adagrad-inside"); }};
}

app::Item rmsprop_item() {
  return {"eq-3.41",
          "RMSProp with epsilon inside the root",
          "Aggarwal §3.5.3.2, Eq. (3.41)",
          bowl_params("0.1", "0.9", "0.9", "0"),
          [](const Params& p) { return rule_on_bowl(p, "rmsprop-inside"); },
          /*errata=*/common::errata({"aggarwal-3-41"})};
}

app::Item rmsprop_nesterov_item() {
  return {"eq-3.42", "RMSProp with Nesterov momentum", "Aggarwal §3.5.3.3, Eq. (3.42)",
          bowl_params("0.01", "0.9", "0.9", "0"),
          [](const Params& p) { return rule_on_bowl(p, "rmsprop-nesterov"); }};
}

app::Item adadelta_item() {
  return {"eq-3.43",
          "AdaDelta in its working form (Zeiler; the printed form never moves)",
          "Aggarwal §3.5.3.4, Eq. (3.43)",
          bowl_params("1", "0.9", "0.95", "1e-6"),
          [](const Params& p) { return rule_on_bowl(p, "adadelta-zeiler"); },
          /*errata=*/common::errata({"aggarwal-3-43"})};
}

app::Item adadelta_printed_item() {
  return {"eq-3.43-printed",
          "AdaDelta exactly as printed: delta starts at 0, W never moves",
          "Aggarwal §3.5.3.4, Eq. (3.43)",
          bowl_params("1", "0.9", "0.95", "0"),
          [](const Params& p) { return rule_on_bowl(p, "adadelta-aggarwal-printed"); },
          /*errata=*/common::errata({"aggarwal-3-43"})};
}

app::Item adam_item() {
  return {"eq-3.46",
          "Adam as Aggarwal writes it: alpha_t and sqrt(A + epsilon)",
          "Aggarwal §3.5.3.5, Eqs. (3.44)-(3.46)",
          bowl_params("0.1", "0.9", "0.999", "0"),
          [](const Params& p) { return rule_on_bowl(p, "adam-aggarwal"); },
          /*errata=*/common::errata({"aggarwal-3-41", "aggarwal-3-46"})};
}

// --- figure-3.13 and section-3.5.5 --------------------------------------------------

//! [figure-3.13]
Result cliff(const Params& p) {
  const Curve1d C(
      "cliff", [](double x) { return 0.1 * (x - 4) * (x - 4) + 5 * (1 - std::tanh(10 * (x - 3))); },
      [](double x) {
        const double s = 1 / std::cosh(10 * (x - 3));
        return 0.2 * (x - 4) - 50 * s * s;
      },
      p.number("x0"));
  Result result;
  auto& table = result.table("runs", {"clipping", "max step", "max x", "x_T"});
  // the loss curve is drawn from the start to past the farthest finite landing point
  double lo = std::min(0.0, p.number("x0")) - 0.5, hi = std::max(7.0, p.number("x0") + 0.5);
  bool far = false;  // an iterate beyond |x| = 1e100 (or not finite): a diverged run
  for (const bool clipped : {false, true}) {
    auto rule = optim::make_rule("gd");
    optim::DescentOptions o;
    o.stop.max_iterations = static_cast<int>(p.integer("iterations"));
    o.schedule = optim::Schedule::fixed_rate(p.number("alpha"));
    if (clipped) o.clipping = {optim::Clipping::Kind::value, p.number("threshold")};
    const auto run = optim::descend(C, *rule, C.initial_point(), o);
    note_divergence(result, clipped ? "clipped" : "plain", run.status);
    double max_step = 0, max_x = -INFINITY;
    std::size_t jump = 0;  // the iterate the largest step lands on
    for (std::size_t k = 0; k < run.iterates.size(); ++k) {
      const auto& it = run.iterates[k];
      if (it.step_norm > max_step) max_step = it.step_norm, jump = k;
      max_x = std::max(max_x, it.theta(0));
    }
    const std::string name = clipped ? "clipped" : "plain";
    table.add({name, max_step, max_x, run.last().theta(0)});
    result.value("max_step_" + name, max_step);
    result.value("max_x_" + name, max_x);
    result.value("x_T_" + name, run.last().theta(0));
    auto& path = result.add_series(name, {"t", "x", "L"});
    for (const auto& it : run.iterates) {
      const double x = it.theta(0);
      // a diverged run's last iterates leave the drawable range: L is then not drawn
      path.add({double(it.t), x,
                std::fabs(x) <= 1e100 ? C.value(vector({x}))
                                      : std::numeric_limits<double>::quiet_NaN()});
      if (std::fabs(x) <= 1e100)
        hi = std::max(hi, x + 0.5);
      else
        far = true;
    }
    if (!clipped && jump > 0) {  // the overshoot: the largest step, from the cliff's edge
      auto& leap = result.add_series("jump", {"x", "L"});
      for (const std::size_t k : {jump - 1, jump}) {
        const double x = run.iterates[k].theta(0);
        leap.add({x, std::fabs(x) <= 1e100 ? C.value(vector({x}))
                                           : std::numeric_limits<double>::quiet_NaN()});
      }
    }
  }
  for (const std::string name : {"plain", "clipped"})
    if (far) result.allow_non_finite(name + ":L", "past |x| = 1e100 the loss is not drawn");
  if (far) result.allow_non_finite("jump:L", "past |x| = 1e100 the loss is not drawn");
  auto& curve = result.add_series("loss", {"x", "L"});
  for (int i = 0; i <= 400; ++i) {
    const double x = lo + (hi - lo) * i / 400;
    curve.add({x, C.value(vector({x}))});
  }
  report::Panel a;
  a.title = "(a) L(x): the runs agree on the gentle slope; at the cliff the plain step jumps";
  a.xlabel = "x";
  a.ylabel = "L(x)";
  report::Layer plain{"plain", "x", "L", report::Layer::Style::points, "no clipping"};
  plain.markers = true;
  // the loss curve last, so that each run has the same colour in both panels
  a.layers = {plain,
              {"clipped", "x", "L", report::Layer::Style::points,
               "clipped to [−" + short_number(p.number("threshold")) + ", " +
                   short_number(p.number("threshold")) + "]"},
              {"jump", "x", "L", report::Layer::Style::linespoints, "the largest step"},
              {"loss", "x", "L", report::Layer::Style::lines, "L(x)"}};
  report::Panel b;
  b.title = "(b) x(t), with and without value clipping";
  b.xlabel = "t";
  b.ylabel = "x";
  b.layers = {{"plain", "t", "x", report::Layer::Style::lines, "no clipping"},
              {"clipped", "t", "x", report::Layer::Style::lines,
               "clipped to [−" + short_number(p.number("threshold")) + ", " +
                   short_number(p.number("threshold")) + "]"}};
  result.figures.push_back({"figure-3.13",
                            "Figure 3.13: a cliff in the loss; a plain gradient step jumps off it "
                            "past the optimum, a clipped one walks down",
                            {a, b},
                            "L = 0.1(x − 4)² + 5(1 − tanh(10(x − 3))) is the catalogue's cliff; "
                            "the book's figure is a sketch of a surface."});
  return result;
}
//! [figure-3.13]

app::Item cliff_item() {
  return {"figure-3.13",
          "A cliff: plain GD overshoots, value clipping does not",
          "Aggarwal §3.5.4-3.5.5, Figure 3.13",
          {Param::number("x0", "0", Provenance::companion,
                         "start x0 (within +-1e100, where the drawn loss stays finite)",
                         Interval::closed(-1e100, 1e100)),
           common::alpha_param("0.1", Provenance::companion),
           Param::number("threshold", "1", Provenance::companion, "clip to [-t, t]",
                         Interval::greater_than(0)),
           common::iterations_param("400", Provenance::companion, 1e6)},
          cliff};
}

// --- section-3.5.7 ------------------------------------------------------------------

Result polyak(const Params& p) {
  const double beta = p.number("beta");
  optim::PolyakAverage simple(optim::PolyakAverage::Kind::simple);
  optim::PolyakAverage recursive(optim::PolyakAverage::Kind::exponential, beta);
  optim::PolyakAverage corrected(optim::PolyakAverage::Kind::bias_corrected, beta);
  const auto T = p.integer("T");
  double num = 0, den = 0;  // the explicit Σβ^{T−i}W_i / Σβ^{T−i}
  for (long i = 1; i <= T; ++i) {
    const vector w({double(i)});  // W_i = i
    simple.add(w);
    recursive.add(w);
    corrected.add(w);
    num = beta * num + double(i);
    den = beta * den + 1;
  }
  Result result;
  auto& table = result.table("averages of W_i = i", {"average", "value"});
  table.add({std::string("simple (3.57)"), simple.value()(0)});
  table.add({std::string("explicit exponential"), num / den});
  table.add({std::string("recursive, W_0 = 0"), recursive.value()(0)});
  table.add({std::string("recursive / (1 - beta^T)"), corrected.value()(0)});
  result.value("simple", simple.value()(0));
  result.value("explicit", num / den);
  result.value("recursive", recursive.value()(0));
  result.value("corrected", corrected.value()(0));
  return result;
}

app::Item polyak_item() {
  return {"section-3.5.7",
          "Polyak averaging: simple, exponential, bias-corrected",
          "Aggarwal §3.5.7, Eq. (3.57)",
          {common::beta_param("0.9", Provenance::companion, "exponential decay beta"),
           Param::integer("T", "10", Provenance::companion, "number of iterates W_i = i",
                          Interval::closed(1, 1e6))},
          polyak,
          /*errata=*/common::errata({"aggarwal-3-5-7"})};
}

// --- exercise-6 ---------------------------------------------------------------------

class XY10 final : public problems::Objective {
 public:
  [[nodiscard]] std::string name() const override { return "x^2 + y^10"; }
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  [[nodiscard]] double value(const vector& t) const override {
    return t(0) * t(0) + std::pow(t(1), 10);
  }
  void gradient(const vector& t, vector& g) const override {
    g = vector({2 * t(0), 10 * std::pow(t(1), 9)});
  }
  [[nodiscard]] vector initial_point() const override { return vector({0.5, 0.5}); }
};

using report::Series;

// The series {t, x, y, C, |y|} of a run of exercise 6, for its figure.
void add_xy10_path(Result& result, const std::string& name, const optim::Trajectory& run) {
  auto& s = result.add_series(name, {"t", "x", "y", "C", "|y|"});
  for (const auto& it : run.iterates)
    s.add({double(it.t), it.theta(0), it.theta(1), it.value, std::fabs(it.theta(1))});
}

// The drawn part of a path in `box`: its iterates up to the first that leaves the box, and
// the point where that step crosses the border (gnuplot draws no segment with an end outside).
void add_framed_path(Result& result, const std::string& name, const Series& path,
                     const common::Box& box) {
  auto& s = result.add_series(name, {"x", "y"});
  const auto inside = [&](double x, double y) {
    return x >= box.x.lo && x <= box.x.hi && y >= box.y.lo && y <= box.y.hi;
  };
  const auto x = path.column("x"), y = path.column("y");
  for (std::size_t k = 0; k < path.rows.size(); ++k) {
    const auto& r = path.rows[k];
    if (inside(r[x], r[y])) {
      s.add({r[x], r[y]});
      continue;
    }
    if (k > 0 && std::isfinite(r[x]) && std::isfinite(r[y])) {
      // the largest fraction f of the step from the last iterate that stays in the box
      const auto& q = path.rows[k - 1];
      double f = 1;
      const auto clip = [&](double from, double to, double lo, double hi) {
        if (to < lo) f = std::min(f, (lo - from) / (to - from));
        if (to > hi) f = std::min(f, (hi - from) / (to - from));
      };
      clip(q[x], r[x], box.x.lo, box.x.hi);
      clip(q[y], r[y], box.y.lo, box.y.hi);
      s.add({q[x] + f * (r[x] - q[x]), q[y] + f * (r[y] - q[y])});
    }
    break;
  }
}

// The exercise asks for the trajectories as plots: (a) both over the contours of
// x^2 + y^10, (b) x and y against t from the first start, (c) |y| from the second, which
// explodes.
void add_exercise_6_figure(Result& result, const XY10& C, const std::vector<double>& a,
                           const std::vector<double>& b) {
  const common::Box box{{-0.1, 2.2, 116}, {-0.1, 2.2, 116}};
  common::add_grid(result, "landscape", C, box.x, box.y);
  add_framed_path(result, "framed_a", result.find_series("path_a"), box);
  add_framed_path(result, "framed_b", result.find_series("path_b"), box);
  const auto start = [](const std::vector<double>& s) {
    return "from (" + short_number(s[0]) + ", " + short_number(s[1]) + ")";
  };
  using report::Layer;
  report::Panel left;
  left.title = "(a) over contours of L = x² + y¹⁰ (levels e⁻⁷ … e⁷)";
  left.xlabel = "x";
  left.ylabel = "y";
  common::frame(left, box);
  left.layers = {
      common::contour_layer("landscape", common::exp_levels(-7, 7, 1)),
      {"framed_a", "x", "y", Layer::Style::linespoints, start(a)},
      {"framed_b", "x", "y", Layer::Style::linespoints, start(b) + ", to the frame's edge"}};
  report::Panel middle;
  middle.title = "(b) " + start(a) + ": x and |y| against t";
  middle.xlabel = "iteration t";
  middle.ylabel = "coordinate";
  middle.logy = true;
  middle.layers = {{"path_a", "t", "x", Layer::Style::lines, "x"},
                   {"path_a", "t", "|y|", Layer::Style::lines, "|y|"}};
  report::Panel right;
  right.title = "(c) " + start(b) + ": |y| against t";
  right.xlabel = "iteration t";
  right.ylabel = "|y|";
  right.logy = true;
  right.layers = {{"path_b", "t", "|y|", Layer::Style::linespoints, "|y|"}};
  result.figures.push_back(report::Figure{
      "exercise-6",
      "Exercise 6: steepest descent at a constant learning rate on L = x² + y¹⁰ from two starts",
      {left, middle, right},
      "From the first start x falls geometrically while y creeps (the gradient 10y⁹ vanishes "
      "near y = 0); from the second the gradient 10y⁹ throws y far out of the frame and the run "
      "diverges. Runs of more than 2000 steps are drawn every iterations/2000 steps, and whole "
      "over their last 50."});
}

Result exercise_6(const Params& p) {
  const XY10 C;
  Result result;
  auto& table = result.table("runs", {"start", "t", "x", "y", "status"});
  int k = 0;
  for (const auto& start : {p.vector("start_a"), p.vector("start_b")}) {
    common::Run r;
    r.schedule = optim::Schedule::fixed_rate(p.number("alpha"));
    r.iterations = static_cast<int>(p.integer("iterations"));
    // the drawn path: at most ~2000 points, and the last 50 steps whole (a divergence)
    r.record_every = std::max(1, r.iterations / 2000);
    r.keep_last = 50;
    const auto run = common::run(C, r, descent::to_vector(start));
    const std::string name = k++ == 0 ? "a" : "b";
    add_xy10_path(result, "path_" + name, run);
    if (run.status.reason == StopReason::diverged)
      result.allow_non_finite("path_" + name,
                              "the iterates of a run that diverged (the status "
                              "says where)");
    note_divergence(result, "from " + short_number(start[0]) + "," + short_number(start[1]),
                    run.status);
    const auto& last = run.last();
    table.add({short_number(start[0]) + "," + short_number(start[1]), double(last.t), last.theta(0),
               last.theta(1), run.status.to_string()});
    result.value("x_" + name, last.theta(0));
    result.value("y_" + name, last.theta(1));
    result.value("t_" + name, last.t);
    result.value("diverged_" + name, run.status.reason == StopReason::diverged ? 1 : 0);
  }
  add_exercise_6_figure(result, C, p.vector("start_a"), p.vector("start_b"));
  return result;
}

app::Item exercise_6_item() {
  return {"exercise-6",
          "Steepest descent on x^2 + y^10 from (0.5, 0.5) and (2, 2)",
          "Aggarwal Chapter 3, Exercise 6",
          {Param::vector("start_a", "0.5,0.5", Provenance::book, "first start", 2, 2),
           Param::vector("start_b", "2,2", Provenance::book, "second start", 2, 2),
           common::alpha_param("0.01", Provenance::companion),
           common::iterations_param("10000", Provenance::companion, 1e6)},
          exercise_6};
}

}  // namespace

void add_figure_3_9(app::Chapter& chapter) {
  chapter.add(figure_3_9_item());
}

void add_section_3_5(app::Chapter& chapter) {
  chapter.add(decay_schedules_item());
  chapter.add(figure_3_11_item());
  chapter.add(figure_3_12_item());
  chapter.add(nesterov_item());
  chapter.add(adagrad_item());
  chapter.add(rmsprop_item());
  chapter.add(rmsprop_nesterov_item());
  chapter.add(adadelta_item());
  chapter.add(adadelta_printed_item());
  chapter.add(adam_item());
  chapter.add(cliff_item());
  chapter.add(polyak_item());
  chapter.add(exercise_6_item());
}

}  // namespace descent::chapters::aggarwal03
