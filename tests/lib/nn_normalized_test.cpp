// Unit tests of the fast training path: nn::NormalizedNetwork (Linear → BN → Φ) against a
// numerical gradient and a torch float64 training step (tests/reference/generate_bn_training.py),
// and the workspace trainer of nn::Network against the allocating reference path (forward,
// backprop_pre_activation, flatten/unflatten) on one epoch.

#include <doctest/doctest.h>

#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/fused/network_training.hpp"
#include "descent/nn/fused/normalized_network.hpp"
#include "descent/nn/gradient_check.hpp"
#include "descent/nn/init.hpp"
#include "descent/nn/layers/bn_network.hpp"
#include "descent/nn/softmax.hpp"
#include "descent/optim/momentum.hpp"
#include "descent/optim/update_rule.hpp"
#include "fixtures.hpp"

using namespace descent;
using descent::testing::load_fixture;
using descent::testing::to_labels;
using descent::testing::to_matrix;
using descent::testing::to_vector;

namespace {

nn::NormalizedNetwork from_fixture(const nlohmann::json& initial) {
  nn::NormalizedNetwork net;
  for (const auto& L : initial["hidden"])
    net.hidden.push_back({to_matrix(L["W"]), to_vector(L["gamma"]), to_vector(L["beta"]),
                          to_vector(L["running_mean"]), to_vector(L["running_var"])});
  net.output = {to_matrix(initial["output_W"]), to_vector(initial["output_b"]),
                nn::Activation::identity};
  return net;
}

void random_batch(std::size_t m, std::size_t d, std::size_t classes, Rng& rng, matrix& x,
                  std::vector<std::uint8_t>& labels) {
  x = matrix::from_shape({m, d});
  for (auto& v : x) v = rng.normal();
  labels.resize(m);
  for (std::size_t r = 0; r < m; ++r) labels[r] = static_cast<std::uint8_t>(r % classes);
}

}  // namespace

TEST_CASE("nn NormalizedNetwork: the backward pass passes a numerical gradient check") {
  Rng rng(11);
  auto net = nn::make_normalized_network({5, 7, 6, 4}, nn::Init::xavier, rng);
  net.phi = nn::Activation::tanh;  // smooth, so central differences are O(eps²) everywhere
  for (auto& L : net.hidden)
    for (std::size_t i = 0; i < L.gamma.size(); ++i) {
      L.gamma(i) = 1 + 0.3 * rng.normal();
      L.beta(i) = 0.2 * rng.normal();
    }
  matrix x;
  std::vector<std::uint8_t> y;
  random_batch(9, 5, 4, rng, x, y);
  vector analytic;
  (void)nn::batch_loss_and_gradient(net, x, y, analytic);
  const auto loss = [&](const vector& theta) {
    auto copy = net;
    nn::unflatten(theta, copy);
    vector unused;
    return nn::batch_loss_and_gradient(copy, x, y, unused) / 9.0;  // the batch-mean loss
  };
  const auto check = nn::check_gradient(loss, nn::flatten(net), analytic, 1e-5);
  CHECK(check.max_rho < 1e-6);
  CHECK(analytic.size() == 5 * 7 + 2 * 7 + 7 * 6 + 2 * 6 + 6 * 4 + 4);
}

TEST_CASE("nn NormalizedNetwork: gradient and one ADAM training step equal torch float64") {
  const auto fx = load_fixture("nn_bn_training.json");
  auto net = from_fixture(fx["initial"]);
  const matrix x = to_matrix(fx["x"]), xv = to_matrix(fx["x_valid"]);
  const auto y = to_labels(fx["labels"]), yv = to_labels(fx["labels_valid"]);
  const vector theta_before = to_vector(fx["theta_before"]);
  const vector flat = nn::flatten(net);
  REQUIRE(flat.size() == theta_before.size());
  for (std::size_t i = 0; i < flat.size(); ++i) CHECK(flat(i) == theta_before(i));

  vector gradient;
  const double loss = nn::batch_loss_and_gradient(net, x, y, gradient) / double(y.size());
  CHECK(loss == doctest::Approx(fx["loss"].get<double>()).epsilon(1e-13));
  const vector torch_gradient = to_vector(fx["gradient"]);
  REQUIRE(gradient.size() == torch_gradient.size());
  for (std::size_t i = 0; i < gradient.size(); ++i)
    CHECK(gradient(i) == doctest::Approx(torch_gradient(i)).epsilon(1e-11).scale(1e-3));

  // One epoch of one batch of all 8 rows = one ADAM step (the shuffle only permutes the rows,
  // which batch statistics and the mean loss do not see, up to rounding).
  optim::RuleOptions adam_options;  // β = 0.9, γ = 0.999, ε = 1e-8: torch's defaults
  const auto adam = optim::make_rule("adam", adam_options);
  nn::TrainOptions options;
  options.alpha = fx["alpha"].get<double>();
  options.batch_size = 8;
  options.epochs = 1;
  const auto run = nn::train_classifier(net, x, y, xv, yv, *adam, options);
  REQUIRE(run.history.size() == 1);
  CHECK(run.history[0].train_loss == doctest::Approx(fx["loss"].get<double>()).epsilon(1e-13));
  const vector after = nn::flatten(net), torch_after = to_vector(fx["theta_after"]);
  for (std::size_t i = 0; i < after.size(); ++i)
    CHECK(after(i) == doctest::Approx(torch_after(i)).epsilon(1e-11).scale(1e-3));
  for (std::size_t k = 0; k < net.hidden.size(); ++k) {
    const auto& t = fx["after"]["hidden"][k];
    const vector mean = to_vector(t["running_mean"]), var = to_vector(t["running_var"]);
    for (std::size_t i = 0; i < mean.size(); ++i) {
      CHECK(net.hidden[k].running_mean(i) == doctest::Approx(mean(i)).epsilon(1e-12));
      CHECK(net.hidden[k].running_var(i) == doctest::Approx(var(i)).epsilon(1e-12));
    }
  }
  // Validation runs in inference mode with the running statistics, as torch's model.eval().
  CHECK(run.history[0].validation_loss ==
        doctest::Approx(fx["valid_loss"].get<double>()).epsilon(1e-11));
  CHECK(run.history[0].validation_accuracy == fx["valid_accuracy"].get<double>());
  CHECK(nn::evaluate(net, xv, yv).loss == run.best_validation_loss);
}

