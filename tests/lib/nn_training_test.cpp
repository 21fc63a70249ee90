// Unit tests of nn::train_classifier: mini-batches, shuffled epochs, validation tracking,
// early stopping that keeps the best parameters, determinism; and a short run on Debian's
// Fashion-MNIST when it is installed. Properties, not iterates (the runs are long and chaotic).

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/data/idx.hpp"
#include "descent/nn/init.hpp"
#include "descent/nn/training.hpp"

using namespace descent;

namespace {

// Three Gaussian blobs in the plane, centres 4 apart, unit spread.
void blobs(std::size_t n, Rng& rng, matrix& x, std::vector<std::uint8_t>& labels) {
  const double cx[] = {0, 4, 2}, cy[] = {0, 0, 3.5};
  x = matrix::from_shape({n, 2});
  labels.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto k = static_cast<std::uint8_t>(i % 3);
    labels[i] = k;
    x(i, 0) = cx[k] + rng.normal();
    x(i, 1) = cy[k] + rng.normal();
  }
}

nn::Network small_net(std::size_t in, std::size_t hidden, std::size_t out, Rng& rng) {
  nn::Network net;
  net.layers.push_back({nn::initialize(nn::Init::xavier, in, hidden, rng),
                        xt::zeros<double>({hidden}), nn::Activation::tanh});
  net.layers.push_back({nn::initialize(nn::Init::xavier, hidden, out, rng),
                        xt::zeros<double>({out}), nn::Activation::identity});
  return net;
}

}  // namespace

TEST_CASE("train_classifier learns separable blobs and is deterministic") {
  Rng rng(5);
  matrix x, xv;
  std::vector<std::uint8_t> y, yv;
  blobs(300, rng, x, y);
  blobs(150, rng, xv, yv);
  nn::TrainOptions opt;
  opt.epochs = 20;
  opt.seed = 1;
  opt.progress = false;
  Rng init(2);
  auto net = small_net(2, 8, 3, init);
  const auto before = nn::evaluate(net, xv, yv);
  nn::SgdStep sgd(0.1);
  const auto run = nn::train_classifier(net, x, y, xv, yv, sgd, opt);
  REQUIRE(run.history.size() == 20);
  // Bayes accuracy of these blobs is about 0.97; a trained classifier gets above 0.9.
  CHECK(run.history[run.best_epoch - 1].validation_accuracy > 0.9);
  CHECK(run.history.back().train_loss < 0.5 * run.history.front().train_loss);
  CHECK(run.best_validation_loss < before.loss);
  CHECK(run.status.reason == StopReason::iteration_limit);
  // The returned network holds the best epoch's parameters.
  CHECK(nn::evaluate(net, xv, yv).loss == run.best_validation_loss);
  // Same seeds, same bytes.
  Rng init2(2);
  auto net2 = small_net(2, 8, 3, init2);
  nn::SgdStep sgd2(0.1);
  const auto again = nn::train_classifier(net2, x, y, xv, yv, sgd2, opt);
  for (std::size_t e = 0; e < run.history.size(); ++e)
    CHECK(again.history[e].validation_loss == run.history[e].validation_loss);
}

TEST_CASE("early stopping stops when validation stops improving and restores the best epoch") {
  Rng rng(7);
  matrix x, xv;
  std::vector<std::uint8_t> y, yv;
  blobs(60, rng, x, y);
  blobs(60, rng, xv, yv);
  for (auto& l : yv) l = static_cast<std::uint8_t>(rng.below(3));  // validation labels are noise
  nn::TrainOptions opt;
  opt.epochs = 200;
  opt.patience = 5;
  opt.progress = false;
  Rng init(3);
  auto net = small_net(2, 16, 3, init);
  nn::SgdStep sgd(0.2);
  const auto run = nn::train_classifier(net, x, y, xv, yv, sgd, opt);
  CHECK(run.status.reason == StopReason::converged);
  CHECK(run.history.size() < 200);
  CHECK(run.history.size() == run.best_epoch + opt.patience);
  CHECK(nn::evaluate(net, xv, yv).loss == run.best_validation_loss);
  for (const auto& e : run.history) CHECK(e.validation_loss >= run.best_validation_loss);
}

TEST_CASE("train_classifier rejects bad options") {
  Rng rng(1);
  auto net = small_net(2, 4, 3, rng);
  matrix x{{0, 0}};
  std::vector<std::uint8_t> y{0};
  nn::SgdStep sgd(0.1);
  nn::TrainOptions opt;
  opt.batch_size = 0;
  CHECK_THROWS_AS((void)nn::train_classifier(net, x, y, x, y, sgd, opt), descent::invalid_argument);
  CHECK_THROWS_AS(nn::SgdStep(-1), descent::invalid_argument);
  opt.batch_size = 1;
  std::vector<std::uint8_t> bad{7};
  CHECK_THROWS_AS((void)nn::train_classifier(net, x, bad, x, y, sgd, opt),
                  descent::invalid_argument);
}

TEST_CASE("a short Fashion-MNIST run beats chance (when the Debian package is installed)") {
  if (!std::filesystem::exists(data::fashion_mnist_dir)) {
    MESSAGE("dataset-fashion-mnist is not installed; skipping");
    return;
  }
  const auto train = data::load_fashion_mnist("train", 500);
  const auto valid = data::load_fashion_mnist("t10k", 200);
  Rng init(4);
  auto net = small_net(784, 32, 10, init);
  nn::TrainOptions opt;
  opt.epochs = 3;
  opt.batch_size = 10;
  opt.progress = false;
  nn::SgdStep sgd(0.05);
  const auto run =
      nn::train_classifier(net, train.x, train.labels, valid.x, valid.labels, sgd, opt);
  // Ten classes: chance is 0.1; a small MLP after 3 epochs on 500 images reaches well above 0.5.
  CHECK(run.history[run.best_epoch - 1].validation_accuracy > 0.5);
}

TEST_CASE("UpdateRuleStep runs an optim rule inside training; look-ahead rules are refused") {
  // ADAM's first step (MEDL Algorithm 4.2, ε = 0): v̂ = g and ŝ = g², so every coordinate
  // moves by exactly α·sign(g) whatever the size of g.
  optim::RuleOptions options;
  options.epsilon = 0;
  nn::UpdateRuleStep adam(optim::make_rule("adam", options), 0.01);
  vector theta = {1.0, -2.0, 3.0};
  adam.step(theta, vector{4.0, -0.001, 250.0});
  CHECK(theta(0) == doctest::Approx(0.99).epsilon(1e-15));
  CHECK(theta(1) == doctest::Approx(-1.99).epsilon(1e-15));
  CHECK(theta(2) == doctest::Approx(2.99).epsilon(1e-15));

  nn::UpdateRuleStep nesterov(optim::make_rule("nesterov"), 0.01);
  vector theta2 = {1.0};
  CHECK_THROWS_AS(nesterov.step(theta2, vector{1.0}), descent::invalid_argument);
  CHECK_THROWS_AS(nn::UpdateRuleStep(optim::make_rule("adam"), 0), descent::invalid_argument);
}
