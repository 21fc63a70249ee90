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
///
/// How it is stored: a structure of arrays, one column per field, each written once per node
/// in recording order — the operation and the primal a_i of each node; the edges are two more
/// columns, parent index and local partial. A node's edges follow those of the node recorded
/// before it, and its operation says how many there are (none for inputs and constants, one
/// for the unary operations, two for the binary ones; the n-ary sums list their counts in a
/// side table), so the sweep, which walks the nodes backwards, walks the edge columns
/// backwards beside them and needs no per-node offset. The few nodes that carry a constant c
/// (Op::constant and the *_const operations) write it to a column of their own, in node
/// order. For random access, `node(i)` and `constant(i)`, the tape keeps where the edges and
/// the constants of every 64th node start, and counts forward from there. Recording a node is
/// a handful of stores at the end of these columns: no heap allocation per node, no virtual
/// call, and the operators below are inline, so `a * b` compiles to the product, its two
/// partials and the stores. Recording writes 9 bytes per node, 12 per edge and 8 per
/// constant; the sweep reads back all but the primals and the constants. Whether that traffic
/// or the per-node work bounds the time depends on the machine's caches
/// (bench/autodiff_bench.cpp measures the traffic alone beside the tape, from tapes that fit
/// in L2 to tapes that do not fit in L3).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <utility>
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

namespace detail {
// The parents of each operation, indexed by Op (the enum's order): a table, not a switch,
// because the sweeps look it up at every node and a switch compiles to a chain of branches.
inline constexpr std::uint8_t kArity[] = {
    0, 0,                          // input, constant
    2, 2, 2, 2,                    // add, sub, mul, div
    1,                             // neg
    0,                             // sum: any number, kept per node by the tape
    1, 1, 1, 1, 1, 1,              // add_const … pow_const
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  // sin … relu
    2,                             // max
};
static_assert(sizeof kArity == static_cast<std::size_t>(Op::max) + 1, "one entry per Op");
}  // namespace detail

/// How many parents a node of this operation has: 0 for inputs and constants, 1 for the unary
/// operations (the *_const ones included), 2 for the binary ones. Op::sum has any number ≥ 1,
/// kept per node by the tape; here it is 0.
[[nodiscard]] constexpr std::uint32_t fixed_arity(Op op) {
  return detail::kArity[static_cast<std::uint8_t>(op)];
}
static_assert(fixed_arity(Op::neg) == 1 && fixed_arity(Op::sum) == 0 &&
                  fixed_arity(Op::add_const) == 1 && fixed_arity(Op::pow_const) == 1 &&
                  fixed_arity(Op::sin) == 1 && fixed_arity(Op::relu) == 1,
              "kArity follows the order of Op");

/// Whether nodes of this operation carry a constant c: Op::constant and the *_const ones.
[[nodiscard]] constexpr bool has_constant(Op op) {
  switch (op) {
    case Op::constant:
    case Op::add_const:
    case Op::sub_const:
    case Op::mul_const:
    case Op::div_const:
    case Op::rdiv_const:
    case Op::pow_const: return true;
    default: return false;
  }
}

class Tape;

/// A handle to one node of a tape.
struct Var {
  Tape* tape = nullptr;     ///< the tape the node lives on (not owned)
  std::uint32_t index = 0;  ///< the node's position in recording order

  /// The primal a_i of the node (reads the tape).
  [[nodiscard]] double value() const;
};

