/// \file
/// DOT sources of the Chapter 3 diagrams (Figures 3.5, 3.8, 3.18, Exercise 1(b)), drawn from
/// the graphs, chains, networks and recurrences the items compute on.

#include "aggarwal03/diagrams.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "aggarwal03/graph_figures.hpp"
#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/symbols.hpp"
#include "descent/nn/activation.hpp"

namespace descent::chapters::aggarwal03 {

namespace ad = descent::autodiff;

namespace {

void header(std::ostringstream& out, const std::string& graph_name, const char* rankdir) {
  out << "digraph " << graph_name << " {\n";
  out << "  rankdir=" << rankdir << ";\n";
  out << "  node [fontname=\"Helvetica\", fontsize=12];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=11];\n";
}

void node(std::ostringstream& out, const std::string& id, const std::string& label,
          const std::string& attributes, const std::string& tooltip = "") {
  out << "  " << id << " [label=" << dot_quoted(math_symbols(label));  // − for minus
  if (!tooltip.empty()) out << ", tooltip=" << dot_quoted(tooltip);
  out << (attributes.empty() ? "" : ", ") << attributes << "];\n";
}

void arrow(std::ostringstream& out, const std::string& from, const std::string& to,
           const std::string& label, const std::string& tooltip,
           const std::string& attributes = "") {
  out << "  " << from << " -> " << to << " [label=" << dot_quoted(math_symbols(label))
      << ", tooltip=" << dot_quoted(tooltip) << (attributes.empty() ? "" : ", ") << attributes
      << "];\n";
}

// The activation as the text names it: "ReLU", "sigmoid", "tanh".
std::string activation_name(nn::Activation phi) {
  const std::string name = nn::to_string(phi);
  return name == "relu" ? "ReLU" : name == "leaky_relu" ? "leaky ReLU" : name;
}

}  // namespace

std::string subscript(std::size_t n) {
  static const char* digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
  const std::string decimal = std::to_string(n);
  std::string s;
  for (char c : decimal) s += digits[c - '0'];
  return s;
}

// --- Figure 3.5 ----------------------------------------------------------------------------

std::string dynamic_programming_dot(const ad::Tape& tape, std::uint32_t w, std::uint32_t output,
                                    const std::vector<double>& S, const std::string& graph_name) {
  if (w > output || output >= tape.size() || S.size() <= output)
    throw invalid_argument("dynamic_programming_dot: w <= output < tape size <= S size needed");
  // the nodes on a path from w to o: o depends on them (marked backwards through the
  // parents), and they come after w in recording order
  std::vector<bool> drawn(output + 1, false);
  drawn[output] = true;
  for (std::uint32_t j = output + 1; j-- > w;) {
    if (!drawn[j]) continue;
    const auto& n = tape.node(j);
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e)
      if (tape.parent(e) >= w) drawn[tape.parent(e)] = true;
  }
  std::ostringstream out;
  header(out, graph_name, "LR");
  for (std::uint32_t i = w; i <= output; ++i) {
    if (!drawn[i]) continue;
    const std::string name = tape.name(i);
    node(out, "n" + std::to_string(i),
         name + " = " + label_number(tape.node(i).value) + "\nS(" + name +
             ", o) = " + label_number(S[i]),
         i == w ? "shape=plaintext" : "shape=box, style=rounded", full_number(S[i]));
  }
  for (std::uint32_t j = w; j <= output; ++j) {
    if (!drawn[j]) continue;
    const auto& n = tape.node(j);
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e) {
      const std::uint32_t i = tape.parent(e);
      if (i < w || !drawn[i]) continue;
      arrow(out, "n" + std::to_string(i), "n" + std::to_string(j), label_number(tape.partial(e)),
            full_number(tape.partial(e)));
    }
  }
  out << "}\n";
  return out.str();
}

// --- Figure 3.8 ----------------------------------------------------------------------------