TEST_CASE(
    "nn NormalizedNetwork: early stopping restores the best epoch's parameters and statistics") {
  // Validated against shifted labels, the best epoch is the first: training on the true labels
  // makes the shifted ones ever less likely. The network handed back must score exactly the
  // loss recorded for epoch 1, which needs that epoch's θ and its running statistics.
  Rng rng(21);
  auto net = nn::make_normalized_network({4, 6, 3}, nn::Init::xavier, rng);
  matrix x;
  std::vector<std::uint8_t> y;
  random_batch(60, 4, 3, rng, x, y);
  for (std::size_t r = 0; r < 60; ++r) x(r, y[r]) += 3;  // separable: class k lifts input k
  std::vector<std::uint8_t> shifted(y.size());
  for (std::size_t r = 0; r < y.size(); ++r) shifted[r] = std::uint8_t((y[r] + 1) % 3);
  optim::GradientDescent gd;
  nn::TrainOptions options;
  options.alpha = 0.2;
  options.batch_size = 10;
  options.epochs = 8;
  const auto run = nn::train_classifier(net, x, y, x, shifted, gd, options);
  REQUIRE(run.history.size() == 8);
  CHECK(run.best_epoch == 1);
  CHECK(run.history.back().validation_loss > run.history.front().validation_loss);
  CHECK(nn::evaluate(net, x, shifted).loss == run.history.front().validation_loss);
}

TEST_CASE("nn NormalizedNetwork: batches of one row and bad shapes are refused") {
  Rng rng(3);
  auto net = nn::make_normalized_network({3, 4, 2}, nn::Init::xavier, rng);
  matrix x;
  std::vector<std::uint8_t> y;
  random_batch(5, 3, 2, rng, x, y);
  optim::GradientDescent gd;
  nn::TrainOptions options;
  options.alpha = 0.1;
  options.batch_size = 2;  // 5 = 2 + 2 + 1: a last batch of one row
  CHECK_THROWS_AS((void)nn::train_classifier(net, x, y, x, y, gd, options),
                  descent::invalid_argument);
  options.batch_size = 1;
  CHECK_THROWS_AS((void)nn::train_classifier(net, x, y, x, y, gd, options),
                  descent::invalid_argument);
  options.batch_size = 3;  // 3 + 2: fine
  CHECK_NOTHROW((void)nn::train_classifier(net, x, y, x, y, gd, options));
  const matrix wide = xt::zeros<double>({5, 4});
  CHECK_THROWS_AS((void)nn::evaluate(net, wide, y), descent::invalid_argument);
  CHECK_THROWS_AS(nn::make_normalized_network({3}, nn::Init::xavier, rng),
                  descent::invalid_argument);
}

