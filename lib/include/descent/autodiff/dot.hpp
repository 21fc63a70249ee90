#pragma once
/// \file
/// Graphviz DOT text of a recorded graph (MEDL Figure 4.7, notes Figure 2.1). The text is
/// deterministic (nodes and edges in recording order), so it can be tested and committed;
/// rendering it is Graphviz's job (`dot -Tsvg`).

#include <string>

#include "descent/autodiff/tape.hpp"

namespace descent::autodiff {

/// How to draw a recorded graph.
struct DotOptions {
  std::string graph_name = "g";  ///< the name after `digraph` in the output
  /// Label operation nodes by their formula ("a4 = sin(a1)") rather than by the bare
  /// operation ("sin"), and inputs by their name.
  bool formula_labels = true;
  /// Label each edge by the name of the value it carries (Figure 4.7's a1..a6).
  bool edge_labels = false;
  /// Append the primal value to every node label.
  bool values = false;
  /// Left to right (as the books draw them) rather than top to bottom.
  bool left_to_right = true;
  /// Draw names and formulas in symbols (θ₁, v₃ = v₁ · v₂; descent::math_symbols) rather than
  /// in the ASCII the tables print (theta1, v3 = v1 * v2).
  bool symbols = false;
};

/// The graph on `tape` in Graphviz's dot language: one node per recorded node, one edge per
/// parent → child edge, labelled as `options` says (render with `dot -Tsvg`).
[[nodiscard]] std::string to_dot(const Tape& tape, const DotOptions& options = {});

}  // namespace descent::autodiff