std::string chain_dot(const std::vector<double>& h, const std::vector<double>& w,
                      const std::vector<double>& gradient, const std::string& graph_name,
                      std::size_t shown) {
  const std::size_t r = w.size();
  if (r == 0 || h.size() != r + 1 || gradient.size() != r + 1)
    throw invalid_argument("chain_dot: r >= 1 weights, r + 1 values and derivatives needed");
  const auto name = [&](std::size_t t) {
    return t == 0 ? std::string("x") : t == r ? std::string("o") : "h" + subscript(t);
  };
  // which layers are drawn: all of them, or the first three values and the last three
  const bool elided = r > shown;
  const auto drawn = [&](std::size_t t) { return !elided || t <= 2 || t + 2 >= r; };
  std::ostringstream out;
  header(out, graph_name, "TB");  // the input at the top: a column fits the docs' width
  out << "  ranksep=0.35;\n";
  for (std::size_t t = 0; t <= r; ++t)
    if (drawn(t))
      node(out, "h" + std::to_string(t),
           name(t) + " = " + label_number(h[t]) + "\n∂L/∂" + name(t) + " = " +
               label_number(gradient[t]),
           t == 0 ? "shape=plaintext" : "shape=box, style=rounded",
           full_number(h[t]) + " " + full_number(gradient[t]));
  if (elided) node(out, "between", name(3) + " … " + name(r - 3), "shape=plaintext");
  for (std::size_t t = 1; t <= r; ++t) {
    const std::string weight = "w" + subscript(t);
    if (drawn(t - 1) && drawn(t))
      arrow(out, "h" + std::to_string(t - 1), "h" + std::to_string(t),
            weight + " = " + label_number(w[t - 1]), full_number(w[t - 1]));
    else if (drawn(t - 1))  // into the elided layers
      arrow(out, "h" + std::to_string(t - 1), "between", weight, "", "style=dashed");
    else if (drawn(t))  // out of them
      arrow(out, "between", "h" + std::to_string(t), weight, "", "style=dashed");
  }
  out << "}\n";
  return out.str();
}

// --- Figure 3.18 ---------------------------------------------------------------------------

namespace {

// One network as a column of operations inside a cluster; `steps` lists (label, kind) from
// the input down, kind one of "linear", "bn", "phi".
void column(std::ostringstream& out, const std::string& prefix, const std::string& title,
            std::size_t inputs, const std::vector<std::pair<std::string, std::string>>& steps) {
  out << "  subgraph cluster_" << prefix << " {\n  label=" << dot_quoted(title)
      << ";\n  fontname=\"Helvetica\";\n  fontsize=12;\n  color=\"#bbbbbb\";\n";
  node(out, prefix + "_x", "x (" + std::to_string(inputs) + " pixels)", "shape=plaintext");
  std::string previous = prefix + "_x";
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const auto& [label, kind] = steps[k];
    const std::string id = prefix + "_" + std::to_string(k);
    node(out, id, label,
         kind == "bn"    ? "shape=box, style=\"rounded,filled\", fillcolor=\"#fdd9b5\""
         : kind == "phi" ? "shape=ellipse"
                         : "shape=box");
    arrow(out, previous, id, "", "");
    previous = id;
  }
  node(out, prefix + "_L", "softmax, cross-entropy L", "shape=plaintext");
  arrow(out, previous, prefix + "_L", "", "");
  out << "  }\n";
}

std::string shape(const matrix& W) {
  return std::to_string(W.shape(0)) + " → " + std::to_string(W.shape(1));
}

std::vector<std::pair<std::string, std::string>> steps_of(const nn::BnNetwork& net) {
  std::vector<std::pair<std::string, std::string>> steps;
  for (std::size_t k = 0; k < net.hidden.size(); ++k) {
    const auto& layer = net.hidden[k];
    const std::string n = subscript(k + 1);
    steps.push_back({"W" + n + ": " + shape(layer.linear.W), "linear"});
    const std::pair<std::string, std::string> bn{
        "BN" + n + " (γ, β: " + std::to_string(layer.bn.gamma.size()) + ")", "bn"};
    const std::pair<std::string, std::string> phi{activation_name(layer.phi), "phi"};
    if (layer.placement == nn::Placement::pre_activation)
      steps.push_back(bn), steps.push_back(phi);
    else
      steps.push_back(phi), steps.push_back(bn);
  }
  steps.push_back({"W" + subscript(net.hidden.size() + 1) + ": " + shape(net.output.W), "linear"});
  return steps;
}

std::string placement_title(const nn::BnNetwork& net, const char* fallback) {
  if (net.hidden.empty()) return fallback;
  return net.hidden.front().placement == nn::Placement::pre_activation
             ? "(b) BN before the activation"
             : "(a) BN after the activation";
}

}  // namespace

