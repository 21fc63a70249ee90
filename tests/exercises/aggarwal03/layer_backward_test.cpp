// Exercise aggarwal03/layer_backward: one layer of each Table 3.1 row family. Compiled against
// the stub (every case must fail) and against the solution (every case must pass).

#include "layer_backward.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "exercise_checks.hpp"
#include "exercise_tensors.hpp"

using descent::matrix;
using descent::vector;
using descent::testing::check_all_close;
using descent::testing::fixture_matrix;
using descent::testing::fixture_vector;
using namespace descent::exercises;

namespace layer_backward_test {
const char* const kFixture = "nn_backprop.json";  // PyTorch's autograd, float64

TEST_CASE("linear_backward: g = W g_out equals PyTorch (catalogue A14)") {
  const vector g = linear_backward(fixture_matrix(kFixture, "/linear/W"),
                                   fixture_vector(kFixture, "/linear/upstream/0"));
  check_all_close("dL/dz", g, fixture_vector(kFixture, "/linear/grad_z/0"), 1e-12);
}

TEST_CASE("linear_weight_gradient: dL/dW = z g_out^T equals PyTorch (catalogue A14)") {
  const matrix G = linear_weight_gradient(fixture_vector(kFixture, "/linear/z/0"),
                                          fixture_vector(kFixture, "/linear/upstream/0"));
  const matrix expected = fixture_matrix(kFixture, "/linear/grad_W");
  REQUIRE(G.shape() == expected.shape());
  check_all_close("dL/dW", G, expected, 1e-12);
}

TEST_CASE("sigmoid_backward: h(1 - h) g_out equals PyTorch (catalogue A12)") {
  const vector g = sigmoid_backward(fixture_vector(kFixture, "/activations/torch/sigmoid/forward"),
                                    fixture_vector(kFixture, "/activations/upstream"));
  check_all_close("dL/dz", g, fixture_vector(kFixture, "/activations/torch/sigmoid/backward"),
                  1e-12);
}

TEST_CASE("relu_backward equals PyTorch, with ReLU'(0) = 0 (catalogue A12)") {
  const vector g = relu_backward(fixture_vector(kFixture, "/activations/z"),
                                 fixture_vector(kFixture, "/activations/upstream"));
  // exact: each entry is 0 or the upstream value
  check_all_close("dL/dz", g, fixture_vector(kFixture, "/activations/torch/relu/backward"), 0);
}

TEST_CASE("max_backward routes the gradient to the first maximal input") {
  const vector g = max_backward(vector{1, 3, 3, 2}, 5.0);
  check_all_close("dL/dz", g, vector{0, 5, 0, 0}, 0);
}

TEST_CASE("jacobian_backward: an arbitrary layer back-propagates through J^T (Eq. 3.24)") {
  // f(z) = (z1 z2, z1 + 3 z2, sin z1) at z = (0.5, -2): J = [[-2, 0.5], [1, 3], [cos 0.5, 0]].
  const matrix J{{-2, 0.5}, {1, 3}, {std::cos(0.5), 0}};
  const vector g = jacobian_backward(J, vector{1, -1, 2});
  check_all_close("dL/dz", g, vector{-2 - 1 + 2 * std::cos(0.5), 0.5 - 3}, 1e-15);
}

}  // namespace layer_backward_test
