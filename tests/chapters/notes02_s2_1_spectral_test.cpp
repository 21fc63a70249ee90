// Notes §2.1, the change of variables alpha = Q^T (theta - theta*), against catalogue N3 (the
// reference catalogue of the notes and slides: H = [[4, 1], [1, 3]], theta - theta* = (1, -2),
// lambda = (7 +- sqrt 5)/2, (1/2) d^T H d = 6, the printed sum without the 1/2 = 12) and a
// diagonal Hessian, whose eigenvectors are the coordinate axes.

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "chapters.hpp"
#include "descent/core/error.hpp"

using descent::app::compute;
using descent::testing::cell;

namespace {

const descent::app::Item& item() {
  return descent::testing::item(descent::testing::notes02(), "section-2.1-spectral");
}

}  // namespace

TEST_CASE("notes02 section-2.1-spectral: the eigen-sum needs the 1/2 (catalogue N3)") {
  const auto r = compute(item());
  // Eigenvalues in decreasing order, as the notes order them.
  CHECK(std::fabs(r.value("lambda_1") - (7 + std::sqrt(5.0)) / 2) < 1e-12);
  CHECK(std::fabs(r.value("lambda_2") - (7 - std::sqrt(5.0)) / 2) < 1e-12);
  CHECK(std::fabs(r.value("model") - 6) < 1e-12);
  CHECK(std::fabs(r.value("half_eigen_sum") - 6) < 1e-12);
  CHECK(std::fabs(r.value("printed_eigen_sum") - 12) < 1e-12);
  CHECK(std::fabs(r.value("printed_over_model") - 2) < 1e-12);
  CHECK(r.status.find("erratum") != std::string::npos);
  // Q is orthogonal: sum alpha_j^2 = |theta - theta*|^2 = 5.
  const auto& modes = r.table("modes");
  const double a1 = cell(modes, 0, 2), a2 = cell(modes, 1, 2);
  CHECK(std::fabs(a1 * a1 + a2 * a2 - 5) < 1e-12);
}

TEST_CASE("notes02 section-2.1-spectral: a diagonal Hessian, sorted decreasing") {
  // H = diag(1, 3, 2): lambda = (3, 2, 1) and alpha_j = +-d of the matching axis.
  const auto r = compute(item(), {"hessian=1,0,0,0,3,0,0,0,2", "d=0.5,-1,2", "L_star=10"});
  CHECK(r.value("lambda_1") == 3);
  CHECK(r.value("lambda_2") == 2);
  CHECK(r.value("lambda_3") == 1);
  const auto& modes = r.table("modes");
  CHECK(std::fabs(std::fabs(cell(modes, 0, 2)) - 1) < 1e-15);
  CHECK(std::fabs(std::fabs(cell(modes, 1, 2)) - 2) < 1e-15);
  CHECK(std::fabs(std::fabs(cell(modes, 2, 2)) - 0.5) < 1e-15);
  // (1/2)(3*1 + 2*4 + 1*0.25) = 5.625 above L* = 10; the printed form adds 11.25.
  CHECK(std::fabs(r.value("half_eigen_sum") - 15.625) < 1e-13);
  CHECK(std::fabs(r.value("printed_eigen_sum") - 21.25) < 1e-13);
  CHECK(std::fabs(r.value("printed_over_model") - 2) < 1e-14);
}

TEST_CASE("notes02 section-2.1-spectral rejects bad parameters") {
  for (const std::string bad : {"hessian=1,2,3", "hessian=1,2,3,4", "d=1", "d=nan,1", "L_star=inf",
                                "hessian=1e308,0,0,1", "d="})
    CHECK_THROWS_AS(compute(item(), {bad}), descent::invalid_argument);
}
