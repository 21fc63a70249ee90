#include "descent/autodiff/tape.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

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

double sigmoid_value(double a) {
  if (a >= 0) return 1 / (1 + std::exp(-a));
  const double e = std::exp(a);
  return e / (1 + e);
}

// The primal of one operation from its parents' primals x, and its local partials
// ∂a/∂x_k written to d. The single place where the elementary rules of reverse mode live;
// the kink choices match dual.hpp.
double evaluate(Op op, const double* x, std::uint32_t n, double c, double* d) {
  switch (op) {
    case Op::input:
    case Op::constant: return c;
    case Op::add: d[0] = 1, d[1] = 1; return x[0] + x[1];
    case Op::sub: d[0] = 1, d[1] = -1; return x[0] - x[1];
    case Op::mul: d[0] = x[1], d[1] = x[0]; return x[0] * x[1];
    case Op::div: {
      const double q = x[0] / x[1];
      d[0] = 1 / x[1], d[1] = -q / x[1];
      return q;
    }
    case Op::neg: d[0] = -1; return -x[0];
    case Op::sum: {
      double s = 0;
      for (std::uint32_t k = 0; k < n; ++k) s += x[k], d[k] = 1;
      return s;
    }
    case Op::add_const: d[0] = 1; return x[0] + c;
    case Op::sub_const: d[0] = -1; return c - x[0];
    case Op::mul_const: d[0] = c; return c * x[0];
    case Op::div_const: d[0] = 1 / c; return x[0] / c;
    case Op::rdiv_const: {
      const double q = c / x[0];
      d[0] = -q / x[0];
      return q;
    }
    case Op::pow_const: d[0] = c == 0 ? 0 : c * std::pow(x[0], c - 1); return std::pow(x[0], c);
    case Op::sin: d[0] = std::cos(x[0]); return std::sin(x[0]);
    case Op::cos: d[0] = -std::sin(x[0]); return std::cos(x[0]);
    case Op::exp: {
      const double e = std::exp(x[0]);
      d[0] = e;
      return e;
    }
    case Op::log: d[0] = 1 / x[0]; return std::log(x[0]);
    case Op::log1p: d[0] = 1 / (1 + x[0]); return std::log1p(x[0]);
    case Op::sqrt: {
      const double r = std::sqrt(x[0]);
      d[0] = 0.5 / r;  // +inf at 0: the one-sided derivative
      return r;
    }
    case Op::tanh: {
      const double t = std::tanh(x[0]);
      d[0] = 1 - t * t;
      return t;
    }
    case Op::sigmoid: {
      const double s = sigmoid_value(x[0]);
      d[0] = s * (1 - s);
      return s;
    }
    case Op::abs: d[0] = x[0] > 0 ? 1 : (x[0] < 0 ? -1 : 0); return std::fabs(x[0]);
    case Op::relu: d[0] = x[0] > 0 ? 1 : 0; return x[0] > 0 ? x[0] : 0;
    case Op::max:
      if (x[0] > x[1])
        d[0] = 1, d[1] = 0;
      else if (x[1] > x[0])
        d[0] = 0, d[1] = 1;
      else
        d[0] = 0.5, d[1] = 0.5;  // tie: the mean, a subgradient
      return std::max(x[0], x[1]);
  }
  return 0;
}

Var unary(Op op, Var a, double c = 0) {
  double x = a.value(), d = 0;
  const double v = evaluate(op, &x, 1, c, &d);
  return a.tape->record(op, v, {a.index}, {d}, c);
}

Var binary(Op op, Var a, Var b) {
  if (a.tape != b.tape)
    throw std::logic_error("autodiff: an operation mixes Vars of two different tapes");
  const double x[2] = {a.value(), b.value()};
  double d[2] = {0, 0};
  const double v = evaluate(op, x, 2, 0, d);
  return a.tape->record(op, v, {a.index, b.index}, {d[0], d[1]});
}

}  // namespace

double Var::value() const {
  return tape->node(index).value;
}

void Tape::reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  parents_.reserve(edges);
  partials_.reserve(edges);
}

