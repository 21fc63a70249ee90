/// \file
/// MEDL §4.5 "Line search and conjugate gradient" (pp. 143–152): one exact line search on
/// Rosenbrock (Figure 4.8), the zig-zag of gradient descent with exact line search (Figure
/// 4.9), the conjugate gradient method (4.46)/(4.47), and which steps the Armijo and Wolfe
/// conditions (4.48)–(4.50) accept along a ray.

#include <algorithm>
#include <cmath>
#include <string>

#include "common/errata.hpp"
#include "common/extent.hpp"
#include "common/grid.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/optim/cg.hpp"
#include "descent/optim/line_search.hpp"
#include "descent/problems/quadratic_form.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "medl04/s4_5_cg_figure.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// Where the line-search items evaluate Rosenbrock: points within ±1e3 and rays of at most
// alpha = 10 along -grad C, where C (below 1e30) and its gradient stay finite.
const Interval kRegion = Interval::closed(-1e3, 1e3);
const Interval kLongestRay = Interval{0, 10, true, false};

// eq-4.48: where the Wolfe and strong Wolfe strips are drawn, below φ >= 0 (low, high)
constexpr double kWolfeStrip[2] = {-4.5, -1.0};
constexpr double kStrongStrip[2] = {-9.0, -5.5};

vector gradient_at(const problems::Objective& f, const vector& theta) {
  vector g;
  f.gradient(theta, g);
  return g;
}

// --- figure-4.8 ----------------------------------------------------------------------------

// Which minimizer of phi an exact line search returns; MEDL (4.43) defines alpha* as the
// minimizer over alpha > 0, which is global_over_bracket.
app::Param exact_rule_param() {
  return Param::choice("rule", optim::ExactOptions::Rule::global_over_bracket,
                       optim::exact_rule_names, Provenance::book,
                       "exact line search: global_over_bracket = the lowest local minimizer of "
                       "phi over the searched bracket, MEDL (4.43); first_local = the first one "
                       "met marching from alpha = 0");
}

optim::ExactOptions exact_options(const Params& p) {
  optim::ExactOptions options;
  options.rule = p.choice("rule", optim::exact_rule_names);
  return options;
}

