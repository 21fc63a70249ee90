// Exercise aggarwal03/softmax_cross_entropy: Aggarwal Eqs. 3.20–3.22 and Exercise 10. Compiled
// against the stub (every case must fail) and against the solution (every case must pass).
// Reference: PyTorch in float64 (tests/reference/fixtures/nn_backprop.json, four cases).

#include "softmax_cross_entropy.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "exercise_checks.hpp"
#include "exercise_tensors.hpp"

using descent::vector;
using descent::testing::check_all_close;
using descent::testing::fixture_number;
using descent::testing::fixture_vector;
using namespace descent::exercises;

namespace softmax_cross_entropy_test {
const char* const kFixture = "nn_backprop.json";
std::string at(int c, const std::string& field) {
  return "/softmax/" + std::to_string(c) + "/" + field;
}

TEST_CASE("softmax equals PyTorch's (Eq. 3.20)") {
  for (int c = 0; c < 4; ++c) {
    CAPTURE(c);
    // float64 against float64 torch: 1e-12
    check_all_close("o", softmax(fixture_vector(kFixture, at(c, "v"))),
                    fixture_vector(kFixture, at(c, "o")), 1e-12);
  }
}

TEST_CASE("softmax does not overflow for large scores") {
  const vector o = softmax(vector{1000, 1001});
  // exact: 1/(1 + e) and e/(1 + e)
  check_all_close("o", o, vector{1 / (1 + std::exp(1.0)), 1 / (1 + std::exp(-1.0))}, 1e-15);
}

TEST_CASE("cross_entropy equals PyTorch's (Eq. 3.21)") {
  for (int c = 0; c < 4; ++c) {
    CAPTURE(c);
    const double loss =
        cross_entropy(fixture_vector(kFixture, at(c, "v")), fixture_vector(kFixture, at(c, "y")));
    CHECK(loss == doctest::Approx(fixture_number(kFixture, at(c, "loss"))).epsilon(1e-12));
  }
}

TEST_CASE("cross_entropy does not overflow for large scores") {
  // L = −log o_2 = log(1 + e^{−1}) exactly
  CHECK(cross_entropy(vector{1000, 1001}, vector{0, 1}) ==
        doctest::Approx(std::log1p(std::exp(-1.0))).epsilon(1e-12));
}

TEST_CASE("cross_entropy_grad equals PyTorch's o - y (Eq. 3.22)") {
  for (int c = 0; c < 4; ++c) {
    CAPTURE(c);
    check_all_close("dL/dv",
                    cross_entropy_grad(fixture_vector(kFixture, at(c, "v")),
                                       fixture_vector(kFixture, at(c, "y"))),
                    fixture_vector(kFixture, at(c, "grad")), 1e-12);
  }
}

TEST_CASE("cross_entropy_grad equals central differences of the loss (closed form)") {
  // L(v) = log Σ e^{v_j} − Σ y_i v_i for Σ y = 1, written out here to differentiate numerically.
  const vector v{0.5, -1.0, 2.0, 0.0}, y{0.1, 0.6, 0.2, 0.1};
  auto loss = [&](const vector& w) {
    double sum = 0, dot = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      sum += std::exp(w(i));
      dot += y(i) * w(i);
    }
    return std::log(sum) - dot;
  };
  vector central = vector::from_shape({v.size()});
  for (std::size_t i = 0; i < v.size(); ++i) {
    vector up = v, down = v;
    up(i) += 1e-6;
    down(i) -= 1e-6;
    central(i) = (loss(up) - loss(down)) / 2e-6;
  }
  // central difference error ~ 1e-12 truncation + 1e-10 rounding
  check_all_close("dL/dv", cross_entropy_grad(v, y), central, 1e-8);
}

}  // namespace softmax_cross_entropy_test