void Tape::clear() {
  nodes_.clear();
  parents_.clear();
  partials_.clear();
  inputs_.clear();
  names_.clear();
}

Var Tape::input(double value, std::string name) {
  const auto i = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({Op::input, static_cast<std::uint32_t>(parents_.size()), 0, value, value});
  inputs_.push_back(i);
  if (!name.empty()) names_.emplace_back(i, std::move(name));
  return {this, i};
}

Var Tape::constant(double value) {
  const auto i = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({Op::constant, static_cast<std::uint32_t>(parents_.size()), 0, value, value});
  return {this, i};
}

Var Tape::record(Op op, double value, std::initializer_list<std::uint32_t> parents,
                 std::initializer_list<double> partials, double constant) {
  const auto i = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({op, static_cast<std::uint32_t>(parents_.size()),
                    static_cast<std::uint32_t>(parents.size()), value, constant});
  parents_.insert(parents_.end(), parents);
  partials_.insert(partials_.end(), partials);
  return {this, i};
}

Var Tape::sum(const std::vector<Var>& terms) {
  if (terms.empty()) throw invalid_argument("autodiff: sum of no terms; allowed: one or more");
  const auto i = static_cast<std::uint32_t>(nodes_.size());
  double s = 0;
  for (const auto& t : terms) {
    if (t.tape != this) throw std::logic_error("autodiff: sum of Vars of another tape");
    s += t.value();
  }
  nodes_.push_back({Op::sum, static_cast<std::uint32_t>(parents_.size()),
                    static_cast<std::uint32_t>(terms.size()), s, 0});
  for (const auto& t : terms) {
    parents_.push_back(t.index);
    partials_.push_back(1);
  }
  return {this, i};
}

void Tape::name(Var v, std::string name) {
  names_.emplace_back(v.index, std::move(name));
}

std::string Tape::name(std::uint32_t i) const {
  for (auto it = names_.rbegin(); it != names_.rend(); ++it)
    if (it->first == i) return it->second;
  const Node& n = nodes_.at(i);
  if (n.op == Op::input) {
    const auto k = std::find(inputs_.begin(), inputs_.end(), i) - inputs_.begin();
    return "theta" + std::to_string(k + 1);
  }
  if (n.op == Op::constant) return short_number(n.value);
  std::uint32_t k = 0;
  for (std::uint32_t j = 0; j <= i; ++j)
    if (nodes_[j].op != Op::input && nodes_[j].op != Op::constant) ++k;
  return "a" + std::to_string(k);
}

void Tape::backward(const std::vector<std::uint32_t>& outputs, const std::vector<double>& seeds,
                    std::vector<double>& adjoint) const {
  if (outputs.size() != seeds.size())
    throw invalid_argument("autodiff: " + std::to_string(seeds.size()) + " seeds for " +
                           std::to_string(outputs.size()) + " outputs; allowed: one per output");
  adjoint.assign(nodes_.size(), 0.0);
  std::uint32_t last = 0;
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    adjoint.at(outputs[k]) += seeds[k];
    last = std::max(last, outputs[k]);
  }
  if (nodes_.empty()) return;
  //! [backward-sweep]
  // MEDL (4.31): ζ_k = Σ_{children i of k} (∂a_i/∂a_k) ζ_i. Visiting nodes in reverse
  // recording order, every child of a node is done before the node itself.
  for (std::uint32_t i = last + 1; i-- > 0;) {
    const double zeta = adjoint[i];
    if (zeta == 0) continue;  // nothing flows back: skip (and never form 0·∞)
    const Node& n = nodes_[i];
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e)
      adjoint[parents_[e]] += partials_[e] * zeta;
  }
  //! [backward-sweep]
}

void Tape::forward_tangents(const std::vector<double>& input_tangents,
                            std::vector<double>& tangent) const {
  if (input_tangents.size() != inputs_.size())
    throw invalid_argument("autodiff: " + std::to_string(input_tangents.size()) +
                           " input tangents for " + std::to_string(inputs_.size()) +
                           " inputs; allowed: one per input");
  tangent.assign(nodes_.size(), 0.0);
  for (std::size_t k = 0; k < inputs_.size(); ++k) tangent[inputs_[k]] = input_tangents[k];
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (n.count == 0) continue;
    double t = 0;
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e) {
      const double tk = tangent[parents_[e]];
      if (tk != 0) t += partials_[e] * tk;  // a still parent contributes 0, never 0·∞
    }
    tangent[i] = t;
  }
}