/// The Vars of consecutive input nodes, as `Tape::input_vector` makes them: `x[i]` is the
/// i-th. It holds the tape's address and the first node's index, not a Var per input, and
/// every Var it hands out carries that one address. Taking the inputs from a
/// `std::vector<Var>` instead, each Var brings an address of its own that the compiler
/// cannot prove to be the tape it has just recorded on, so an operator reads the tape's
/// counters and columns from memory again, and writes and reads back 16 bytes per input. A
/// fresh gradient of the extended Rosenbrock function at d = 200 000 is 12–17 % faster with
/// an InputVector (bench/autodiff_bench.cpp times both).
class InputVector {
 public:
  InputVector() = default;
  /// The Var of the i-th input (i < size(), unchecked, as std::vector's operator[]).
  [[nodiscard]] Var operator[](std::size_t i) const {
    return {tape_, first_ + static_cast<std::uint32_t>(i)};
  }
  /// The Var of the i-th input; throws std::out_of_range unless i < size().
  [[nodiscard]] Var at(std::size_t i) const;
  /// Number of inputs.
  [[nodiscard]] std::size_t size() const { return size_; }
  /// Whether there are none.
  [[nodiscard]] bool empty() const { return size_ == 0; }
  /// The Vars one by one, for code that takes a std::vector<Var>.
  [[nodiscard]] std::vector<Var> to_vector() const;

 private:
  friend class Tape;
  InputVector(Tape* tape, std::uint32_t first, std::size_t size)
      : tape_(tape), first_(first), size_(size) {}
  Tape* tape_ = nullptr;
  std::uint32_t first_ = 0;
  std::size_t size_ = 0;
};

/// One recorded node, as read back from the tape's columns. Its edges are `count`
/// consecutive entries of the tape's parent and partial columns starting at `first`.
struct Node {
  Op op = Op::input;        ///< the operation that computed the node
  std::uint32_t first = 0;  ///< offset of the node's first edge in the parent/partial columns
  std::uint32_t count = 0;  ///< number of edges, i.e. parents (0 for inputs and constants)
  double value = 0;         ///< the primal a_i
  double constant = 0;      ///< c of the *_const operations and of Op::constant, else 0
};

namespace detail {

/// The parents of a binary node's two edges, or their local partials, as one value (GCC's
/// and Clang's vector extension), so that recording writes each pair with one store: a
/// binary node is recorded with six stores instead of eight (about 7 % faster at
/// d = 200 000 in bench/autodiff_bench.cpp). GCC gives a vector type the alias set of its
/// element type, so the compiler still knows that these stores do not change the tape's
/// counters (storing through std::memcpy, it would read them all again after every node).
/// Aligned like their elements, since a node's edges start at any index.
using ParentPair [[gnu::vector_size(8), gnu::aligned(4)]] = std::uint32_t;
using PartialPair [[gnu::vector_size(16), gnu::aligned(8)]] = double;

/// Storage for one column of the tape: `capacity` elements, left uninitialized because the
/// tape writes each element before it reads it (std::vector::resize would zero them first).
template <class T>
class Column {
 public:
  [[nodiscard]] T* data() noexcept { return data_.get(); }
  [[nodiscard]] const T* data() const noexcept { return data_.get(); }
  T& operator[](std::size_t i) noexcept { return data_[i]; }
  const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  /// New storage for `capacity` elements, keeping the first `used`.
  void reallocate(std::size_t used, std::size_t capacity) {
    auto fresh = std::make_unique_for_overwrite<T[]>(capacity);
    for (std::size_t i = 0; i < used; ++i) fresh[i] = data_[i];
    data_ = std::move(fresh);
  }

