/// \file
/// Risteski, lecture 5, the gradient-descent slides: the descent lemma checked along a
/// trajectory and its Lyapunov consequence T <= 2Mβ/ε², the rate ((κ−1)/(κ+1))ᵗ of GD on
/// quadratics, Polyak momentum's rate with its missing constant, and Nesterov's method as
/// printed (divergent) and corrected.

#include <cmath>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

#include "common/errata.hpp"
#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/core/symbols.hpp"
#include "descent/problems/peaks.hpp"
#include "descent/problems/quadratic.hpp"
#include "risteski05/sections.hpp"

namespace descent::chapters::risteski05 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

double norm2(const vector& x) {
  double s = 0;
  for (double v : x) s += v * v;
  return std::sqrt(s);
}

// f(x, y) = ½x² + ½y² + 2 cos x cos y: non-convex, bounded below, with Hessian eigenvalues
// 1 − 2cos(x ± y) ∈ [−1, 3], so ‖∇²f‖₂ <= β = 3 everywhere (catalogue L5).
class CosineBowl final : public problems::Objective {
 public:
  [[nodiscard]] std::string name() const override { return "x^2/2 + y^2/2 + 2 cos x cos y"; }
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  [[nodiscard]] double value(const vector& t) const override {
    return 0.5 * t(0) * t(0) + 0.5 * t(1) * t(1) + 2 * std::cos(t(0)) * std::cos(t(1));
  }
  void gradient(const vector& t, vector& g) const override {
    g = vector(
        {t(0) - 2 * std::sin(t(0)) * std::cos(t(1)), t(1) - 2 * std::cos(t(0)) * std::sin(t(1))});
  }
  [[nodiscard]] vector initial_point() const override { return vector({0.3, 0.1}); }
};

// The smoothness bound β, which also sets the step 1/β: from 1e-3 (steps of 1000, which
// overflow f soon enough to show) to 1e6.
Param beta_param(const std::string& help) {
  return Param::number("beta", "3", Provenance::companion, help, Interval::closed(1e-3, 1e6));
}

//! [slide-descent-lemma]
Result descent_lemma(const Params& p) {
  const CosineBowl f;
  const double beta = p.number("beta");
  common::Run r;
  r.schedule = optim::Schedule::fixed_rate(1 / beta);  // η = 1/β
  r.iterations = static_cast<int>(p.integer("iterations"));
  const auto run = common::run(f, r, descent::to_vector(p.vector("x0")));
  Result result;
  auto& table = result.table("descent lemma", {"t", "f(x_t)", "|grad f(x_t)|", "f(x_t) - f(x_t+1)",
                                               "|grad f|^2/(2 beta)", "ratio (>= 1)"});
  common::report_divergence(result, "GD", run, {"descent lemma", "values"});
  double min_ratio = INFINITY;
  for (std::size_t k = 0; k + 1 < run.iterates.size(); ++k) {
    const auto& now = run.iterates[k];
    const auto& next = run.iterates[k + 1];
    const double bound = now.gradient_norm * now.gradient_norm / (2 * beta);
    // At a stationary point (∇f = 0, or below the square root of the smallest double) the
    // bound is 0 and the lemma says nothing: no ratio.
    const report::Cell ratio =
        bound > 0 ? report::Cell{(now.value - next.value) / bound} : report::Cell{std::string("-")};
    table.add({double(now.t), now.value, now.gradient_norm, now.value - next.value, bound, ratio});
    // Below |∇f| = 1e-4 the decrease is at the rounding level of f: not a test of the lemma.
    if (now.gradient_norm >= 1e-4) min_ratio = std::min(min_ratio, std::get<double>(ratio));
  }
  for (const auto& it : run.iterates)
    if (it.t == 1 || it.t == 5 || it.t == 10 || it.t == 20) {
      result.value("f_" + std::to_string(it.t), it.value);
      result.value("x1_" + std::to_string(it.t), it.theta(0));
    }
  if (std::isfinite(min_ratio))
    result.value("min_ratio", min_ratio);
  else
    result.status += (result.status.empty() ? "" : "; ") +
                     std::string("no step with |grad f| >= 1e-4: the run tests nothing");
  return result;
}
//! [slide-descent-lemma]

