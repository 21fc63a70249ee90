#include "descent/autodiff/tape.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"

namespace descent::autodiff {

const char* to_string(Op op) {
  switch (op) {
    case Op::input: return "input";
    case Op::constant: return "const";
    case Op::add: return "+";
    case Op::sub: return "-";
    case Op::mul: return "*";
    case Op::div: return "/";
    case Op::neg: return "neg";
    case Op::sum: return "sum";
    case Op::add_const: return "+c";
    case Op::sub_const: return "c-";
    case Op::mul_const: return "c*";
    case Op::div_const: return "/c";
    case Op::rdiv_const: return "c/";
    case Op::pow_const: return "pow";
    case Op::sin: return "sin";
    case Op::cos: return "cos";
    case Op::exp: return "exp";
    case Op::log: return "log";
    case Op::log1p: return "log1p";
    case Op::sqrt: return "sqrt";
    case Op::tanh: return "tanh";
    case Op::sigmoid: return "sigmoid";
    case Op::abs: return "abs";
    case Op::relu: return "relu";
    case Op::max: return "max";
  }
  return "?";
}

namespace {

// The elementary rules by operation, for the replay (the operators call detail::rule<op>
// directly, with op known at compile time).
double evaluate(Op op, const double* x, std::uint32_t n, double c, double* d) {
  using detail::rule;
  switch (op) {
    case Op::input:
    case Op::constant: return c;
    case Op::sum: {
      double s = 0;
      for (std::uint32_t k = 0; k < n; ++k) s += x[k], d[k] = 1;
      return s;
    }
    case Op::add: return rule<Op::add>(x, c, d);
    case Op::sub: return rule<Op::sub>(x, c, d);
    case Op::mul: return rule<Op::mul>(x, c, d);
    case Op::div: return rule<Op::div>(x, c, d);
    case Op::neg: return rule<Op::neg>(x, c, d);
    case Op::add_const: return rule<Op::add_const>(x, c, d);
    case Op::sub_const: return rule<Op::sub_const>(x, c, d);
    case Op::mul_const: return rule<Op::mul_const>(x, c, d);
    case Op::div_const: return rule<Op::div_const>(x, c, d);
    case Op::rdiv_const: return rule<Op::rdiv_const>(x, c, d);
    case Op::pow_const: return rule<Op::pow_const>(x, c, d);
    case Op::sin: return rule<Op::sin>(x, c, d);
    case Op::cos: return rule<Op::cos>(x, c, d);
    case Op::exp: return rule<Op::exp>(x, c, d);
    case Op::log: return rule<Op::log>(x, c, d);
    case Op::log1p: return rule<Op::log1p>(x, c, d);
    case Op::sqrt: return rule<Op::sqrt>(x, c, d);
    case Op::tanh: return rule<Op::tanh>(x, c, d);
    case Op::sigmoid: return rule<Op::sigmoid>(x, c, d);
    case Op::abs: return rule<Op::abs>(x, c, d);
    case Op::relu: return rule<Op::relu>(x, c, d);
    case Op::max: return rule<Op::max>(x, c, d);
  }
  return 0;
}

constexpr std::size_t kMaxCount = std::numeric_limits<std::uint32_t>::max() - 1;

// The one error of a tape that outgrows its 32-bit node and edge indices.
[[noreturn]] void throw_too_large() {
  throw std::length_error("autodiff: a tape holds at most 2^32 - 2 nodes and edges");
}

}  // namespace

void detail::throw_mixed_tapes() {
  throw std::logic_error("autodiff: an operation mixes Vars of two different tapes");
}

Tape::Tape(const Tape& other) : sums_(other.sums_), inputs_(other.inputs_), names_(other.names_) {
  reallocate(other.size_, other.edges_);  // full: the next record grows (and keeps the room)
  std::copy_n(other.op_.data(), other.size_, op_.data());
  std::copy_n(other.value_.data(), other.size_, value_.data());
  std::copy_n(other.constant_.data(), other.constants_, constant_.data());
  constants_ = other.constants_;
  if (other.block_.data() != nullptr)
    std::copy_n(other.block_.data(), other.size_ / kBlock + 1, block_.data());
  std::copy_n(other.parent_.data(), other.edges_, parent_.data());
  std::copy_n(other.partial_.data(), other.edges_, partial_.data());
  size_ = other.size_, edges_ = other.edges_;
}

Tape::Tape(Tape&& other) noexcept
    : size_(std::exchange(other.size_, 0)),
      node_capacity_(std::exchange(other.node_capacity_, 0)),
      edges_(std::exchange(other.edges_, 0)),
      edge_capacity_(std::exchange(other.edge_capacity_, 0)),
      op_(std::move(other.op_)),
      value_(std::move(other.value_)),
      constants_(std::exchange(other.constants_, 0)),
      constant_(std::move(other.constant_)),
      block_(std::move(other.block_)),
      sums_(std::move(other.sums_)),
      parent_(std::move(other.parent_)),
      partial_(std::move(other.partial_)),
      inputs_(std::move(other.inputs_)),
      names_(std::move(other.names_)) {
  other.sums_.clear();
  other.inputs_.clear();
  other.names_.clear();
}

Tape& Tape::operator=(Tape&& other) noexcept {
  Tape moved(std::move(other));
  std::swap(size_, moved.size_);
  std::swap(node_capacity_, moved.node_capacity_);
  std::swap(edges_, moved.edges_);
  std::swap(edge_capacity_, moved.edge_capacity_);
  std::swap(op_, moved.op_);
  std::swap(value_, moved.value_);
  std::swap(constants_, moved.constants_);
  std::swap(constant_, moved.constant_);
  std::swap(block_, moved.block_);
  std::swap(parent_, moved.parent_);
  std::swap(partial_, moved.partial_);
  std::swap(sums_, moved.sums_);
  std::swap(inputs_, moved.inputs_);
  std::swap(names_, moved.names_);
  return *this;
}

Tape& Tape::operator=(const Tape& other) {
  if (this != &other) *this = Tape(other);
  return *this;
}

void Tape::reallocate(std::size_t node_capacity, std::size_t edge_capacity) {
  if (node_capacity > kMaxCount || edge_capacity > kMaxCount) throw_too_large();
  if (node_capacity != node_capacity_ || block_.data() == nullptr) {
    op_.reallocate(size_, node_capacity);
    value_.reallocate(size_, node_capacity);
    constant_.reallocate(constants_, node_capacity);
    const bool first = block_.data() == nullptr;
    block_.reallocate(first ? 0 : size_ / kBlock + 1, node_capacity / kBlock + 1);
    block_[0] = {0, 0};
    node_capacity_ = static_cast<std::uint32_t>(node_capacity);
  }
  if (edge_capacity != edge_capacity_) {
    parent_.reallocate(edges_, edge_capacity);
    partial_.reallocate(edges_, edge_capacity);
    edge_capacity_ = static_cast<std::uint32_t>(edge_capacity);
  }
}

void Tape::grow(std::size_t edges) {
  constexpr std::size_t least = 64;
  std::size_t node_capacity = node_capacity_;
  if (size_ == node_capacity) node_capacity = std::max(2 * node_capacity, least);
  node_capacity = std::min(node_capacity, kMaxCount);
  std::size_t edge_capacity = edge_capacity_;
  const std::size_t needed = edges_ + edges + 2 * (node_capacity - size_ - 1);
  if (needed > edge_capacity) edge_capacity = std::max(2 * edge_capacity, needed);
  if (size_ >= node_capacity || needed > kMaxCount) throw_too_large();
  reallocate(node_capacity, std::min(edge_capacity, kMaxCount));
}

void Tape::reserve(std::size_t nodes, std::size_t edges) {
  const std::size_t node_capacity = std::max<std::size_t>(nodes, node_capacity_);
  const std::size_t edge_capacity =
      std::max({edges, edge_capacity_, edges_ + 2 * (node_capacity - size_)});
  if (node_capacity != node_capacity_ || edge_capacity != edge_capacity_ ||
      block_.data() == nullptr)
    reallocate(node_capacity, edge_capacity);
}

void Tape::clear() {
  size_ = 0;
  edges_ = 0;
  // room for two edges per node again (a tape of few edges may have had less)
  if (edge_capacity_ < 2 * node_capacity_) reallocate(node_capacity_, 2 * node_capacity_);
  constants_ = 0;
  sums_.clear();
  inputs_.clear();
  names_.clear();
}

Var Tape::input(double value, std::string name) {
  const Var v = input(value);
  if (!name.empty()) names_.emplace_back(v.index, std::move(name));
  return v;
}

std::uint32_t Tape::append_inputs(std::span<const double> values) {
  const std::size_t n = values.size();
  if (n > kMaxCount - size_) throw_too_large();
  // room first, so that a failed allocation leaves the tape as it was
  if (size_ + n > node_capacity_)
    reserve(std::max(size_ + n, std::min(2 * node_capacity_, kMaxCount)), 0);
  inputs_.reserve(inputs_.size() + n);
  const auto first = static_cast<std::uint32_t>(size_);
  std::fill_n(op_.data() + first, n, Op::input);
  std::copy_n(values.data(), n, value_.data() + first);
  // the blocks that begin among these nodes begin with no new edges and no new constants,
  // as close() would note them
  for (std::size_t k = first / kBlock + 1; k * kBlock <= first + n; ++k)
    block_[k] = {static_cast<std::uint32_t>(edges_), static_cast<std::uint32_t>(constants_)};
  size_ += n;
  inputs_.resize(inputs_.size() + n);  // reserved above: cannot throw
  std::iota(inputs_.end() - static_cast<std::ptrdiff_t>(n), inputs_.end(), first);
  return first;
}

Var InputVector::at(std::size_t i) const {
  if (i >= size_)
    throw std::out_of_range("autodiff: input " + std::to_string(i) + " of " +
                            std::to_string(size_) + " inputs");
  return (*this)[i];
}

std::vector<Var> InputVector::to_vector() const {
  std::vector<Var> vars;
  vars.reserve(size_);
  for (std::size_t i = 0; i < size_; ++i) vars.push_back((*this)[i]);
  return vars;
}

Var Tape::record(Op op, double value, std::initializer_list<std::uint32_t> parents,
                 std::initializer_list<double> partials, double constant) {
  if (parents.size() != partials.size())
    throw invalid_argument("autodiff: record with " + std::to_string(parents.size()) +
                           " parents and " + std::to_string(partials.size()) +
                           " partials; allowed: one partial per parent");
  // the sweeps count a node's edges from its operation
  if (op == Op::sum ? parents.size() == 0 : parents.size() != fixed_arity(op))
    throw invalid_argument(
        "autodiff: record " + std::string(to_string(op)) + " with " +
        std::to_string(parents.size()) + " parents; allowed: " +
        (op == Op::sum ? std::string("one or more") : std::to_string(fixed_arity(op))));
  for (const std::uint32_t p : parents)
    if (p >= size_)
      throw invalid_argument("autodiff: record with parent " + std::to_string(p) +
                             "; allowed: a node already recorded (0 to " + std::to_string(size_) +
                             " exclusive)");
  if (!fits(parents.size())) grow(parents.size());
  std::copy(parents.begin(), parents.end(), parent_.data() + edges_);
  std::copy(partials.begin(), partials.end(), partial_.data() + edges_);
  edges_ += parents.size();
  if (op == Op::sum)
    sums_.push_back(
        {static_cast<std::uint32_t>(size_), static_cast<std::uint32_t>(parents.size())});
  if (has_constant(op)) keep_constant(constant);
  return close(op, value);
}

Var Tape::sum(const std::vector<Var>& terms) {
  if (terms.empty()) throw invalid_argument("autodiff: sum of no terms; allowed: one or more");
  double s = 0;
  for (const auto& t : terms) {
    if (t.tape != this) throw std::logic_error("autodiff: sum of Vars of another tape");
    s += t.value();
  }
  if (!fits(terms.size())) grow(terms.size());
  for (const auto& t : terms) {
    parent_[edges_] = t.index;
    partial_[edges_] = 1;
    ++edges_;
  }
  sums_.push_back({static_cast<std::uint32_t>(size_), static_cast<std::uint32_t>(terms.size())});
  return close(Op::sum, s);
}

double Tape::constant(std::uint32_t i) const {
  return has_constant(op_[i]) ? constant_[position(i).constant] : 0;
}

std::size_t Tape::memory_bytes() const {
  return size_ * (sizeof(Op) + sizeof(double)) + (size_ / kBlock + 1) * sizeof(Block) +
         constants_ * sizeof(double) + sums_.size() * sizeof(Count) +
         edges_ * (sizeof(std::uint32_t) + sizeof(double));
}

namespace {

// The number of edges of node i with operation `op`. A sum's count is in the side table, which
// the walks over all nodes meet in node order: `sum` is the next (forwards) or previous
// (backwards) entry, advanced here.
template <class Cursor>
std::uint32_t arity(Op op, Cursor& sum) {
  if (op != Op::sum) return fixed_arity(op);
  return (sum++)->edges;
}

}  // namespace

Tape::Position Tape::position(std::uint32_t i) const {
  if (i >= size_)
    return {static_cast<std::uint32_t>(edges_), static_cast<std::uint32_t>(constants_),
            sums_.end()};
  const std::uint32_t start = i / kBlock * kBlock;
  Position p{block_[i / kBlock].first_edge, block_[i / kBlock].first_constant,
             std::lower_bound(sums_.begin(), sums_.end(), start,
                              [](const Count& c, std::uint32_t node) { return c.node < node; })};
  for (std::uint32_t j = start; j < i; ++j) {
    p.edge += arity(op_[j], p.sum);
    p.constant += has_constant(op_[j]) ? 1 : 0;
  }
  return p;
}

Node Tape::node(std::uint32_t i) const {
  Position p = position(i);
  const std::uint32_t count = arity(op_[i], p.sum);
  return {op_[i], p.edge, count, value_[i], has_constant(op_[i]) ? constant_[p.constant] : 0};
}

void Tape::name(Var v, std::string name) {
  names_.emplace_back(v.index, std::move(name));
}

std::string Tape::name(std::uint32_t i) const {
  for (auto it = names_.rbegin(); it != names_.rend(); ++it)
    if (it->first == i) return it->second;
  if (i >= size_)
    throw std::out_of_range("autodiff: node " + std::to_string(i) + " of a tape of " +
                            std::to_string(size_) + " nodes");
  if (op_[i] == Op::input) {
    const auto k = std::find(inputs_.begin(), inputs_.end(), i) - inputs_.begin();
    return "theta" + std::to_string(k + 1);
  }
  if (op_[i] == Op::constant) return short_number(value_[i]);
  std::uint32_t k = 0;
  for (std::uint32_t j = 0; j <= i; ++j)
    if (op_[j] != Op::input && op_[j] != Op::constant) ++k;
  return "a" + std::to_string(k);
}

void Tape::backward(const std::vector<std::uint32_t>& outputs, const std::vector<double>& seeds,
                    std::vector<double>& adjoint) const {
  if (outputs.size() != seeds.size())
    throw invalid_argument("autodiff: " + std::to_string(seeds.size()) + " seeds for " +
                           std::to_string(outputs.size()) + " outputs; allowed: one per output");
  adjoint.assign(size_, 0.0);
  std::uint32_t last = 0;
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    adjoint.at(outputs[k]) += seeds[k];
    last = std::max(last, outputs[k]);
  }
  if (size_ == 0) return;
  //! [backward-sweep]
  // MEDL (4.31): ζ_k = Σ_{children i of k} (∂a_i/∂a_k) ζ_i. Visiting nodes in reverse
  // recording order, every child of a node is done before the node itself, so each node
  // pushes its finished adjoint to its parents along its edges. A node's edges come right
  // after those of the node before it, as many as its operation has parents: walking the
  // nodes backwards walks the edge columns backwards too.
  const Op* op = op_.data();
  const std::uint32_t* parent = parent_.data();
  const double* partial = partial_.data();
  double* zeta_of = adjoint.data();
  // node i's edges are [end − count, end); the sums' counts are met from the last sum at or
  // below node `last` downwards
  const Position above = position(last + 1);
  std::uint32_t end = above.edge;
  auto sum = std::make_reverse_iterator(above.sum);
  // The adjoint of the node just below i is kept in a register, `below_zeta`: node i is the
  // last of its children to be visited, and often its only one (a chain a → b → c records
  // consecutive nodes). Pushed through memory, every link of such a chain would wait for a
  // store to reach the next load; kept in a register it does not (the sweep is about a fifth
  // faster). The sums run in the same order as through memory, so the bits are the same.
  double below_zeta = zeta_of[last];
  for (std::uint32_t i = last; i > 0; --i) {
    const double zeta = below_zeta;
    zeta_of[i] = zeta;  // final: every child of node i is done
    const std::uint32_t below = i - 1;
    below_zeta = zeta_of[below];
    std::uint32_t n = fixed_arity(op[i]);
    if (n == 0) {  // arity(), spelled out so that the sum test rides on this rare branch
      if (op[i] != Op::sum) continue;  // an input or a constant: no edges
      n = (sum++)->edges;
    }
    const std::uint32_t e = end - n;
    end = e;
    if (zeta == 0) continue;  // nothing flows back (and never form 0·∞)
    auto flow = [&](std::uint32_t k) {
      const double contribution = partial[k] * zeta;
      if (parent[k] == below)
        below_zeta += contribution;
      else
        zeta_of[parent[k]] += contribution;
    };
    if (n == 2) {  // the common cases spelled out: a fifth fewer instructions than the loop
      if (parent[e] == parent[e + 1] && parent[e] != below) {
        // a · a: one load and one store for both edges (the same two additions, in order)
        const double first = partial[e] * zeta, second = partial[e + 1] * zeta;
        zeta_of[parent[e]] = (zeta_of[parent[e]] + first) + second;
      } else {
        flow(e), flow(e + 1);
      }
    } else if (n == 1) {
      flow(e);
    } else [[unlikely]] {  // a sum
      // (unmarked, this branch made GCC 12 lay the sweep out a tenth to a quarter slower,
      // side by side)
      for (std::uint32_t k = e; k < e + n; ++k) flow(k);
    }
  }
  zeta_of[0] = below_zeta;  // node 0 has no parents: nothing to push
  //! [backward-sweep]
}

