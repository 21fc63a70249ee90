/// \file
/// MEDL §4.1, "Convexity of certain shallow neural networks", linear regression: the Hessian
/// of C(θ) = ‖y − Xθ‖² is 2XᵀX, a Gram matrix, hence positive semidefinite (footnote 3), and
/// positive definite exactly when X has linearly independent columns. A design with a column
/// that is a combination of the others has a zero eigenvalue, and C is flat along the
/// eigenvector, which spans the null space of X. Also §4.1 around (4.3): Rosenbrock is not
/// convex, its Hessian at (0, 1) is indefinite.

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "common/errata.hpp"
#include "descent/autodiff/api.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// C(θ) = ‖y − Xθ‖² for any number type (autodiff evaluates it with nested duals).
template <class T>
T least_squares(const matrix& x, const vector& y, const std::vector<T>& theta) {
  T c = T(0.0);
  for (std::size_t i = 0; i < x.shape(0); ++i) {
    T r = T(y(i));
    for (std::size_t j = 0; j < x.shape(1); ++j) r = r - x(i, j) * theta[j];
    c = c + r * r;
  }
  return c;
}

// What one design matrix's Hessian shows.
struct Design {
  matrix hessian;  // 2XᵀX
  SymmetricEigen eig;
  std::size_t rank = 0;
  double autodiff_error = 0;  // max |∇²C by nested duals − 2XᵀX|
};

//! [section-4.1-linear-regression]
Design analyse(const matrix& x, const vector& y) {
  Design d;
  d.hessian = 2.0 * gemm(xt::transpose(x), x);  // ∇²C = 2XᵀX, a Gram matrix
  d.eig = eigh(d.hessian);
  // Rank: the eigenvalues above what eigh's rounding (about ε λ_max per entry) can produce,
  // λ > λ_max · max(n, d) · ε; a zero eigenvalue of the Gram matrix comes out as ±1e-15 or so.
  const double lmax = d.eig.values(d.eig.values.size() - 1);
  const double tol =
      lmax * double(std::max(x.shape(0), x.shape(1))) * std::numeric_limits<double>::epsilon();
  for (const double l : d.eig.values) d.rank += l > tol;
  // The Hessian of C computed without the formula: forward-over-forward autodiff at θ = 0
  // (C is quadratic, so any θ gives the same matrix).
  const auto h = autodiff::hessian([&](const auto& theta) { return least_squares(x, y, theta); },
                                   std::vector<double>(x.shape(1), 0.0));
  for (std::size_t i = 0; i < x.shape(1); ++i)
    for (std::size_t j = 0; j < x.shape(1); ++j)
      d.autodiff_error = std::max(d.autodiff_error, std::fabs(h[i][j] - d.hessian(i, j)));
  return d;
}
//! [section-4.1-linear-regression]

matrix design_from(const std::vector<double>& entries, std::size_t columns) {
  if (entries.size() % columns != 0)
    throw invalid_argument("X has " + std::to_string(entries.size()) +
                           " entries, not a multiple of columns = " + std::to_string(columns) +
                           "; allowed: rows x columns entries, row by row");
  const std::size_t rows = entries.size() / columns;
  matrix x = xt::zeros<double>({rows, columns});
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < columns; ++j) x(i, j) = entries[i * columns + j];
  return x;
}

// The Hessian's kind at any point (not only a critical one): a convex C needs it PSD everywhere.
std::string definiteness(double lambda_min, double lambda_max) {
  if (lambda_min > 0) return "positive definite";
  if (lambda_max < 0) return "negative definite: C is not convex";
  if (lambda_min < 0 && lambda_max > 0) return "indefinite: C is not convex";
  return lambda_max > 0 ? "positive semidefinite" : "negative semidefinite";
}

