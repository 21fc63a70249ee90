// Exercise medl04/bfgs_update: the BFGS update (4.66)/(4.67), checked by hand-computed
// products, the secant equation (4.63) and the curvature condition (4.64).

#include "bfgs_update.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

using descent::exercises::bfgs_update;
using descent::exercises::Matrix;

TEST_CASE("bfgs_update: a hand-computed 2x2 update") {
  // B = I, s = (1, 0), y = (2, 0): ρ = 1/2, V = diag(0, 1), VᵀV + ρssᵀ = diag(1/2, 1)
  Matrix b{{1, 0}, {0, 1}};
  bfgs_update(b, {1, 0}, {2, 0});
  CHECK(b[0][0] == doctest::Approx(0.5));
  CHECK(b[0][1] == doctest::Approx(0.0).scale(1));
  CHECK(b[1][1] == doctest::Approx(1.0));
}

TEST_CASE("bfgs_update: the secant equation B y = s holds and B stays symmetric") {
  Matrix b{{2, 0.5, 0}, {0.5, 1, 0.2}, {0, 0.2, 3}};
  const std::vector<double> s{0.3, -1.2, 0.7}, y{1.1, -0.4, 0.9};  // yᵀs = 1.44 > 0
  bfgs_update(b, s, y);
  for (int i = 0; i < 3; ++i) {
    CAPTURE(i);
    double by = 0;
    for (int j = 0; j < 3; ++j) by += b[i][j] * y[j];
    CHECK(by == doctest::Approx(s[i]).epsilon(1e-13));  // (4.63), rounding only
    for (int j = 0; j < 3; ++j) {
      CAPTURE(j);
      CHECK(b[i][j] == doctest::Approx(b[j][i]).epsilon(1e-14));
    }
  }
}

TEST_CASE("bfgs_update refuses a pair that violates the curvature condition") {
  Matrix b{{1, 0}, {0, 1}};
  CHECK_THROWS_AS(bfgs_update(b, {1, 0}, {-1, 0}), std::domain_error);
}
