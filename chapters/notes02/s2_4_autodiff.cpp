/// \file
/// Notes §2.4 "Automatic differentiation": f(x, y) = xy − log(1 + exp(xy)) (2.9), its
/// instrumental variables (2.10) and computational graph (Figure 2.1), the adjoints (2.11)
/// of one backward pass with the closed-form gradient, and Exercise 2.5.

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

#include "descent/autodiff/dot.hpp"
#include "descent/autodiff/finite_difference.hpp"
#include "descent/autodiff/trace.hpp"
#include "descent/core/error.hpp"
#include "notes02/sections.hpp"

namespace descent::chapters::notes02 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
namespace ad = descent::autodiff;

//! [record-2.10]
// The instrumental variables (2.10), recorded on a tape with the notes' names v1..v7.
// The constant 1 of v5 = 1 + v4 is folded into its node, as in Figure 2.1.
struct Graph210 {
  ad::Tape tape;
  std::uint32_t output = 0;
};

void record_2_10(Graph210& g, double x, double y) {
  ad::Tape& t = g.tape;
  const ad::Var v1 = t.input(x, "v1"), v2 = t.input(y, "v2");
  const ad::Var v3 = v1 * v2;
  const ad::Var v4 = ad::exp(v3);
  const ad::Var v5 = 1.0 + v4;
  const ad::Var v6 = ad::log(v5);
  const ad::Var v7 = v3 - v6;  // f(x, y), (2.9)
  t.name(v3, "v3"), t.name(v4, "v4"), t.name(v5, "v5"), t.name(v6, "v6"), t.name(v7, "v7");
  g.output = v7.index;
}
//! [record-2.10]

// The point (x, y) where f is evaluated: within ±1e150, so that xy is a finite number.
Param x_param() {
  return Param::number("x", "1.5", Provenance::companion, "the point x (the notes give none)",
                       Interval::closed(-1e150, 1e150));
}
Param y_param() {
  return Param::number("y", "2", Provenance::companion, "the point y (the notes give none)",
                       Interval::closed(-1e150, 1e150));
}

// exp(xy) is finite up to xy = log(DBL_MAX) = 709.78...: above, the literal (2.10) overflows.
const double kLargestExponent = std::log(std::numeric_limits<double>::max());

// For items that evaluate the literal (2.10)/(2.11) and compare: refuses a point where
// exp(xy) overflows (eq-2.10 shows the stable form there).
void require_finite_exp(double x, double y) {
  if (x * y > kLargestExponent)
    throw invalid_argument("x y = " + short_number(x * y) +
                           ": exp(xy) in (2.10) overflows above 709.78 and the adjoints are "
                           "undefined; allowed: x y <= 709.78 (eq-2.10 shows f computed stably)");
}

//! [closed-form-2.11]
// The adjoints as the notes print them in (2.11), from the primals v3 and v5.
std::vector<double> adjoints_2_11(double x, double y) {
  const double v3 = x * y, v5 = 1 + std::exp(v3);
  const double r = 1 - std::exp(v3) / v5;                 // = σ(−xy)
  return {r * y, r * x, r, -1 / v5, -1 / v5, -1.0, 1.0};  // v̄1 ... v̄7
}
//! [closed-form-2.11]

// --- eq-2.10 --------------------------------------------------------------------------

Result instrumental_variables(const Params& p) {
  const double x = p.number("x"), y = p.number("y");
  Graph210 g;
  record_2_10(g, x, y);
  const auto rows = ad::trace(g.tape, g.output, {0, 0});
  Result result;
  auto& t = result.table("variables", {"variable", "definition", "value", "iteration"});
  for (const auto& row : rows) {
    t.add({row.name,
           row.op == ad::Op::input ? row.name + " = " + (row.index == 0 ? "x" : "y")
                                   : row.primal_formula,
           row.value, double(row.forward_iteration)});
    result.value(row.name, row.value);
  }
  // f = xy − log(1 + e^{xy}) = −log(1 + e^{−xy}), written with e^{−|xy|} only: the same
  // number, without the e^{xy} that overflows for xy > 709.78 (softplus, log1p).
  const double v3 = x * y;
  const double f = -(std::max(-v3, 0.0) + std::log1p(std::exp(-std::fabs(v3))));
  result.value("f_stable", f);
  if (v3 > kLargestExponent) {
    result.status =
        "the notes' literal form overflows: v4 = exp(v3) = inf for v3 = xy = " + short_number(v3) +
        " > 709.78, and v5, v6, v7 with it; computed stably, f = -log(1 + exp(-xy)) "
        "= " +
        short_number(f) + " (value f_stable)";
    result.allow_non_finite("variables:value",
                            "v4..v7 of the literal (2.10) overflow; the status says where");
    for (const char* v : {"values:v4", "values:v5", "values:v6", "values:v7"})
      result.allow_non_finite(v, "the literal (2.10) overflows; f_stable holds f");
  }
  return result;
}

app::Item instrumental_variables_item() {
  return {"eq-2.10",
          "The instrumental variables v1..v7 of f(x, y) = xy - log(1 + exp(xy))",
          "Notes §2.4, Eqs. (2.9)-(2.10)",
          {x_param(), y_param()},
          instrumental_variables};
}

// --- figure-2.1 -----------------------------------------------------------------------

