#include "descent/autodiff/trace.hpp"

#include "descent/core/interval.hpp"

namespace descent::autodiff {

namespace {

// A parent's name; a negative constant in parentheses so that "theta3 * (-2)" reads right.
std::string parent_name(const Tape& tape, std::uint32_t i, std::uint32_t k) {
  const std::uint32_t p = tape.parent(tape.node(i).first + k);
  const std::string name = tape.name(p);
  if (tape.node(p).op == Op::constant && name[0] == '-') return "(" + name + ")";
  return name;
}

bool parent_is_constant(const Tape& tape, std::uint32_t i, std::uint32_t k) {
  return tape.node(tape.parent(tape.node(i).first + k)).op == Op::constant;
}

std::string primal_formula(const Tape& tape, std::uint32_t i) {
  const Node& n = tape.node(i);
  const std::string self = tape.name(i);
  const std::string c = short_number(n.constant);
  auto p = [&](std::uint32_t k) { return parent_name(tape, i, k); };
  switch (n.op) {
    case Op::input: return self;
    case Op::constant: return c;
    case Op::add: return self + " = " + p(0) + " + " + p(1);
    case Op::sub: return self + " = " + p(0) + " - " + p(1);
    case Op::mul: return self + " = " + p(0) + " * " + p(1);
    case Op::div: return self + " = " + p(0) + " / " + p(1);
    case Op::neg: return self + " = -" + p(0);
    case Op::sum: {
      std::string s = self + " = " + p(0);
      for (std::uint32_t k = 1; k < n.count; ++k) s += " + " + p(k);
      return s;
    }
    case Op::add_const:
      return self + " = " + p(0) + (n.constant < 0 ? " - " + short_number(-n.constant) : " + " + c);
    case Op::sub_const: return self + " = " + c + " - " + p(0);
    case Op::mul_const: return self + " = " + c + " * " + p(0);
    case Op::div_const: return self + " = " + p(0) + " / " + c;
    case Op::rdiv_const: return self + " = " + c + " / " + p(0);
    case Op::pow_const: return self + " = " + p(0) + "^" + c;
    case Op::max: return self + " = max(" + p(0) + ", " + p(1) + ")";
    default: return self + " = " + to_string(n.op) + "(" + p(0) + ")";
  }
}

// "x" times the partial "d", simplified for d = 1 and d = -1.
std::string times(const std::string& d, const std::string& x) {
  if (d == "1") return x;
  if (d == "-1") return "-" + x;
  if (d.size() > 2 && d.front() == '(' && d[1] == '-' && d.back() == ')')
    return "-" + d.substr(2, d.size() - 3) + "*" + x;
  return d + "*" + x;
}

std::string join_terms(const std::vector<std::string>& terms) {
  if (terms.empty()) return "0";
  std::string s = terms[0];
  for (std::size_t k = 1; k < terms.size(); ++k)
    s += terms[k][0] == '-' ? " - " + terms[k].substr(1) : " + " + terms[k];
  return s;
}

std::string zeta(const std::string& name) {
  return "zeta(" + name + ")";
}

}  // namespace

std::string local_partial_formula(const Tape& tape, std::uint32_t i, std::uint32_t k) {
  const Node& n = tape.node(i);
  const std::string self = tape.name(i);
  const std::string c = short_number(n.constant);
  auto p = [&](std::uint32_t q) { return parent_name(tape, i, q); };
  switch (n.op) {
    case Op::add:
    case Op::sum:
    case Op::add_const: return "1";
    case Op::sub: return k == 0 ? "1" : "-1";
    case Op::neg:
    case Op::sub_const: return "-1";
    case Op::mul: return p(1 - k);
    case Op::div: return k == 0 ? "1/" + p(1) : "-" + p(0) + "/" + p(1) + "^2";
    case Op::mul_const: return c;
    case Op::div_const: return "1/" + c;
    case Op::rdiv_const: return "-" + c + "/" + p(0) + "^2";
    case Op::pow_const: return c + "*" + p(0) + "^(" + short_number(n.constant - 1) + ")";
    case Op::sin: return "cos(" + p(0) + ")";
    case Op::cos: return "-sin(" + p(0) + ")";
    case Op::exp: return self;  // exp' = exp: the node's own value
    case Op::log: return "1/" + p(0);
    case Op::log1p: return "1/(1 + " + p(0) + ")";
    case Op::sqrt: return "1/(2*" + self + ")";
    case Op::tanh: return "(1 - " + self + "^2)";
    case Op::sigmoid: return self + "*(1 - " + self + ")";
    case Op::abs: return "sign(" + p(0) + ")";
    case Op::relu: return "[" + p(0) + " > 0]";
    case Op::max:
      return k == 0 ? "[" + p(0) + " >= " + p(1) + "]" : "[" + p(1) + " >= " + p(0) + "]";
    case Op::input:
    case Op::constant: return "0";
  }
  return "?";
}

std::vector<TraceRow> trace(const Tape& tape, std::uint32_t output,
                            const std::vector<double>& input_tangents) {
  std::vector<double> tangent, adjoint;
  tape.forward_tangents(input_tangents, tangent);
  tape.backward({output}, {1.0}, adjoint);
  const auto forward = tape.forward_iterations();
  const auto backward = tape.backward_iterations(output);

  // The children of every node, with the edge's position among the child's parents, for
  // the adjoint formulas (4.31): ζ_k = Σ_children (∂a_i/∂a_k) ζ_i.
  const auto n = static_cast<std::uint32_t>(tape.size());
  std::vector<std::vector<std::string>> adjoint_terms(n);
  for (std::uint32_t i = 0; i <= output && i < n; ++i) {
    const Node& node = tape.node(i);
    for (std::uint32_t k = 0; k < node.count; ++k)
      adjoint_terms[tape.parent(node.first + k)].push_back(
          times(local_partial_formula(tape, i, k), zeta(tape.name(i))));
  }

  std::vector<TraceRow> rows;
  rows.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Node& node = tape.node(i);
    TraceRow row;
    row.index = i;
    row.name = tape.name(i);
    row.op = node.op;
    row.forward_iteration = forward[i];
    row.backward_iteration = backward[i];
    row.value = node.value;
    row.tangent = tangent[i];
    row.adjoint = adjoint[i];
    row.primal_formula = primal_formula(tape, i);
    if (node.op == Op::input) {
      row.tangent_formula = row.name + "' = given";
    } else if (node.op == Op::constant) {
      row.tangent_formula = "0";
    } else {
      std::vector<std::string> terms;
      for (std::uint32_t k = 0; k < node.count; ++k)  // a constant's tangent is 0: no term
        if (!parent_is_constant(tape, i, k))
          terms.push_back(times(local_partial_formula(tape, i, k), parent_name(tape, i, k) + "'"));
      row.tangent_formula = row.name + "' = " + join_terms(terms);
    }
    row.adjoint_formula =
        zeta(row.name) + " = " + (i == output ? std::string("1") : join_terms(adjoint_terms[i]));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace descent::autodiff