app::Item descent_lemma_item() {
  return {"slide-descent-lemma",
          "The descent lemma f(x_t) - f(x_t+1) >= |grad f|^2/(2 beta) along a GD run",
          "Risteski lecture 5, slide \"Descent lemma\"",
          {common::x0_param("0.3,0.1", Provenance::companion),
           beta_param("smoothness bound beta >= |Hessian| (3 holds globally)"),
           common::iterations_param("25", Provenance::companion, 1e5)},
          descent_lemma};
}

Result lyapunov(const Params& p) {
  const CosineBowl f;
  const double beta = p.number("beta"), eps = p.number("epsilon"), low = p.number("f_low");
  const auto x0 = descent::to_vector(p.vector("x0"));
  const double M = f.value(x0) - low;
  if (!(M > 0))
    throw invalid_argument("f_low = " + short_number(low) + " is not below f(x0) = " +
                           short_number(f.value(x0)) + "; allowed: f_low < f(x0) (f >= -2)");
  common::Run r;
  r.schedule = optim::Schedule::fixed_rate(1 / beta);
  r.iterations = 100000;
  int first = -1;
  auto rule = optim::make_rule("gd");
  optim::DescentOptions o;
  o.stop.max_iterations = r.iterations;
  o.stop.gradient_tolerance = eps;  // §4.1's gradient criterion: stop at the first ‖∇f‖ < ε
  o.schedule = r.schedule;
  const auto run = optim::descend(f, *rule, x0, o);
  first = run.last().t;
  Result result;
  auto& table = result.table("Lyapunov bound", {"M = f(x0) - f_low", "beta", "epsilon",
                                                "bound 2 M beta / epsilon^2", "actual T"});
  const double bound = 2 * M * beta / (eps * eps);
  result.value("bound", bound);
  if (run.status.converged()) {
    table.add({M, beta, eps, bound, double(first)});
    result.value("actual", first);
  } else {  // the gradient never fell below epsilon: there is no T to compare
    table.add({M, beta, eps, bound, std::string("none in " + std::to_string(first))});
    common::report_divergence(result, "GD", run, {});
    if (result.status.empty())
      result.status = "|grad f| stayed >= epsilon for all " + std::to_string(first) + " steps";
  }
  return result;
}

app::Item lyapunov_item() {
  return {"slide-lyapunov",
          "The Lyapunov bound T <= 2 M beta / epsilon^2 and the actual T",
          "Risteski lecture 5, slide \"Using the descent lemma: Lyapunov functions\"",
          {common::x0_param("0.3,0.1", Provenance::companion), beta_param("smoothness bound beta"),
           Param::number("epsilon", "1e-3", Provenance::companion, "gradient tolerance",
                         Interval::closed(1e-12, 1e6)),
           Param::number("f_low", "-2", Provenance::companion,
                         "a lower bound of f, below f(x0) (f >= -2)", Interval::closed(-1e6, 1e6))},
          lyapunov};
}

// --- slide-gd-rate ------------------------------------------------------------------

