// MEDL §4.1, linear regression's Hessian 2X^T X (catalogue C05: PSD, PD iff X has independent
// columns) and Rosenbrock's indefinite Hessian at (0, 1) (catalogue C03: [[-398, 0], [0, 200]]).
// References are closed forms: for X = [1, x] with x = -2..2, X^T X = diag(5, 10); with the
// extra column 1 + 2x, 2X^T X = [[10, 0, 10], [0, 20, 40], [10, 40, 90]], whose eigenvalues are
// 0 and 60 +- sqrt(2400) (trace 120, principal 2x2 minors summing to 1200), with null vector
// (1, 2, -1)/sqrt(6); the least-squares fit of y = (-3, -1, 0.5, 2, 4) is 0.5 + 1.7x with
// residual sum of squares 0.1.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::medl04(), "section-4.1-linear-regression");
}

}  // namespace

TEST_CASE("medl04 section-4.1-linear-regression: full column rank gives a PD Hessian (C05)") {
  const auto r = compute(item());
  CHECK(r.value("rank") == 2);
  CHECK(std::fabs(r.value("lambda_min") - 10) < 1e-13);
  CHECK(std::fabs(r.value("lambda_max") - 20) < 1e-13);
  CHECK(r.value("autodiff_error") < 1e-13);  // nested duals give the same 2X^T X
  CHECK(std::fabs(r.value("C_min") - 0.1) < 1e-13);
}

TEST_CASE("medl04 section-4.1-linear-regression: a dependent column leaves a flat direction") {
  const auto r = compute(item());
  CHECK(r.value("rank_flat") == 2);
  CHECK(std::fabs(r.value("lambda_min_flat")) < 1e-12);
  CHECK(std::fabs(r.value("lambda_max_flat") - (60 + std::sqrt(2400.0))) < 1e-12);
  CHECK(r.value("autodiff_error_flat") < 1e-13);
  // The eigenvector of the zero eigenvalue is (1, 2, -1)/sqrt(6), in the null space of X.
  CHECK(std::fabs(r.value("null_alignment") - 1) < 1e-12);
  CHECK(r.value("norm_X_flat_v") < 1e-13);
  // C does not change along it, even 100 units away (where lambda_max would add 5e5).
  CHECK(r.value("max_flat_change") < 1e-11);
  const auto& table = r.table("Hessian 2 X^T X");
  CHECK(std::get<std::string>(table.rows.at(0).at(5)) == "positive definite");
  CHECK(std::get<std::string>(table.rows.at(1).at(5)) == "positive semidefinite, singular");
}

TEST_CASE("medl04 section-4.1-linear-regression: a rank-deficient X given directly") {
  // Two equal columns: rank 1, no unique minimizer, and the status says so.
  const auto r = compute(item(), {"X=1,1,2,2,3,3", "y=1,2,3", "combination=1,0"});
  CHECK(r.value("rank") == 1);
  CHECK(std::fabs(r.value("lambda_min")) < 1e-12);
  CHECK(r.status.find("rank 1") != std::string::npos);
}

TEST_CASE("medl04 section-4.1-linear-regression: Rosenbrock's Hessian at (0, 1) (C03)") {
  const auto r = compute(item());
  CHECK(r.value("rosenbrock_H11") == -398);
  CHECK(r.value("rosenbrock_H12") == 0);
  CHECK(r.value("rosenbrock_H22") == 200);
  const auto& rb = r.table("Rosenbrock Hessian");
  CHECK(std::get<std::string>(rb.rows.at(0).at(7)) == "indefinite: C is not convex");
  // At the minimum (1, 1) it is [[802, -400], [-400, 200]], positive definite.
  const auto m = compute(item(), {"rosenbrock_point=1,1"});
  CHECK(m.value("rosenbrock_H11") == 802);
  CHECK(m.value("rosenbrock_H12") == -400);
  CHECK(std::get<std::string>(m.table("Rosenbrock Hessian").rows.at(0).at(7)) ==
        "positive definite");
}

TEST_CASE("medl04 section-4.1-linear-regression rejects bad parameters") {
  for (const std::string bad : {"X=1,2,3", "y=1,2", "combination=1", "columns=0", "X=nan,1",
                                "y=1e308,1,1,1,1", "steps=", "rosenbrock_point=1"})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
}
