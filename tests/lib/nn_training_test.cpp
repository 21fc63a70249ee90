// Unit tests of nn::train_classifier: mini-batches, shuffled epochs, validation tracking,
// early stopping that keeps the best parameters, determinism, the update rule and the observer;
// and a short run on Debian's Fashion-MNIST when it is installed. Properties, not iterates (the
// runs are long and chaotic).

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/data/idx.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/nn/fused/network_training.hpp"
#include "descent/nn/init.hpp"
#include "descent/nn/softmax.hpp"
#include "descent/nn/training.hpp"
#include "descent/optim/momentum.hpp"

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
  Rng init(2);
  auto net = small_net(2, 8, 3, init);
  const auto before = nn::evaluate(net, xv, yv);
  optim::GradientDescent gd;  // Aggarwal Eq. 3.32
  opt.alpha = 0.1;
  const auto run = nn::train_classifier(net, x, y, xv, yv, gd, opt);
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
  optim::GradientDescent gd2;
  const auto again = nn::train_classifier(net2, x, y, xv, yv, gd2, opt);
  for (std::size_t e = 0; e < run.history.size(); ++e)
    CHECK(again.history[e].validation_loss == run.history[e].validation_loss);
}

namespace {

// Keeps what the training loop tells it, and at the end what the network then scores.
struct Recorder final : nn::TrainObserver {
  Recorder(const nn::Network& network, const matrix& inputs,
           const std::vector<std::uint8_t>& labels)
      : net(network), x(inputs), y(labels) {}
  void begin(std::size_t epochs) override { begun.push_back(epochs); }
  void epoch(const nn::EpochRecord& record) override { records.push_back(record); }
  void end() override { end_loss.push_back(nn::evaluate(net, x, y).loss); }
  const nn::Network& net;
  const matrix& x;
  const std::vector<std::uint8_t>& y;
  std::vector<std::size_t> begun;
  std::vector<nn::EpochRecord> records;
  std::vector<double> end_loss;
};

}  // namespace

TEST_CASE("early stopping restores the best epoch; the observer sees every epoch, then that net") {
  Rng rng(7);
  matrix x, xv;
  std::vector<std::uint8_t> y, yv;
  blobs(60, rng, x, y);
  blobs(60, rng, xv, yv);
  for (auto& l : yv) l = static_cast<std::uint8_t>(rng.below(3));  // validation labels are noise
  nn::TrainOptions opt;
  opt.epochs = 200;
  opt.patience = 5;
  Rng init(3);
  auto net = small_net(2, 16, 3, init);
  Recorder recorder(net, xv, yv);
  opt.observer = &recorder;
  optim::GradientDescent gd;
  opt.alpha = 0.2;
  const auto run = nn::train_classifier(net, x, y, xv, yv, gd, opt);
  CHECK(run.status.reason == StopReason::converged);
  CHECK(run.history.size() < 200);
  CHECK(run.history.size() == run.best_epoch + opt.patience);
  CHECK(nn::evaluate(net, xv, yv).loss == run.best_validation_loss);
  for (const auto& e : run.history) CHECK(e.validation_loss >= run.best_validation_loss);

  // The observer: told the epochs planned, then every record of the history (the early-stopping
  // epoch too), then the end, when the network already holds the best epoch's parameters.
  CHECK(recorder.begun == std::vector<std::size_t>{200});
  REQUIRE(recorder.records.size() == run.history.size());
  for (std::size_t e = 0; e < run.history.size(); ++e) {
    CHECK(recorder.records[e].epoch == run.history[e].epoch);
    CHECK(recorder.records[e].train_loss == run.history[e].train_loss);
    CHECK(recorder.records[e].validation_loss == run.history[e].validation_loss);
    CHECK(recorder.records[e].validation_accuracy == run.history[e].validation_accuracy);
  }
  CHECK(recorder.end_loss == std::vector<double>{run.best_validation_loss});
}