//! [slide-gd-rate]
Result gd_rate(const Params& p) {
  Result result;
  auto& table = result.table("rates", {"kappa", "GD rate (k-1)/(k+1)", "GD steps to 1e-6",
                                       "measured", "momentum rate", "momentum steps to 1e-6"});
  for (const double kappa : p.vector("kappas")) {
    const double rate = (kappa - 1) / (kappa + 1);
    const double heavy = (std::sqrt(kappa) - 1) / (std::sqrt(kappa) + 1);
    const double gd_steps = std::ceil(std::log(1e6) / std::log(1 / rate));
    const double hb_steps = std::ceil(std::log(1e6) / std::log(1 / heavy));
    // Measured: GD with η = 2/(λmax + λmin) on diag(κ, 1) until ‖x_t‖ <= 1e-6 ‖x_0‖.
    const auto C = problems::Quadratic::with_condition(kappa);
    auto gd = optim::make_rule("gd");
    optim::DescentOptions o;
    // long enough for the predicted count (690,000 steps at kappa = 1e5), and then some
    o.stop.max_iterations = std::max(100000, 2 * static_cast<int>(gd_steps));
    o.schedule = optim::Schedule::fixed_rate(2 / (kappa + 1));
    int measured = -1;
    o.observer = [&](const optim::Iterate& it) {
      if (measured < 0 && norm2(it.theta) <= 1e-6 * std::sqrt(2.0)) measured = it.t;
    };
    o.record_every = o.stop.max_iterations;
    (void)optim::descend(C, *gd, C.initial_point(), o);
    table.add({kappa, rate, gd_steps,
               measured >= 0 ? report::Cell{double(measured)} : report::Cell{std::string("-")},
               heavy, hb_steps});
    result.value("gd_steps_" + short_number(kappa), gd_steps);
    if (measured >= 0) result.value("measured_" + short_number(kappa), measured);
    result.value("momentum_steps_" + short_number(kappa), hb_steps);
  }
  // ‖x₁₀‖ against the bound on diag(10, 4, 1), where it is strict.
  const problems::Quadratic three(vector({10.0, 4.0, 1.0}), vector({0.0, 0.0, 0.0}),
                                  vector({1.0, 1.0, 1.0}));
  common::Run r;
  r.schedule = optim::Schedule::fixed_rate(2.0 / 11);
  r.iterations = 10;
  const auto run = common::run(three, r, three.initial_point());
  result.value("norm_10_three", norm2(run.last().theta));
  result.value("bound_10_three", std::pow(9.0 / 11, 10) * std::sqrt(3.0));
  return result;
}
//! [slide-gd-rate]

app::Item gd_rate_item() {
  return {"slide-gd-rate",
          "GD converges like ((kappa-1)/(kappa+1))^t on quadratics",
          "Risteski lecture 5, slides \"Thm (GD rate)\"",
          {Param::vector("kappas", "2,10,100,1000", Provenance::companion,
                         "condition numbers kappa", 1, 10, Interval::closed(1.5, 1e5))},
          gd_rate};
}

// --- slide-momentum and slide-nesterov ----------------------------------------------

// The steps tabulated: 10, 50, 100 and 200 as far as the run goes, and its last step.
std::vector<int> checkpoints(int iterations) {
  std::vector<int> ts;
  for (const int t : {10, 50, 100, 200})
    if (t < iterations) ts.push_back(t);
  ts.push_back(iterations);
  return ts;
}

Result momentum_rate(const Params& p) {
  const double lmax = p.number("lambda_max"), lmin = 1;
  const problems::Quadratic C(vector({lmax, lmin}), vector({0.0, 0.0}), vector({1.0, 1.0}));
  // The optimal heavy-ball parameters: η = 4/(√λmax + √λmin)², β = ((√κ−1)/(√κ+1))².
  const double s = std::sqrt(lmax) + std::sqrt(lmin);
  const double eta = 4 / (s * s);
  const double rho = (std::sqrt(lmax) - 1) / (std::sqrt(lmax) + 1);
  // Each mode λ ∈ {λmin, λmax} has the double root r = ±ρ, so x_t = (1 + B t) r^t x_0 with
  // B from x_1 = (1 − ηλ) x_0: B = (1 − ηλ)/r − 1 (2/11 and 20/11 for κ = 100).
  const double b_min = (1 - eta * lmin) / rho - 1, b_max = (1 - eta * lmax) / -rho - 1;
  common::Run hb;
  hb.rule = "momentum-accumulate";  // the slide: v ← βv − ∇f, x ← x + ηv
  hb.options.beta = rho * rho;
  hb.schedule = optim::Schedule::fixed_rate(eta);
  hb.iterations = static_cast<int>(p.integer("iterations"));
  common::Run gd;
  gd.schedule = optim::Schedule::fixed_rate(2 / (lmax + lmin));
  gd.iterations = hb.iterations;
  const auto a = common::run(C, hb, C.initial_point());
  const auto b = common::run(C, gd, C.initial_point());
  Result result;
  auto& table = result.table("heavy ball", {"t", "|x_t| heavy ball", "ratio to rho^t |x_0|",
                                            "closed form (Jordan block)", "|x_t| GD"});
  for (const int t : checkpoints(hb.iterations)) {
    const auto* at_a = common::at(a, t);
    const auto* at_b = common::at(b, t);
    if (!at_a || !at_b) continue;
    const double x = norm2(at_a->theta);
    // ‖x_t‖ = ρᵗ√((1 + B_min t)² + (1 + B_max t)²) from x_0 = (1, 1)
    const double closed = std::pow(rho, t) * std::hypot(1 + b_min * t, 1 + b_max * t);
    // ρᵗ underflows to 0 past t ≈ 3700 at κ = 100: no ratio there
    const double scale = std::pow(rho, t) * std::sqrt(2.0);
    table.add({double(t), x, scale > 0 ? report::Cell{x / scale} : report::Cell{std::string("-")},
               closed, norm2(at_b->theta)});
    result.value("hb_" + std::to_string(t), x);
    result.value("gd_" + std::to_string(t), norm2(at_b->theta));
    result.value("closed_" + std::to_string(t), closed);
  }
  result.value("eta", eta);
  result.value("beta", rho * rho);
  return result;
}