//! [figure-4.8]
Result figure_4_8(const Params& p) {
  const problems::Rosenbrock f;
  const vector theta = to_vector(p.vector("theta"));
  const vector direction = -gradient_at(f, theta);  // θ_d = −∇C(θ⁽ᵗ⁾)
  optim::Ray ray(f, theta, direction);
  const auto ls = optim::exact_line_search(ray, exact_options(p));
  if (!ls.ok()) throw invalid_argument("exact line search from theta failed: " + ls.detail);
  const vector next = ray.theta();
  const vector g_next = ray.gradient();

  Result result;
  auto& table = result.table("line search", {"quantity", "value"});
  table.add({std::string("C(theta(t))"), f.value(theta)});
  table.add({std::string("alpha* (exact)"), ls.alpha});
  table.add({std::string("C(theta(t+1))"), ls.phi});
  table.add({std::string("theta(t+1)_1"), next(0)});
  table.add({std::string("theta(t+1)_2"), next(1)});
  table.add({std::string("grad C(t) . grad C(t+1)"), -dot(direction, g_next)});
  result.value("alpha_star", ls.alpha);
  result.value("C_next", ls.phi);
  result.value("theta_next_1", next(0));
  result.value("theta_next_2", next(1));
  result.value("gradient_dot", -dot(direction, g_next));

  // (b) φ(α) = C(θ + αθ_d) on the authors' grid, and (a) the ray in parameter space
  const double alpha_max = p.number("alpha_max");
  // (references into result.series are taken one at a time: add_series may reallocate)
  const int n = 300;
  auto& phi = result.add_series("phi", {"alpha", "C"});
  for (int i = 0; i <= n; ++i) {
    const double alpha = alpha_max * i / n;
    phi.add({alpha, f.value(theta + alpha * direction)});
  }
  auto& path = result.add_series("ray", {"theta1", "theta2"});
  for (int i = 0; i <= n; i += 30) {
    const vector at = theta + (alpha_max * i / n) * direction;
    path.add({at(0), at(1)});
  }
  result.add_series("minimizer", {"alpha", "C"}).add({ls.alpha, ls.phi});
  auto& points = result.add_series("points", {"theta1", "theta2"});
  points.add({theta(0), theta(1)});
  points.add({next(0), next(1)});
  // (a) the landscape around the ray: Rosenbrock (4.9) on a grid with steps of 0.01
  common::add_grid(result, "contours", f, {-0.1, 1.0, 111}, {-0.15, 0.6, 76});

  report::Figure figure{
      "figure-4.8", "Figure 4.8: one exact line search on the Rosenbrock function", {}, ""};
  report::Panel a;
  a.markup = true;
  a.title = "(a) the ray θ^{(t)} + α θ_d^{(t)}: at α* it touches a level set";
  a.xlabel = "θ_1";
  a.ylabel = "θ_2";
  a.xrange = {-0.1, 1.0};
  a.yrange = {-0.15, 0.6};
  a.equal_aspect = true;
  a.layers = {common::contour_layer("contours", report::log_levels(1e-2, 1e2, 2)),
              common::contour_layer("contours", {ls.phi}, "level set C = C(θ^{(t+1)})"),
              {"ray", "theta1", "theta2", report::Layer::Style::lines, "ray"},
              {"points", "theta1", "theta2", report::Layer::Style::points, "θ^{(t)}, θ^{(t+1)}"}};
  report::Panel b;
  b.markup = true;
  b.title = "(b) the loss along the ray";
  b.xlabel = "α";
  b.ylabel = "C(θ^{(t)} + α θ_d^{(t)})";
  b.yrange = {-5.0, 45.0};
  b.layers = {{"phi", "alpha", "C", report::Layer::Style::lines, "φ(α)"},
              {"minimizer", "alpha", "C", report::Layer::Style::points, "α*"}};
  figure.panels = {a, b};
  result.figures.push_back(figure);
  return result;
}
//! [figure-4.8]

app::Item figure_4_8_item() {
  return {"figure-4.8",
          "One exact line search on Rosenbrock: alpha* minimizes C along -grad C",
          "MEDL §4.5, Figure 4.8",
          {Param::vector("theta", "0.8,0", Provenance::book, "the point theta(t)", 2, 2, kRegion),
           Param::number("alpha_max", "0.003", Provenance::authors,
                         "right end of the alpha axis of panel (b)", kLongestRay),
           exact_rule_param()},
          figure_4_8,
          /*errata=*/common::errata({"medl-4-43"})};
}

// --- figure-4.9 ----------------------------------------------------------------------------

