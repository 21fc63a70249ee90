// nn::BnNetwork (dense + batch normalization layers, Aggarwal Figure 3.18) and the mimic-model
// soft targets of §3.7.3: gradients against central differences (Eq. 3.34's ratio) and one
// training step, the population statistics and inference against torch
// (tests/reference/generate_training.py: F.batch_norm, F.cross_entropy, float64).

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/backprop/distill.hpp"
#include "descent/nn/gradient_check.hpp"
#include "descent/nn/layers/bn_network.hpp"
#include "descent/nn/softmax.hpp"
#include "descent/optim/momentum.hpp"
#include "fixtures.hpp"

using namespace descent;
using descent::testing::load_fixture;
using descent::testing::max_abs_diff;
using descent::testing::to_matrix;
using descent::testing::to_vector;

namespace {

matrix one_hot(const std::vector<int>& labels, std::size_t classes) {
  matrix y = xt::zeros<double>({labels.size(), classes});
  for (std::size_t r = 0; r < labels.size(); ++r) y(r, std::size_t(labels[r])) = 1;
  return y;
}

nn::BnNetwork torch_network(const nlohmann::json& fx) {
  nn::BnNetwork net{{}, nn::Linear(to_matrix(fx["W0"][2]), to_vector(fx["b0"][2]))};
  for (std::size_t k = 0; k < 2; ++k) {
    const auto placement = fx["placements"][k] == "pre_activation" ? nn::Placement::pre_activation
                                                                   : nn::Placement::post_activation;
    net.hidden.emplace_back(to_matrix(fx["W0"][k]), to_vector(fx["b0"][k]), nn::Activation::tanh,
                            placement);
    net.hidden.back().bn.gamma = to_vector(fx["gamma0"][k]);
    net.hidden.back().bn.beta = to_vector(fx["beta0"][k]);
  }
  return net;
}

}  // namespace

TEST_CASE("BnNetwork: the training-mode gradient agrees with central differences") {
  // Both placements, tanh and a non-trivial γ: the batch statistics depend on θ, and the
  // check differentiates through them too (§3.2.10; ρ < 1e-7 is far below the book's 1e-6).
  Rng rng(21);
  matrix x = matrix::from_shape({7, 4});
  for (auto& v : x) v = rng.normal();
  const matrix y = one_hot({0, 1, 2, 2, 1, 0, 1}, 3);
  nn::BnNetwork net{{}, nn::Linear(matrix::from_shape({3, 3}), vector::from_shape({3}))};
  for (auto placement : {nn::Placement::post_activation, nn::Placement::pre_activation}) {
    const std::size_t in = net.hidden.empty() ? 4 : 3;
    net.hidden.emplace_back(matrix::from_shape({in, 3}), vector::from_shape({3}),
                            nn::Activation::tanh, placement);
  }
  vector theta = nn::flatten(net);
  for (auto& v : theta) v = rng.normal(0, 0.7);
  nn::unflatten(theta, net);
  auto loss = [&](const vector& th) {
    nn::BnNetwork copy = net;
    nn::unflatten(th, copy);
    return nn::cross_entropy(nn::forward_train(copy, x), y) / 7.0;
  };
  const matrix& scores = nn::forward_train(net, x);
  nn::backward(net, nn::softmax_cross_entropy_grad(scores, y) / 7.0);
  const vector analytic = nn::flatten_gradients(net);
  const auto check = nn::check_gradient(loss, theta, analytic, 1e-5);
  // Some gradients are exactly zero: a shift of layer 1's β (post-activation) or of layer 2's
  // bias (pre-activation) is removed again by layer 2's normalization. There ρ compares
  // rounding noise with rounding noise, so both must just be tiny.
  std::size_t zeros = 0;
  for (std::size_t i = 0; i < theta.size(); ++i) {
    CAPTURE(i);
    if (std::fabs(check.estimated(i)) < 1e-10 && std::fabs(analytic(i)) < 1e-10) {
      ++zeros;
      continue;
    }
    CHECK(check.rho(i) < 1e-7);
  }
  CHECK(zeros == 6);  // 3 β of layer 1 and 3 biases of layer 2, no more
}