 private:
  std::unique_ptr<T[]> data_;
};

inline double sigmoid_value(double a) {
  if (a >= 0) return 1 / (1 + std::exp(-a));
  const double e = std::exp(a);
  return e / (1 + e);
}

template <Op>
inline constexpr bool unhandled = false;

/// The elementary rule of one unary or binary operation: its primal from the parents'
/// primals x (and the constant c of the *_const operations), and its local partials
/// ∂a/∂x_k written to d. The single place where the rules of reverse mode live: the
/// operators inline it when they record, the replay dispatches to it. The kink choices
/// match dual.hpp.
template <Op op>
inline double rule(const double* x, double c, double* d) {
  if constexpr (op == Op::add) {
    d[0] = 1, d[1] = 1;
    return x[0] + x[1];
  } else if constexpr (op == Op::sub) {
    d[0] = 1, d[1] = -1;
    return x[0] - x[1];
  } else if constexpr (op == Op::mul) {
    d[0] = x[1], d[1] = x[0];
    return x[0] * x[1];
  } else if constexpr (op == Op::div) {
    const double q = x[0] / x[1];
    d[0] = 1 / x[1], d[1] = -q / x[1];
    return q;
  } else if constexpr (op == Op::neg) {
    d[0] = -1;
    return -x[0];
  } else if constexpr (op == Op::add_const) {
    d[0] = 1;
    return x[0] + c;
  } else if constexpr (op == Op::sub_const) {
    d[0] = -1;
    return c - x[0];
  } else if constexpr (op == Op::mul_const) {
    d[0] = c;
    return c * x[0];
  } else if constexpr (op == Op::div_const) {
    d[0] = 1 / c;
    return x[0] / c;
  } else if constexpr (op == Op::rdiv_const) {
    const double q = c / x[0];
    d[0] = -q / x[0];
    return q;
  } else if constexpr (op == Op::pow_const) {
    d[0] = c == 0 ? 0 : c * std::pow(x[0], c - 1);
    return std::pow(x[0], c);
  } else if constexpr (op == Op::sin) {
    d[0] = std::cos(x[0]);
    return std::sin(x[0]);
  } else if constexpr (op == Op::cos) {
    d[0] = -std::sin(x[0]);
    return std::cos(x[0]);
  } else if constexpr (op == Op::exp) {
    const double e = std::exp(x[0]);
    d[0] = e;
    return e;
  } else if constexpr (op == Op::log) {
    d[0] = 1 / x[0];
    return std::log(x[0]);
  } else if constexpr (op == Op::log1p) {
    d[0] = 1 / (1 + x[0]);
    return std::log1p(x[0]);
  } else if constexpr (op == Op::sqrt) {
    const double r = std::sqrt(x[0]);
    d[0] = 0.5 / r;  // +inf at 0: the one-sided derivative
    return r;
  } else if constexpr (op == Op::tanh) {
    const double t = std::tanh(x[0]);
    d[0] = 1 - t * t;
    return t;
  } else if constexpr (op == Op::sigmoid) {
    const double s = sigmoid_value(x[0]);
    d[0] = s * (1 - s);
    return s;
  } else if constexpr (op == Op::abs) {
    d[0] = x[0] > 0 ? 1 : (x[0] < 0 ? -1 : 0);
    return std::fabs(x[0]);
  } else if constexpr (op == Op::relu) {
    d[0] = x[0] > 0 ? 1 : 0;
    return x[0] > 0 ? x[0] : 0;
  } else if constexpr (op == Op::max) {
    if (x[0] > x[1])
      d[0] = 1, d[1] = 0;
    else if (x[1] > x[0])
      d[0] = 0, d[1] = 1;
    else
      d[0] = 0.5, d[1] = 0.5;  // tie: the mean, a subgradient
    return std::max(x[0], x[1]);
  } else {
    static_assert(unhandled<op>, "input, constant and sum have no elementary rule");
  }
}

}  // namespace detail

/// A recorded computational graph.
class Tape {
 public:
  Tape() = default;
  /// A deep copy: the copy records on independently of `other`.
  Tape(const Tape& other);
  /// A deep copy, as the copy constructor.
  Tape& operator=(const Tape& other);
  /// Moving leaves `other` an empty tape.
  Tape(Tape&& other) noexcept;
  /// Moving leaves `other` an empty tape.
  Tape& operator=(Tape&& other) noexcept;
  ~Tape() = default;

  /// Reserves room for `nodes` nodes and `edges` edges, so that recording that many
  /// allocates nothing (a size hint: the tape grows by doubling when it is exceeded).
  void reserve(std::size_t nodes, std::size_t edges);
  /// Forgets every node (keeps the storage, so recording again allocates nothing).
  void clear();

