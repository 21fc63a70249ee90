/// \file
/// MEDL §4.4 "Automatic differentiation": the differentiable-programming example g,
/// forward differences (4.26), the computational graph of (4.27) (Figure 4.7) and its
/// primal, forward-mode and backward-mode evaluations (Tables 4.1–4.3), all computed from
/// one recorded tape.

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>
#include <string>

#include "common/errata.hpp"
#include "descent/autodiff/api.hpp"
#include "descent/autodiff/dot.hpp"
#include "descent/autodiff/finite_difference.hpp"
#include "descent/autodiff/trace.hpp"
#include "descent/core/error.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
namespace ad = descent::autodiff;

//! [g]
// MEDL §4.4: g(θ) = (θ1 − 7θ2 + 5θ3, θ2θ3), written once for every number type.
auto g = [](const auto& theta) {
  using T = std::decay_t<decltype(theta[0])>;
  return std::vector<T>{theta[0] - 7.0 * theta[1] + 5.0 * theta[2], theta[1] * theta[2]};
};
//! [g]

std::string vector_text(const std::vector<double>& v) {
  std::string s = "(";
  for (std::size_t k = 0; k < v.size(); ++k) s += (k ? ", " : "") + short_number(v[k]);
  return s + ")";
}

// --- section-4.4-example --------------------------------------------------------------

Result differentiable_programming(const Params& p) {
  const auto theta = p.vector("theta");
  const auto v = p.vector("v");
  const auto u = p.vector("u");
  const long i = p.integer("i"), j = p.integer("j");

  Result result;
  //! [example-calls]
  const auto J = ad::jacobian(g, theta);
  const auto Jv = ad::jvp(g, theta, v);                              // forward mode: J_g(θ) v
  const auto uJ = ad::vjp(g, theta, u);                              // reverse mode: uᵀ J_g(θ)
  const double dg = ad::partial_derivative(g, theta, i - 1, j - 1);  // book indices are 1-based
  //! [example-calls]
  const auto value = g(theta);

  auto& jac = result.table("jacobian", {"row", "d/dtheta1", "d/dtheta2", "d/dtheta3"});
  for (std::size_t r = 0; r < 2; ++r)
    jac.add({"grad g" + std::to_string(r + 1), J.rows[r][0], J.rows[r][1], J.rows[r][2]});
  auto& calls = result.table("calls", {"call", "result"});
  calls.add({"g(theta)", vector_text(value)});
  calls.add({"jacobian (by " +
                 std::string(J.mode == ad::Mode::forward ? "jvp columns" : "vjp rows") + ")",
             std::string("2 x 3 above")});
  calls.add({"jvp(v = " + vector_text(v) + ")", vector_text(Jv)});
  calls.add({"vjp(u = " + vector_text(u) + ")", vector_text(uJ)});
  calls.add({"partial_derivative(i = " + std::to_string(i) + ", j = " + std::to_string(j) + ")",
             short_number(dg)});
  result.value("g_1", value[0]);
  result.value("g_2", value[1]);
  for (std::size_t k = 0; k < Jv.size(); ++k) result.value("jvp_" + std::to_string(k + 1), Jv[k]);
  for (std::size_t k = 0; k < uJ.size(); ++k) result.value("vjp_" + std::to_string(k + 1), uJ[k]);
  result.value("partial_derivative", dg);
  return result;
}

app::Item differentiable_programming_item() {
  return {"section-4.4-example",
          "Differentiable programming on g(theta) = (theta1 - 7 theta2 + 5 theta3, "
          "theta2 theta3): Jacobian, jvp, vjp, partial_derivative",
          "MEDL §4.4",
          // (within ±1e100: g, J v and u^T J stay finite)
          {Param::vector("theta", "2.5,2.1,1.4", Provenance::book, "the point theta", 3, 3,
                         Interval::closed(-1e100, 1e100)),
           Param::vector("v", "0,1,0", Provenance::book, "tangent v of jvp (J v)", 3, 3,
                         Interval::closed(-1e100, 1e100)),
           Param::vector("u", "1,0", Provenance::book, "cotangent u of vjp (u^T J)", 2, 2,
                         Interval::closed(-1e100, 1e100)),
           Param::integer("i", "2", Provenance::book, "output index of partial_derivative",
                          Interval::closed(1, 2)),
           Param::integer("j", "3", Provenance::book, "input index of partial_derivative",
                          Interval::closed(1, 3))},
          differentiable_programming,
          /*errata=*/common::errata({"medl-jvp-vjp"})};
}

// --- the graph of (4.27) --------------------------------------------------------------

// The point of (4.27) where the tables and the figure evaluate.
Param theta_4_27() {
  // (within ±100: exp(theta2 + theta3) stays far below overflow)
  return Param::vector("theta", "pi/6,2,5", Provenance::book,
                       "the point theta = (theta1, theta2, theta3)", 3, 3,
                       Interval::closed(-100, 100));
}

//! [record-4.27]
// C(θ) = sin(θ1θ2) + exp(θ2 + θ3) − 2θ3, MEDL (4.27), recorded node by node in the
// numbering of Figure 4.7; the constant −2 is a node so that the drawing shows it.
struct Graph427 {
  ad::Tape tape;
  std::uint32_t output = 0;
};