std::string placement_dot(const nn::BnNetwork& post, const nn::BnNetwork& pre,
                          const nn::Network& plain, std::size_t inputs,
                          const std::string& graph_name) {
  std::ostringstream out;
  header(out, graph_name, "TB");
  out << "  nodesep=0.3;\n  ranksep=0.25;\n";
  column(out, "post", placement_title(post, "(a)"), inputs, steps_of(post));
  column(out, "pre", placement_title(pre, "(b)"), inputs, steps_of(pre));
  std::vector<std::pair<std::string, std::string>> steps;
  for (std::size_t k = 0; k < plain.layers.size(); ++k) {
    const auto& layer = plain.layers[k];
    steps.push_back({"W" + subscript(k + 1) + ": " + shape(layer.W), "linear"});
    if (layer.phi != nn::Activation::identity) steps.push_back({activation_name(layer.phi), "phi"});
  }
  column(out, "plain", "no batch normalization", inputs, steps);
  out << "}\n";
  return out.str();
}

// --- Exercise 1(b) -------------------------------------------------------------------------

std::string recurrence_dot(const ad::Tape& tape, const std::vector<ad::Var>& x,
                           const std::vector<ad::Var>& y, const std::string& graph_name) {
  if (x.empty() || x.size() != y.size())
    throw invalid_argument("recurrence_dot: as many x as y values, at least one each");
  const auto id = [](char v, std::size_t k) { return std::string(1, v) + std::to_string(k); };
  const auto name = [](char v, std::size_t k) { return std::string(1, v) + subscript(k + 1); };
  std::ostringstream out;
  header(out, graph_name, "LR");
  out << "  splines=line;\n  nodesep=0.5;\n";
  for (std::size_t k = 0; k < x.size(); ++k)
    for (char v : {'x', 'y'}) {
      const ad::Var& var = v == 'x' ? x[k] : y[k];
      const std::string value = label_number(var.value());
      const std::string f = v == 'x' ? "f" : "g";
      node(out, id(v, k),
           k == 0 ? name(v, k) + " = " + value
                  : name(v, k) + " = " + f + "(" + name('x', k - 1) + ", " + name('y', k - 1) +
                        ")\n= " + value,
           k == 0 ? "shape=plaintext" : "shape=box, style=rounded", full_number(var.value()));
    }
  // the nodes on the paths of part (a), from x[0] towards x[2]
  std::set<std::string> from_x0{id('x', 0)};
  std::vector<double> zeta;
  for (std::size_t k = 1; k < x.size(); ++k) {
    const ad::Var* before[] = {&x[k - 1], &y[k - 1]};
    const std::uint32_t lowest = std::min(x[k - 1].index, y[k - 1].index);
    for (char v : {'x', 'y'}) {
      const ad::Var& to = v == 'x' ? x[k] : y[k];
      // which of x[k − 1], y[k − 1] the node depends on: marked back through its parents
      std::set<std::uint32_t> reached{to.index};
      for (std::uint32_t j = to.index + 1; j-- > lowest;) {
        if (!reached.count(j)) continue;
        const auto& n = tape.node(j);
        for (std::uint32_t e = n.first; e < n.first + n.count; ++e)
          if (tape.parent(e) >= lowest) reached.insert(tape.parent(e));
      }
      tape.backward({to.index}, {1.0}, zeta);  // ∂to/∂x[k − 1] and ∂to/∂y[k − 1]
      for (int b = 0; b < 2; ++b) {
        if (!reached.count(before[b]->index)) continue;
        const std::string from = id(b == 0 ? 'x' : 'y', k - 1);
        const double d = zeta[before[b]->index];
        const bool on_path = k <= 2 && from_x0.count(from) && (k == 1 || v == 'x');
        // only the edges of part (a) show their value (at the head, where it cannot be read
        // as another edge's); the others carry it in the tooltip
        arrow(out, from, id(v, k), "", full_number(d),
              on_path ? "headlabel=" + dot_quoted(math_symbols(label_number(d))) +
                            ", labeldistance=2.2, labelangle=25, color=\"#d55e00\", "
                            "fontcolor=\"#d55e00\", penwidth=2.2"
                      : "");
        if (on_path && k == 1) from_x0.insert(id(v, k));
      }
    }
  }
  out << "}\n";
  return out.str();
}

}  // namespace descent::chapters::aggarwal03
