#pragma once
/// \file
/// Computational graphs drawn by Graphviz from the graphs the §3.2 items compute on
/// (Aggarwal Figures 3.1–3.4, 3.6): every node with its formula and value, every edge (i, j)
/// labelled with its local derivative z(i, j) = ∂y(j)/∂y(i), as a formula and its value, the
/// quantities whose products along the paths Lemma 3.2.1 sums.

#include <string>

#include "descent/autodiff/tape.hpp"
#include "descent/nn/backprop/network.hpp"

namespace descent::chapters::aggarwal03 {

/// `s` as a DOT string: in double quotes, with quotes and backslashes escaped and line breaks
/// written as DOT's \\n.
[[nodiscard]] std::string dot_quoted(const std::string& s);

/// A number as a graph label shows it: 4 significant digits.
[[nodiscard]] std::string label_number(double x);

/// DOT source of the recorded graph of `tape` up to node `output`: inputs as plain text
/// "w = 0.5", operations as boxes "y = w²" over their value, edges labelled "2·w = 1" (the
/// local partial's formula and value, 4 digits; labels in symbols, descent::math_symbols) with
/// the value to 17 digits as the edge's tooltip (an SVG title), which is what the tests read
/// back. Without `formulas` an operation
/// shows only its name and value (for graphs whose formulas all read alike).
[[nodiscard]] std::string local_derivative_dot(const autodiff::Tape& tape, std::uint32_t output,
                                               const std::string& graph_name, bool formulas = true);

/// DOT source of a dense network of one input row (`f` its forward pass, `g` its backward
/// pass, `loss` the value of L): inputs x_i, units showing a (pre-activation), h
/// (post-activation) and Δ = ∂L/∂h, and each weight edge (i, j) labelled with its local
/// derivative in the post-activation form of Aggarwal §3.2.3, z(i, j) = w_ij Φ'(a_j) (tooltip:
/// 17 digits); the output feeds L on an edge labelled ∂L/∂o.
[[nodiscard]] std::string network_dot(const nn::Network& net, const nn::ForwardPass& f,
                                      const nn::Gradients& g, double loss,
                                      const std::string& graph_name);

}  // namespace descent::chapters::aggarwal03
