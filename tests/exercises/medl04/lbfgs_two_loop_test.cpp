// Exercise medl04/lbfgs_two_loop: the L-BFGS product, against the library's corrected
// explicit product (4.69) (descent::optim::lbfgs_explicit, dense matrices, independent of the
// recursion) and a hand-computed one-pair case.

#include "lbfgs_two_loop.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/optim/quasi_newton.hpp"

using descent::exercises::lbfgs_two_loop;

TEST_CASE("lbfgs_two_loop with no pairs is the identity") {
  const auto r = lbfgs_two_loop({}, {}, {1.5, -2.0});
  REQUIRE(r.size() == 2);
  CHECK(r[0] == 1.5);
  CHECK(r[1] == -2.0);
}

TEST_CASE("lbfgs_two_loop with one pair in 1-D is the secant step") {
  // d = 1: B̃ = s/y exactly (the secant equation), so B̃g = g s / y
  const auto r = lbfgs_two_loop({{2.0}}, {{8.0}}, {3.0});
  REQUIRE(r.size() == 1);
  CHECK(r[0] == doctest::Approx(0.75).epsilon(1e-15));
}

TEST_CASE("lbfgs_two_loop equals the corrected explicit product (4.69)") {
  const std::vector<std::vector<double>> s{{0.3, -1.2, 0.7}, {1.0, 0.4, -0.5}, {-0.2, 0.9, 0.3}};
  const std::vector<std::vector<double>> y{{1.1, -0.4, 0.9}, {2.0, 0.3, -0.1}, {0.1, 1.5, 0.6}};
  const std::vector<double> g{0.5, -1.0, 2.0};
  std::vector<descent::vector> sv, yv;
  for (std::size_t k = 0; k < s.size(); ++k) {
    sv.push_back(descent::vector{s[k][0], s[k][1], s[k][2]});
    yv.push_back(descent::vector{y[k][0], y[k][1], y[k][2]});
  }
  const double gamma = descent::dot(yv.back(), sv.back()) / descent::dot(yv.back(), yv.back());
  const auto b = descent::optim::lbfgs_explicit(sv, yv, gamma);
  const auto expected = descent::gemv(b, descent::vector{g[0], g[1], g[2]});
  const auto r = lbfgs_two_loop(s, y, g);
  REQUIRE(r.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(r[i] == doctest::Approx(expected(i)).epsilon(1e-12));
  }
}
