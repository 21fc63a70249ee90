/// \file
/// MEDL §4.6, the multivariate part: Newton's method (4.54)–(4.56) on Rosenbrock, the
/// quasi-Newton framework of Algorithm 4.3 with BFGS (4.66)/(4.67) and L-BFGS (4.68)/(4.69).

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/errata.hpp"
#include "common/extent.hpp"
#include "common/grid.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/optim/newton.hpp"
#include "descent/optim/nonlinear_cg.hpp"
#include "descent/optim/quasi_newton.hpp"
#include "descent/problems/quadratic_form.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

double max_abs_diff(const matrix& a, const matrix& b) {
  double m = 0;
  for (std::size_t i = 0; i < a.size(); ++i) m = std::max(m, std::fabs(a.flat(i) - b.flat(i)));
  return m;
}

// The start of Newton and quasi-Newton on Rosenbrock: within ±1e6, where C (1e26), its
// gradient and its Hessian stay finite, so every iterate of the methods does too.
Param start_param() {
  return Param::vector("theta0", "0.2,-0.2", Provenance::companion, "the start", 2, 2,
                       Interval::closed(-1e6, 1e6));
}

// The series {t, theta1, theta2, C, |grad C|} of a run on Rosenbrock, for a figure: every
// iterate up to 20,000, beyond that every k-th (and the last), so that a run of a million
// iterations does not draw a million points.
void add_path(Result& result, const std::string& name, const optim::Trajectory& run) {
  auto& s = result.add_series(name, {"t", "theta1", "theta2", "C", "|grad C|"});
  const std::size_t n = run.iterates.size(), stride = (n + 19999) / 20000;
  for (std::size_t k = 0; k < n; ++k)
    if (k % stride == 0 || k + 1 == n) {
      const auto& it = run.iterates[k];
      s.add({double(it.t), it.theta(0), it.theta(1), it.value, it.gradient_norm});
    }
}

// Contours of Rosenbrock at log-spaced levels e^-7, e^-6, ..., e^7 (the authors draw their
// Rosenbrock figures on levels e^k), over `box` sampled at `points` per side.
report::Layer rosenbrock_contours(Result& result, const problems::Rosenbrock& f,
                                  const common::Box& box) {
  common::add_grid(result, "contours", f, box.x, box.y);
  return common::contour_layer("contours", common::exp_levels(-7, 7, 1));
}

// The smallest box holding every iterate of `runs`, widened by a tenth on each side.
common::Box box_around(const std::vector<const optim::Trajectory*>& runs, int points) {
  common::Extent extent;
  for (const auto* run : runs) extent.add(*run);
  return extent.padded(0.1, 0.1, points);
}

// --- eq-4.54 -------------------------------------------------------------------------------

// The picture of (4.54) on Rosenbrock: (a) Newton's path over the contours, the overshoot out
// of the valley and back, (b) C(θ⁽ᵗ⁾) against t, where the overshoot is a rise.
void add_newton_figure(Result& result, const problems::Rosenbrock& f, const optim::NewtonRun& run) {
  add_path(result, "newton", run.trajectory);
  const auto box = box_around({&run.trajectory}, 121);
  using report::Layer;
  report::Panel a;
  a.title = "(a) Newton's path over contours of Rosenbrock (4.9), levels e⁻⁷ … e⁷";
  a.xlabel = "θ₁";
  a.ylabel = "θ₂";
  common::frame(a, box);
  a.layers = {rosenbrock_contours(result, f, box),
              {"newton", "theta1", "theta2", Layer::Style::linespoints, "θ⁽ᵗ⁾"}};
  report::Panel b;
  b.title = "(b) C(θ⁽ᵗ⁾): the overshoot is a rise";
  b.xlabel = "iteration t";
  b.ylabel = "C(θ⁽ᵗ⁾)";
  b.logy = true;
  b.layers = {{"newton", "t", "C", Layer::Style::linespoints, "C(θ⁽ᵗ⁾)"}};
  report::Figure figure{"eq-4.54",
                        "Eq. (4.54): Newton's method on Rosenbrock overshoots, then converges "
                        "quadratically",
                        {a, b},
                        "The start (0.2, -0.2) is the one of the book's Rosenbrock figures; the "
                        "book draws no figure for (4.54). A C of exactly 0 at the minimum is "
                        "off panel (b)'s log axis."};
  result.figures.push_back(figure);
}