  /// An independent variable θ_i.
  Var input(double value) {
    const Var v = push(Op::input, value);
    inputs_.push_back(v.index);
    return v;
  }
  /// An independent variable θ_i with a name ("theta1"); no name is an empty string.
  Var input(double value, std::string name);
  /// One independent variable per value, recorded as consecutive input nodes: the same
  /// nodes as calling input(value) for each value in turn, written in one pass.
  InputVector input_vector(std::span<const double> values) {
    // inline, so that the compiler sees that these Vars and those the operators return
    // carry one tape address
    const std::uint32_t first = append_inputs(values);
    return {this, first, values.size()};
  }
  /// A constant drawn as a node of its own.
  Var constant(double value) {
    if (size_ == node_capacity_) [[unlikely]]
      grow(0);
    keep_constant(value);
    return close(Op::constant, value);
  }
  /// Records a node; `parents` and `partials` have the same length, the number of parents
  /// of `op` (fixed_arity, or one or more for Op::sum).
  Var record(Op op, double value, std::initializer_list<std::uint32_t> parents,
             std::initializer_list<double> partials, double constant = 0);
  /// Records a node with one parent (what the unary operations inline).
  Var record_unary(Op op, double value, std::uint32_t parent, double partial, double constant) {
    if (size_ == node_capacity_) [[unlikely]]  // edges fit: see edge_capacity_
      grow(1);
    parent_[edges_] = parent;
    partial_[edges_] = partial;
    edges_ += 1;
    if (has_constant(op)) keep_constant(constant);
    return close(op, value);
  }
  /// Records a node with two parents (what the binary operations inline).
  Var record_binary(Op op, double value, std::uint32_t parent0, double partial0,
                    std::uint32_t parent1, double partial1) {
    if (size_ == node_capacity_) [[unlikely]]  // edges fit: see edge_capacity_
      grow(2);
    // both parents in one store, both partials in another (see detail::ParentPair)
    using detail::ParentPair, detail::PartialPair;
    *reinterpret_cast<ParentPair*>(parent_.data() + edges_) = ParentPair{parent0, parent1};
    *reinterpret_cast<PartialPair*>(partial_.data() + edges_) = PartialPair{partial0, partial1};
    edges_ += 2;
    return close(op, value);
  }
  /// Makes room for one more node with up to two edges. The operators call it before they
  /// compute. Measured side by side, that records about 7 % faster than leaving the check to
  /// record_unary/record_binary, after the computation. It is not that a computed value would
  /// be saved around the rare call: GCC 12 spills nothing on the common path either way.
  void make_room() {
    if (size_ == node_capacity_) [[unlikely]]  // edges fit: see edge_capacity_
      grow(2);
  }
  /// The n-ary sum Σ terms.
  Var sum(const std::vector<Var>& terms);

  /// Names a node for traces and drawings ("a3", "v5"); unnamed nodes get defaults.
  void name(Var v, std::string name);
  /// The name of node i: the one given, else "theta<k>" for the k-th input (1-based),
  /// the value for a constant, "a<k>" for the k-th operation node (1-based), as in MEDL.
  [[nodiscard]] std::string name(std::uint32_t i) const;

