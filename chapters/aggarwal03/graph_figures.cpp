/// \file
/// DOT sources of the §3.2 computational graphs, edges labelled with local derivatives.

#include "aggarwal03/graph_figures.hpp"

#include <cstdio>
#include <sstream>
#include <vector>

#include "descent/autodiff/trace.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/symbols.hpp"
#include "descent/nn/activation.hpp"

namespace descent::chapters::aggarwal03 {

namespace ad = descent::autodiff;

std::string dot_quoted(const std::string& s) {
  std::string q = "\"";
  for (char ch : s) {
    if (ch == '\n') {  // a line break of the label, in DOT's spelling
      q += "\\n";
      continue;
    }
    if (ch == '"' || ch == '\\') q += '\\';
    q += ch;
  }
  return q + "\"";
}

namespace {

// An edge labelled with a local derivative: its formula (if any) and value, 17 digits in the
// tooltip.
void edge(std::ostringstream& out, const std::string& from, const std::string& to,
          const std::string& formula, double value) {
  std::string shown = formula;  // 2*w^(1) reads 2*w
  if (const auto at = shown.find("^(1)"); at != std::string::npos) shown.erase(at, 4);
  const std::string number = label_number(value);
  const std::string label = shown.empty() || shown == number ? number : shown + " = " + number;
  out << "  " << from << " -> " << to << " [label=" << dot_quoted(math_symbols(label))
      << ", tooltip=" << dot_quoted(full_number(value)) << "];\n";
}

void header(std::ostringstream& out, const std::string& graph_name) {
  out << "digraph " << graph_name << " {\n";
  out << "  rankdir=LR;\n";
  out << "  node [fontname=\"Helvetica\"];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=11];\n";
}

}  // namespace

std::string label_number(double x) {
  return significant(x, 4);
}

std::string local_derivative_dot(const ad::Tape& tape, std::uint32_t output,
                                 const std::string& graph_name, bool formulas) {
  const std::vector<double> no_tangent(tape.inputs().size(), 0.0);
  const auto rows = ad::trace(tape, output, no_tangent);  // the formulas the tables print
  std::ostringstream out;
  header(out, graph_name);
  for (std::uint32_t i = 0; i <= output; ++i) {
    const auto& node = tape.node(i);
    if (node.op == ad::Op::input)
      out << "  n" << i
          << " [label=" << dot_quoted(math_symbols(rows[i].name + " = " + label_number(node.value)))
          << ", shape=plaintext];\n";
    else
      out << "  n" << i << " [label="
          << dot_quoted(math_symbols((formulas ? rows[i].primal_formula : rows[i].name) +
                                     "\n= " + label_number(node.value)))
          << ", shape=box];\n";
  }
  for (std::uint32_t i = 0; i <= output; ++i) {
    const auto& node = tape.node(i);
    for (std::uint32_t e = node.first; e < node.first + node.count; ++e)
      edge(out, "n" + std::to_string(tape.parent(e)), "n" + std::to_string(i),
           ad::local_partial_formula(tape, i, e - node.first), tape.partial(e));
  }
  out << "}\n";
  return out.str();
}

std::string network_dot(const nn::Network& net, const nn::ForwardPass& f, const nn::Gradients& g,
                        double loss, const std::string& graph_name) {
  std::ostringstream out;
  header(out, graph_name);
  const auto unit = [](std::size_t layer, std::size_t j) {
    return "u" + std::to_string(layer) + "_" + std::to_string(j);
  };
  for (std::size_t i = 0; i < f.input.shape(1); ++i)
    out << "  x" << i << " [label="
        << dot_quoted(
               math_symbols("x" + std::to_string(i + 1) + " = " + label_number(f.input(0, i))))
        << ", shape=plaintext];\n";
  const std::size_t layers = net.layers.size();
  for (std::size_t k = 0; k < layers; ++k)
    for (std::size_t j = 0; j < f.h[k].shape(1); ++j) {
      const std::string name = k + 1 == layers ? "o" : "h" + std::to_string(j + 1);
      out << "  " << unit(k, j) << " [label="
          << dot_quoted(math_symbols(name + "\na = " + label_number(f.a[k](0, j)) +
                                     "\nh = " + label_number(f.h[k](0, j)) +
                                     "\nDelta = " + label_number(g.post[k](0, j))))
          << ", shape=box, style=rounded];\n";
    }
  // weight edges: z(i, j) = ∂h_j/∂h_i = w_ij Φ'(a_j) (Aggarwal §3.2.3, post-activation)
  for (std::size_t k = 0; k < layers; ++k) {
    const auto& W = net.layers[k].W;
    for (std::size_t i = 0; i < W.shape(0); ++i)
      for (std::size_t j = 0; j < W.shape(1); ++j) {
        const double slope = nn::derivative(net.layers[k].phi, f.a[k](0, j), net.alpha);
        edge(out, k == 0 ? "x" + std::to_string(i) : unit(k - 1, i), unit(k, j), "",
             W(i, j) * slope);
      }
  }
  out << "  L [label=" << dot_quoted(math_symbols("L = " + label_number(loss)))
      << ", shape=plaintext];\n";
  edge(out, unit(layers - 1, 0), "L", "∂L/∂o", g.post[layers - 1](0, 0));
  out << "}\n";
  return out.str();
}

}  // namespace descent::chapters::aggarwal03
