/// \file
/// Aggarwal §3.2 "The backpropagation algorithm": the chain rule on small graphs (Eqs. 3.1–
/// 3.5), and the exponential path enumeration of Figure 3.4 against the dynamic programming
/// of Figure 3.5 (Eqs. 3.7–3.8), with the operations each performs counted.

#include <cmath>
#include <string>

#include "aggarwal03/diagrams.hpp"
#include "aggarwal03/graph_figures.hpp"
#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "descent/autodiff/paths.hpp"
#include "descent/autodiff/tape.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
namespace ad = descent::autodiff;

double sigmoid(double x) {
  return 1 / (1 + std::exp(-x));
}

// d(output)/d(input) of a one-input tape by a backward sweep.
double derivative(const ad::Tape& tape, ad::Var w, ad::Var o) {
  std::vector<double> zeta;
  tape.backward({o.index}, {1.0}, zeta);
  return zeta[w.index];
}

Param w_points(const std::string& def) {
  return Param::vector("w", def, Provenance::companion, "evaluation points w (the book gives none)",
                       1, 20);
}

// --- eq-3.1 -----------------------------------------------------------------------------

Result sigmoid_of_sigmoid(const Params& p) {
  Result result;
  auto& t = result.table(
      "values", {"w", "f = sigma(sigma(w))", "df/dw (tape)", "sigma'(sigma(w)) sigma'(w)"});
  for (const double w0 : p.vector("w")) {
    ad::Tape tape;
    const ad::Var w = tape.input(w0, "w");
    const ad::Var f = ad::sigmoid(ad::sigmoid(w));  // Aggarwal Eq. 3.1
    const double s = sigmoid(w0), ss = sigmoid(s);
    const double closed = ss * (1 - ss) * s * (1 - s);
    t.add({w0, f.value(), derivative(tape, w, f), closed});
  }
  return result;
}

app::Item sigmoid_of_sigmoid_item() {
  return {"eq-3.1",
          "The derivative of a sigmoid of a sigmoid, by the chain rule",
          "Aggarwal §3.2, Eq. 3.1",
          {w_points("0,1")},
          sigmoid_of_sigmoid};
}

// --- eq-3.2 -----------------------------------------------------------------------------

// Figure 3.1: w → y = g(w) = w² → o = f(y) = cos(y).
struct Graph32 {
  ad::Tape tape;
  ad::Var w, y, o;
};

void record_3_2(Graph32& g, double w0) {
  g.w = g.tape.input(w0, "w");
  g.y = ad::pow(g.w, 2.0);  // g(w) = w²
  g.o = ad::cos(g.y);       // f(y) = cos(y)
  g.tape.name(g.y, "y"), g.tape.name(g.o, "o");
}

// The figure of a chain-rule item: its graph at the first w, drawn by Graphviz with the local
// derivatives on the edges; `derivative` is do/dw there.
report::Figure graph_figure(const std::string& id, const std::string& caption, const ad::Tape& tape,
                            ad::Var o, double w0, double derivative) {
  return report::Figure{
      id,
      caption + "; w = " + label_number(w0) + ", do/dw = " + label_number(derivative),
      {},
      "Drawn by Graphviz from the recorded graph at the first w: each edge carries its local "
      "derivative z(i, j) (formula = value); do/dw is the sum over the paths of their products.",
      local_derivative_dot(tape, o.index, "chain_rule")};
}

Result cos_of_square(const Params& p) {
  Result result;
  auto& t = result.table("values", {"w", "cos(w^2)", "derivative (tape)", "-2w sin(w^2)"});
  for (const double w0 : p.vector("w")) {
    Graph32 g;
    record_3_2(g, w0);
    t.add({w0, g.o.value(), derivative(g.tape, g.w, g.o), -2 * w0 * std::sin(w0 * w0)});
  }
  Graph32 g;
  record_3_2(g, p.vector("w").front());
  result.figures.push_back(graph_figure(
      "eq-3.2", "Figure 3.1: the univariate chain rule on cos(w²), a path of two nodes", g.tape,
      g.o, p.vector("w").front(), derivative(g.tape, g.w, g.o)));
  return result;
}

app::Item cos_of_square_item() {
  return {"eq-3.2",
          "Univariate chain rule: d cos(w^2)/dw = -2w sin(w^2)",
          "Aggarwal §3.2, Eq. 3.2 and Figure 3.1",
          {w_points("0.5,1,2")},
          cos_of_square};
}