app::Item momentum_rate_item() {
  return {"slide-momentum",
          "Polyak's momentum: rate (sqrt(kappa)-1)/(sqrt(kappa)+1), times t",
          "Risteski lecture 5, slide \"Momentum\"",
          {Param::number("lambda_max", "100", Provenance::companion, "A = diag(lambda_max, 1)",
                         Interval::closed(1.5, 1e6)),
           common::iterations_param("200", Provenance::companion, 1e5)},
          momentum_rate,
          /*errata=*/common::errata({"risteski-momentum-half", "risteski-momentum-bound"})};
}

Result nesterov_slide(const Params& p) {
  const double lmax = p.number("lambda_max");
  const problems::Quadratic C(vector({lmax, 1.0}), vector({0.0, 0.0}), vector({1.0, 1.0}));
  const double eta = 1 / lmax;
  const double beta = (std::sqrt(lmax) - 1) / (std::sqrt(lmax) + 1);
  Result result;
  auto& table =
      result.table("Nesterov", {"t", "|x_t| corrected", "(1 + t/10) 0.9^t", "|x_t| as printed"});
  common::Run corrected;
  corrected.rule = "nesterov-sutskever";  // look-ahead x + ηβv
  corrected.options.beta = beta;
  corrected.schedule = optim::Schedule::fixed_rate(eta);
  corrected.iterations = static_cast<int>(p.integer("iterations"));
  common::Run printed = corrected;
  printed.rule = "nesterov-slide-literal";  // look-ahead x + βv: diverges
  const auto a = common::run(C, corrected, C.initial_point());
  const auto b = common::run(C, printed, C.initial_point());
  for (const int t : checkpoints(corrected.iterations)) {
    const auto* at_a = common::at(a, t);
    if (!at_a) continue;
    const double x = norm2(at_a->theta);
    const auto* lit = common::at(b, t);
    table.add({double(t), x, (1 + t / 10.0) * std::pow(0.9, t),
               lit ? report::Cell{norm2(lit->theta)} : report::Cell{std::string("diverged")}});
    result.value("corrected_" + std::to_string(t), x);
    if (lit) result.value("printed_" + std::to_string(t), norm2(lit->theta));
  }
  result.value("printed_diverged", b.status.reason == StopReason::diverged ? 1 : 0);
  result.status = "as printed: " + b.status.to_string();
  return result;
}

app::Item nesterov_slide_item() {
  return {"slide-nesterov",
          "Nesterov's method corrected, and as printed (it diverges)",
          "Risteski lecture 5, slide \"Nesterov\"",
          {Param::number("lambda_max", "100", Provenance::companion, "A = diag(lambda_max, 1)",
                         Interval::closed(1.5, 1e6)),
           common::iterations_param("200", Provenance::companion, 1e5)},
          nesterov_slide,
          /*errata=*/common::errata({"risteski-nesterov"})};
}

