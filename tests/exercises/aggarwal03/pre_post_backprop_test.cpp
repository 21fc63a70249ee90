// Exercise aggarwal03/pre_post_backprop (Aggarwal Exercise 9): the post-activation (Δ) and
// pre-activation (δ) recursions of backpropagation give the same gradients. References: PyTorch's
// autograd on the catalogue's 2-3-1 network A9 (tests/reference/generate_exercises.py), central
// differences of the given forward pass, and each recursion against the other on random deeper
// networks. Compiled against the stub (every case must fail) and the solution (every case must
// pass).

#include "pre_post_backprop.hpp"

#include <doctest/doctest.h>

#include <string>

#include "descent/core/random.hpp"
#include "exercise_checks.hpp"
#include "exercise_tensors.hpp"

namespace pre_post_backprop_test {

using descent::matrix;
using descent::vector;
using descent::exercises::backprop_post_activation;
using descent::exercises::backprop_pre_activation;
using descent::exercises::forward;
using descent::exercises::Gradients;
using descent::exercises::SigmoidNet;
using descent::testing::check_all_close;

const descent::testing::ExerciseFixture kFixture("aggarwal03/pre_post_backprop");

// A9: x = (0.5, −1) → 3 sigmoid units → 1 sigmoid output, L = ½(o − 1)².
SigmoidNet a9() {
  return {{descent::testing::matrix_of(kFixture.rows("W1")),
           descent::to_vector(kFixture.numbers("b1"))},
          {descent::testing::matrix_of(kFixture.rows("W2")),
           descent::to_vector(kFixture.numbers("b2"))}};
}

SigmoidNet random_net(const std::vector<std::size_t>& widths, descent::Rng& rng) {
  SigmoidNet net;
  for (std::size_t k = 0; k + 1 < widths.size(); ++k)
    net.push_back({rng.normal_matrix(widths[k], widths[k + 1]), rng.normal_vector(widths[k + 1])});
  return net;
}

void check_against_torch(const Gradients& g) {
  REQUIRE(g.W.size() == 2);
  REQUIRE(g.b.size() == 2);
  check_all_close("dL/dW1", g.W[0], descent::testing::matrix_of(kFixture.rows("grad_W1")), 1e-14);
  check_all_close("dL/db1", g.b[0], descent::to_vector(kFixture.numbers("grad_b1")), 1e-14);
  check_all_close("dL/dW2", g.W[1], descent::testing::matrix_of(kFixture.rows("grad_W2")), 1e-14);
  check_all_close("dL/db2", g.b[1], descent::to_vector(kFixture.numbers("grad_b2")), 1e-14);
}

TEST_CASE("backprop_post_activation on the A9 network: Delta and every gradient equal PyTorch's") {
  const auto net = a9();
  const auto g =
      backprop_post_activation(net, forward(net, descent::to_vector(kFixture.numbers("x"))),
                               descent::to_vector(kFixture.numbers("dL_do")));
  REQUIRE(g.unit.size() == 2);
  check_all_close("Delta(h, o) = dL/dh", g.unit[0],
                  descent::to_vector(kFixture.numbers("post_hidden")), 1e-14);
  check_against_torch(g);
}

TEST_CASE("backprop_pre_activation on the A9 network: delta and every gradient equal PyTorch's") {
  const auto net = a9();
  const auto g =
      backprop_pre_activation(net, forward(net, descent::to_vector(kFixture.numbers("x"))),
                              descent::to_vector(kFixture.numbers("dL_do")));
  REQUIRE(g.unit.size() == 2);
  check_all_close("delta(h, o) = dL/da", g.unit[0],
                  descent::to_vector(kFixture.numbers("pre_hidden")), 1e-14);
  check_all_close("delta(o, o)", g.unit[1], descent::to_vector(kFixture.numbers("pre_output")),
                  1e-14);
  check_against_torch(g);
}

TEST_CASE("backprop_post_activation equals central differences on a random 4-layer network") {
  descent::Rng rng(91);
  const SigmoidNet net = random_net({3, 5, 4, 4, 2}, rng);
  const vector x = rng.normal_vector(3), up = rng.normal_vector(2);
  // L = upᵀo, so ∂L/∂o = up
  const auto loss = [&](const SigmoidNet& n) {
    const auto o = forward(n, x).h.back();
    return up(0) * o(0) + up(1) * o(1);
  };
  const auto g = backprop_post_activation(net, forward(net, x), up);
  REQUIRE(g.W.size() == net.size());
  for (std::size_t k = 0; k < net.size(); ++k)
    for (std::size_t e = 0; e < net[k].W.size(); ++e) {
      SigmoidNet plus = net, minus = net;
      plus[k].W.flat(e) += 1e-6;
      minus[k].W.flat(e) -= 1e-6;
      CAPTURE(k);
      CAPTURE(e);
      CHECK(g.W[k].flat(e) == doctest::Approx((loss(plus) - loss(minus)) / 2e-6).epsilon(1e-8));
    }
}

TEST_CASE("the two variants agree on every gradient of random deep networks (the exercise)") {
  descent::Rng rng(92);
  for (int trial = 0; trial < 5; ++trial) {
    CAPTURE(trial);
    const SigmoidNet net = random_net({4, 6, 6, 5, 6, 3}, rng);
    const auto f = forward(net, rng.normal_vector(4));
    const vector up = rng.normal_vector(3);
    const auto post = backprop_post_activation(net, f, up);
    const auto pre = backprop_pre_activation(net, f, up);
    REQUIRE(post.W.size() == net.size());
    REQUIRE(pre.W.size() == net.size());
    for (std::size_t k = 0; k < net.size(); ++k) {
      CAPTURE(k);
      check_all_close("dL/dW, post against pre", post.W[k], pre.W[k], 1e-13);
      check_all_close("dL/db, post against pre", post.b[k], pre.b[k], 1e-13);
    }
  }
}

TEST_CASE("delta(h, o) = Phi'(a_h) Delta(h, o) for every unit of random networks") {
  descent::Rng rng(93);
  const SigmoidNet net = random_net({4, 6, 5, 6, 3}, rng);
  const auto f = forward(net, rng.normal_vector(4));
  const vector up = rng.normal_vector(3);
  const auto post = backprop_post_activation(net, f, up);
  const auto pre = backprop_pre_activation(net, f, up);
  REQUIRE(post.unit.size() == net.size());
  REQUIRE(pre.unit.size() == net.size());
  for (std::size_t k = 0; k < net.size(); ++k) {
    CAPTURE(k);
    const vector& h = f.h[k + 1];
    std::vector<double> expected;
    for (std::size_t j = 0; j < h.size(); ++j)
      expected.push_back(h(j) * (1 - h(j)) * post.unit[k](j));
    check_all_close("delta", pre.unit[k], expected, 1e-13);
  }
}

}  // namespace pre_post_backprop_test