TEST_CASE("nn train_classifier: the workspace path equals forward + backprop + flatten") {
  // One epoch of SGD by the allocating reference path, with the trainer's shuffle.
  Rng rng(8);
  nn::Network net;
  net.layers.push_back({nn::initialize(nn::Init::xavier, 6, 9, rng), xt::zeros<double>({9}),
                        nn::Activation::sigmoid});
  net.layers.push_back({nn::initialize(nn::Init::xavier, 9, 7, rng), 0.1 * xt::ones<double>({7}),
                        nn::Activation::leaky_relu});
  net.layers.push_back({nn::initialize(nn::Init::xavier, 7, 3, rng), xt::zeros<double>({3}),
                        nn::Activation::identity});
  matrix x;
  std::vector<std::uint8_t> y;
  random_batch(23, 6, 3, rng, x, y);  // 23 = 4 batches of 5 and one of 3
  const std::size_t batch = 5;
  const double alpha = 0.3;

  auto reference = net;
  Rng shuffle(4);
  std::vector<std::size_t> order(y.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  shuffle.shuffle(order);
  double loss_sum = 0;
  std::size_t batches = 0;
  for (std::size_t start = 0; start < order.size(); start += batch) {
    const std::size_t m = std::min(batch, order.size() - start);
    matrix xb = matrix::from_shape({m, 6});
    matrix yb = xt::zeros<double>({m, std::size_t(3)});
    for (std::size_t r = 0; r < m; ++r) {
      for (std::size_t c = 0; c < 6; ++c) xb(r, c) = x(order[start + r], c);
      yb(r, y[order[start + r]]) = 1;
    }
    const auto f = nn::forward(reference, xb);
    loss_sum += nn::cross_entropy(f.h.back(), yb) / double(m);
    ++batches;
    const matrix grad = nn::softmax_cross_entropy_grad(f.h.back(), yb) / double(m);
    vector theta = nn::flatten(reference);
    theta -= alpha * nn::flatten(nn::backprop_pre_activation(reference, f, grad));
    nn::unflatten(theta, reference);
  }

  optim::GradientDescent gd;
  nn::TrainOptions options;
  options.alpha = alpha;
  options.batch_size = batch;
  options.epochs = 1;
  options.seed = 4;
  const auto run = nn::train_classifier(net, x, y, x, y, gd, options);
  CHECK(run.history[0].train_loss == doctest::Approx(loss_sum / double(batches)).epsilon(1e-13));
  const vector ours = nn::flatten(net), theirs = nn::flatten(reference);
  for (std::size_t i = 0; i < ours.size(); ++i)
    CHECK(ours(i) == doctest::Approx(theirs(i)).epsilon(1e-12).scale(1e-6));
}

// Two implementations of the same network: BnNetwork is built from the textbook layers
// (Linear, BatchNorm, the activation; Figure 3.18, either placement), NormalizedNetwork fuses
// the pre-activation placement into one workspace for speed. With the hidden bias at 0 (it
// cancels under the batch mean) they must compute the same batch loss and gradient.
TEST_CASE("NormalizedNetwork and BnNetwork (pre-activation) agree on a batch's loss and gradient") {
  Rng rng(11);
  const std::size_t m = 7, inputs = 4, width = 5, classes = 3;
  matrix x = matrix::from_shape({m, inputs});
  for (auto& v : x) v = rng.normal(0, 1);
  std::vector<std::uint8_t> labels(m);
  for (std::size_t r = 0; r < m; ++r) labels[r] = std::uint8_t(r % classes);
  auto fused = nn::make_normalized_network({inputs, width, width, classes}, nn::Init::xavier, rng);
  for (auto& L : fused.hidden)
    for (std::size_t i = 0; i < width; ++i) {
      L.gamma(i) = rng.uniform(0.5, 1.5);
      L.beta(i) = rng.normal(0, 0.3);
    }
  for (auto& b : fused.output.b) b = rng.normal(0, 0.1);

  nn::BnNetwork layered{{}, nn::Linear(fused.output.W, fused.output.b)};
  for (const auto& L : fused.hidden) {
    layered.hidden.emplace_back(L.W, xt::zeros<double>({width}), fused.phi,
                                nn::Placement::pre_activation, fused.eps);
    layered.hidden.back().bn.gamma = L.gamma;
    layered.hidden.back().bn.beta = L.beta;
  }

  vector gradient;
  const double loss = nn::batch_loss_and_gradient(fused, x, labels, gradient);
  matrix y = xt::zeros<double>({m, classes});
  for (std::size_t r = 0; r < m; ++r) y(r, labels[r]) = 1;
  const matrix& scores = nn::forward_train(layered, x);
  CHECK(nn::cross_entropy(scores, y) == doctest::Approx(loss).epsilon(1e-14));
  nn::backward(layered, nn::softmax_cross_entropy_grad(scores, y) / double(m));

  // The fused gradient's layout: per hidden layer W, γ, β; then the output's W and b.
  std::size_t at = 0;
  auto expect_block = [&](const auto& expected, const char* what) {
    INFO(what);
    for (std::size_t i = 0; i < expected.size(); ++i)
      CHECK(std::fabs(gradient(at + i) - expected.flat(i)) <= 1e-14);
    at += expected.size();
  };
  for (const auto& L : layered.hidden) {
    expect_block(L.linear.grad_W, "dL/dW");
    expect_block(L.grad_gamma, "dL/dgamma");
    expect_block(L.grad_beta, "dL/dbeta");
    for (double g : L.linear.grad_b) CHECK(std::fabs(g) <= 1e-15);  // the bias cancels
  }
  expect_block(layered.output.grad_W, "dL/dW (output)");
  expect_block(layered.output.grad_b, "dL/db (output)");
  CHECK(at == gradient.size());
}
