// Rosenbrock (MEDL 4.9) and its extended form against scipy.optimize.rosen, rosen_der
// and rosen_hess (tests/reference/fixtures/problems_rosenbrock.json).

#include <doctest/doctest.h>

#include "descent/core/error.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "fixtures.hpp"

using descent::matrix;
using descent::vector;
using descent::testing::as_vector;
using descent::testing::load_fixture;
using descent::testing::to_vector;

// Polynomials of degree 4 at |θ| <= 2: a few ulps of rounding, hence 1e-13 relative.
TEST_CASE("problems/rosenbrock: value, gradient and Hessian match scipy") {
  const descent::problems::Rosenbrock f;
  const auto fixture = load_fixture("problems_rosenbrock.json");  // outlives the loop
  REQUIRE(fixture["classic"].size() == 5);
  for (const auto& point : fixture["classic"]) {
    const vector theta = to_vector(point["theta"]);
    CAPTURE(theta(0));
    CAPTURE(theta(1));
    CHECK(f.value(theta) == doctest::Approx(point["value"].get<double>()).epsilon(1e-13));
    vector g;
    f.gradient(theta, g);
    const auto expected_g = as_vector(point["gradient"]);
    for (std::size_t i = 0; i < 2; ++i)
      CHECK(g(i) == doctest::Approx(expected_g[i]).epsilon(1e-13));
    matrix h;
    f.hessian(theta, h);
    const auto expected_h = point["hessian"].get<std::vector<std::vector<double>>>();
    for (std::size_t i = 0; i < 2; ++i)
      for (std::size_t j = 0; j < 2; ++j)
        CHECK(h(i, j) == doctest::Approx(expected_h[i][j]).epsilon(1e-13));
  }
  CHECK(f.value(*f.minimizer()) == 0.0);
}

TEST_CASE("problems/extended-rosenbrock: value, gradient and Hv match scipy") {
  const auto fx = load_fixture("problems_rosenbrock.json")["extended"];
  const vector theta = to_vector(fx["theta"]);
  const vector v = to_vector(fx["v"]);
  const descent::problems::ExtendedRosenbrock f(theta.size());
  vector g, hv, hv_dense;
  CHECK(f.value_and_gradient(theta, g) ==
        doctest::Approx(fx["value"].get<double>()).epsilon(1e-13));
  const auto expected_g = as_vector(fx["gradient"]);
  const auto expected_hv = as_vector(fx["hessian_vector"]);
  f.hessian_vector(theta, v, hv);
  f.Objective::hessian_vector(theta, v, hv_dense);  // through the dense Hessian and BLAS
  for (std::size_t i = 0; i < theta.size(); ++i) {
    CHECK(g(i) == doctest::Approx(expected_g[i]).epsilon(1e-13));
    CHECK(hv(i) == doctest::Approx(expected_hv[i]).epsilon(1e-13));
    CHECK(hv_dense(i) == doctest::Approx(expected_hv[i]).epsilon(1e-13));
  }
  CHECK_THROWS_AS(descent::problems::ExtendedRosenbrock(3), descent::invalid_argument);
}