void Tape::forward_tangents(const std::vector<double>& input_tangents,
                            std::vector<double>& tangent) const {
  if (input_tangents.size() != inputs_.size())
    throw invalid_argument("autodiff: " + std::to_string(input_tangents.size()) +
                           " input tangents for " + std::to_string(inputs_.size()) +
                           " inputs; allowed: one per input");
  tangent.assign(size_, 0.0);
  for (std::size_t k = 0; k < inputs_.size(); ++k) tangent[inputs_[k]] = input_tangents[k];
  auto sum = sums_.begin();
  for (std::uint32_t i = 0, first = 0; i < size_; ++i) {
    const std::uint32_t end = first + arity(op_[i], sum);
    if (first == end) continue;  // an input or a constant
    double t = 0;
    for (std::uint32_t e = first; e < end; ++e) {
      const double tk = tangent[parent_[e]];
      if (tk != 0) t += partial_[e] * tk;  // a still parent contributes 0, never 0·∞
    }
    tangent[i] = t;
    first = end;
  }
}

void Tape::replay(const std::vector<double>& input_values) {
  if (input_values.size() != inputs_.size())
    throw invalid_argument("autodiff: replay with " + std::to_string(input_values.size()) +
                           " values for " + std::to_string(inputs_.size()) +
                           " inputs; allowed: one per input");
  for (std::size_t k = 0; k < inputs_.size(); ++k) value_[inputs_[k]] = input_values[k];
  double x_small[2];
  std::vector<double> x_large;
  std::size_t next_constant = 0;  // the constants are in node order
  auto sum = sums_.begin();
  for (std::uint32_t i = 0, first = 0; i < size_; ++i) {
    const double c = has_constant(op_[i]) ? constant_[next_constant++] : 0;
    const std::uint32_t count = arity(op_[i], sum);
    if (count == 0) continue;
    double* x = x_small;
    if (count > 2) {
      x_large.resize(count);
      x = x_large.data();
    }
    for (std::uint32_t k = 0; k < count; ++k) x[k] = value_[parent_[first + k]];
    value_[i] = evaluate(op_[i], x, count, c, &partial_[first]);
    first += count;
  }
}

std::vector<int> Tape::forward_iterations() const {
  std::vector<int> level(size_, 0);
  auto sum = sums_.begin();
  for (std::uint32_t i = 0, first = 0; i < size_; ++i) {
    const std::uint32_t end = first + arity(op_[i], sum);
    if (first == end) continue;  // an input or a constant
    int m = 0;
    for (std::uint32_t e = first; e < end; ++e) m = std::max(m, level[parent_[e]]);
    level[i] = m + 1;
    first = end;
  }
  return level;
}

std::vector<int> Tape::backward_iterations(std::uint32_t output) const {
  std::vector<int> level(size_, -1);
  level.at(output) = 0;
  const Position above = position(output + 1);
  auto sum = std::make_reverse_iterator(above.sum);
  for (std::uint32_t i = output + 1, end = above.edge; i-- > 0;) {
    const std::uint32_t first = end - arity(op_[i], sum);
    if (level[i] >= 0)
      for (std::uint32_t e = first; e < end; ++e)
        level[parent_[e]] = std::max(level[parent_[e]], level[i] + 1);
    end = first;
  }
  return level;
}

}  // namespace descent::autodiff