// --- slide-stationary-points --------------------------------------------------------

// f(x, y) = x³ − 3x + y²: a local minimum at (1, 0) that is not global, a saddle at (−1, 0).
class CubicValley final : public problems::Objective {
 public:
  [[nodiscard]] std::string name() const override { return "x^3 - 3x + y^2"; }
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  [[nodiscard]] double value(const vector& t) const override {
    return t(0) * t(0) * t(0) - 3 * t(0) + t(1) * t(1);
  }
  void gradient(const vector& t, vector& g) const override {
    g = vector({3 * t(0) * t(0) - 3, 2 * t(1)});
  }
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& t, matrix& h) const override {
    h = matrix({{6 * t(0), 0.0}, {0.0, 2.0}});
  }
  [[nodiscard]] vector initial_point() const override { return vector({0.0, 0.0}); }
};

// −(x³ − 3x + y²): the same landscape upside down, whose minimum is a local maximum.
class CubicRidge final : public problems::Objective {
 public:
  [[nodiscard]] std::string name() const override { return "-(x^3 - 3x + y^2)"; }
  [[nodiscard]] std::size_t dimension() const override { return 2; }
  [[nodiscard]] double value(const vector& t) const override { return -valley_.value(t); }
  void gradient(const vector& t, vector& g) const override {
    valley_.gradient(t, g);
    g = -g;
  }
  [[nodiscard]] bool has_hessian() const override { return true; }
  void hessian(const vector& t, matrix& h) const override {
    valley_.hessian(t, h);
    h = -h;
  }
  [[nodiscard]] vector initial_point() const override { return vector({0.0, 0.0}); }

 private:
  CubicValley valley_;
};

// The picture of the slide "Types of stationary points": one panel per kind, each the contours
// of a landscape around a stationary point that critical_points found and classify named
// (the same search as the table): the minimum and the saddle of x³ − 3x + y², and the maximum
// of its negation. Levels at f(point) + {0, ±0.05, ±0.2, ±0.5, ±1, ±2}: a minimum or maximum is
// ringed, through a saddle the level f(point) crosses itself.
void add_stationary_figure(Result& result) {
  report::Figure figure{"slide-stationary-points",
                        "Types of stationary points: a (local) minimum, a (local) maximum, a "
                        "saddle point",
                        {},
                        "The slide draws no functions; the minimum and the saddle are those of "
                        "x³ − 3x + y² in the table, the maximum that of −(x³ − 3x + y²)."};
  const CubicValley valley;
  const CubicRidge ridge;
  for (const std::string kind : {"minimum", "maximum", "saddle"}) {
    const problems::Objective& f =
        kind == "maximum" ? static_cast<const problems::Objective&>(ridge) : valley;
    for (const auto& c : problems::critical_points(f, -3, 3, 13)) {
      if (c.kind != kind) continue;
      const double x0 = c.theta(0), y0 = c.theta(1);
      const common::Box box{{x0 - 1.2, x0 + 1.2, 97}, {y0 - 1.2, y0 + 1.2, 97}};
      common::add_grid(result, "f_" + kind, f, box.x, box.y);
      result.add_series("point_" + kind, {"theta1", "theta2", "f"}).add({x0, y0, c.value});
      std::vector<double> levels;
      for (const double d : {-2.0, -1.0, -0.5, -0.2, -0.05, 0.0, 0.05, 0.2, 0.5, 1.0, 2.0})
        levels.push_back(c.value + d);
      // which way the landscape falls: gradient-descent steps from 8 starts on a circle of
      // radius 1 around the point, until a path leaves the box; one series, the paths
      // separated by a row of NaN, where gnuplot breaks the line
      auto& starts = result.add_series("starts_" + kind, {"theta1", "theta2"});
      auto& paths = result.add_series("descent_" + kind, {"theta1", "theta2"});
      result.allow_non_finite("descent_" + kind, "NaN rows separate the 8 paths");
      for (int k = 0; k < 8; ++k) {
        const double angle = (k + 0.5) * std::numbers::pi / 4;
        vector theta({x0 + std::cos(angle), y0 + std::sin(angle)}), g;
        starts.add({theta(0), theta(1)});
        if (k > 0) paths.add({std::nan(""), std::nan("")});
        for (int t = 0; t <= 40; ++t) {
          paths.add({theta(0), theta(1)});
          if (std::fabs(theta(0) - x0) > 1.2 || std::fabs(theta(1) - y0) > 1.2) break;
          f.gradient(theta, g);
          theta -= 0.03 * g;
        }
      }
      report::Panel panel;
      // The objectives' ASCII names and the numbers as a figure writes them: x³, −1.
      panel.title = "(" + std::string(1, char('a' + figure.panels.size())) + ") " + kind + " of " +
                    math_symbols(f.name() + " at (" + short_number(x0) + ", " + short_number(y0) +
                                 "): Hessian eigenvalues " + short_number(c.lambda_min) + ", " +
                                 short_number(c.lambda_max));
      panel.xlabel = "x";
      panel.ylabel = "y";
      common::frame(panel, box);
      panel.layers = {common::contour_layer("f_" + kind, levels),
                      {"descent_" + kind, "theta1", "theta2", report::Layer::Style::lines,
                       "gradient descent, α = 0.03"}};
      panel.layers.push_back(
          {"starts_" + kind, "theta1", "theta2", report::Layer::Style::points, "its starts"});
      panel.layers.push_back(
          {"point_" + kind, "theta1", "theta2", report::Layer::Style::points, kind});
      figure.panels.push_back(panel);
    }
  }
  result.figures.push_back(figure);
}

