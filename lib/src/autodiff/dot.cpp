#include "descent/autodiff/dot.hpp"

#include <sstream>

#include "descent/autodiff/trace.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/symbols.hpp"

namespace descent::autodiff {

namespace {
std::string quoted(const std::string& s) {
  std::string q = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') q += '\\';
    q += ch;
  }
  return q + "\"";
}
}  // namespace

std::string to_dot(const Tape& tape, const DotOptions& options) {
  // Formulas come from the trace's printer, so the drawing and the tables agree.
  const auto n = static_cast<std::uint32_t>(tape.size());
  std::vector<double> no_tangent(tape.inputs().size(), 0.0);
  const auto rows = n > 0 ? trace(tape, n - 1, no_tangent) : std::vector<TraceRow>{};
  const auto shown = [&](const std::string& label) {
    return options.symbols ? math_symbols(label) : label;
  };
  std::ostringstream out;
  out << "digraph " << options.graph_name << " {\n";
  if (options.left_to_right) out << "  rankdir=LR;\n";
  out << "  node [fontname=\"Helvetica\"];\n";
  for (std::uint32_t i = 0; i < n; ++i) {
    const Node& node = tape.node(i);
    std::string label;
    std::string shape;
    if (node.op == Op::input) {
      label = rows[i].name, shape = "plaintext";
    } else if (node.op == Op::constant) {
      label = short_number(node.value), shape = "plaintext";
    } else {
      label = options.formula_labels ? rows[i].primal_formula : to_string(node.op);
      shape = options.formula_labels ? "box" : "circle";
    }
    if (options.values) label += "\\n" + short_number(node.value);
    out << "  n" << i << " [label=" << quoted(shown(label)) << ", shape=" << shape << "];\n";
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    const Node& node = tape.node(i);
    for (std::uint32_t e = node.first; e < node.first + node.count; ++e) {
      out << "  n" << tape.parent(e) << " -> n" << i;
      if (options.edge_labels) out << " [label=" << quoted(shown(rows[tape.parent(e)].name)) << "]";
      out << ";\n";
    }
  }
  if (n > 0 && options.edge_labels && tape.node(n - 1).op != Op::input) {
    // the output leaves the graph on an edge labelled with its name, as in Figure 4.7
    out << "  out [label=\"\", shape=none, width=0];\n";
    out << "  n" << (n - 1) << " -> out [label=" << quoted(shown(rows[n - 1].name)) << "];\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace descent::autodiff
