/// \file
/// Aggarwal §3.10, Exercises 1–4: derivatives through small graphs, computed by a backward
/// sweep over a recorded tape with the upstream gradient ∂L/∂o as the seed.

#include <cmath>
#include <string>
#include <vector>

#include "aggarwal03/diagrams.hpp"
#include "aggarwal03/graph_figures.hpp"
#include "aggarwal03/sections.hpp"
#include "descent/autodiff/tape.hpp"
#include "descent/core/interval.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
namespace ad = descent::autodiff;

// ∂L/∂x for every input of the tape, given ∂L/∂o.
std::vector<double> input_gradient(const ad::Tape& tape, ad::Var o, double dL_do) {
  std::vector<double> zeta;
  tape.backward({o.index}, {dL_do}, zeta);
  std::vector<double> g;
  for (auto i : tape.inputs()) g.push_back(zeta[i]);
  return g;
}

void add_gradient(Result& result, const std::vector<double>& x, const std::vector<double>& g) {
  auto& t = result.table("gradient", {"input", "x", "dL/dx"});
  for (std::size_t i = 0; i < x.size(); ++i) {
    t.add({"x" + std::to_string(i + 1), x[i], g[i]});
    result.value("dL_dx" + std::to_string(i + 1), g[i]);
  }
}

// --- exercise-1 ---------------------------------------------------------------------------

Result exercise_1(const Params& p) {
  const double x0 = p.number("x"), y0 = p.number("y");
  const auto steps = static_cast<std::size_t>(p.integer("steps"));
  ad::Tape tape;
  std::vector<ad::Var> x{tape.input(x0, "x_t")}, y{tape.input(y0, "y_t")};
  // (x_{t+1}, y_{t+1}) = (f(x_t, y_t), g(x_t, y_t)) with f = xy, g = x + y² (Eq. 3.66)
  for (std::size_t k = 0; k < steps; ++k) {
    const ad::Var f = x[k] * y[k], g = x[k] + y[k] * y[k];
    x.push_back(f), y.push_back(g);
  }
  const auto grad = input_gradient(tape, x[2], 1.0);
  // (a): f_x(x1, y1) f_x(x, y) + f_y(x1, y1) g_x(x, y), with f_x = y, f_y = x, g_x = 1
  const double formula = y[1].value() * y0 + x[1].value() * 1.0;
  Result result;
  auto& t = result.table("answer", {"quantity", "value"});
  t.add({"x_{t+2}", x[2].value()});
  t.add({"dx_{t+2}/dx_t (backward sweep)", grad[0]});
  t.add({"dx_{t+2}/dx_t (answer (a))", formula});
  result.value("x_t_plus_2", x[2].value());
  result.value("dx2_dx0", grad[0]);
  result.value("dx2_dx0_formula", formula);
  for (std::size_t k = 0; k <= steps && result.status.empty(); ++k)
    if (!std::isfinite(x[k].value()) || !std::isfinite(y[k].value()))
      result.status = "x" + std::to_string(k + 1) + ", y" + std::to_string(k + 1) +
                      " leave the doubles at these inputs: the drawing shows inf from there on";
  // (b): the network of the recurrence, drawn from the tape just recorded
  result.figures.push_back(report::Figure{
      "exercise-1",
      "Exercise 1(b): the recurrence (x_{t+1}, y_{t+1}) = (f(x_t, y_t), g(x_t, y_t)) unrolled "
      "for " +
          std::to_string(steps) + " steps as a network whose neurons compute f and g",
      {},
      "f(x, y) = xy and g(x, y) = x + y² (the companion's choice; the book leaves f and g "
      "open), from x₁ = " +
          label_number(x0) + ", y₁ = " + label_number(y0) +
          ". The coloured edges are the two paths from x₁ to x₃, each labelled with the "
          "derivative of its head with respect to its tail: their products sum to ∂x₃/∂x₁ = " +
          label_number(grad[0]) + " (part (a)).",
      recurrence_dot(tape, x, y, "recurrence")});
  return result;
}

app::Item exercise_1_item() {
  return {"exercise-1",
          "Exercise 1: d x_{t+2} / d x_t through the recurrence (x, y) -> (f, g), and its network",
          "Aggarwal §3.10, Exercise 1, Eq. 3.66",
          {Param::number("x", "1", Provenance::companion, "x_t (the book gives none)"),
           Param::number("y", "2", Provenance::companion, "y_t (the book gives none)"),
           Param::integer("steps", "5", Provenance::book,
                          "steps of the recurrence the network unrolls (book: t = 1 to 5)",
                          Interval::closed(2, 6))},
          exercise_1};
}

// --- exercise-2 ---------------------------------------------------------------------------

Result exercise_2(const Params& p) {
  const auto x0 = p.vector("x");
  ad::Tape tape;
  const ad::Var x1 = tape.input(x0[0]), x2 = tape.input(x0[1]);
  const ad::Var o = x1 * x2;  // a neuron that multiplies its inputs
  Result result;
  add_gradient(result, x0, input_gradient(tape, o, p.number("dL_do")));
  return result;
}

app::Item exercise_2_item() {
  return {"exercise-2",
          "Exercise 2: a neuron o = x1 x2 with dL/do = 5",
          "Aggarwal §3.10, Exercise 2",
          {Param::vector("x", "2,3", Provenance::book, "inputs x1, x2", 2, 2),
           Param::number("dL_do", "5", Provenance::book, "upstream gradient dL/do")},
          exercise_2};
}

// --- exercise-3 and exercise-4 -------------------------------------------------------------

// Six hidden units, one per pair x_i x_j (i < j), combined by sum (Ex. 3) or max (Ex. 4).
Result pairwise(const Params& p, bool use_max) {
  const auto x0 = p.vector("x");
  ad::Tape tape;
  std::vector<ad::Var> x;
  for (double v : x0) x.push_back(tape.input(v));
  std::vector<ad::Var> h;
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = i + 1; j < x.size(); ++j) h.push_back(x[i] * x[j]);
  ad::Var o = h[0];
  if (use_max) {
    for (std::size_t k = 1; k < h.size(); ++k) o = ad::max(o, h[k]);  // ties: split (dual.hpp)
  } else {
    o = tape.sum(h);
  }
  Result result;
  add_gradient(result, x0, input_gradient(tape, o, p.number("dL_do")));
  result.value("o", o.value());
  return result;
}

std::vector<Param> pairwise_params() {
  return {Param::vector("x", "1,2,3,4", Provenance::book, "inputs x1..x4", 4, 4),
          Param::number("dL_do", "2", Provenance::book, "upstream gradient dL/do")};
}

app::Item exercise_3_item() {
  return {"exercise-3", "Exercise 3: o = sum of the six pairwise products, dL/do = 2",
          "Aggarwal §3.10, Exercise 3", pairwise_params(),
          [](const Params& p) { return pairwise(p, false); }};
}

app::Item exercise_4_item() {
  return {"exercise-4", "Exercise 4: o = max of the six pairwise products, dL/do = 2",
          "Aggarwal §3.10, Exercise 4", pairwise_params(),
          [](const Params& p) { return pairwise(p, true); }};
}

}  // namespace

void add_exercises_autodiff(app::Chapter& chapter) {
  chapter.add(exercise_1_item());
  chapter.add(exercise_2_item());
  chapter.add(exercise_3_item());
  chapter.add(exercise_4_item());
}

}  // namespace descent::chapters::aggarwal03