  /// Number of nodes recorded (inputs, constants and operations).
  [[nodiscard]] std::size_t size() const { return size_; }
  /// Number of edges recorded (one per parent of each node).
  [[nodiscard]] std::size_t edge_count() const { return edges_; }
  /// Node i as a whole (its columns read into one struct). Finding its first edge counts the
  /// edges of at most 63 nodes before it.
  [[nodiscard]] Node node(std::uint32_t i) const;
  /// The constant c of node i (0 if its operation has none).
  [[nodiscard]] double constant(std::uint32_t i) const;
  /// The primal a_i of node i.
  [[nodiscard]] double value(std::uint32_t i) const { return value_[i]; }
  /// The parent node at the tail of edge `edge` (edges of node i are Node::first .. first + count).
  [[nodiscard]] std::uint32_t parent(std::uint32_t edge) const { return parent_[edge]; }
  /// The local partial ∂a_i/∂a_parent stored on edge `edge`, evaluated at the recorded primals.
  [[nodiscard]] double partial(std::uint32_t edge) const { return partial_[edge]; }
  /// Indices of the input nodes, in the order they were created.
  [[nodiscard]] const std::vector<std::uint32_t>& inputs() const { return inputs_; }
  /// Bytes the recorded nodes, edges and constants occupy (the traffic of one recording).
  [[nodiscard]] std::size_t memory_bytes() const;

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
  // A node without edges (an input or a constant).
  Var push(Op op, double value) {
    if (size_ == node_capacity_) [[unlikely]]
      grow(0);
    return close(op, value);
  }
  // Writes node size_, whose edges (and constant) are the ones recorded since the previous
  // node. At the end of every block of kBlock nodes, notes where the next block's edges and
  // constants start (for node() and constant()).
  Var close(Op op, double value) {
    const auto i = static_cast<std::uint32_t>(size_++);
    value_[i] = value;
    op_[i] = op;
    if ((size_ & (kBlock - 1)) == 0) [[unlikely]]
      block_[size_ / kBlock] = {static_cast<std::uint32_t>(edges_),
                                static_cast<std::uint32_t>(constants_)};
    return {this, i};
  }
  // The constant of the node about to be closed (room: at most one per node, so the node
  // capacity bounds the column).
  void keep_constant(double c) { constant_[constants_++] = c; }
  // Whether one more node with `edges` edges fits, keeping room for two edges per node left.
  [[nodiscard]] bool fits(std::size_t edges) const {
    return size_ < node_capacity_ &&
           edges_ + edges + 2 * (node_capacity_ - size_ - 1) <= edge_capacity_;
  }
  // Records one input node per value; returns the first one's index.
  std::uint32_t append_inputs(std::span<const double> values);
  // Makes room for one more node with `edges` edges (at least doubling what is short).
  void grow(std::size_t edges);
  void reallocate(std::size_t node_capacity, std::size_t edge_capacity);

  std::size_t size_ = 0, node_capacity_ = 0;  // nodes recorded, room for nodes
  // edges recorded, room for edges: always room for two edges per node that still fits
  // (edge_capacity_ >= edges_ + 2 (node_capacity_ − size_)), so that the unary and binary
  // records, the hot path, check the node capacity alone
  std::size_t edges_ = 0, edge_capacity_ = 0;
  // node columns
  detail::Column<Op> op_;
  detail::Column<double> value_;
  // the constants c of the nodes that carry one (has_constant), in node order
  std::size_t constants_ = 0;
  detail::Column<double> constant_;
  // block_[k]: where the edges and the constants of node k·kBlock start (one entry per block
  // begun, block_[0] = {0, 0})
  static constexpr std::uint32_t kBlock = 64;
  struct Block {
    std::uint32_t first_edge;
    std::uint32_t first_constant;
  };
  detail::Column<Block> block_;
  // the side table of the n-ary sums' edge counts, in node order
  struct Count {
    std::uint32_t node;
    std::uint32_t edges;
  };
  std::vector<Count> sums_;
  // Where node i's edges, its constant and its entry among the sums start, i.e. what the
  // nodes before it used (i == size(): the ends): counted from the start of i's block.
  struct Position {
    std::uint32_t edge, constant;
    std::vector<Count>::const_iterator sum;  // the first sum at or after node i
  };
  [[nodiscard]] Position position(std::uint32_t i) const;
  // edge columns
  detail::Column<std::uint32_t> parent_;
  detail::Column<double> partial_;
  std::vector<std::uint32_t> inputs_;
  std::vector<std::pair<std::uint32_t, std::string>> names_;
};

inline double Var::value() const {
  return tape->value(index);
}

namespace detail {

/// Throws: an operation on Vars of two different tapes.
[[noreturn]] void throw_mixed_tapes();

template <Op op>
inline Var unary(Var a, double c = 0) {
  a.tape->make_room();
  const double x = a.value();
  double d = 0;
  const double v = rule<op>(&x, c, &d);
  return a.tape->record_unary(op, v, a.index, d, c);
}

template <Op op>
inline Var binary(Var a, Var b) {
  if (a.tape != b.tape) [[unlikely]]
    throw_mixed_tapes();
  a.tape->make_room();
  const double x[2] = {a.value(), b.value()};
  double d[2] = {0, 0};
  const double v = rule<op>(x, 0, d);
  return a.tape->record_binary(op, v, a.index, d[0], b.index, d[1]);
}

}  // namespace detail

