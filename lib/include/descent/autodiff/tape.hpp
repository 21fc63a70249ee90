#pragma once
/// \file
/// Reverse mode: a tape (Wengert list) records every elementary operation of a program as a
/// node — its operation, its parents and its primal value a_i — together with the local
/// partial derivatives ∂a_i/∂a_k along each edge. The backward sweep then propagates
/// adjoints ζ_k = Σ_{children i} (∂a_i/∂a_k) ζ_i from the output (MEDL (4.30)–(4.32),
/// notes (2.11)), in one pass over the nodes in reverse order.
///
/// Nodes are numbered in recording order, which is a topological order of the graph.
/// A `Var` is a handle (tape, index); arithmetic on Vars records nodes. Plain numbers mixed
/// with Vars are folded into the node (`1 + v` is one node with one parent, the constant
/// is not a node, as in the notes' graph of Figure 2.1); `Tape::constant` makes a constant
/// a node of its own when a drawing should show it (the −2 of MEDL Figure 4.7).
///
/// Local partials follow the tangent rules of dual.hpp, with the same deliberate choices at
/// kinks (abs, relu, max, sqrt at 0); the sweep skips nodes whose adjoint is 0, so an
/// infinite local partial on an edge that carries no adjoint never makes a NaN.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace descent::autodiff {

/// The elementary operations a tape records.
enum class Op : std::uint8_t {
  input,
  constant,
  add,
  sub,
  mul,
  div,
  neg,
  sum,         ///< n-ary sum (MEDL Figure 4.7's node 6)
  add_const,   ///< a + c
  sub_const,   ///< c − a
  mul_const,   ///< c · a
  div_const,   ///< a / c
  rdiv_const,  ///< c / a
  pow_const,   ///< a^c
  sin,
  cos,
  exp,
  log,
  log1p,
  sqrt,
  tanh,
  sigmoid,
  abs,
  relu,
  max,
};

/// Short name of an operation: "*", "sin", "+c", ...
[[nodiscard]] const char* to_string(Op op);

class Tape;

/// A handle to one node of a tape.
struct Var {
  Tape* tape = nullptr;
  std::uint32_t index = 0;

  [[nodiscard]] double value() const;
};

/// One recorded node. Its edges are `count` consecutive entries of the tape's parent and
/// partial arrays starting at `first`.
struct Node {
  Op op = Op::input;
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  double value = 0;     ///< the primal a_i
  double constant = 0;  ///< c of the *_const operations and of Op::constant
};

/// A recorded computational graph.
class Tape {
 public:
  /// Reserves room for `nodes` nodes and `edges` edges (avoids reallocation in benchmarks).
  void reserve(std::size_t nodes, std::size_t edges);
  /// Forgets every node.
  void clear();

  /// An independent variable θ_i, with an optional name ("theta1").
  Var input(double value, std::string name = {});
  /// A constant drawn as a node of its own.
  Var constant(double value);
  /// Records a node; `parents` and `partials` have the same length.
  Var record(Op op, double value, std::initializer_list<std::uint32_t> parents,
             std::initializer_list<double> partials, double constant = 0);
  /// The n-ary sum Σ terms.
  Var sum(const std::vector<Var>& terms);

  /// Names a node for traces and drawings ("a3", "v5"); unnamed nodes get defaults.
  void name(Var v, std::string name);
  /// The name of node i: the one given, else "theta<k>" for the k-th input (1-based),
  /// the value for a constant, "a<k>" for the k-th operation node (1-based), as in MEDL.
  [[nodiscard]] std::string name(std::uint32_t i) const;

  [[nodiscard]] std::size_t size() const { return nodes_.size(); }
  [[nodiscard]] std::size_t edge_count() const { return parents_.size(); }
  [[nodiscard]] const Node& node(std::uint32_t i) const { return nodes_[i]; }
  [[nodiscard]] std::uint32_t parent(std::uint32_t edge) const { return parents_[edge]; }
  [[nodiscard]] double partial(std::uint32_t edge) const { return partials_[edge]; }
  /// Indices of the input nodes, in the order they were created.
  [[nodiscard]] const std::vector<std::uint32_t>& inputs() const { return inputs_; }

  /// The backward sweep: adjoints of every node for the seeds ζ_out = seed at the given
  /// outputs (several outputs: the vector-Jacobian product uᵀJ). `adjoint` is resized to
  /// size() and overwritten.
  void backward(const std::vector<std::uint32_t>& outputs, const std::vector<double>& seeds,
                std::vector<double>& adjoint) const;
  /// Forward mode through the recorded graph: tangents ȧ_i = Σ_k (∂a_i/∂a_k) ȧ_k (MEDL
  /// (4.29)) from input tangents θ̇ (one per input). `tangent` is resized and overwritten.
  void forward_tangents(const std::vector<double>& input_tangents,
                        std::vector<double>& tangent) const;
  /// Re-evaluates every primal (and local partial) from new input values, without
  /// recording: one function evaluation through the same tape.
  void replay(const std::vector<double>& input_values);

  /// The iteration in which each node becomes computable in the forward sweep: inputs and
  /// constants 0, otherwise 1 + the largest iteration of its parents (MEDL Table 4.1).
  [[nodiscard]] std::vector<int> forward_iterations() const;
  /// The iteration in which each node's adjoint becomes computable in the backward sweep
  /// from `output`: the output 0, otherwise 1 + the largest iteration among its children
  /// (all of its children's adjoints are needed; MEDL Table 4.3). Nodes the output does not
  /// depend on get −1.
  [[nodiscard]] std::vector<int> backward_iterations(std::uint32_t output) const;

 private:
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> parents_;
  std::vector<double> partials_;
  std::vector<std::uint32_t> inputs_;
  std::vector<std::pair<std::uint32_t, std::string>> names_;
};

// --- operations on Vars (each records one node) --------------------------------------------
Var operator+(Var a, Var b);
Var operator-(Var a, Var b);
Var operator*(Var a, Var b);
Var operator/(Var a, Var b);
Var operator-(Var a);
Var operator+(Var a, double c);
Var operator+(double c, Var a);
Var operator-(Var a, double c);
Var operator-(double c, Var a);
Var operator*(Var a, double c);
Var operator*(double c, Var a);
Var operator/(Var a, double c);
Var operator/(double c, Var a);
Var sin(Var a);
Var cos(Var a);
Var exp(Var a);
Var log(Var a);
Var log1p(Var a);
Var sqrt(Var a);
Var tanh(Var a);
Var sigmoid(Var a);
Var pow(Var a, double p);
Var abs(Var a);
Var relu(Var a);
Var max(Var a, Var b);

}  // namespace descent::autodiff