// --- eq-3.3 to eq-3.5: o = sin(w²) + cos(w²) on the graph w → y → {p, q} → o --------------

struct Graph35 {
  ad::Tape tape;
  ad::Var w, y, p, q, o;
};

//! [graph-3.5]
void record_3_5(Graph35& g, double w0) {
  g.w = g.tape.input(w0, "w");
  g.y = ad::pow(g.w, 2.0);  // y = w²: one edge, local derivative 2w
  g.p = ad::cos(g.y);       // p = cos(y)
  g.q = ad::sin(g.y);       // q = sin(y)
  g.o = g.p + g.q;          // o = K(p, q) = p + q
  g.tape.name(g.y, "y"), g.tape.name(g.p, "p"), g.tape.name(g.q, "q"), g.tape.name(g.o, "o");
}
//! [graph-3.5]

Result multivariable_chain_rule(const Params& p) {
  Result result;
  auto& t =
      result.table("terms", {"w", "do/dp dp/dw", "do/dq dq/dw", "sum (Eq. 3.3)", "backward sweep"});
  for (const double w0 : p.vector("w")) {
    Graph35 g;
    record_3_5(g, w0);
    // Eq. 3.3: ∂o/∂w = Σ_i ∂o/∂g_i · ∂g_i/∂w over the two intermediate functions p, q
    const double dp_dw = -std::sin(w0 * w0) * 2 * w0, dq_dw = std::cos(w0 * w0) * 2 * w0;
    t.add({w0, 1.0 * dp_dw, 1.0 * dq_dw, dp_dw + dq_dw, derivative(g.tape, g.w, g.o)});
  }
  Graph35 g;
  record_3_5(g, p.vector("w").front());
  result.figures.push_back(graph_figure(
      "eq-3.3", "Figure 3.2: the multivariable chain rule, two paths from w to o = K(p, q) = p + q",
      g.tape, g.o, p.vector("w").front(), derivative(g.tape, g.w, g.o)));
  return result;
}

app::Item multivariable_chain_rule_item() {
  return {"eq-3.3",
          "Multivariable chain rule: a sum over the intermediate functions",
          "Aggarwal §3.2, Eq. 3.3 and Figure 3.2",
          {w_points("0.5,1,2")},
          multivariable_chain_rule};
}

Result pathwise_aggregation(const Params& p) {
  Result result;
  auto& t =
      result.table("paths", {"w", "paths", "enumeration (Eq. 3.4)", "enumeration multiplications",
                             "dynamic programming (Eq. 3.8)", "DP multiplications"});
  for (const double w0 : p.vector("w")) {
    Graph35 g;
    record_3_5(g, w0);
    const auto en = ad::enumerate_paths(g.tape, g.w.index, g.o.index);
    const auto dp = ad::dynamic_programming(g.tape, g.w.index, g.o.index);
    t.add({w0, en.paths, en.derivative, en.multiplications, dp.derivative, dp.multiplications});
  }
  return result;
}

app::Item pathwise_aggregation_item() {
  return {"eq-3.4",
          "Pathwise aggregation: the derivative is a sum over paths of products",
          "Aggarwal §3.2, Lemma 3.2.1, Eq. 3.4",
          {w_points("0.5,1,2")},
          pathwise_aggregation};
}

Result sin_plus_cos(const Params& p) {
  Result result;
  auto& t = result.table(
      "values", {"w", "o = sin(w^2) + cos(w^2)", "do/dw (tape)", "-2w sin(w^2) + 2w cos(w^2)"});
  for (const double w0 : p.vector("w")) {
    Graph35 g;
    record_3_5(g, w0);
    const double book = -2 * w0 * std::sin(w0 * w0) + 2 * w0 * std::cos(w0 * w0);  // Eq. 3.5
    t.add({w0, g.o.value(), derivative(g.tape, g.w, g.o), book});
  }
  Graph35 g;
  record_3_5(g, p.vector("w").front());
  result.figures.push_back(
      graph_figure("eq-3.5", "Figure 3.3: the chain rule in action on o = sin(w²) + cos(w²)",
                   g.tape, g.o, p.vector("w").front(), derivative(g.tape, g.w, g.o)));
  return result;
}

app::Item sin_plus_cos_item() {
  return {"eq-3.5",
          "o = sin(w^2) + cos(w^2): do/dw = -2w sin(w^2) + 2w cos(w^2)",
          "Aggarwal §3.2, Eq. 3.5 and Figure 3.3",
          {w_points("0.5,1,2")},
          sin_plus_cos};
}