//! [figure-4.9]
Result figure_4_9(const Params& p) {
  const problems::Rosenbrock f;
  vector theta = to_vector(p.vector("x0"));
  const int iterations = static_cast<int>(p.integer("iterations"));
  Result result;
  auto& table = result.table(
      "iterates", {"t", "theta1", "theta2", "C(theta)", "alpha(t)", "cos(grad t, grad t+1)"});
  auto& path = result.add_series("path", {"theta1", "theta2"});
  path.add({theta(0), theta(1)});
  vector g = gradient_at(f, theta), direction;
  double max_cosine = 0;
  for (int t = 0; t < iterations; ++t) {
    direction = -g;
    optim::Ray ray(f, theta, direction);
    const auto ls = optim::exact_line_search(ray, exact_options(p));
    if (!ls.ok()) {
      result.status = "stopped at t = " + std::to_string(t) + ": " + ls.detail;
      break;
    }
    const vector g_next = ray.gradient();
    // MEDL (4.45): consecutive gradients are orthogonal after an exact line search
    const double cosine = dot(g, g_next) / std::sqrt(dot(g, g) * dot(g_next, g_next));
    max_cosine = std::max(max_cosine, std::fabs(cosine));
    theta = ray.theta();
    g = g_next;
    path.add({theta(0), theta(1)});
    if (t < 10 || t + 1 == iterations || (t + 1) % 100 == 0)
      table.add({double(t + 1), theta(0), theta(1), ls.phi, ls.alpha, cosine});
    if (t + 1 == 1 || t + 1 == 2 || t + 1 == 3 || t + 1 == 10 || t + 1 == 100 || t + 1 == 1000) {
      const std::string k = std::to_string(t + 1);
      result.value("theta" + k + "_1", theta(0));
      result.value("theta" + k + "_2", theta(1));
      result.value("C_" + k, ls.phi);
      result.value("alpha_" + std::to_string(t), ls.alpha);
    }
  }
  result.value("max_abs_cosine", max_cosine);
  if (result.status.empty())
    result.status = "ran " + std::to_string(iterations) +
                    " iterations; max |cos| = " + short_number(max_cosine);
  // contours of Rosenbrock (4.9) at log-spaced levels, steps of 0.01 over the drawn region
  common::add_grid(result, "contours", f, {-0.3, 1.1, 141}, {-0.3, 1.2, 151});
  // (b) after the two long jumps the steps are below a pixel of (a): the iterates
  // t = 2, ..., 2 + zoom_steps enlarged, in a box around them with a margin of a tenth
  const auto& full = result.find_series("path");
  const std::size_t first = std::min<std::size_t>(2, full.rows.size() - 1);
  const std::size_t last = std::min<std::size_t>(
      first + static_cast<std::size_t>(p.integer("zoom_steps")), full.rows.size() - 1);
  auto& zoom = result.add_series("zoom", {"t", "theta1", "theta2"});
  common::Extent zoomed;
  for (std::size_t t = first; t <= last; ++t) {
    const auto& row = full.rows[t];
    zoom.add({double(t), row[0], row[1]});
    zoomed.add(row[0], row[1]);
  }
  // the box is a square (the panel draws it at equal aspect), so a right angle looks right
  const auto square = zoomed.square(1.2, 1e-12, 2);
  const report::Zoom box{0, {square.x.lo, square.x.hi}, {square.y.lo, square.y.hi}};
  // (c) the step lengths ‖θ(t+1) − θ(t)‖: two long jumps, then the slow zig-zag
  auto& steps = result.add_series("steps", {"t", "step"});
  for (std::size_t t = 0; t + 1 < full.rows.size(); ++t)
    steps.add({double(t), std::hypot(full.rows[t + 1][0] - full.rows[t][0],
                                     full.rows[t + 1][1] - full.rows[t][1])});

  report::Figure figure{"figure-4.9",
                        "Figure 4.9: gradient descent with exact line search zig-zags",
                        {},
                        "Contours of the Rosenbrock function at C = 10⁻³, 10⁻², …, 10²; "
                        "panels (b) and (c) are not in the book."};
  report::Panel a;
  a.markup = true;
  a.title = "(a) iterates θ^{(t)} from θ^{(0)} = (0.4, −0.2)";
  a.xlabel = "θ_1";
  a.ylabel = "θ_2";
  a.xrange = {-0.3, 1.1};
  a.yrange = {-0.3, 1.2};
  a.equal_aspect = true;
  report::Layer path_layer{"path", "theta1", "theta2", report::Layer::Style::linespoints,
                           "θ^{(t)}"};
  path_layer.markers = true;
  a.layers = {common::contour_layer("contours", report::log_levels(1e-3, 1e2)), path_layer};
  report::Panel b;
  b.markup = true;
  b.title = "(b) the dashed box of (a), t = " + std::to_string(first) + ", ..., " +
            std::to_string(last) + ": every turn is a right angle";
  b.xlabel = "θ_1";
  b.ylabel = "θ_2";
  b.equal_aspect = true;
  b.zoom = box;
  b.layers = {common::contour_layer("contours", report::log_levels(1e-3, 1e2, 4)),
              {"zoom", "theta1", "theta2", report::Layer::Style::linespoints, ""}};
  report::Panel c;
  c.markup = true;
  c.title = "(c) step lengths: two long jumps, then tiny steps";
  c.xlabel = "t";
  c.ylabel = "‖θ^{(t+1)} − θ^{(t)}‖";
  c.logy = true;
  c.layers = {{"steps", "t", "step", report::Layer::Style::points, ""}};
  figure.panels = {a, b, c};
  result.figures.push_back(figure);
  return result;
}
//! [figure-4.9]

