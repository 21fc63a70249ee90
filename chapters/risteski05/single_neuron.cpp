/// \file
/// Risteski, lecture 5, slide "Taking gradients of neural networks: backpropagation",
/// Observation 1: for one neuron u = σ(⟨w, z⟩ + b) feeding f, the chain rule gives
/// ∂f/∂w₁ = ∂f/∂u · σ′(⟨w, z⟩ + b) z₁. The slide writes σ′(u), the derivative at the neuron's
/// output instead of its pre-activation: a typo, shown here against reverse-mode autodiff and
/// central differences.

#include <cmath>
#include <string>
#include <vector>

#include "common/errata.hpp"
#include "descent/autodiff/finite_difference.hpp"
#include "descent/autodiff/tape.hpp"
#include "descent/core/error.hpp"
#include "risteski05/sections.hpp"

namespace descent::chapters::risteski05 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
namespace ad = descent::autodiff;

double sigmoid(double a) {
  return 1 / (1 + std::exp(-a));
}
double sigmoid_prime(double a) {
  return sigmoid(a) * (1 - sigmoid(a));
}

//! [slide-single-neuron]
Result single_neuron(const Params& p) {
  const auto w = p.vector("w"), z = p.vector("z");
  if (w.size() != z.size())
    throw invalid_argument("w has " + std::to_string(w.size()) + " entries and z " +
                           std::to_string(z.size()) + "; allowed: the same number");
  const double b = p.number("b"), df_du = p.number("df_du");
  const std::size_t n = w.size();

  // f = (∂f/∂u) u with u = σ(⟨w, z⟩ + b), recorded on the tape; one backward sweep gives ∂f/∂w.
  ad::Tape tape;
  std::vector<ad::Var> wv;
  for (const double v : w) wv.push_back(tape.input(v));
  ad::Var s = wv[0] * z[0];
  for (std::size_t j = 1; j < n; ++j) s = s + wv[j] * z[j];
  const ad::Var u = ad::sigmoid(s + b);
  const ad::Var f = u * df_du;
  std::vector<double> adjoint;
  tape.backward({f.index}, {1.0}, adjoint);

  // Central differences of the same f in plain doubles.
  const auto f_of_w = [&](const std::vector<double>& ww) {
    double a = b;
    for (std::size_t j = 0; j < n; ++j) a += ww[j] * z[j];
    return df_du * sigmoid(a);
  };
  const auto fd = ad::central_difference(f_of_w, w, p.number("h"));

  const double pre = tape.value(s.index) + b;  // ⟨w, z⟩ + b
  const double out = tape.value(u.index);      // u
  Result result;
  auto& table = result.table(
      "df/dw_j", {"j", "autodiff (tape)", "central difference",
                  "df/du sigma'(<w,z>+b) z_j (correct)", "df/du sigma'(u) z_j (slide as printed)"});
  double worst_correct = 0, worst_fd = 0;
  for (std::size_t j = 0; j < n; ++j) {
    const double grad = adjoint[tape.inputs()[j]];
    const double correct = df_du * sigmoid_prime(pre) * z[j];
    const double literal = df_du * sigmoid_prime(out) * z[j];  // σ′ at the output: the typo
    table.add({double(j + 1), grad, fd[j], correct, literal});
    worst_correct = std::max(worst_correct, std::fabs(grad - correct));
    worst_fd = std::max(worst_fd, std::fabs(grad - fd[j]));
    if (j == 0) {
      result.value("autodiff_dw1", grad);
      result.value("fd_dw1", fd[j]);
      result.value("correct_dw1", correct);
      result.value("slide_dw1", literal);
    }
  }
  result.value("pre_activation", pre);
  result.value("u", out);
  result.value("max_autodiff_vs_correct", worst_correct);
  result.value("max_autodiff_vs_fd", worst_fd);
  result.status =
      "slide typo: sigma'(u) should be sigma'(<w,z>+b), the derivative at the "
      "pre-activation; as printed df/dw1 = " +
      short_number(df_du * sigmoid_prime(out) * z[0]) + " instead of " +
      short_number(df_du * sigmoid_prime(pre) * z[0]);
  return result;
}
//! [slide-single-neuron]

}  // namespace

void add_single_neuron(app::Chapter& chapter) {
  chapter.add(
      {"slide-single-neuron",
       "One neuron: df/dw1 = df/du sigma'(<w,z>+b) z1 against autodiff and finite differences; "
       "the slide's sigma'(u) is a typo",
       "Risteski lecture 5, slide \"Taking gradients of neural networks: backpropagation\", "
       "Observation 1",
       {Param::vector("w", "0.5,-0.3", Provenance::companion, "the weights w", 1, 10,
                      Interval::closed(-1e3, 1e3)),
        Param::vector("z", "1,2", Provenance::companion, "the inputs z, one per weight", 1, 10,
                      Interval::closed(-1e3, 1e3)),
        Param::number("b", "0.1", Provenance::companion, "the bias b", Interval::closed(-1e3, 1e3)),
        Param::number("df_du", "1", Provenance::companion, "the upstream derivative df/du",
                      Interval::closed(-1e6, 1e6)),
        Param::number("h", "1e-6", Provenance::companion, "central-difference step",
                      Interval::closed(1e-12, 1))},
       single_neuron,
       /*errata=*/common::errata({"risteski-observation-1"})});
}

}  // namespace descent::chapters::risteski05