// --- figure-3.4 and figure-3.5 ------------------------------------------------------------

//! [graph-3.4]
// Figure 3.4: `layers` layers of two product units, h(1, j) = w and
// h(i, j) = h(i−1, 1) · h(i−1, 2) (Eq. 3.6), o = h(L, 1) · h(L, 2) = w^(2^L).
struct Graph34 {
  ad::Tape tape;
  ad::Var w, o;
};

void record_3_4(Graph34& g, double w0, long layers) {
  g.w = g.tape.input(w0, "w");
  ad::Var h1 = 1.0 * g.w, h2 = 1.0 * g.w;  // layer 1: the single input w, edge derivative 1
  const auto name = [&](ad::Var v, long i, int j) {  // h(i, j), as the book labels the units
    g.tape.name(v, "h(" + std::to_string(i) + "," + std::to_string(j) + ")");
  };
  name(h1, 1, 1), name(h2, 1, 2);
  for (long i = 2; i <= layers; ++i) {
    const ad::Var n1 = h1 * h2, n2 = h1 * h2;
    h1 = n1, h2 = n2;
    name(h1, i, 1), name(h2, i, 2);
  }
  g.o = h1 * h2;
  g.tape.name(g.o, "o");
}
//! [graph-3.4]

Result exponential_paths(const Params& p) {
  const double w0 = p.number("w");
  const long layers = p.integer("layers");
  Graph34 g;
  record_3_4(g, w0, layers);
  const auto en = ad::enumerate_paths(g.tape, g.w.index, g.o.index);
  const auto dp = ad::dynamic_programming(g.tape, g.w.index, g.o.index);
  const double n = std::pow(2.0, double(layers));  // o = w^n
  Result result;
  auto& t = result.table("derivative", {"method", "do/dw", "paths", "multiplications"});
  t.add({"path enumeration (Eq. 3.4)", en.derivative, en.paths, en.multiplications});
  t.add({"dynamic programming (Eq. 3.8)", dp.derivative, dp.paths, dp.multiplications});
  t.add({"closed form n w^(n-1)", n * std::pow(w0, n - 1), n, 0.0});
  result.value("o", g.o.value());
  result.value("paths", en.paths);
  result.value("derivative_enumeration", en.derivative);
  result.value("derivative_dp", dp.derivative);
  result.value("enumeration_multiplications", en.multiplications);
  result.value("dp_multiplications", dp.multiplications);
  if (!std::isfinite(g.o.value()) || !std::isfinite(en.derivative))
    result.status = "o = w^" + short_number(n) +
                    " and its derivative leave the doubles at w = " + short_number(w0) +
                    " (|w| <= 1 keeps them finite at every depth)";
  result.figures.push_back(report::Figure{
      "figure-3.4",
      "Figure 3.4: " + std::to_string(layers) + " layers of two product units, " +
          short_number(en.paths) + " paths from w to o = w^" + short_number(n) +
          "; w = " + label_number(w0),
      {},
      "Drawn by Graphviz from the recorded graph: each unit is the product of its two inputs, "
      "so the local derivative on each edge is the other input's value (the edges out of w "
      "carry 1).",
      local_derivative_dot(g.tape, g.o.index, "product_units", false)});
  return result;
}

app::Item exponential_paths_item() {
  return {"figure-3.4",
          "The 2^5 = 32 paths of o = w^32: enumeration against DP",
          "Aggarwal §3.2.1, Figure 3.4 and Eq. 3.6",
          {Param::number("w", "1.1", Provenance::companion, "the input w (the book gives none)"),
           Param::integer("layers", "5", Provenance::book, "layers of two product units",
                          Interval::closed(1, 20))},
          exponential_paths,
          /*errata=*/common::errata({"aggarwal-figure-3-4"})};
}

