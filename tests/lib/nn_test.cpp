// Unit tests of the nn module: layers, the three backprop forms on a mini-batch, batch
// normalization, initializers and the gradient checker, against torch autograd fixtures
// (tests/reference/generate_nn.py) and closed forms.

#include <doctest/doctest.h>

#include <cmath>
#include <xtensor/xmanipulation.hpp>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/nn/gradient_check.hpp"
#include "descent/nn/init.hpp"
#include "descent/nn/layers/batch_norm.hpp"
#include "descent/nn/layers/bn_dense.hpp"
#include "descent/nn/layers/linear.hpp"
#include "descent/nn/layers/max_layer.hpp"
#include "fixtures.hpp"

using namespace descent;
using descent::testing::load_fixture;
using descent::testing::max_abs_diff;
using descent::testing::to_matrix;
using descent::testing::to_vector;

namespace {

// Float64 against float64 autograd, values O(1): a few ulps; 1e-12 leaves room for order.
constexpr double kTol = 1e-12;

}  // namespace

TEST_CASE("nn Linear: one GEMM forward, two backward, equal to torch (catalogue A14)") {
  const auto fx = load_fixture("nn_backprop.json")["linear"];
  nn::Linear layer(to_matrix(fx["W"]), xt::zeros<double>({std::size_t(2)}));
  const matrix z = to_matrix(fx["z"]);
  CHECK(max_abs_diff(layer.forward(z), to_matrix(fx["forward"])) <= kTol);
  const matrix g = layer.backward(to_matrix(fx["upstream"]));
  CHECK(max_abs_diff(g, to_matrix(fx["grad_z"])) <= kTol);
  CHECK(max_abs_diff(layer.grad_W, to_matrix(fx["grad_W"])) <= kTol);
  CHECK_THROWS_AS(nn::Linear(to_matrix(fx["W"]), xt::zeros<double>({std::size_t(3)})),
                  descent::invalid_argument);
}

TEST_CASE("nn backprop: the three forms equal torch on a mini-batch MLP of every activation") {
  const auto fx = load_fixture("nn_backprop.json")["batch_mlp"];
  nn::Network net;
  const std::map<std::string, nn::Activation> kinds{{"tanh", nn::Activation::tanh},
                                                    {"relu", nn::Activation::relu},
                                                    {"leaky_relu", nn::Activation::leaky_relu},
                                                    {"sigmoid", nn::Activation::sigmoid},
                                                    {"identity", nn::Activation::identity}};
  for (std::size_t k = 0; k < fx["W"].size(); ++k)
    net.layers.push_back({to_matrix(fx["W"][k]), to_vector(fx["b"][k]),
                          kinds.at(fx["kinds"][k].get<std::string>())});
  const matrix X = to_matrix(fx["X"]), Y = to_matrix(fx["Y"]);
  const auto f = nn::forward(net, X);
  CHECK(max_abs_diff(f.h.back(), to_matrix(fx["output"])) <= kTol);
  const matrix grad_o = f.h.back() - Y;
  for (int form = 0; form < 3; ++form) {
    CAPTURE(form);
    const auto g = form == 0   ? nn::backprop_post_activation(net, f, grad_o)
                   : form == 1 ? nn::backprop_pre_activation(net, f, grad_o)
                               : nn::backprop_decoupled(net, f, grad_o);
    for (std::size_t k = 0; k < net.layers.size(); ++k) {
      CAPTURE(k);
      CHECK(max_abs_diff(g.W[k], to_matrix(fx["grad_W"][k])) <= kTol);
      CHECK(max_abs_diff(g.b[k], to_vector(fx["grad_b"][k])) <= kTol);
    }
  }
}

TEST_CASE("nn BatchNorm: a 3x2 batch equals torch; book and closed-form backward agree") {
  const auto fx = load_fixture("nn_batch_norm.json")["batch_3x2"];
  nn::BatchNorm bn(2);
  bn.gamma = to_vector(fx["gamma"]);
  bn.beta = to_vector(fx["beta"]);
  nn::BatchNormCache cache;
  const matrix a = bn.forward_train(to_matrix(fx["batch"]), cache);
  CHECK(max_abs_diff(a, to_matrix(fx["a"])) <= kTol);
  const matrix up = to_matrix(fx["upstream"]);
  const auto book = bn.backward_book(cache, up);
  const auto compact = bn.backward_compact(cache, up);
  CHECK(max_abs_diff(book.v, to_matrix(fx["grad_v"])) <= kTol);
  CHECK(max_abs_diff(compact.v, to_matrix(fx["grad_v"])) <= kTol);
  CHECK(max_abs_diff(book.gamma, to_vector(fx["grad_gamma"])) <= kTol);
  CHECK(max_abs_diff(book.beta, to_vector(fx["grad_beta"])) <= kTol);
}