//! [slide-stationary-points]
Result stationary_points(const Params& p) {
  Result result;
  auto& table = result.table("stationary points of x^3 - 3x + y^2",
                             {"x", "y", "f", "lambda_min", "lambda_max", "Hessian test"});
  for (const auto& c : problems::critical_points(CubicValley{}, -3, 3, 13)) {
    table.add({c.theta(0), c.theta(1), c.value, c.lambda_min, c.lambda_max, c.kind});
    result.value(c.kind + "_x", c.theta(0));
  }
  result.value("f_at_-3", CubicValley{}.value(vector({-3.0, 0.0})));  // below the local minimum
  // The inconclusive trio: Hessian diag(2, 0) at the origin for all three; the values
  // f(0, ±t) decide what the test cannot.
  const double t = p.number("t");
  auto& trio = result.table("inconclusive", {"f", "Hessian test", "f(0, t)", "f(0, -t)", "truth"});
  const std::string test = problems::classify(0, 2);
  trio.add(
      {std::string("x^2 + y^4"), test, std::pow(t, 4), std::pow(t, 4), std::string("minimum")});
  trio.add(
      {std::string("x^2 - y^4"), test, -std::pow(t, 4), -std::pow(t, 4), std::string("saddle")});
  trio.add(
      {std::string("x^2 + y^3"), test, std::pow(t, 3), -std::pow(t, 3), std::string("neither")});
  add_stationary_figure(result);
  return result;
}
//! [slide-stationary-points]

app::Item stationary_points_item() {
  return {"slide-stationary-points",
          "Stationary points classified by the Hessian, and where the test is silent",
          "Risteski lecture 5, slides \"Types of stationary points\", \"Checking for local "
          "minima?\"",
          {Param::number("t", "0.1", Provenance::companion,
                         "offset t for the inconclusive examples", Interval{0, 1e6, true, false})},
          stationary_points,
          /*errata=*/
          common::errata(
              {"risteski-hessian-half", "risteski-hessian-strict", "risteski-hessian-gradient"})};
}

}  // namespace

void add_gradient_descent_slides(app::Chapter& chapter) {
  chapter.add(stationary_points_item());
  chapter.add(descent_lemma_item());
  chapter.add(lyapunov_item());
  chapter.add(gd_locally_item());
  chapter.add(gd_rate_item());
  chapter.add(momentum_rate_item());
  chapter.add(nesterov_slide_item());
}

}  // namespace descent::chapters::risteski05