Result newton_rosenbrock(const Params& p) {
  const problems::Rosenbrock f;
  optim::NewtonOptions o;
  o.stop.max_iterations = static_cast<int>(p.integer("max_iterations"));
  o.stop.gradient_tolerance = p.number("tolerance");
  if (p.flag("damped")) o.line_search = optim::BacktrackingOptions{};
  const auto run = optim::newton(f, to_vector(p.vector("theta0")), o);
  Result result;
  auto& table = result.table(
      "iterates", {"t", "theta1", "theta2", "C(theta)", "|grad C|", "Hessian at theta(t)"});
  const auto& it = run.trajectory.iterates;
  for (std::size_t t = 0; t < it.size(); ++t) {
    table.add({double(it[t].t), it[t].theta(0), it[t].theta(1), it[t].value, it[t].gradient_norm,
               t < run.hessian_kind.size() ? run.hessian_kind[t] : std::string("-")});
    if (t <= 7) {
      result.value("theta" + std::to_string(t) + "_1", it[t].theta(0));
      result.value("theta" + std::to_string(t) + "_2", it[t].theta(1));
      result.value("C_" + std::to_string(t), it[t].value);
    }
  }
  result.value("iterations", run.trajectory.status.iterations);
  result.value("indefinite_hessians", run.indefinite_hessians);
  matrix h;
  f.hessian(vector{1.0, 1.0}, h);
  const auto eig = eigh(h);
  result.value("condition_number_at_minimum", eig.values(1) / eig.values(0));  // footnote 29
  result.status = run.trajectory.status.to_string();
  add_newton_figure(result, f, run);
  return result;
}

app::Item newton_rosenbrock_item() {
  return {"eq-4.54",
          "Newton's method on Rosenbrock: solve H theta_s = -grad C (LAPACK), overshoot and "
          "quadratic convergence",
          "MEDL §4.6, Eqs. (4.54)-(4.56)",
          {start_param(),
           Param::integer("max_iterations", "50", Provenance::companion, "most Newton steps",
                          Interval::closed(1, 10000)),
           Param::number("tolerance", "1e-10", Provenance::companion,
                         "stop when |grad C| < tolerance", Interval::greater_than(0)),
           Param::flag("damped", false, Provenance::companion,
                       "yes: Armijo backtracking along the Newton direction; no: full steps")},
          newton_rosenbrock};
}

// --- algorithm-4.3 -------------------------------------------------------------------------