TEST_CASE("nn BatchNorm: inference with PyTorch's running statistics equals F.batch_norm(eval)") {
  const auto fx = load_fixture("nn_batch_norm.json");
  nn::BatchNorm bn(1);
  bn.update_running(matrix{{1}, {2}, {4}, {7}}, nn::VarianceEstimator::unbiased);
  bn.gamma(0) = 1.5;
  bn.beta(0) = 0.5;
  CHECK(max_abs_diff(bn.forward_inference(to_matrix(fx["inference"]["v"])),
                     to_matrix(fx["inference"]["a"])) <= kTol);
  // Population statistics, biased (Eq. 3.59's 1/m) and unbiased.
  bn.set_population(matrix{{1}, {2}, {4}, {7}}, nn::VarianceEstimator::biased);
  CHECK(bn.running_var(0) == 5.25);
  bn.set_population(matrix{{1}, {2}, {4}, {7}}, nn::VarianceEstimator::unbiased);
  CHECK(bn.running_var(0) == 7.0);
  CHECK_THROWS_AS(bn.set_population(matrix{{1}}, nn::VarianceEstimator::unbiased),
                  descent::invalid_argument);
  CHECK_THROWS_AS(nn::BatchNorm(1, 0.0), descent::invalid_argument);
}

TEST_CASE("nn BatchNorm backward passes a numerical gradient check on a random batch") {
  Rng rng(3);
  matrix v = matrix::from_shape({5, 3}), up = matrix::from_shape({5, 3});
  for (auto& x : v) x = rng.normal(0, 2);
  for (auto& x : up) x = rng.normal(0, 1);
  nn::BatchNorm bn(3);
  bn.gamma = vector{0.5, -1.2, 2.0};
  nn::BatchNormCache cache;
  (void)bn.forward_train(v, cache);
  const auto g = bn.backward_compact(cache, up);
  auto loss = [&](const vector& flat) {
    nn::BatchNormCache c;
    const matrix a = bn.forward_train(xt::reshape_view(flat, {std::size_t(5), std::size_t(3)}), c);
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += a.flat(i) * up.flat(i);
    return s;
  };
  const auto check = nn::check_gradient(loss, xt::flatten(v), xt::flatten(g.v));
  CHECK(check.max_rho < 1e-6);  // the book's threshold for a correct gradient
}

TEST_CASE("nn relative_ratio: Eq. 3.34 with the zero-denominator guard") {
  CHECK(nn::relative_ratio(0.0, 0.0) == 0);     // both zero: agree
  CHECK(nn::relative_ratio(1e-17, 0.0) == 0);   // below the floor
  CHECK(nn::relative_ratio(1.0, -1.0) == 2.0);  // opposite: largest disagreement, no 0/0
  CHECK(nn::relative_ratio(1.0, 3.0) == 0.5);   // |1 − 3| / |1 + 3|
  CHECK(std::isfinite(nn::relative_ratio(2.0, -2.0)));
}

TEST_CASE("nn gradient check: forward differences are O(eps), central O(eps^2)") {
  auto f = [](const vector& w) { return std::exp(w(0)); };  // f' = e at 1
  const vector w{1.0};
  const double fw = nn::finite_difference(f, w, 0, 1e-4, nn::Difference::forward);
  const double ce = nn::finite_difference(f, w, 0, 1e-4, nn::Difference::central);
  CHECK(std::fabs(fw - M_E) == doctest::Approx(M_E * 1e-4 / 2).epsilon(1e-3));  // ε f''/2
  CHECK(std::fabs(ce - M_E) < 1e-8);                                            // ε² f'''/6
  CHECK_THROWS_AS(nn::check_gradient(f, w, vector{1.0, 2.0}), descent::invalid_argument);
}

TEST_CASE("nn Max and Maxout: routing, ties, and ReLU / leaky ReLU as special cases") {
  const auto m = nn::max_forward(matrix{{1, 3, 3, 2}});
  CHECK(m.argmax[0] == 1);  // first maximal index gets the gradient
  const matrix g = nn::max_backward(m, vector{5.0}, 4);
  CHECK(g(0, 1) == 5);
  CHECK(g(0, 2) == 0);
  // Catalogue A29: W1 = (0.5, −1), X = (2, 3): W1·X = −2.
  nn::Maxout relu;
  relu.W = {matrix{{0.5}, {-1.0}}, matrix{{0.0}, {0.0}}};
  relu.b = {vector{0.0}, vector{0.0}};
  CHECK(relu.forward(matrix{{2, 3}})(0, 0) == 0);
  nn::Maxout leaky;
  leaky.W = {matrix{{0.5}, {-1.0}}, matrix{{0.005}, {-0.01}}};
  leaky.b = {vector{0.0}, vector{0.0}};
  CHECK(leaky.forward(matrix{{2, 3}})(0, 0) == doctest::Approx(-0.02).epsilon(1e-15));
  const matrix gi = leaky.backward(matrix{{1.0}});
  CHECK(gi(0, 0) == doctest::Approx(0.005).epsilon(1e-15));  // routed to the α W1 piece
  CHECK(leaky.grad_W[0](0, 0) == 0);
  CHECK(leaky.grad_W[1](0, 0) == 2);
}

