#pragma once
/// \file
/// The diagrams Aggarwal Chapter 3 draws, drawn by Graphviz from what the items compute: the
/// dynamic programming of Eq. 3.8 on a recorded graph (Figure 3.5), one chain of one-node
/// layers with its backpropagated derivatives (Figure 3.8, Eq. 3.38), the networks of the
/// batch-normalization comparison with BN before or after the activation (Figure 3.18), and
/// the network that unrolls the recurrence of Exercise 1(b) (Eq. 3.66).
///
/// Every number a label shows to 4 digits is in the tooltip (an SVG title) to 17 digits,
/// which is what the tests read back.

#include <cstdint>
#include <string>
#include <vector>

#include "descent/autodiff/tape.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/nn/layers/bn_network.hpp"

namespace descent::chapters::aggarwal03 {

/// `n` in Unicode subscript digits: 12 reads ₁₂.
[[nodiscard]] std::string subscript(std::size_t n);

/// Figure 3.5: the graph of `tape` from node `w` to node `output` (the nodes `output` depends
/// on), each node showing its value y(i) and the aggregate S(i, o) that dynamic programming
/// (Eq. 3.8) computed for it (`S`, indexed by node: autodiff::PathCost::S; tooltip: S to 17
/// digits), each edge its local derivative z(i, j) (tooltip: 17 digits).
[[nodiscard]] std::string dynamic_programming_dot(const autodiff::Tape& tape, std::uint32_t w,
                                                  std::uint32_t output,
                                                  const std::vector<double>& S,
                                                  const std::string& graph_name);

/// Figure 3.8: a chain of one-node layers x = h₀ → h₁ → … → o = h_r, `h` the r + 1 values,
/// `w` the r weights (edge t + 1 carries w[t]), `gradient` the r + 1 derivatives ∂L/∂h_t
/// (Eq. 3.38, ∂L/∂o = gradient.back()). A node shows h_t and ∂L/∂h_t (tooltip: both to 17
/// digits, separated by a space), an edge w_t (tooltip: 17 digits). Chains of more than
/// `shown` layers show the first three values and the last three, the layers between
/// them as one "⋯" node whose edges carry the weights' names only.
[[nodiscard]] std::string chain_dot(const std::vector<double>& h, const std::vector<double>& w,
                                    const std::vector<double>& gradient,
                                    const std::string& graph_name, std::size_t shown = 6);

/// Figure 3.18: the networks of the comparison side by side, input at the top: (a) `post`
/// (BN after the activation), (b) `pre` (BN before it), and `plain` (no BN). One node per
/// operation the networks apply, read from them: the linear maps with their shapes, each BN
/// layer with its number of units, each activation by name, the softmax of the loss.
[[nodiscard]] std::string placement_dot(const nn::BnNetwork& post, const nn::BnNetwork& pre,
                                        const nn::Network& plain, std::size_t inputs,
                                        const std::string& graph_name);

/// Exercise 1(b): the network that unrolls (x_{t+1}, y_{t+1}) = (f(x_t, y_t), g(x_t, y_t)) as
/// recorded on `tape`, x[k] and y[k] the values after k steps (x[0], y[0] the inputs). One
/// node per x_k and y_k (a neuron computing f or g), an edge from x_k or y_k to x_{k+1} or
/// y_{k+1} wherever the tape has a path between them, labelled with the derivative along it
/// (tooltip: 17 digits). The edges of the paths from x[0] to x[2], whose products sum to
/// ∂x_{t+2}/∂x_t (part (a)), are drawn thick and coloured.
[[nodiscard]] std::string recurrence_dot(const autodiff::Tape& tape,
                                         const std::vector<autodiff::Var>& x,
                                         const std::vector<autodiff::Var>& y,
                                         const std::string& graph_name);

}  // namespace descent::chapters::aggarwal03