// The picture of Algorithm 4.3: gradient descent (every step along -grad C, searched the same
// way), Newton's full step (4.54), BFGS and L-BFGS from one start, (a) over the contours of
// Rosenbrock and (b) as |grad C| against the iteration, where the first-order and the
// second-order methods part ways.
void add_algorithm_4_3_figure(Result& result, const problems::Rosenbrock& f, const vector& theta0,
                              const optim::QuasiNewtonOptions& o, int gd_iterations,
                              const optim::QuasiNewtonRun& bfgs,
                              const optim::QuasiNewtonRun& lbfgs) {
  optim::NonlinearCgOptions gd_options;  // restarting every step: θ_d = -∇C, steepest descent
  gd_options.restart_every = 1;
  gd_options.stop = o.stop;
  gd_options.stop.max_iterations = gd_iterations;
  gd_options.line_search = optim::nonlinear_cg_line_search(optim::kind_of(o.line_search));
  const auto gd = optim::nonlinear_cg(f, theta0, gd_options);
  optim::NewtonOptions newton_options;  // the full step (4.54), no search
  newton_options.stop = o.stop;
  // Newton converges quadratically or not at all: 100 steps draw either (a longer run would
  // only add iterates at the tolerance's rounding floor)
  newton_options.stop.max_iterations = std::min(o.stop.max_iterations, 100);
  const auto newton = optim::newton(f, theta0, newton_options);

  add_path(result, "gd", gd.trajectory);
  add_path(result, "newton", newton.trajectory);
  add_path(result, "bfgs", bfgs.trajectory);
  add_path(result, "lbfgs", lbfgs.trajectory);
  const auto box =
      box_around({&gd.trajectory, &newton.trajectory, &bfgs.trajectory, &lbfgs.trajectory}, 121);
  const auto steps = [](const optim::Trajectory& run) {
    return " (" + std::to_string(run.status.iterations) + " steps)";
  };
  using report::Layer;
  report::Panel a;
  a.title = "(a) the paths over contours of Rosenbrock (4.9), levels e⁻⁷ … e⁷";
  a.xlabel = "θ₁";
  a.ylabel = "θ₂";
  common::frame(a, box);
  a.layers = {
      rosenbrock_contours(result, f, box),
      {"gd", "theta1", "theta2", Layer::Style::lines, "gradient descent" + steps(gd.trajectory)},
      {"newton", "theta1", "theta2", Layer::Style::linespoints,
       "Newton (4.54)" + steps(newton.trajectory)},
      {"bfgs", "theta1", "theta2", Layer::Style::linespoints, "BFGS" + steps(bfgs.trajectory)},
      {"lbfgs", "theta1", "theta2", Layer::Style::linespoints,
       "L-BFGS, m = " + std::to_string(o.m) + steps(lbfgs.trajectory)}};
  report::Panel b;
  b.title = "(b) ‖∇C(θ⁽ᵗ⁾)‖ against the iteration t";
  b.xlabel = "iteration t";
  b.ylabel = "‖∇C‖";
  b.logy = true;
  // the second-order methods finish within a few dozen steps; gradient descent is shown
  // over the same span (its whole run is in the series and in panel (a))
  const int span = std::max({newton.trajectory.status.iterations, bfgs.trajectory.status.iterations,
                             lbfgs.trajectory.status.iterations});
  b.xrange = std::pair{0.0, 1.5 * span + 1};
  b.layers = {{"gd", "t", "|grad C|", Layer::Style::lines, "gradient descent"},
              {"newton", "t", "|grad C|", Layer::Style::linespoints, "Newton (4.54)"},
              {"bfgs", "t", "|grad C|", Layer::Style::linespoints, "BFGS"},
              {"lbfgs", "t", "|grad C|", Layer::Style::linespoints, "L-BFGS"}};
  report::Figure figure{"algorithm-4.3",
                        "Algorithm 4.3 on Rosenbrock: gradient descent, Newton, BFGS and L-BFGS",
                        {a, b},
                        "Gradient descent and Newton's method are drawn for comparison: gradient "
                        "descent searches along −∇C with the same kind of line search "
                        "(c₂ = 0.1) for at most gd_iterations steps, Newton takes the full step "
                        "(4.54) for at most 100; all stop at the same ‖∇C‖ tolerance."};
  result.figures.push_back(figure);
}

Result algorithm_4_3(const Params& p) {
  const problems::Rosenbrock f;
  const vector theta0 = to_vector(p.vector("theta0"));
  optim::QuasiNewtonOptions o;
  o.stop.gradient_tolerance = p.number("tolerance");
  o.stop.max_iterations = static_cast<int>(p.integer("max_iterations"));
  o.line_search = optim::default_line_search(p.choice("line_search", optim::line_search_names));
  o.m = static_cast<std::size_t>(p.integer("m"));
  const auto bfgs = optim::bfgs(f, theta0, o);
  const auto lbfgs = optim::lbfgs(f, theta0, o);
  Result result;
  auto& summary = result.table("runs", {"method", "line search", "iterations", "evaluations",
                                        "skipped updates", "theta1", "theta2", "C(theta)"});
  for (const auto* run : {&bfgs, &lbfgs}) {
    const auto& last = run->trajectory.last();
    summary.add(
        {std::string(run == &bfgs ? "BFGS (4.66)" : "L-BFGS (4.69), m = " + std::to_string(o.m)),
         std::string(optim::to_string(optim::kind_of(o.line_search))),
         double(run->trajectory.status.iterations), double(run->trajectory.evaluations),
         double(run->skipped_updates), last.theta(0), last.theta(1), last.value});
  }
  auto& path = result.table("bfgs iterates", {"t", "theta1", "theta2", "C(theta)", "alpha(t)"});
  for (const auto& it : bfgs.trajectory.iterates)
    path.add({double(it.t), it.theta(0), it.theta(1), it.value, it.alpha});
  result.value("bfgs_iterations", bfgs.trajectory.status.iterations);
  result.value("bfgs_evaluations", bfgs.trajectory.evaluations);
  result.value("lbfgs_iterations", lbfgs.trajectory.status.iterations);
  result.value("lbfgs_evaluations", lbfgs.trajectory.evaluations);
  result.value("bfgs_theta_1", bfgs.trajectory.last().theta(0));
  result.value("bfgs_theta_2", bfgs.trajectory.last().theta(1));
  result.value("lbfgs_theta_1", lbfgs.trajectory.last().theta(0));
  result.value("lbfgs_theta_2", lbfgs.trajectory.last().theta(1));
  result.value("skipped_updates", bfgs.skipped_updates + lbfgs.skipped_updates);
  result.status = "BFGS: " + bfgs.trajectory.status.to_string() +
                  "; L-BFGS: " + lbfgs.trajectory.status.to_string();
  add_algorithm_4_3_figure(result, f, theta0, o, static_cast<int>(p.integer("gd_iterations")), bfgs,
                           lbfgs);
  return result;
}

