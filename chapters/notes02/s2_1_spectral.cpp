/// \file
/// Notes §2.1, the spectral change of variables after (2.3): at a stationary point θ* with
/// Hessian H = QΛQᵀ, the variables α = Qᵀ(θ − θ*) turn the quadratic model into
/// L(θ*) + ½ Σⱼ λⱼ αⱼ², a sum over the eigenvalues in decreasing order. The notes print the sum
/// without the ½ (an erratum): the printed form is twice the model.

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "notes02/sections.hpp"

namespace descent::chapters::notes02 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

//! [section-2.1-spectral]
Result spectral(const Params& p) {
  const auto entries = p.vector("hessian"), d = p.vector("d");
  const std::size_t n = d.size();
  if (entries.size() != n * n)
    throw invalid_argument("hessian has " + std::to_string(entries.size()) +
                           " entries for d of length " + std::to_string(n) +
                           "; allowed: " + std::to_string(n * n) + " entries (row by row)");
  matrix h = xt::zeros<double>({n, n});
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) h(i, j) = entries[i * n + j];
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (h(i, j) != h(j, i))
        throw invalid_argument("hessian is not symmetric: H_" + std::to_string(i + 1) +
                               std::to_string(j + 1) + " != H_" + std::to_string(j + 1) +
                               std::to_string(i + 1) + "; allowed: a symmetric matrix");
  const vector delta = descent::to_vector(d);  // θ − θ*
  const double l_star = p.number("L_star");

  // H = QΛQᵀ, with λ₁ >= ... >= λ_D as the notes order them (LAPACK returns them ascending).
  const auto eig = eigh(h);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::reverse(order.begin(), order.end());

  Result result;
  auto& modes = result.table(
      "modes", {"j", "lambda_j", "alpha_j = q_j^T (theta - theta*)", "lambda_j alpha_j^2 / 2"});
  double half_sum = 0, printed_sum = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t j = order[k];
    double alpha = 0;  // α = Qᵀ(θ − θ*)
    for (std::size_t i = 0; i < n; ++i) alpha += eig.vectors(i, j) * delta(i);
    const double lambda = eig.values(j);
    half_sum += 0.5 * lambda * alpha * alpha;
    printed_sum += lambda * alpha * alpha;  // the notes' Σ αⱼ²λⱼ, without the ½
    modes.add({double(k + 1), lambda, alpha, 0.5 * lambda * alpha * alpha});
    result.value("lambda_" + std::to_string(k + 1), lambda);
  }
  // The quadratic model itself (2.1) at a stationary point: L(θ*) + ½(θ − θ*)ᵀH(θ − θ*).
  const double excess = 0.5 * dot(delta, gemv(h, delta));
  const double model = l_star + excess;
  auto& forms = result.table("forms of L(theta)", {"form", "value", "minus the model"});
  forms.add({std::string("model (2.1): L* + (theta-theta*)^T H (theta-theta*) / 2"), model, 0.0});
  forms.add({std::string("with the 1/2: L* + sum lambda_j alpha_j^2 / 2"), l_star + half_sum,
             half_sum - excess});
  forms.add({std::string("as printed in the notes: L* + sum alpha_j^2 lambda_j"),
             l_star + printed_sum, printed_sum - excess});
  result.value("model", model);
  result.value("half_eigen_sum", l_star + half_sum);
  result.value("printed_eigen_sum", l_star + printed_sum);
  if (excess != 0) {
    // The printed form's excess over L* is twice the model's: the missing ½.
    result.value("printed_over_model", printed_sum / excess);
    result.status = "erratum of the notes: the printed sum (no 1/2) exceeds L* by " +
                    short_number(printed_sum / excess) +
                    " times what the model (2.1) does; the change of variables gives L* + (1/2) "
                    "sum lambda_j alpha_j^2";
  } else {
    result.status =
        "the model's excess over L* is 0 here (theta = theta*, or the quadratic form vanishes): "
        "no factor to show";
  }
  return result;
}
//! [section-2.1-spectral]

}  // namespace

void add_section_2_1_spectral(app::Chapter& chapter) {
  chapter.add(
      {"section-2.1-spectral",
       "alpha = Q^T (theta - theta*) diagonalizes the model: L* + (1/2) sum lambda_j alpha_j^2 "
       "(the notes drop the 1/2)",
       "Notes §2.1, the change of variables after Eq. (2.3)",
       {Param::vector("hessian", "4,1,1,3", Provenance::companion,
                      "the Hessian at theta*, row by row (symmetric, D x D)", 1, 100,
                      Interval::closed(-1e100, 1e100)),
        Param::vector("d", "1,-2", Provenance::companion, "theta - theta*, of length D", 1, 10,
                      Interval::closed(-1e100, 1e100)),
        Param::number("L_star", "0", Provenance::companion, "L(theta*)",
                      Interval::closed(-1e100, 1e100))},
       spectral,
       /*errata=*/common::errata({"notes-heissian", "notes-eigen-sum"})});
}

}  // namespace descent::chapters::notes02