TEST_CASE("BnNetwork: one SGD step, population statistics and inference equal torch") {
  const auto fixture = load_fixture("nn_training.json");
  const auto& fx = fixture["bn_step"];
  auto net = torch_network(fx);
  const matrix x = to_matrix(fx["x"]);
  std::vector<int> labels = fx["labels"].get<std::vector<int>>();
  const matrix y = one_hot(labels, 3);
  const double m = double(labels.size());
  // float64 on a 6 x 5 batch: rounding only, a few ulps of O(1) numbers.
  constexpr double kTol = 1e-13;
  const matrix& scores = nn::forward_train(net, x);
  CHECK(std::fabs(nn::cross_entropy(scores, y) / m - fx["loss"].get<double>()) <= kTol);
  nn::backward(net, nn::softmax_cross_entropy_grad(scores, y) / m);
  for (std::size_t k = 0; k < 2; ++k) {
    CAPTURE(k);
    CHECK(max_abs_diff(net.hidden[k].linear.grad_W, to_matrix(fx["grad"]["W"][k])) <= kTol);
    CHECK(max_abs_diff(net.hidden[k].linear.grad_b, to_vector(fx["grad"]["b"][k])) <= kTol);
    CHECK(max_abs_diff(net.hidden[k].grad_gamma, to_vector(fx["grad"]["gamma"][k])) <= kTol);
    CHECK(max_abs_diff(net.hidden[k].grad_beta, to_vector(fx["grad"]["beta"][k])) <= kTol);
  }
  CHECK(max_abs_diff(net.output.grad_W, to_matrix(fx["grad"]["W"][2])) <= kTol);
  // one step of SGD through the flattened parameters, as the trainer takes it
  optim::GradientDescent gd;
  vector theta = nn::flatten(net);
  gd.step(theta, nn::flatten_gradients(net), fx["alpha"].get<double>());
  nn::unflatten(theta, net);
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(max_abs_diff(net.hidden[k].linear.W, to_matrix(fx["W"][k])) <= kTol);
    CHECK(max_abs_diff(net.hidden[k].bn.gamma, to_vector(fx["gamma"][k])) <= kTol);
    CHECK(max_abs_diff(net.hidden[k].bn.beta, to_vector(fx["beta"][k])) <= kTol);
  }
  CHECK(max_abs_diff(net.output.b, to_vector(fx["b"][2])) <= kTol);
  nn::set_population_statistics(net, x);
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(max_abs_diff(net.hidden[k].bn.running_mean, to_vector(fx["population_mean"][k])) <= kTol);
    CHECK(max_abs_diff(net.hidden[k].bn.running_var, to_vector(fx["population_var"][k])) <= kTol);
  }
  CHECK(max_abs_diff(nn::forward_inference(net, x), to_matrix(fx["inference_scores"])) <= kTol);
}

TEST_CASE("train_classifier (BnNetwork): same seed, same history; the best epoch is kept") {
  Rng rng(4);
  matrix x = matrix::from_shape({40, 3});
  std::vector<std::uint8_t> labels(40);
  for (std::size_t r = 0; r < 40; ++r) {
    labels[r] = static_cast<std::uint8_t>(r % 2);
    for (std::size_t c = 0; c < 3; ++c) x(r, c) = rng.normal(labels[r] ? 1.5 : -1.5, 1);
  }
  auto make = [] {
    Rng init(9);
    matrix W1 = matrix::from_shape({3, 6}), W2 = matrix::from_shape({6, 2});
    for (auto& w : W1) w = init.normal(0, 0.5);
    for (auto& w : W2) w = init.normal(0, 0.5);
    nn::BnNetwork net{{}, nn::Linear(W2, xt::zeros<double>({2}))};
    net.hidden.emplace_back(W1, xt::zeros<double>({6}), nn::Activation::relu,
                            nn::Placement::pre_activation);
    return net;
  };
  nn::TrainOptions opt;
  opt.epochs = 15;
  opt.batch_size = 8;
  opt.alpha = 0.1;
  auto a = make(), b = make();
  optim::GradientDescent sa, sb;
  const auto ra = nn::train_classifier(a, x, labels, x, labels, sa, opt);
  const auto rb = nn::train_classifier(b, x, labels, x, labels, sb, opt);
  REQUIRE(ra.history.size() == 15);
  for (std::size_t e = 0; e < 15; ++e) CHECK(ra.history[e].train_loss == rb.history[e].train_loss);
  // two well-separated Gaussian classes (means ±1.5 in 3-d): the net learns them
  CHECK(ra.history.back().train_loss < 0.5 * ra.history.front().train_loss);
  CHECK(ra.history.back().validation_accuracy > 0.9);
  // Validated against the flipped labels, the best epoch is the first (training makes the
  // flipped ones ever less likely): the network handed back is that epoch's, with its
  // population statistics, so it scores exactly the loss recorded for epoch 1, not the last.
  std::vector<std::uint8_t> flipped(labels.size());
  for (std::size_t r = 0; r < labels.size(); ++r) flipped[r] = std::uint8_t(1 - labels[r]);
  auto c = make();
  optim::GradientDescent sc;
  const auto rc = nn::train_classifier(c, x, labels, x, flipped, sc, opt);
  REQUIRE(rc.history.size() == 15);
  CHECK(rc.best_epoch == 1);
  CHECK(rc.history.back().validation_loss > rc.history.front().validation_loss);
  CHECK(nn::evaluate(c, x, flipped).loss == rc.history.front().validation_loss);
  std::vector<std::uint8_t> bad = labels;
  bad[0] = 2;  // the network has two outputs
  CHECK_THROWS_AS((void)nn::train_classifier(a, x, bad, x, labels, sa, opt),
                  descent::invalid_argument);
}