Result path_counts_by_depth(const Params& p) {
  const double w0 = p.number("w");
  const long max_layers = p.integer("max_layers");
  Result result;
  auto& t = result.table("counts", {"layers", "edges", "paths", "enumeration multiplications",
                                    "DP multiplications", "do/dw (enumeration)", "do/dw (DP)"});
  auto& s = result.add_series("counts", {"layers", "enumeration", "dp"});
  for (long L = 1; L <= max_layers; ++L) {
    Graph34 g;
    record_3_4(g, w0, L);
    const auto en = ad::enumerate_paths(g.tape, g.w.index, g.o.index);
    const auto dp = ad::dynamic_programming(g.tape, g.w.index, g.o.index);
    t.add({double(L), double(g.tape.edge_count()), en.paths, en.multiplications, dp.multiplications,
           en.derivative, dp.derivative});
    s.add({double(L), en.multiplications, dp.multiplications});
    result.value("enumeration_multiplications_" + std::to_string(L), en.multiplications);
    result.value("dp_multiplications_" + std::to_string(L), dp.multiplications);
    if (result.status.empty() && !(std::isfinite(en.derivative) && std::isfinite(dp.derivative)))
      result.status = "do/dw = 2^L w^(2^L - 1) leaves the doubles from L = " + std::to_string(L) +
                      " at w = " + short_number(w0) + " (|w| <= 1 keeps it finite at every depth)";
  }
  // The diagram: dynamic programming (Eq. 3.8) on the same graph, `drawn_layers` deep.
  const long drawn = p.integer("drawn_layers");
  Graph34 g;
  record_3_4(g, w0, drawn);
  const auto dp = ad::dynamic_programming(g.tape, g.w.index, g.o.index);
  result.figures.push_back(report::Figure{
      "figure-3.5",
      "Figure 3.5: each node i holds y(i) and S(i, o), each edge (i, j) holds z(i, j); "
      "S(i, o) = Σ_j z(i, j) S(j, o) (Eq. 3.8) from S(o, o) = 1, " +
          std::to_string(drawn) + " layers of two product units, w = " + label_number(w0),
      {},
      "The book draws a generic graph; this one is the graph the item computes on (Figure "
      "3.4's product units at drawn_layers = " +
          std::to_string(drawn) +
          "), drawn by Graphviz with the values its dynamic programming "
          "computed: S(w, o) = do/dw = " +
          label_number(dp.derivative) + ", summed over " + short_number(dp.paths) +
          " paths with one multiplication per edge. At w = 1 every z is 1 and S(i, o) counts "
          "the paths from i to o.",
      dynamic_programming_dot(g.tape, g.w.index, g.o.index, dp.S, "dynamic_programming")});
  report::Figure figure{"figure-3.5-counts",
                        "Path enumeration (Fig. 3.4) against dynamic programming (Fig. 3.5): "
                        "multiplications as depth grows",
                        {},
                        "Operations counted on the product network of Figure 3.4 at growing "
                        "depth: enumeration multiplies along each of the 2^L paths, dynamic "
                        "programming once per edge."};
  report::Panel panel;
  panel.title = "two product units per layer; o = w raised to the power 2ᴸ";
  panel.xlabel = "layers L";
  panel.ylabel = "edge-derivative multiplications";
  panel.logy = true;
  panel.layers = {
      {"counts", "layers", "enumeration", report::Layer::Style::linespoints,
       "path enumeration: (L + 1) 2ᴸ"},
      {"counts", "layers", "dp", report::Layer::Style::linespoints, "dynamic programming: 4L"}};
  figure.panels.push_back(panel);
  result.figures.push_back(figure);
  return result;
}

app::Item path_counts_by_depth_item() {
  return {"figure-3.5",
          "Operation counts of path enumeration and dynamic programming as depth grows",
          "Aggarwal §3.2.2, Figure 3.5 and Eqs. 3.7-3.8",
          {Param::number("w", "1", Provenance::companion,
                         "the input w (1 keeps w^(2^L) finite at every depth)"),
           Param::integer("max_layers", "14", Provenance::companion,
                          "deepest network (enumeration walks (L+1) 2^L edges)",
                          Interval::closed(1, 20)),
           Param::integer("drawn_layers", "3", Provenance::companion,
                          "layers of the graph the diagram draws (legible up to 4)",
                          Interval::closed(1, 5))},
          path_counts_by_depth};
}

}  // namespace

void add_section_3_2_chain_rule(app::Chapter& chapter) {
  chapter.add(sigmoid_of_sigmoid_item());
  chapter.add(cos_of_square_item());
  chapter.add(multivariable_chain_rule_item());
  chapter.add(pathwise_aggregation_item());
  chapter.add(sin_plus_cos_item());
  chapter.add(exponential_paths_item());
  chapter.add(path_counts_by_depth_item());
}

}  // namespace descent::chapters::aggarwal03