// --- operations on Vars (each records one node) --------------------------------------------
/// a + b; partials 1, 1.
inline Var operator+(Var a, Var b) {
  return detail::binary<Op::add>(a, b);
}
/// a − b; partials 1, −1.
inline Var operator-(Var a, Var b) {
  return detail::binary<Op::sub>(a, b);
}
/// a · b; partials b, a.
inline Var operator*(Var a, Var b) {
  return detail::binary<Op::mul>(a, b);
}
/// a / b; partials 1/b, −a/b².
inline Var operator/(Var a, Var b) {
  return detail::binary<Op::div>(a, b);
}
/// −a; partial −1.
inline Var operator-(Var a) {
  return detail::unary<Op::neg>(a);
}
/// a + c, one node (c is folded in, not a node); partial 1.
inline Var operator+(Var a, double c) {
  return detail::unary<Op::add_const>(a, c);
}
/// c + a, one node; partial 1.
inline Var operator+(double c, Var a) {
  return detail::unary<Op::add_const>(a, c);
}
/// a − c, one node; partial 1.
inline Var operator-(Var a, double c) {
  return detail::unary<Op::add_const>(a, -c);
}
/// c − a, one node; partial −1.
inline Var operator-(double c, Var a) {
  return detail::unary<Op::sub_const>(a, c);
}
/// c · a, one node; partial c.
inline Var operator*(Var a, double c) {
  return detail::unary<Op::mul_const>(a, c);
}
/// c · a, one node; partial c.
inline Var operator*(double c, Var a) {
  return detail::unary<Op::mul_const>(a, c);
}
/// a / c, one node; partial 1/c.
inline Var operator/(Var a, double c) {
  return detail::unary<Op::div_const>(a, c);
}
/// c / a, one node; partial −c/a².
inline Var operator/(double c, Var a) {
  return detail::unary<Op::rdiv_const>(a, c);
}
/// sin a; partial cos a.
inline Var sin(Var a) {
  return detail::unary<Op::sin>(a);
}
/// cos a; partial −sin a.
inline Var cos(Var a) {
  return detail::unary<Op::cos>(a);
}
/// exp a; partial exp a.
inline Var exp(Var a) {
  return detail::unary<Op::exp>(a);
}
/// log a (natural); partial 1/a.
inline Var log(Var a) {
  return detail::unary<Op::log>(a);
}
/// log(1 + a), accurate for small a; partial 1/(1 + a).
inline Var log1p(Var a) {
  return detail::unary<Op::log1p>(a);
}
/// √a; partial 1/(2√a), +inf at a = 0 (the one-sided derivative).
inline Var sqrt(Var a) {
  return detail::unary<Op::sqrt>(a);
}
/// tanh a; partial 1 − tanh² a.
inline Var tanh(Var a) {
  return detail::unary<Op::tanh>(a);
}
/// The logistic sigmoid σ(a) = 1/(1 + e^−a), computed without overflow; partial σ(1 − σ).
inline Var sigmoid(Var a) {
  return detail::unary<Op::sigmoid>(a);
}
/// a^p for a constant exponent p; partial p a^(p−1) (0 when p = 0).
inline Var pow(Var a, double p) {
  return detail::unary<Op::pow_const>(a, p);
}
/// |a|; partial sign(a), 0 at a = 0.
inline Var abs(Var a) {
  return detail::unary<Op::abs>(a);
}
/// max(a, 0); partial 1 for a > 0, else 0 (0 at the kink).
inline Var relu(Var a) {
  return detail::unary<Op::relu>(a);
}
/// max(a, b); partial 1 to the larger argument, ½ to each on a tie (a subgradient).
inline Var max(Var a, Var b) {
  return detail::binary<Op::max>(a, b);
}

}  // namespace descent::autodiff