app::Item algorithm_4_3_item() {
  return {
      "algorithm-4.3",
      "Quasi-Newton (Algorithm 4.3) on Rosenbrock with BFGS and with L-BFGS",
      "MEDL §4.6, Algorithm 4.3",
      {start_param(),
       Param::choice("line_search", optim::LineSearchKind::strong_wolfe, optim::line_search_names,
                     Provenance::companion,
                     "the line search: exact, backtracking Armijo, Wolfe or strong Wolfe"),
       Param::integer("m", "6", Provenance::companion, "L-BFGS memory", Interval::closed(1, 1000)),
       Param::number("tolerance", "1e-8", Provenance::companion,
                     "stop when |grad C| < tolerance (scipy's gtol in the fixtures)",
                     Interval::greater_than(0)),
       Param::integer("max_iterations", "1000", Provenance::companion, "most iterations",
                      Interval::closed(1, 1e6)),
       Param::integer("gd_iterations", "1000", Provenance::companion,
                      "most steps of the gradient descent drawn for comparison",
                      Interval::closed(1, 20000))},
      algorithm_4_3,
      /*errata=*/common::errata({"medl-4-58", "medl-4-60"})};
}

// --- eq-4.66 and eq-4.69 ---------------------------------------------------------------------

// Pairs (θ_s, g_s = Hθ_s) of a random SPD quadratic: they satisfy the curvature condition.
void random_pairs(std::size_t d, int count, std::uint64_t seed, std::vector<vector>& s,
                  std::vector<vector>& y) {
  const matrix h = problems::random_spd(d, seed);
  Rng rng(seed + 1);
  for (int k = 0; k < count; ++k) {
    vector v = xt::zeros<double>({d});
    for (auto& x : v) x = rng.normal();
    y.push_back(gemv(h, v));
    s.push_back(v);
  }
}

Result bfgs_forms(const Params& p) {
  const auto d = static_cast<std::size_t>(p.integer("d"));
  const int updates = static_cast<int>(p.integer("updates"));
  std::vector<vector> s, y;
  random_pairs(d, updates, static_cast<std::uint64_t>(p.integer("seed")), s, y);
  matrix literal = xt::eye<double>(d), fast = xt::eye<double>(d);
  vector work;
  Result result;
  auto& table = result.table("updates", {"update", "max |literal - rank-two|", "|B g_s - theta_s|",
                                         "min eigenvalue of B"});
  double worst = 0, worst_secant = 0;
  for (int k = 0; k < updates; ++k) {
    literal = optim::bfgs_update_literal(literal, s[k], y[k]);  // (4.66) as printed
    optim::bfgs_update(fast, s[k], y[k], work);                 // the O(d²) form
    const vector r = gemv(fast, y[k]) - s[k];                   // secant equation (4.63)
    const double diff = max_abs_diff(literal, fast), secant = std::sqrt(dot(r, r));
    worst = std::max(worst, diff);
    worst_secant = std::max(worst_secant, secant);
    table.add({double(k + 1), diff, secant, eigh(fast).values(0)});
  }
  result.value("max_difference", worst);
  result.value("max_secant_residual", worst_secant);
  result.value("min_eigenvalue", eigh(fast).values(0));
  return result;
}