TEST_CASE("soft-target cross-entropy: o - p against central differences and torch") {
  const auto fixture = load_fixture("nn_training.json");
  const auto& fx = fixture["soft_targets"];
  const matrix v = to_matrix(fx["v"]), p = to_matrix(fx["p"]);
  const double m = double(v.shape(0));
  // torch's F.cross_entropy with probability targets, batch mean, and its autograd gradient
  CHECK(std::fabs(nn::cross_entropy(v, p) / m - fx["loss_mean"].get<double>()) <= 1e-14);
  const matrix g = nn::softmax_cross_entropy_grad(v, p) / m;
  CHECK(max_abs_diff(g, to_matrix(fx["grad_mean"])) <= 1e-15);
  // central differences on the scores
  vector flat = vector::from_shape({v.size()});
  std::copy(v.begin(), v.end(), flat.begin());
  auto loss = [&](const vector& w) {
    matrix vv = v;
    std::copy(w.begin(), w.end(), vv.begin());
    return nn::cross_entropy(vv, p) / m;
  };
  vector analytic = vector::from_shape({g.size()});
  std::copy(g.begin(), g.end(), analytic.begin());
  CHECK(nn::check_gradient(loss, flat, analytic, 1e-5).max_rho < 1e-8);
}

TEST_CASE("train_on_soft_targets: two SGD epochs in data order equal torch") {
  const auto fixture = load_fixture("nn_training.json");
  const auto& fx = fixture["soft_targets"];
  nn::Network student;
  student.layers.push_back({to_matrix(fx["W0"][0]), to_vector(fx["b0"][0]), nn::Activation::tanh});
  student.layers.push_back(
      {to_matrix(fx["W0"][1]), to_vector(fx["b0"][1]), nn::Activation::identity});
  nn::TrainOptions opt;
  opt.epochs = 2;
  opt.batch_size = fx["batch"].get<std::size_t>();  // 5 examples: batches of 3 and 2
  opt.shuffle = false;
  opt.alpha = fx["alpha"].get<double>();
  optim::GradientDescent gd;
  const auto run =
      nn::train_on_soft_targets(student, to_matrix(fx["x"]), to_matrix(fx["p"]), gd, opt);
  CHECK(run.status.reason == StopReason::iteration_limit);
  const auto& losses = run.epoch_loss;
  REQUIRE(losses.size() == 2);
  for (std::size_t e = 0; e < 2; ++e)
    CHECK(std::fabs(losses[e] - fx["epoch_loss"][e].get<double>()) <= 1e-13);
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(max_abs_diff(student.layers[k].W, to_matrix(fx["W"][k])) <= 1e-13);
    CHECK(max_abs_diff(student.layers[k].b, to_vector(fx["b"][k])) <= 1e-13);
  }
  // A NaN in the data makes the first epoch's loss NaN: the run says it diverged and hands
  // back the parameters it started from, not NaNs.
  nn::Network wild = student;
  matrix x_nan = to_matrix(fx["x"]);
  x_nan(4, 0) = std::nan("");  // the last batch
  opt.epochs = 3;
  const auto diverged = nn::train_on_soft_targets(wild, x_nan, to_matrix(fx["p"]), gd, opt);
  CHECK(diverged.status.reason == StopReason::diverged);
  CHECK(diverged.status.iterations == 1);
  CHECK(diverged.epoch_loss.empty());
  for (std::size_t k = 0; k < 2; ++k) {
    CHECK(max_abs_diff(wild.layers[k].W, student.layers[k].W) == 0);
    CHECK(max_abs_diff(wild.layers[k].b, student.layers[k].b) == 0);
  }
  // soft_targets is the teacher's softmax: rows sum to 1
  const matrix s = nn::soft_targets(student, to_matrix(fx["x"]));
  for (std::size_t r = 0; r < s.shape(0); ++r) {
    double sum = 0;
    for (std::size_t c = 0; c < s.shape(1); ++c) sum += s(r, c);
    CHECK(std::fabs(sum - 1) <= 1e-15);
  }
}
