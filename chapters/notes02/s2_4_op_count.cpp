/// \file
/// Notes §2.4, the introduction: backpropagation is reverse-mode automatic differentiation;
/// forward mode "exists" but is left out. What separates them is cost: on the graph of (2.10)
/// one backward sweep gives both partial derivatives, while forward mode needs one tangent
/// sweep per input. Counted here edge by edge, by sweeps over the recorded tape that
/// increment a counter at every multiply-add, and checked against the library's own sweeps.

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "descent/autodiff/tape.hpp"
#include "descent/core/error.hpp"
#include "notes02/sections.hpp"

namespace descent::chapters::notes02 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
namespace ad = descent::autodiff;

//! [section-2.4-op-count]
// (2.10) with n inputs: v3 = v1 v2 (for n > 2 the product of all the inputs, one multiplication
// node per extra input), v4 = exp v3, v5 = 1 + v4, v6 = log v5, f = v3 − v6. For n = 2 it is
// the notes' graph of Figure 2.1: 7 nodes, 7 edges.
std::uint32_t record(ad::Tape& t, const std::vector<double>& x) {
  ad::Var s = t.input(x[0]);
  for (std::size_t i = 1; i < x.size(); ++i) s = s * t.input(x[i]);
  const ad::Var v6 = ad::log(1.0 + ad::exp(s));
  return (s - v6).index;
}

// One backward sweep over the tape's edge columns: ζ_parent += ζ_node · ∂a_node/∂a_parent,
// one multiply-add per edge (the adjoint rule: a sum over the children).
std::vector<double> counted_backward(const ad::Tape& t, std::uint32_t output, long& macs) {
  std::vector<double> adjoint(t.size(), 0.0);
  adjoint[output] = 1;
  for (std::uint32_t i = output + 1; i-- > 0;) {
    const auto node = t.node(i);
    for (std::uint32_t e = node.first; e < node.first + node.count; ++e) {
      adjoint[t.parent(e)] += adjoint[i] * t.partial(e);
      ++macs;
    }
  }
  return adjoint;
}

// One forward (tangent) sweep seeded with input k: ȧ_node = Σ_parents ∂a_node/∂a_parent · ȧ_parent,
// one multiply-add per edge.
std::vector<double> counted_forward(const ad::Tape& t, std::size_t k, long& macs) {
  std::vector<double> tangent(t.size(), 0.0);
  tangent[t.inputs()[k]] = 1;
  for (std::uint32_t i = 0; i < t.size(); ++i) {
    const auto node = t.node(i);
    for (std::uint32_t e = node.first; e < node.first + node.count; ++e) {
      tangent[i] += t.partial(e) * tangent[t.parent(e)];
      ++macs;
    }
  }
  return tangent;
}

Result op_count(const Params& p) {
  const auto x = p.vector("x");
  double s = 1;
  for (const double v : x) s *= v;
  // exp(s) overflows above log(DBL_MAX) = 709.78: the adjoints would be 0 · ∞.
  if (s > std::log(std::numeric_limits<double>::max()))
    throw invalid_argument("the product of x is " + short_number(s) +
                           ": exp of it overflows above 709.78; allowed: a product <= 709.78");
  ad::Tape t;
  const std::uint32_t out = record(t, x);
  const std::size_t n = x.size();

  long reverse_macs = 0, forward_macs = 0;
  const auto adjoint = counted_backward(t, out, reverse_macs);
  std::vector<double> library_adjoint, library_tangent;
  t.backward({out}, {1.0}, library_adjoint);
  // The counted sweeps must compute what the library's sweeps compute.
  double worst = 0;
  std::vector<double> forward_gradient(n);
  for (std::size_t k = 0; k < n; ++k) {
    const auto tangent = counted_forward(t, k, forward_macs);
    forward_gradient[k] = tangent[out];
    std::vector<double> seed(n, 0.0);
    seed[k] = 1;
    t.forward_tangents(seed, library_tangent);
    worst = std::max(worst, std::fabs(tangent[out] - library_tangent[out]));
    worst = std::max(worst, std::fabs(adjoint[t.inputs()[k]] - library_adjoint[t.inputs()[k]]));
  }

  Result result;
  auto& sweeps = result.table("cost of the gradient", {"mode", "sweeps", "multiply-adds per sweep",
                                                       "multiply-adds in all"});
  sweeps.add(
      {std::string("reverse (backpropagation)"), 1.0, double(reverse_macs), double(reverse_macs)});
  sweeps.add({std::string("forward (tangents)"), double(n), double(forward_macs) / double(n),
              double(forward_macs)});
  auto& gradient = result.table("gradient", {"input", "x_i", "reverse: adjoint of x_i",
                                             "forward: tangent of f seeded at x_i"});
  for (std::size_t k = 0; k < n; ++k)
    gradient.add({double(k + 1), x[k], adjoint[t.inputs()[k]], forward_gradient[k]});
  result.value("nodes", double(t.size()));
  result.value("edges", double(t.edge_count()));
  result.value("reverse_macs", double(reverse_macs));
  result.value("forward_macs", double(forward_macs));
  result.value("forward_over_reverse", double(forward_macs) / double(reverse_macs));
  result.value("f", t.value(out));
  result.value("df_dx1", adjoint[t.inputs()[0]]);
  result.value("df_dx2", adjoint[t.inputs()[1]]);
  result.value("counted_vs_library", worst);
  return result;
}
//! [section-2.4-op-count]

}  // namespace

void add_section_2_4_op_count(app::Chapter& chapter) {
  chapter.add({"section-2.4-op-count",
               "Reverse mode gets the gradient in one sweep, forward mode in one sweep per "
               "input: multiply-adds counted on the graph of (2.10)",
               "Notes §2.4, the introduction (reverse versus forward mode)",
               {Param::vector("x", "1.5,2", Provenance::companion,
                              "the inputs (x, y) of (2.9); more than two multiply into v3", 2, 50,
                              Interval::closed(-1e6, 1e6))},
               op_count});
}

}  // namespace descent::chapters::notes02