app::Item figure_4_9_item() {
  return {"figure-4.9",
          "Gradient descent with exact line search zig-zags: consecutive gradients are "
          "orthogonal",
          "MEDL §4.5, Eq. (4.45) and Figure 4.9",
          {Param::vector("x0", "0.4,-0.2", Provenance::book, "the start theta(0)", 2, 2, kRegion),
           Param::integer("iterations", "1000", Provenance::authors,
                          "gradient steps with exact line search", Interval::closed(1, 20000)),
           exact_rule_param(),
           Param::integer("zoom_steps", "6", Provenance::companion,
                          "steps after the two long jumps enlarged in panel (b)",
                          Interval::closed(1, 1000))},
          figure_4_9};
}

// --- section-4.5-cg ------------------------------------------------------------------------

Result section_cg(const Params& p) {
  Result result;
  // The 2x2 example (catalogue C40): A = [[4, 1], [1, 3]], b = (1, 2), θ⁽⁰⁾ = (2, 1).
  const auto a_values = p.vector("A");
  if (a_values.size() != 4)
    throw invalid_argument("A has " + std::to_string(a_values.size()) +
                           " entries; allowed: 4 (a 2x2 matrix, row by row)");
  const matrix a{{a_values[0], a_values[1]}, {a_values[2], a_values[3]}};
  const vector b = to_vector(p.vector("b"));
  const vector theta0 = to_vector(p.vector("theta0"));
  const problems::QuadraticForm small(a, b);  // validates symmetry
  if (!small.minimizer())
    throw invalid_argument("A is not positive definite; allowed: a symmetric positive definite A");
  const auto run = optim::conjugate_gradient(a, b, theta0);
  auto& steps = result.table(
      "cg 2x2", {"t", "alpha(t)", "theta(t+1)_1", "theta(t+1)_2", "beta(t)", "|A theta - b|"});
  for (const auto& s : run.steps)
    steps.add({double(s.t), s.alpha, s.theta(0), s.theta(1), s.beta, s.residual});
  for (const auto& s : run.steps) {
    result.value("alpha_" + std::to_string(s.t), s.alpha);
    result.value("beta_" + std::to_string(s.t), s.beta);
    result.value("theta" + std::to_string(s.t + 1) + "_1", s.theta(0));
    result.value("theta" + std::to_string(s.t + 1) + "_2", s.theta(1));
  }
  result.value("cg_iterations_2x2", run.status.iterations);
  // steepest descent with exact steps (4.46) on the same problem, for comparison
  vector theta = theta0;
  std::vector<vector> sd_path{theta};  // drawn by add_cg_figure
  int sd = 0;
  for (; sd < 10000; ++sd) {
    const vector g = gemv(a, theta) - b;
    if (std::sqrt(dot(g, g)) < 1e-10) break;
    theta -= optim::exact_step_quadratic(-dot(g, g), dot(g, gemv(a, g))) * g;
    sd_path.push_back(theta);
  }
  result.value("steepest_descent_iterations_2x2", sd);

  // d iterations on a random SPD system of size d
  const auto d = static_cast<std::size_t>(p.integer("d"));
  const matrix big = problems::random_spd(d, static_cast<unsigned long long>(p.integer("seed")));
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")) + 1);
  vector rhs = xt::zeros<double>({d});
  for (auto& x : rhs) x = rng.normal();
  const auto random_run = optim::conjugate_gradient(big, rhs, xt::zeros<double>({d}));
  auto& table = result.table("cg random", {"t", "alpha(t)", "beta(t)", "|A theta - b|"});
  for (const auto& s : random_run.steps) table.add({double(s.t), s.alpha, s.beta, s.residual});
  const vector exact = solve(big, rhs);
  const vector diff = random_run.theta - exact;
  result.value("cg_iterations_random", random_run.status.iterations);
  result.value("error_random", std::sqrt(dot(diff, diff)));
  result.value("max_conjugacy_cosine_random",
               optim::max_conjugacy_cosine(big, random_run.directions));
  result.status = "2x2: " + run.status.to_string() + "; random d = " + std::to_string(d) + ": " +
                  random_run.status.to_string();
  add_cg_figure(result, a, b, theta0, run, sd_path, random_run, rhs);
  return result;
}

