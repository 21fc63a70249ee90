// Exercise aggarwal03/sigmoid_jacobian (Aggarwal Exercise 5): the Jacobian of the sigmoid layer
// is diagonal, so the Jacobian form of Table 3.1 wastes O(d²) on zeros; softmax's is dense.
// References: PyTorch's autograd in float64 (tests/reference/generate_exercises.py). Compiled
// against the stub (every case must fail) and the solution (every case must pass).

#include "sigmoid_jacobian.hpp"

#include <doctest/doctest.h>

#include <string>

#include "exercise_checks.hpp"
#include "exercise_tensors.hpp"

namespace sigmoid_jacobian_test {

using descent::matrix;
using descent::vector;
using descent::exercises::sigmoid_backward_elementwise;
using descent::exercises::sigmoid_jacobian;
using descent::exercises::softmax_jacobian;
using descent::testing::check_all_close;

const descent::testing::ExerciseFixture kFixture("aggarwal03/sigmoid_jacobian");

TEST_CASE("sigmoid_jacobian at z = (0, 1, -2) equals PyTorch's, zeros off the diagonal exactly") {
  const matrix j = sigmoid_jacobian(descent::to_vector(kFixture.numbers("z")));
  REQUIRE(j.shape(0) == 3);
  REQUIRE(j.shape(1) == 3);
  // diagonal (0.25, 0.19661193324148185, 0.1049935854035065); exact zeros elsewhere
  check_all_close("J", j, descent::testing::matrix_of(kFixture.rows("jacobian")), 1e-15);
  for (std::size_t k = 0; k < 3; ++k)
    for (std::size_t r = 0; r < 3; ++r)
      if (k != r) {
        CAPTURE(k);
        CAPTURE(r);
        CHECK(j(k, r) == 0.0);
      }
}

TEST_CASE("sigmoid_backward_elementwise equals PyTorch's vector-Jacobian product") {
  const vector g = sigmoid_backward_elementwise(descent::to_vector(kFixture.numbers("z_random")),
                                                descent::to_vector(kFixture.numbers("upstream")));
  check_all_close("dL/dz", g, descent::to_vector(kFixture.numbers("backward")), 1e-15);
}

TEST_CASE("sigmoid_backward_elementwise handles a layer of a million units") {
  // The dense Jacobian of this layer would hold 10¹² numbers (8 TB); the backward pass needs 10⁶.
  const std::size_t d = 1000000;
  const vector z = xt::zeros<double>({d}), up = xt::ones<double>({d});
  const vector g = sigmoid_backward_elementwise(z, up);
  REQUIRE(g.size() == d);
  CHECK(g(0) == doctest::Approx(0.25).epsilon(1e-15));  // σ′(0) = 1/4
  CHECK(g(d - 1) == doctest::Approx(0.25).epsilon(1e-15));
}

TEST_CASE("softmax_jacobian equals PyTorch's: dense, symmetric, rows summing to 0") {
  const matrix j = softmax_jacobian(descent::to_vector(kFixture.numbers("v_softmax")));
  check_all_close("J", j, descent::testing::matrix_of(kFixture.rows("softmax_jacobian")), 1e-14);
  for (std::size_t i = 0; i < j.shape(0); ++i) {
    CAPTURE(i);
    double row = 0;
    for (std::size_t k = 0; k < j.shape(1); ++k) row += j(i, k);
    CHECK(row == doctest::Approx(0).epsilon(1e-15));  // Σ_j ∂o_i/∂v_j = 0: Σ o is constant
  }
}

}  // namespace sigmoid_jacobian_test