void record_4_27(Graph427& graph, const std::vector<double>& theta) {
  ad::Tape& tape = graph.tape;
  const ad::Var theta1 = tape.input(theta[0]), theta2 = tape.input(theta[1]),
                theta3 = tape.input(theta[2]);
  const ad::Var a1 = theta1 * theta2;               // node 1: ×
  const ad::Var a2 = theta2 + theta3;               // node 2: +
  const ad::Var a3 = theta3 * tape.constant(-2.0);  // node 3: ×
  const ad::Var a4 = ad::sin(a1);                   // node 4: sin
  const ad::Var a5 = ad::exp(a2);                   // node 5: exp
  const ad::Var a6 = tape.sum({a4, a5, a3});        // node 6: sum, ℓ6 = 3
  graph.output = a6.index;
}
//! [record-4.27]

bool is_operation(const ad::TraceRow& row) {
  return row.op != ad::Op::input && row.op != ad::Op::constant;
}

// --- table-4.1 --------------------------------------------------------------------------

Result table_4_1(const Params& p) {
  Graph427 graph;
  record_4_27(graph, p.vector("theta"));
  const auto rows = ad::trace(graph.tape, graph.output, {0, 0, 0});
  const int last = rows[graph.output].forward_iteration;
  Result result;
  auto& t = result.table("primal", {"iteration", "node", "formula", "value"});
  for (int it = 1; it <= last; ++it)
    for (const auto& row : rows)
      if (is_operation(row) && row.forward_iteration == it) {
        t.add({double(it), row.name, row.primal_formula, row.value});
        result.value(row.name, row.value);
      }
  result.value("iterations", last);
  return result;
}

app::Item table_4_1_item() {
  return {"table-4.1",
          "Primal evaluation of (4.27), node by node, grouped by iteration",
          "MEDL §4.4, Table 4.1",
          {theta_4_27()},
          table_4_1};
}

// --- table-4.2 --------------------------------------------------------------------------

Result table_4_2(const Params& p) {
  const auto theta = p.vector("theta");
  const long j = p.integer("j");
  Graph427 graph;
  record_4_27(graph, theta);
  std::vector<double> theta_dot(3, 0.0);
  theta_dot[j - 1] = 1;  // θ̇ = e_j: the column ∂/∂θ_j
  const auto rows = ad::trace(graph.tape, graph.output, theta_dot);
  const int last = rows[graph.output].forward_iteration;
  Result result;
  auto& t = result.table("forward",
                         {"iteration", "node", "primal", "value", "tangent formula", "tangent"});
  for (const auto& row : rows)
    if (row.op == ad::Op::input) t.add({0.0, row.name, row.name, row.value, "given", row.tangent});
  for (int it = 1; it <= last; ++it)
    for (const auto& row : rows)
      if (is_operation(row) && row.forward_iteration == it) {
        t.add({double(it), row.name, row.primal_formula, row.value, row.tangent_formula,
               row.tangent});
        result.value(row.name + "_dot", row.tangent);
      }
  result.value("dC_dtheta" + std::to_string(j), rows[graph.output].tangent);
  return result;
}

app::Item table_4_2_item() {
  return {"table-4.2",
          "Forward mode on (4.27): primals and tangents with theta-dot = e_j",
          "MEDL §4.4, Eqs. (4.28)-(4.29) and Table 4.2",
          {theta_4_27(),
           Param::integer("j", "2", Provenance::book, "differentiate with respect to theta_j",
                          Interval::closed(1, 3))},
          table_4_2};
}

// --- table-4.3 --------------------------------------------------------------------------

Result table_4_3(const Params& p) {
  Graph427 graph;
  record_4_27(graph, p.vector("theta"));
  const auto rows = ad::trace(graph.tape, graph.output, {0, 0, 0});
  int last = 0;
  for (const auto& row : rows) last = std::max(last, row.backward_iteration);
  Result result;
  auto& t = result.table("backward", {"iteration", "adjoint", "formula", "value"});
  for (int it = 0; it <= last; ++it)
    for (const auto& row : rows)
      if (row.op != ad::Op::constant && row.backward_iteration == it) {
        t.add({double(it), "zeta(" + row.name + ")", row.adjoint_formula, row.adjoint});
        result.value(row.op == ad::Op::input ? "dC_d" + row.name : "zeta_" + row.name, row.adjoint);
      }
  result.value("iterations", last);
  return result;
}

app::Item table_4_3_item() {
  return {"table-4.3",
          "Backward mode on (4.27): adjoints from zeta6 = 1 back to the gradient",
          "MEDL §4.4, Eqs. (4.30)-(4.32) and Table 4.3",
          {theta_4_27()},
          table_4_3};
}

// --- figure-4.7 -------------------------------------------------------------------------