TEST_CASE("train_classifier rejects bad options") {
  Rng rng(1);
  auto net = small_net(2, 4, 3, rng);
  matrix x{{0, 0}};
  std::vector<std::uint8_t> y{0};
  optim::GradientDescent gd;
  nn::TrainOptions opt;
  opt.batch_size = 0;
  CHECK_THROWS_AS((void)nn::train_classifier(net, x, y, x, y, gd, opt), descent::invalid_argument);
  opt.batch_size = 1;
  for (double alpha : {0.0, -1.0, double(NAN), double(INFINITY)}) {
    opt.alpha = alpha;
    CHECK_THROWS_AS((void)nn::train_classifier(net, x, y, x, y, gd, opt),
                    descent::invalid_argument);
  }
  opt.alpha = 0.1;
  std::vector<std::uint8_t> bad{7};
  CHECK_THROWS_AS((void)nn::train_classifier(net, x, bad, x, y, gd, opt),
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
  opt.alpha = 0.05;
  optim::GradientDescent gd;
  const auto run = nn::train_classifier(net, train.x, train.labels, valid.x, valid.labels, gd, opt);
  // Ten classes: chance is 0.1; a small MLP after 3 epochs on 500 images reaches well above 0.5.
  CHECK(run.history[run.best_epoch - 1].validation_accuracy > 0.5);
}

TEST_CASE("train_classifier steps with an optim rule: ADAM's first step moves every weight by α") {
  // ADAM's first step (MEDL Algorithm 4.2, ε = 0): v̂ = g and ŝ = g², so every coordinate
  // moves by exactly α·sign(g) whatever the size of g. One batch of all six examples, one
  // epoch: one step, from the gradient of the batch-mean loss that backprop computes.
  Rng rng(9);
  matrix x;
  std::vector<std::uint8_t> y;
  blobs(6, rng, x, y);
  Rng init(10);
  auto net = small_net(2, 4, 3, init);
  const vector theta0 = nn::flatten(net);
  matrix one_hot = xt::zeros<double>({6, 3});
  for (std::size_t r = 0; r < 6; ++r) one_hot(r, y[r]) = 1;
  const auto f = nn::forward(net, x);
  const vector g = nn::flatten(nn::backprop_pre_activation(
      net, f, nn::softmax_cross_entropy_grad(f.h.back(), one_hot) / 6.0));

  optim::RuleOptions options;
  options.epsilon = 0;
  const auto adam = optim::make_rule("adam", options);
  nn::TrainOptions opt;
  opt.alpha = 0.01;
  opt.batch_size = 6;
  opt.epochs = 1;
  opt.shuffle = false;
  (void)nn::train_classifier(net, x, y, x, y, *adam, opt);
  const vector theta1 = nn::flatten(net);
  REQUIRE(theta1.size() == g.size());
  for (std::size_t i = 0; i < g.size(); ++i) {
    REQUIRE(g(i) != 0);
    CHECK(theta1(i) - theta0(i) == doctest::Approx(g(i) > 0 ? -0.01 : 0.01).epsilon(1e-12));
  }
}

TEST_CASE("every rule says whether it looks ahead, and training refuses the ones that do") {
  // looks_ahead() is what gradient_point() does: θ itself, or a point of the rule's own.
  for (const auto& name : optim::rule_names()) {
    CAPTURE(name);
    const auto rule = optim::make_rule(name);
    vector theta = {1.0, -2.0};
    rule->step(theta, vector{0.5, 0.25}, 0.1);  // a velocity, for the rules that keep one
    CHECK(rule->looks_ahead() == (&rule->gradient_point(theta, 0.1) != &theta));
  }
  Rng rng(1);
  auto net = small_net(2, 4, 3, rng);
  matrix x{{0, 0}, {1, 1}};
  std::vector<std::uint8_t> y{0, 1};
  for (const char* name : {"nesterov", "nesterov-sutskever", "rmsprop-nesterov"}) {
    CAPTURE(name);
    const auto rule = optim::make_rule(name);
    CHECK_THROWS_AS((void)nn::train_classifier(net, x, y, x, y, *rule, nn::TrainOptions{}),
                    descent::invalid_argument);
  }
}