app::Item section_cg_item() {
  return {"section-4.5-cg",
          "Conjugate gradient solves A theta = b in d steps with A-conjugate directions",
          "MEDL §4.5, Eqs. (4.46)-(4.47)",
          {Param::vector("A", "4,1,1,3", Provenance::companion,
                         "a symmetric positive definite 2x2 A, row by row", 4, 4,
                         Interval::closed(-1e6, 1e6)),
           Param::vector("b", "1,2", Provenance::companion, "right-hand side b", 2, 2,
                         Interval::closed(-1e6, 1e6)),
           Param::vector("theta0", "2,1", Provenance::companion, "the start theta(0)", 2, 2,
                         Interval::closed(-1e6, 1e6)),
           Param::integer("d", "10", Provenance::companion, "size of the random SPD system",
                          Interval::closed(1, 300)),
           Param::integer("seed", "1", Provenance::companion, "seed of the random system",
                          Interval::closed(0, 1e9))},
          section_cg,
          /*errata=*/common::errata({"medl-cg"})};
}

// --- eq-4.48 (4.48)-(4.50) -----------------------------------------------------------------

Result wolfe_conditions(const Params& p) {
  const problems::Rosenbrock f;
  const vector theta = to_vector(p.vector("theta"));
  const vector direction = -gradient_at(f, theta);
  const double c1 = p.number("c1"), c2 = p.number("c2");
  if (!(c1 < c2))
    throw invalid_argument("c1 = " + short_number(c1) + " >= c2 = " + short_number(c2) +
                           "; allowed: 0 < c1 < c2 < 1");
  optim::Ray ray(f, theta, direction);
  const auto origin = ray.at(0);
  const double alpha_max = p.number("alpha_max");
  Result result;
  // Each accepted set is drawn as shaded intervals (a band layer: a NaN column ends one):
  // Armijo's between 0 and φ, the Wolfe and strong Wolfe sets as two strips below φ's range.
  auto& curve =
      result.add_series("phi", {"alpha", "C", "armijo_line", "armijo", "wolfe", "strong_wolfe",
                                "zero", "wolfe_base", "strong_wolfe_base"});
  for (const char* column : {"phi:armijo", "phi:wolfe", "phi:strong_wolfe"})
    result.allow_non_finite(column, "NaN where the condition fails: it ends a shaded interval");
  // the acceptable sets as intervals: the first and last accepted α on the grid
  double armijo_hi = 0, strong_lo = -1, strong_hi = 0, wolfe_lo = -1;
  const int n = 2000;
  for (int i = 1; i <= n; ++i) {
    const double alpha = alpha_max * i / n;
    const auto pt = ray.at(alpha);
    const bool a = optim::armijo(origin.phi, origin.dphi, alpha, pt.phi, c1);
    const bool w = a && optim::wolfe_curvature(origin.dphi, pt.dphi, c2);
    const bool s = a && optim::strong_wolfe_curvature(origin.dphi, pt.dphi, c2);
    if (a) armijo_hi = alpha;
    if (w && wolfe_lo < 0) wolfe_lo = alpha;
    if (s && strong_lo < 0) strong_lo = alpha;
    if (s) strong_hi = alpha;
    // accepted steps carry the top of their shading, others NaN (which ends an interval)
    const double nan = std::nan("");
    curve.add({alpha, pt.phi, origin.phi + c1 * alpha * origin.dphi, a ? pt.phi : nan,
               w ? kWolfeStrip[1] : nan, s ? kStrongStrip[1] : nan, 0.0, kWolfeStrip[0],
               kStrongStrip[0]});
  }
  result.value("armijo_last_alpha", armijo_hi);
  result.value("wolfe_first_alpha", wolfe_lo);
  result.value("strong_wolfe_first_alpha", strong_lo);
  result.value("strong_wolfe_last_alpha", strong_hi);
  // what the three searches return
  auto& table = result.table("searches", {"search", "alpha", "C", "evaluations"});
  optim::BacktrackingOptions bt;
  bt.alpha0 = p.number("alpha0");  // the first trial step of every search
  bt.c1 = c1;
  bt.c2 = c2;
  const auto armijo_bt = optim::backtracking(ray, origin.phi, origin.dphi, bt);
  table.add({std::string("backtracking Armijo (2/3)^k"), armijo_bt.alpha, armijo_bt.phi,
             double(armijo_bt.evaluations)});
  optim::WolfeOptions wo;
  wo.c1 = c1;
  wo.c2 = c2;
  wo.alpha0 = p.number("alpha0");
  wo.strong = false;
  const auto weak = optim::wolfe_line_search(ray, origin.phi, origin.dphi, wo);
  table.add(
      {std::string("Wolfe (4.48)+(4.49) zoom"), weak.alpha, weak.phi, double(weak.evaluations)});
  wo.strong = true;
  const auto strong = optim::wolfe_line_search(ray, origin.phi, origin.dphi, wo);
  table.add({std::string("strong Wolfe (4.48)+(4.50) zoom"), strong.alpha, strong.phi,
             double(strong.evaluations)});
  result.value("backtracking_alpha", armijo_bt.alpha);
  result.value("strong_wolfe_alpha", strong.alpha);
  result.status = "backtracking: " + armijo_bt.detail + "; strong Wolfe: " + strong.detail;

  report::Figure figure{"figure-eq-4.48",
                        "Steps accepted by the Armijo (4.48), Wolfe (4.49) and strong Wolfe "
                        "(4.50) conditions along the ray of Figure 4.8",
                        {},
                        "Not a figure of the book; the Wolfe and strong Wolfe sets are drawn as "
                        "strips below the curve."};
  report::Panel panel;
  panel.markup = true;
  panel.title = "φ(α) and the steps each condition accepts (shaded)";
  panel.xlabel = "α";
  panel.ylabel = "φ(α) = C(θ + α θ_d)";
  panel.yrange = {-10.0, 45.0};
  auto band = [](const char* top, const char* base, const char* title) {
    report::Layer l{"phi", "alpha", top, report::Layer::Style::band, title};
    l.ybase = base;
    return l;
  };
  panel.layers = {{"phi", "alpha", "C", report::Layer::Style::lines, "φ(α)"},
                  {"phi", "alpha", "armijo_line", report::Layer::Style::lines, "φ(0) + c₁ α φ′(0)"},
                  band("armijo", "zero", "Armijo (4.48)"),
                  band("wolfe", "wolfe_base", "Wolfe (4.48)+(4.49)"),
                  band("strong_wolfe", "strong_wolfe_base", "strong Wolfe (4.48)+(4.50)")};
  figure.panels = {panel};
  result.figures.push_back(figure);
  return result;
}