void Tape::replay(const std::vector<double>& input_values) {
  if (input_values.size() != inputs_.size())
    throw invalid_argument("autodiff: replay with " + std::to_string(input_values.size()) +
                           " values for " + std::to_string(inputs_.size()) +
                           " inputs; allowed: one per input");
  for (std::size_t k = 0; k < inputs_.size(); ++k) nodes_[inputs_[k]].value = input_values[k];
  double x_small[2];
  std::vector<double> x_large;
  for (Node& n : nodes_) {
    if (n.count == 0) continue;
    double* x = x_small;
    if (n.count > 2) {
      x_large.resize(n.count);
      x = x_large.data();
    }
    for (std::uint32_t k = 0; k < n.count; ++k) x[k] = nodes_[parents_[n.first + k]].value;
    n.value = evaluate(n.op, x, n.count, n.constant, &partials_[n.first]);
  }
}

std::vector<int> Tape::forward_iterations() const {
  std::vector<int> level(nodes_.size(), 0);
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (n.count == 0) continue;
    int m = 0;
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e) m = std::max(m, level[parents_[e]]);
    level[i] = m + 1;
  }
  return level;
}

std::vector<int> Tape::backward_iterations(std::uint32_t output) const {
  std::vector<int> level(nodes_.size(), -1);
  level.at(output) = 0;
  for (std::uint32_t i = output + 1; i-- > 0;) {
    if (level[i] < 0) continue;
    const Node& n = nodes_[i];
    for (std::uint32_t e = n.first; e < n.first + n.count; ++e)
      level[parents_[e]] = std::max(level[parents_[e]], level[i] + 1);
  }
  return level;
}

// --- operations on Vars --------------------------------------------------------------------

Var operator+(Var a, Var b) {
  return binary(Op::add, a, b);
}
Var operator-(Var a, Var b) {
  return binary(Op::sub, a, b);
}
Var operator*(Var a, Var b) {
  return binary(Op::mul, a, b);
}
Var operator/(Var a, Var b) {
  return binary(Op::div, a, b);
}
Var operator-(Var a) {
  return unary(Op::neg, a);
}
Var operator+(Var a, double c) {
  return unary(Op::add_const, a, c);
}
Var operator+(double c, Var a) {
  return unary(Op::add_const, a, c);
}
Var operator-(Var a, double c) {
  return unary(Op::add_const, a, -c);
}
Var operator-(double c, Var a) {
  return unary(Op::sub_const, a, c);
}
Var operator*(Var a, double c) {
  return unary(Op::mul_const, a, c);
}
Var operator*(double c, Var a) {
  return unary(Op::mul_const, a, c);
}
Var operator/(Var a, double c) {
  return unary(Op::div_const, a, c);
}
Var operator/(double c, Var a) {
  return unary(Op::rdiv_const, a, c);
}
Var sin(Var a) {
  return unary(Op::sin, a);
}
Var cos(Var a) {
  return unary(Op::cos, a);
}
Var exp(Var a) {
  return unary(Op::exp, a);
}
Var log(Var a) {
  return unary(Op::log, a);
}
Var log1p(Var a) {
  return unary(Op::log1p, a);
}
Var sqrt(Var a) {
  return unary(Op::sqrt, a);
}
Var tanh(Var a) {
  return unary(Op::tanh, a);
}
Var sigmoid(Var a) {
  return unary(Op::sigmoid, a);
}
Var pow(Var a, double p) {
  return unary(Op::pow_const, a, p);
}
Var abs(Var a) {
  return unary(Op::abs, a);
}
Var relu(Var a) {
  return unary(Op::relu, a);
}
Var max(Var a, Var b) {
  return binary(Op::max, a, b);
}

}  // namespace descent::autodiff
