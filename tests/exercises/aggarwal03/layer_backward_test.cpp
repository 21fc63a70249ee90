// Exercise aggarwal03/layer_backward: one layer of each Table 3.1 row family. Compiled against
// the stub (every case must fail) and against the solution (every case must pass).

#include "layer_backward.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "fixtures.hpp"

using descent::matrix;
using descent::vector;
using descent::testing::to_matrix;
using descent::testing::to_vector;
using namespace descent::exercises;

TEST_CASE("linear: g = W g_out and dL/dW = z g_outT equal PyTorch (catalogue A14)") {
  const auto fx = descent::testing::load_fixture("nn_backprop.json")["linear"];
  const matrix W = to_matrix(fx["W"]);
  const vector z = to_vector(fx["z"][0]), up = to_vector(fx["upstream"][0]);
  const vector g = linear_backward(W, up), expected = to_vector(fx["grad_z"][0]);
  for (std::size_t i = 0; i < g.size(); ++i) CHECK(std::fabs(g(i) - expected(i)) <= 1e-12);
  const matrix G = linear_weight_gradient(z, up), EG = to_matrix(fx["grad_W"]);
  REQUIRE(G.shape() == EG.shape());
  for (std::size_t i = 0; i < G.size(); ++i) CHECK(std::fabs(G.flat(i) - EG.flat(i)) <= 1e-12);
}

TEST_CASE("sigmoid and ReLU backward equal PyTorch (catalogue A12)") {
  const auto fx = descent::testing::load_fixture("nn_backprop.json")["activations"];
  const vector z = to_vector(fx["z"]), up = to_vector(fx["upstream"]);
  const vector hs = to_vector(fx["torch"]["sigmoid"]["forward"]);
  const vector gs = sigmoid_backward(hs, up), es = to_vector(fx["torch"]["sigmoid"]["backward"]);
  const vector gr = relu_backward(z, up), er = to_vector(fx["torch"]["relu"]["backward"]);
  for (std::size_t i = 0; i < z.size(); ++i) {
    CHECK(std::fabs(gs(i) - es(i)) <= 1e-12);
    CHECK(gr(i) == er(i));  // exact: 0 or the upstream value, ReLU'(0) = 0 as in torch
  }
}

TEST_CASE("max routes the gradient to the first maximal input") {
  const vector g = max_backward(vector{1, 3, 3, 2}, 5.0);
  CHECK(g(0) == 0);
  CHECK(g(1) == 5);
  CHECK(g(2) == 0);
  CHECK(g(3) == 0);
}

TEST_CASE("an arbitrary layer back-propagates through its Jacobian transposed (Eq. 3.24)") {
  // f(z) = (z1 z2, z1 + 3 z2, sin z1) at z = (0.5, -2): J = [[-2, 0.5], [1, 3], [cos 0.5, 0]].
  const matrix J{{-2, 0.5}, {1, 3}, {std::cos(0.5), 0}};
  const vector g = jacobian_backward(J, vector{1, -1, 2});
  CHECK(std::fabs(g(0) - (-2 - 1 + 2 * std::cos(0.5))) <= 1e-15);
  CHECK(std::fabs(g(1) - (0.5 - 3)) <= 1e-15);
}