app::Item wolfe_conditions_item() {
  return {"eq-4.48",
          "Which steps the Armijo (4.48), Wolfe (4.49) and strong Wolfe (4.50) conditions "
          "accept along a ray",
          "MEDL §4.5, Eqs. (4.48)-(4.50)",
          {Param::vector("theta", "0.8,0", Provenance::book, "the point theta (Figure 4.8's)", 2, 2,
                         kRegion),
           Param::number("c1", "1e-4", Provenance::companion, "Armijo constant (book: beta)",
                         Interval::open(0, 1)),
           Param::number("c2", "0.9", Provenance::companion,
                         "curvature constant (book: gamma), c1 < c2", Interval::open(0, 1)),
           Param::number("alpha_max", "0.012", Provenance::companion, "the largest alpha scanned",
                         kLongestRay),
           Param::number("alpha0", "1", Provenance::companion, "first trial step of the searches",
                         Interval{0, 1e3, true, false})},
          wolfe_conditions,
          /*errata=*/common::errata({"medl-4-48", "medl-4-49"})};
}

}  // namespace

void add_section_4_5_line_search(app::Chapter& chapter) {
  chapter.add(figure_4_8_item());
  chapter.add(figure_4_9_item());
  chapter.add(section_cg_item());
  chapter.add(wolfe_conditions_item());
}

}  // namespace descent::chapters::medl04
