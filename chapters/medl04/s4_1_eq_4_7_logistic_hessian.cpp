/// \file
/// MEDL §4.1, Eq. (4.7): the Hessian of one logistic-regression loss term is
/// σ(1 − σ) [1; x][1, xᵀ], a rank-one positive semidefinite matrix, so the loss is convex.
/// (Kept in its own file: the first-order optimizer issue adds the rest of §4.1.)

#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/nn/activation.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

//! [eq-4.7]
// ∇²C_i(θ) = σ(b + wᵀx)(1 − σ(b + wᵀx)) [1; x][1, xᵀ]   (4.7)
matrix logistic_hessian(double b, const vector& w, const vector& x) {
  double z = b;
  for (std::size_t j = 0; j < x.size(); ++j) z += w(j) * x(j);
  const double s = nn::activate(nn::Activation::sigmoid, z);
  vector u = vector::from_shape({x.size() + 1});
  u(0) = 1;
  for (std::size_t j = 0; j < x.size(); ++j) u(j + 1) = x(j);
  matrix H = matrix::from_shape({u.size(), u.size()});
  for (std::size_t i = 0; i < u.size(); ++i)
    for (std::size_t j = 0; j < u.size(); ++j) H(i, j) = s * (1 - s) * u(i) * u(j);
  return H;
}
//! [eq-4.7]

Result eq_4_7(const Params& p) {
  const auto xs = p.vector("x"), ys = p.vector("y"), theta = p.vector("theta");
  if (xs.size() != ys.size())
    throw invalid_argument("y has " + std::to_string(ys.size()) + " labels for " +
                           std::to_string(xs.size()) + " points; allowed: one label per x");
  for (double y : ys)
    if (y != 0 && y != 1) throw invalid_argument("labels must be 0 or 1; allowed: 0, 1");
  const double b = theta[0];
  const vector w{theta[1]};
  const double n = double(xs.size());
  matrix H = xt::zeros<double>({std::size_t(2), std::size_t(2)});
  vector grad = xt::zeros<double>({std::size_t(2)});
  double loss = 0;
  Result result;
  auto& t = result.table("samples", {"i", "x", "y", "sigma(1 - sigma)", "eigenvalue 1",
                                     "eigenvalue 2", "closed form s(1-s)(1+x^2)"});
  double worst_min = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const matrix Hi = logistic_hessian(b, w, vector{xs[i]});
    const auto eig = eigh(Hi);  // ascending: ≈ 0, then the trace
    const double z = b + w(0) * xs[i];
    const double s = nn::activate(nn::Activation::sigmoid, z);
    t.add({double(i + 1), xs[i], ys[i], s * (1 - s), eig.values(0), eig.values(1),
           s * (1 - s) * (1 + xs[i] * xs[i])});
    worst_min = std::max(worst_min, std::fabs(eig.values(0)) / eig.values(1));
    H += Hi / n;
    grad(0) += (s - ys[i]) / n;
    grad(1) += (s - ys[i]) * xs[i] / n;
    // −y log σ − (1 − y) log(1 − σ) = log(1 + e^z) − y z, in a stable form
    loss += (std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z))) - ys[i] * z) / n;
  }
  const auto eig = eigh(H);
  result.value("C", loss);
  result.value("grad_b", grad(0));
  result.value("grad_w", grad(1));
  result.value("H_11", H(0, 0));
  result.value("H_12", H(0, 1));
  result.value("H_22", H(1, 1));
  result.value("mean_hessian_min_eigenvalue", eig.values(0));
  result.value("mean_hessian_max_eigenvalue", eig.values(1));
  result.value("max_relative_small_eigenvalue", worst_min);  // rank one: ≈ 0
  return result;
}

}  // namespace

// Declared in sections.hpp: add_section_4_1 adds it between Figure 4.1 and Eq. (4.8).
app::Item eq_4_7_item() {
  return {"eq-4.7",
          "The logistic-regression Hessian (4.7): rank one and PSD per sample, PD on average",
          "MEDL §4.1, Eq. (4.7)",
          // (within ±1e6: the Hessian's entries s(1 - s) x^2 stay finite)
          {Param::vector("x", "-2,-1.5,-1,-0.5,0,0.5,1,1.5,2", Provenance::companion,
                         "the scalar features x(i)", 1, 1000, Interval::closed(-1e6, 1e6)),
           Param::vector("y", "0,0,1,0,1,1,0,1,1", Provenance::companion,
                         "the labels y(i) in {0, 1}", 1, 1000),
           Param::vector("theta", "0,0", Provenance::companion,
                         "the point (b, w) where the Hessian is evaluated", 2, 2,
                         Interval::closed(-1e6, 1e6))},
          eq_4_7};
}

}  // namespace descent::chapters::medl04