Result figure_2_1(const Params& p) {
  Graph210 g;
  record_2_10(g, p.number("x"), p.number("y"));
  ad::DotOptions options;
  options.graph_name = "figure_2_1";
  options.symbols = true;  // θ₁, v₃ = v₁ · v₂ as the text prints them
  const std::string dot = ad::to_dot(g.tape, options);
  Result result;
  auto& edges = result.table("edges", {"from", "to"});
  for (std::uint32_t i = 0; i < g.tape.size(); ++i) {
    const auto& n = g.tape.node(i);
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e)
      edges.add({g.tape.name(g.tape.parent(e)), g.tape.name(i)});
  }
  auto& text = result.table("dot", {"Graphviz DOT source (render with: dot -Tsvg)"});
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) text.add({line});
  result.figures.push_back(report::Figure{"figure-2.1",
                                          "Figure 2.1: the computational graph of f(x, y) = xy - "
                                          "log(1 + exp(xy)), drawn from the recorded tape",
                                          {},
                                          "Drawn by Graphviz from the DOT source above.",
                                          dot});
  result.value("nodes", double(g.tape.size()));
  result.value("edges", double(edges.rows.size()));
  return result;
}

app::Item figure_2_1_item() {
  return {"figure-2.1",
          "The computational graph of f, exported from the tape as DOT",
          "Notes §2.4, Figure 2.1",
          {x_param(), y_param()},
          figure_2_1};
}

// --- eq-2.11 --------------------------------------------------------------------------

Result adjoint_table(const Params& p) {
  const double x = p.number("x"), y = p.number("y");
  require_finite_exp(x, y);
  Graph210 g;
  record_2_10(g, x, y);
  const auto rows = ad::trace(g.tape, g.output, {0, 0});
  const auto printed = adjoints_2_11(x, y);
  Result result;
  auto& t = result.table("adjoints", {"adjoint", "backward rule (from the tape)", "tape value",
                                      "(2.11) closed form", "difference"});
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {  // v̄7 first, as in (2.11)
    const double closed = printed[it->index];
    t.add({"bar " + it->name, it->adjoint_formula, it->adjoint, closed, it->adjoint - closed});
    result.value("bar_" + it->name, it->adjoint);
  }
  result.value("df_dx", rows[0].adjoint);
  result.value("df_dy", rows[1].adjoint);
  result.value("df_dx_closed_form", printed[0]);
  result.value("df_dy_closed_form", printed[1]);
  return result;
}

app::Item adjoint_table_item() {
  return {"eq-2.11",
          "The adjoints of one backward pass against the notes' closed forms (2.11)",
          "Notes §2.4, Eq. (2.11)",
          {x_param(), y_param()},
          adjoint_table};
}

// --- exercise-2.5 ---------------------------------------------------------------------

Result exercise_2_5(const Params& p) {
  const auto xs = p.vector("x"), ys = p.vector("y");
  if (xs.size() != ys.size())
    throw invalid_argument("x has " + std::to_string(xs.size()) + " values and y has " +
                           std::to_string(ys.size()) + "; allowed: the same number");
  const ad::ScalarFunction f = [](const std::vector<double>& v) {
    return v[0] * v[1] - std::log(1 + std::exp(v[0] * v[1]));  // (2.9)
  };
  Result result;
  auto& t = result.table("check", {"x", "y", "df/dx tape", "df/dx (2.11)", "df/dy tape",
                                   "df/dy (2.11)", "central difference error"});
  double worst_formula = 0, worst_fd = 0;
  constexpr double h = 1e-6;  // of the central differences
  for (std::size_t k = 0; k < xs.size(); ++k) {
    // every point the central differences evaluate must keep exp(xy) finite
    for (const double dx : {-h, 0.0, h})
      for (const double dy : {-h, 0.0, h}) require_finite_exp(xs[k] + dx, ys[k] + dy);
    Graph210 g;
    record_2_10(g, xs[k], ys[k]);
    std::vector<double> adjoint;
    g.tape.backward({g.output}, {1.0}, adjoint);
    const auto closed = adjoints_2_11(xs[k], ys[k]);
    const auto fd = ad::central_difference(f, {xs[k], ys[k]}, h);
    const double e_fd = std::max(std::fabs(fd[0] - adjoint[0]), std::fabs(fd[1] - adjoint[1]));
    t.add({xs[k], ys[k], adjoint[0], closed[0], adjoint[1], closed[1], e_fd});
    for (std::uint32_t i = 0; i < 7; ++i)
      worst_formula = std::max(worst_formula, std::fabs(adjoint[i] - closed[i]));
    worst_fd = std::max(worst_fd, e_fd);
  }
  result.value("max_tape_vs_2_11", worst_formula);
  result.value("max_tape_vs_central_difference", worst_fd);
  return result;
}

app::Item exercise_2_5_item() {
  return {"exercise-2.5",
          "Exercise 2.5: the adjoints (2.11) follow from (2.10) and the chain rule",
          "Notes §2.4, Exercise 2.5",
          {Param::vector("x", "1.5,-1,0.3,2.5,-3", Provenance::companion, "x of the check points",
                         1, 100, Interval::closed(-1e150, 1e150)),
           Param::vector("y", "2,0.5,-4,-1.2,-2", Provenance::companion,
                         "y of the check points (as many as x)", 1, 100,
                         Interval::closed(-1e150, 1e150))},
          exercise_2_5};
}

}  // namespace

void add_section_2_4(app::Chapter& chapter) {
  chapter.add(instrumental_variables_item());
  chapter.add(figure_2_1_item());
  chapter.add(adjoint_table_item());
  chapter.add(exercise_2_5_item());
}

}  // namespace descent::chapters::notes02
