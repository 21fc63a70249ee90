// Exercise aggarwal03/softmax_cross_entropy. Compiled against the stub (every case must fail)
// and against the solution (every case must pass).

#include "softmax_cross_entropy.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "fixtures.hpp"

using descent::vector;
using descent::testing::to_vector;
using namespace descent::exercises;

TEST_CASE("softmax, cross-entropy and o - y equal PyTorch on the fixture cases") {
  const auto fixture = descent::testing::load_fixture("nn_backprop.json");
  REQUIRE(fixture["softmax"].size() == 4);
  for (const auto& c : fixture["softmax"]) {
    const vector v = to_vector(c["v"]), y = to_vector(c["y"]);
    const vector o = softmax(v), g = cross_entropy_grad(v, y), expected_o = to_vector(c["o"]),
                 expected_g = to_vector(c["grad"]);
    // Float64 against float64 torch: 1e-12.
    for (std::size_t i = 0; i < v.size(); ++i) {
      CHECK(std::fabs(o(i) - expected_o(i)) <= 1e-12);
      CHECK(std::fabs(g(i) - expected_g(i)) <= 1e-12);
    }
    CHECK(std::fabs(cross_entropy(v, y) - c["loss"].get<double>()) <= 1e-12);
  }
}

TEST_CASE("softmax does not overflow for large scores") {
  const vector o = softmax(vector{1000, 1001});
  CHECK(std::isfinite(o(0)));
  // exact: 1/(1 + e) and e/(1 + e)
  CHECK(std::fabs(o(0) - 1 / (1 + std::exp(1.0))) <= 1e-15);
  CHECK(std::fabs(cross_entropy(vector{1000, 1001}, vector{0, 1}) - std::log1p(std::exp(-1.0))) <=
        1e-12);
}

TEST_CASE("cross_entropy_grad matches central differences") {
  const vector v{0.5, -1.0, 2.0, 0.0}, y{0.1, 0.6, 0.2, 0.1};
  const vector g = cross_entropy_grad(v, y);
  for (std::size_t i = 0; i < v.size(); ++i) {
    vector up = v, down = v;
    up(i) += 1e-6;
    down(i) -= 1e-6;
    // central difference error ~ 1e-12 truncation + 1e-10 rounding
    CHECK(std::fabs((cross_entropy(up, y) - cross_entropy(down, y)) / 2e-6 - g(i)) <= 1e-8);
  }
}