TEST_CASE("nn initializers: the standard deviations of §3.3.3 and the uniform errata") {
  // Catalogue A23.
  CHECK(nn::init_std(nn::Init::fan_in_gaussian, 2, 1) == doctest::Approx(0.707106781187));
  CHECK(nn::init_std(nn::Init::fan_in_uniform_book, 100, 1) == doctest::Approx(0.057735026919));
  CHECK(nn::init_std(nn::Init::xavier, 100, 50) == doctest::Approx(0.115470053838));
  CHECK(nn::init_std(nn::Init::he, 100, 1) == doctest::Approx(0.141421356237));
  // Sample std of 100 x 1000 draws within 2% of the nominal value (sd of the estimate ≈ 0.2%).
  for (auto init : {nn::Init::fan_in_gaussian, nn::Init::fan_in_uniform_book,
                    nn::Init::fan_in_uniform, nn::Init::xavier, nn::Init::he}) {
    CAPTURE(nn::to_string(init));
    Rng rng(11);
    const matrix W = nn::initialize(init, 100, 1000, rng);
    double s = 0;
    for (double w : W) s += w * w;
    CHECK(std::sqrt(s / double(W.size())) ==
          doctest::Approx(nn::init_std(init, 100, 1000)).epsilon(0.02));
  }
}

TEST_CASE("nn BnDense: batch norm before and after tanh equals torch (Figure 3.18)") {
  const auto fx = load_fixture("nn_bn_placement.json");
  const matrix X = to_matrix(fx["X"]);
  for (auto placement : {nn::Placement::post_activation, nn::Placement::pre_activation}) {
    const std::string name =
        placement == nn::Placement::post_activation ? "post_activation" : "pre_activation";
    CAPTURE(name);
    nn::BnDense layer(to_matrix(fx["W"]), to_vector(fx["b"]), nn::Activation::tanh, placement);
    layer.bn.gamma = to_vector(fx["gamma"]);
    layer.bn.beta = to_vector(fx["beta"]);
    const auto& e = fx[name];
    CHECK(max_abs_diff(layer.forward_train(X), to_matrix(e["output"])) <= kTol);
    const matrix gx = layer.backward(to_matrix(fx["upstream"]));
    CHECK(max_abs_diff(gx, to_matrix(e["grad_x"])) <= kTol);
    CHECK(max_abs_diff(layer.linear.grad_W, to_matrix(e["grad_W"])) <= kTol);
    CHECK(max_abs_diff(layer.linear.grad_b, to_vector(e["grad_b"])) <= kTol);
    CHECK(max_abs_diff(layer.grad_gamma, to_vector(e["grad_gamma"])) <= kTol);
    CHECK(max_abs_diff(layer.grad_beta, to_vector(e["grad_beta"])) <= kTol);
  }
}

TEST_CASE(
    "nn activate / multiply_by_derivative on a batch: closed forms and the kink conventions") {
  // One row of points through every kink: −2, −1, 0, 1 and 2.
  const std::vector<double> points{-2, -1, 0, 1, 2};
  auto run = [&](nn::Activation kind, bool slope) {
    std::vector<double> out(points.size(), 1.0);
    const ConstMatrixView a(points.data(), 1, points.size());
    if (slope)
      nn::multiply_by_derivative(kind, a, MatrixView{out.data(), 1, out.size()}, 0.25);
    else
      nn::activate(kind, a, MatrixView{out.data(), 1, out.size()}, 0.25);
    return out;
  };
  using A = nn::Activation;
  CHECK(run(A::identity, false) == points);
  CHECK(run(A::relu, false) == std::vector<double>{0, 0, 0, 1, 2});
  CHECK(run(A::relu, true) == std::vector<double>{0, 0, 0, 1, 1});  // ReLU'(0) = 0
  CHECK(run(A::leaky_relu, false) == std::vector<double>{-0.5, -0.25, 0, 1, 2});
  CHECK(run(A::leaky_relu, true) == std::vector<double>{0.25, 0.25, 0.25, 1, 1});  // α at 0
  CHECK(run(A::hard_tanh, false) == std::vector<double>{-1, -1, 0, 1, 1});
  CHECK(run(A::hard_tanh, true) == std::vector<double>{0, 0, 1, 0, 0});         // open (−1, 1)
  CHECK(run(A::hard_tanh_closed, true) == std::vector<double>{0, 1, 1, 1, 0});  // closed [−1, 1]
  const auto sigmoid = run(A::sigmoid, false), sigmoid_slope = run(A::sigmoid, true);
  const auto tanh_slope = run(A::tanh, true);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double s = 1 / (1 + std::exp(-points[i]));
    CHECK(sigmoid[i] == doctest::Approx(s).epsilon(1e-15));
    CHECK(sigmoid_slope[i] == doctest::Approx(s * (1 - s)).epsilon(1e-15));
    CHECK(tanh_slope[i] ==
          doctest::Approx(1 / (std::cosh(points[i]) * std::cosh(points[i]))).epsilon(1e-14));
  }
  std::vector<double> short_out(4);
  CHECK_THROWS_AS(nn::activate(A::relu, ConstMatrixView(points.data(), 1, 5),
                               MatrixView{short_out.data(), 1, 4}),
                  invalid_argument);
}