Result figure_4_7(const Params& p) {
  Graph427 graph;
  record_4_27(graph, p.vector("theta"));
  ad::DotOptions options;
  options.graph_name = "figure_4_7";
  options.formula_labels = false;  // Figure 4.7 draws bare operations with labelled edges
  options.edge_labels = true;
  options.symbols = true;  // θ₁, v₃ = v₁ · v₂ as the text prints them
  const std::string dot = ad::to_dot(graph.tape, options);

  Result result;
  auto& nodes = result.table("nodes", {"node", "operation", "inputs", "iteration"});
  const auto it = graph.tape.forward_iterations();
  std::size_t edges = 0;
  for (std::uint32_t i = 0; i < graph.tape.size(); ++i) {
    const auto& n = graph.tape.node(i);
    if (n.op == ad::Op::input || n.op == ad::Op::constant) continue;
    std::string inputs;
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e)
      inputs += (e > n.first ? ", " : "") + graph.tape.name(graph.tape.parent(e));
    nodes.add({graph.tape.name(i), std::string(ad::to_string(n.op)), inputs, double(it[i])});
    edges += n.count;
  }
  auto& text = result.table("dot", {"Graphviz DOT source (render with: dot -Tsvg)"});
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) text.add({line});
  result.figures.push_back(
      report::Figure{"figure-4.7",
                     "Figure 4.7: the computational graph of (4.27), drawn from the recorded tape",
                     {},
                     "Drawn by Graphviz from the DOT source above.",
                     dot});
  result.value("operation_nodes", double(nodes.rows.size()));
  result.value("edges", double(edges));
  return result;
}

app::Item figure_4_7_item() {
  return {"figure-4.7",
          "The computational graph of (4.27), drawn from the recorded tape",
          "MEDL §4.4, Eq. (4.27) and Figure 4.7",
          {theta_4_27()},
          figure_4_7,
          /*errata=*/common::errata({"medl-graph-4-7"})};
}

// --- eq-4.26 ----------------------------------------------------------------------------

//! [eq-4.26]
Result forward_difference_error(const Params& p) {
  const auto theta = p.vector("theta");
  const long k_max = p.integer("k_max");
  const ad::ScalarFunction C = [](const std::vector<double>& t) {
    return std::sin(t[0] * t[1]) + std::exp(t[1] + t[2]) - 2 * t[2];  // MEDL (4.27)
  };
  auto C_generic = [](const auto& t) { return sin(t[0] * t[1]) + exp(t[1] + t[2]) - 2.0 * t[2]; };
  const auto exact = ad::gradient(C_generic, theta);  // reverse mode: exact to rounding

  Result result;
  auto& t = result.table("errors", {"h", "forward (4.26)", "central"});
  auto& s = result.add_series("errors", {"h", "forward", "central"});
  double best_h = 0, best = INFINITY;
  for (long k = 1; k <= k_max; ++k) {
    const double h = std::pow(10.0, -double(k));
    const auto fd = ad::forward_difference(C, theta, h);
    const auto cd = ad::central_difference(C, theta, h);
    double ef = 0, ec = 0;  // max abs error over the partials
    for (std::size_t i = 0; i < theta.size(); ++i) {
      ef = std::max(ef, std::fabs(fd[i] - exact[i]));
      ec = std::max(ec, std::fabs(cd[i] - exact[i]));
    }
    t.add({h, ef, ec});
    s.add({h, ef, ec});
    if (ef < best) best = ef, best_h = h;
    result.value("error_h_1e-" + std::to_string(k), ef);
  }
  //! [eq-4.26]
  result.value("best_h", best_h);
  result.value("best_error", best);

  report::Figure figure{"eq-4.26",
                        "Eq. (4.26): forward-difference error against the step h on (4.27)",
                        {},
                        "The book gives no h; the sweep h = 1e-1 ... 1e-k_max and the central "
                        "differences are the companion's."};
  report::Panel panel;
  panel.title = "max |finite difference − exact ∂C/∂θᵢ| over θ₁, θ₂, θ₃";
  panel.xlabel = "h";
  panel.ylabel = "absolute error";
  panel.logy = true;
  panel.logx = true;  // h over decades, its ticks 10⁻¹² ... 10⁻¹
  panel.layers = {{"errors", "h", "forward", report::Layer::Style::linespoints, "forward (4.26)"},
                  {"errors", "h", "central", report::Layer::Style::linespoints, "central"}};
  figure.panels.push_back(panel);
  result.figures.push_back(figure);
  return result;
}

app::Item forward_difference_error_item() {
  return {"eq-4.26",
          "Forward differences: the error against h falls with h, then rises with round-off",
          "MEDL §4.4, Eq. (4.26)",
          {theta_4_27(), Param::integer("k_max", "12", Provenance::companion,
                                        "steps h = 10^-1 ... 10^-k_max", Interval::closed(2, 16))},
          forward_difference_error};
}

}  // namespace

void add_section_4_4(app::Chapter& chapter) {
  chapter.add(differentiable_programming_item());
  chapter.add(forward_difference_error_item());
  chapter.add(figure_4_7_item());
  chapter.add(table_4_1_item());
  chapter.add(table_4_2_item());
  chapter.add(table_4_3_item());
}

}  // namespace descent::chapters::medl04