app::Item bfgs_forms_item() {
  return {"eq-4.66",
          "The BFGS update: the literal V^T B V form (4.66) equals the O(d^2) rank-two form",
          "MEDL §4.6, Eqs. (4.66)-(4.67)",
          {Param::integer("d", "7", Provenance::companion, "dimension", Interval::closed(1, 200)),
           Param::integer("updates", "5", Provenance::companion, "updates applied to I",
                          Interval::closed(1, 100)),
           Param::integer("seed", "1", Provenance::companion, "seed of the random pairs",
                          Interval::closed(0, 1e9))},
          bfgs_forms,
          /*errata=*/common::errata({"medl-quasi-newton-pd", "medl-4-67"})};
}

Result lbfgs_two_loop(const Params& p) {
  const auto d = static_cast<std::size_t>(p.integer("d"));
  const auto m = static_cast<std::size_t>(p.integer("m"));
  const int pairs = static_cast<int>(p.integer("pairs"));
  if (static_cast<std::size_t>(pairs) < m)
    throw invalid_argument("pairs = " + std::to_string(pairs) + " < m = " + std::to_string(m) +
                           "; allowed: pairs >= m");
  const auto seed = static_cast<std::uint64_t>(p.integer("seed"));
  std::vector<vector> s, y;
  random_pairs(d, pairs, seed, s, y);
  optim::LbfgsMemory memory(m, d);
  for (int k = 0; k < pairs; ++k) memory.push(s[k], y[k]);
  const std::vector<vector> last_s(s.end() - static_cast<long>(m), s.end());
  const std::vector<vector> last_y(y.end() - static_cast<long>(m), y.end());
  const double gamma = memory.gamma();  // B_init = (g_sᵀθ_s / g_sᵀg_s) I
  const matrix explicit_b = optim::lbfgs_explicit(last_s, last_y, gamma);  // corrected (4.69)
  Rng rng(seed + 2);
  vector g = xt::zeros<double>({d});
  for (auto& x : g) x = rng.normal();
  vector r;
  optim::two_loop(memory, g, r);
  const vector diff = r - gemv(explicit_b, g);
  // the book-literal last term of (4.68): ρ V_0ᵀθ_s θ_sᵀV_0 with V_0 = I − ρ g_s θ_sᵀ
  const double rho = 1 / dot(y[0], s[0]);
  const vector v0t_s = s[0] - rho * s[0] * dot(y[0], s[0]);  // V_0ᵀθ_s = θ_s − ρθ_s(g_sᵀθ_s)
  Result result;
  result.value("gamma", gamma);
  result.value("two_loop_vs_explicit", xt::amax(xt::abs(diff))());
  result.value("literal_4_68_last_term_norm", std::sqrt(dot(v0t_s, v0t_s)));
  result.value("norm_B_g", std::sqrt(dot(r, r)));
  auto& table = result.table("comparison", {"quantity", "value"});
  table.add({std::string("gamma = g_s^T theta_s / g_s^T g_s"), gamma});
  table.add({std::string("max |two-loop - corrected (4.69)|"), xt::amax(xt::abs(diff))()});
  table.add({std::string("|V_0^T theta_s(0)| (printed (4.68): term vanishes)"),
             std::sqrt(dot(v0t_s, v0t_s))});
  return result;
}

app::Item lbfgs_two_loop_item() {
  return {"eq-4.69",
          "L-BFGS: the two-loop recursion equals the corrected explicit product (4.69)",
          "MEDL §4.6, Eqs. (4.68)-(4.69)",
          {Param::integer("d", "6", Provenance::companion, "dimension", Interval::closed(1, 200)),
           Param::integer("m", "3", Provenance::companion, "pairs kept", Interval::closed(1, 50)),
           Param::integer("pairs", "5", Provenance::companion, "pairs pushed (>= m)",
                          Interval::closed(1, 100)),
           Param::integer("seed", "2", Provenance::companion, "seed of the random pairs",
                          Interval::closed(0, 1e9))},
          lbfgs_two_loop,
          /*errata=*/common::errata({"medl-4-68", "medl-v-t", "medl-4-69"})};
}

}  // namespace

void add_section_4_6_quasi_newton(app::Chapter& chapter) {
  chapter.add(newton_rosenbrock_item());
  chapter.add(logistic_newton_item());
  chapter.add(eq_4_57_item());
  chapter.add(algorithm_4_3_item());
  chapter.add(bfgs_forms_item());
  chapter.add(lbfgs_two_loop_item());
}

}  // namespace descent::chapters::medl04
