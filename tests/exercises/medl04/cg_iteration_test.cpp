// Exercise medl04/cg_iteration: one CG iteration (4.46)/(4.47), against exact rational
// arithmetic (Python fractions, catalogue medl-ch4.md C40).

#include "cg_iteration.hpp"

#include <doctest/doctest.h>

#include <cmath>

using descent::exercises::cg_iteration;
using descent::exercises::CgState;
using descent::exercises::Matrix;

namespace cg_iteration_test {
// A = [[4, 1], [1, 3]], b = (1, 2), θ⁽⁰⁾ = (2, 1): g = Aθ − b = (8, 3), θ_d = −g
const Matrix kA{{4, 1}, {1, 3}};
CgState start() {
  return {{2, 1}, {8, 3}, {-8, -3}};
}

TEST_CASE("cg_iteration: the first step lands on (78/331, 112/331)") {
  auto s = start();
  cg_iteration(kA, s);
  // fractions; float64 rounding of a few operations: 1e-14
  CHECK(s.theta[0] == doctest::Approx(78.0 / 331).epsilon(1e-14));
  CHECK(s.theta[1] == doctest::Approx(112.0 / 331).epsilon(1e-14));
  // the new gradient is Aθ − b
  CHECK(s.g[0] == doctest::Approx(4 * s.theta[0] + s.theta[1] - 1).epsilon(1e-13));
  CHECK(s.g[1] == doctest::Approx(s.theta[0] + 3 * s.theta[1] - 2).epsilon(1e-13));
}

TEST_CASE("cg_iteration: the second direction is A-conjugate to the first") {
  auto s = start();
  const auto d0 = s.direction;
  cg_iteration(kA, s);
  const auto& d1 = s.direction;
  const double conj = d0[0] * (4 * d1[0] + d1[1]) + d0[1] * (d1[0] + 3 * d1[1]);
  CHECK(conj == doctest::Approx(0).epsilon(1e-13));
  CHECK(std::abs(d1[0]) + std::abs(d1[1]) > 0.1);  // not the zero vector
}

TEST_CASE("cg_iteration: two steps solve the 2x2 system exactly") {
  auto s = start();
  cg_iteration(kA, s);
  cg_iteration(kA, s);
  CHECK(s.theta[0] == doctest::Approx(1.0 / 11).epsilon(1e-14));  // A⁻¹b = (1/11, 7/11)
  CHECK(s.theta[1] == doctest::Approx(7.0 / 11).epsilon(1e-14));
}

}  // namespace cg_iteration_test