Result linear_regression(const Params& p) {
  const auto columns = static_cast<std::size_t>(p.integer("columns"));
  const matrix x = design_from(p.vector("X"), columns);
  const std::size_t n = x.shape(0);
  const auto y = descent::to_vector(p.vector("y"));
  if (y.size() != n)
    throw invalid_argument("y has " + std::to_string(y.size()) + " entries for the " +
                           std::to_string(n) + " rows of X; allowed: one per row");
  const auto c = descent::to_vector(p.vector("combination"));
  if (c.size() != columns)
    throw invalid_argument("combination has " + std::to_string(c.size()) + " entries for the " +
                           std::to_string(columns) + " columns of X; allowed: one per column");
  // The deficient design: X with the extra column Xc. Then X_flat (c, −1) = 0: the null
  // space of X_flat contains v = (c, −1)/‖(c, −1)‖.
  const vector xc = gemv(x, c);
  matrix flat = xt::zeros<double>({n, columns + 1});
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < columns; ++j) flat(i, j) = x(i, j);
    flat(i, columns) = xc(i);
  }
  vector v = xt::zeros<double>({columns + 1});
  for (std::size_t j = 0; j < columns; ++j) v(j) = c(j);
  v(columns) = -1;
  v /= std::sqrt(dot(v, v));

  const Design full = analyse(x, y), deficient = analyse(flat, y);
  Result result;
  auto& designs =
      result.table("Hessian 2 X^T X", {"design", "rows x columns", "rank of X", "lambda_min",
                                       "lambda_max", "definiteness", "max |autodiff - 2X^T X|"});
  for (const auto* d : {&full, &deficient}) {
    const bool is_full = d == &full;
    const std::size_t cols = is_full ? columns : columns + 1;
    const double lmin = d->eig.values(0), lmax = d->eig.values(cols - 1);
    designs.add({std::string(is_full ? "X" : "X with the column X c"),
                 std::to_string(n) + " x " + std::to_string(cols), double(d->rank), lmin, lmax,
                 std::string(d->rank == cols ? "positive definite"
                                             : "positive semidefinite, "
                                               "singular"),
                 d->autodiff_error});
    const std::string tag = is_full ? "" : "_flat";
    result.value("rank" + tag, double(d->rank));
    result.value("lambda_min" + tag, lmin);
    result.value("lambda_max" + tag, lmax);
    result.value("autodiff_error" + tag, d->autodiff_error);
  }
  // The eigenvector of the smallest eigenvalue of the deficient design against v.
  double alignment = 0;
  for (std::size_t j = 0; j <= columns; ++j) alignment += deficient.eig.vectors(j, 0) * v(j);
  result.value("null_alignment", std::fabs(alignment));
  vector xv = gemv(flat, v);
  result.value("norm_X_flat_v", std::sqrt(dot(xv, xv)));

  // C along the flat direction, from a minimizer of the full-rank design (padded with 0):
  // unchanged for every step t, where a positive definite Hessian would make it grow like t².
  if (full.rank == columns) {
    const vector theta_hat = solve(gemm(xt::transpose(x), x), gemv(xt::transpose(x), y));
    vector base = xt::zeros<double>({columns + 1});
    for (std::size_t j = 0; j < columns; ++j) base(j) = theta_hat(j);
    auto cost = [&](const vector& theta) {
      return least_squares(flat, y, std::vector<double>(theta.begin(), theta.end()));
    };
    const double c0 = cost(base);
    result.value("C_min", c0);
    auto& along = result.table("C along the flat direction v",
                               {"t", "C(theta_hat + t v) - C(theta_hat)", "t^2 lambda_max / 2"});
    double worst = 0;
    for (const double t : p.vector("steps")) {
      const double change = cost(base + t * v) - c0;
      along.add({t, change, t * t * deficient.eig.values(columns) / 2});
      worst = std::max(worst, std::fabs(change));
    }
    result.value("max_flat_change", worst);
  } else {
    result.status = "X itself has rank " + std::to_string(full.rank) + " < " +
                    std::to_string(columns) + " columns: no unique least-squares minimizer";
  }

  // §4.1 after (4.3): Rosenbrock's Hessian at a point, classified by its eigenvalues.
  const problems::Rosenbrock rosenbrock;
  const auto at = descent::to_vector(p.vector("rosenbrock_point"));
  matrix h;
  rosenbrock.hessian(at, h);
  const auto eig = eigh(h);
  auto& rb = result.table("Rosenbrock Hessian", {"theta1", "theta2", "H11", "H12", "H22",
                                                 "lambda_min", "lambda_max", "kind"});
  rb.add({at(0), at(1), h(0, 0), h(0, 1), h(1, 1), eig.values(0), eig.values(1),
          definiteness(eig.values(0), eig.values(1))});
  result.value("rosenbrock_H11", h(0, 0));
  result.value("rosenbrock_H12", h(0, 1));
  result.value("rosenbrock_H22", h(1, 1));
  return result;
}

}  // namespace

app::Item linear_regression_item() {
  return {"section-4.1-linear-regression",
          "Linear regression: the Hessian 2X^T X is PSD, PD iff X has full column rank; a "
          "dependent column leaves a flat direction",
          "MEDL §4.1, \"Convexity of certain shallow neural networks\" and footnote 3",
          {Param::vector("X", "1,-2,1,-1,1,0,1,1,1,2", Provenance::companion,
                         "design matrix, row by row (a column of ones and x = -2..2)", 1, 1000,
                         Interval::closed(-1e6, 1e6)),
           Param::integer("columns", "2", Provenance::companion, "columns d of X",
                          Interval::closed(1, 10)),
           Param::vector("y", "-3,-1,0.5,2,4", Provenance::companion, "responses, one per row", 1,
                         1000, Interval::closed(-1e6, 1e6)),
           Param::vector("combination", "1,2", Provenance::companion,
                         "c: the deficient design appends the column X c", 1, 10,
                         Interval::closed(-1e3, 1e3)),
           Param::vector("steps", "-10,-1,1,10,100", Provenance::companion,
                         "steps t along the flat direction", 1, 20, Interval::closed(-1e3, 1e3)),
           Param::vector("rosenbrock_point", "0,1", Provenance::companion,
                         "where Rosenbrock's Hessian is classified", 2, 2,
                         Interval::closed(-1e6, 1e6))},
          linear_regression,
          /*errata=*/common::errata({"medl-footnote-3"})};
}

}  // namespace descent::chapters::medl04
