// nn::train_classifier replayed against PyTorch (tests/reference/generate_training.py, float64,
// torch.optim.Adam, F.cross_entropy with the batch mean): same data, same starting parameters,
// batches in data order (TrainOptions::shuffle = false), so every epoch must agree to rounding.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "descent/nn/fused/network_training.hpp"
#include "descent/nn/init.hpp"
#include "descent/optim/update_rule.hpp"
#include "fixtures.hpp"

using namespace descent;
using descent::testing::load_fixture;
using descent::testing::to_labels;
using descent::testing::to_matrix;
using descent::testing::to_vector;

namespace {

// Relative agreement: the runs differ only by the order of floating-point sums (BLAS against
// torch's kernels) over 15 Adam steps, so 1e-12 relative leaves room for rounding only.
constexpr double kRel = 1e-12;

bool close(double a, double b) {
  return std::fabs(a - b) <= kRel * std::max(1.0, std::fabs(b));
}

nn::Activation activation(const std::string& name) {
  if (name == "tanh") return nn::Activation::tanh;
  if (name == "relu") return nn::Activation::relu;
  return nn::Activation::identity;
}

double max_rel_diff(const nn::Network& net, const nlohmann::json& epoch) {
  double worst = 0;
  for (std::size_t k = 0; k < net.layers.size(); ++k) {
    const matrix W = to_matrix(epoch["W"][k]);
    const vector b = to_vector(epoch["b"][k]);
    for (std::size_t i = 0; i < W.size(); ++i)
      worst = std::max(worst, std::fabs(net.layers[k].W.flat(i) - W.flat(i)) /
                                  std::max(1.0, std::fabs(W.flat(i))));
    for (std::size_t i = 0; i < b.size(); ++i)
      worst =
          std::max(worst, std::fabs(net.layers[k].b(i) - b(i)) / std::max(1.0, std::fabs(b(i))));
  }
  return worst;
}

}  // namespace

TEST_CASE("train_classifier with ADAM, batches in data order, equals torch epoch by epoch") {
  const auto fixture = load_fixture("nn_training.json");
  const auto& fx = fixture["adam_classifier"];
  nn::Network net;
  for (std::size_t k = 0; k < fx["W0"].size(); ++k)
    net.layers.push_back({to_matrix(fx["W0"][k]), to_vector(fx["b0"][k]),
                          activation(fx["activations"][k].get<std::string>())});
  const matrix x = to_matrix(fx["x"]), xv = to_matrix(fx["x_valid"]);
  const auto y = to_labels(fx["labels"]), yv = to_labels(fx["labels_valid"]);
  const auto& epochs = fx["epochs"];

  nn::TrainOptions opt;
  opt.epochs = epochs.size();
  opt.batch_size = fx["batch"].get<std::size_t>();  // 10 examples: batches of 4, 4 and 2
  opt.shuffle = false;
  opt.alpha = fx["alpha"].get<double>();
  SUBCASE("monitoring the validation loss: the history and the restored best epoch") {
    const auto adam = optim::make_rule("adam");
    const auto run = nn::train_classifier(net, x, y, xv, yv, *adam, opt);
    REQUIRE(run.history.size() == epochs.size());
    for (std::size_t e = 0; e < epochs.size(); ++e) {
      CAPTURE(e);
      CHECK(close(run.history[e].train_loss, epochs[e]["train_loss"].get<double>()));
      CHECK(close(run.history[e].validation_loss, epochs[e]["validation_loss"].get<double>()));
      CHECK(run.history[e].validation_accuracy == epochs[e]["validation_accuracy"].get<double>());
    }
    // torch's best epoch (4 of 5) is not the last: the returned parameters are its, not the
    // final ones.
    const auto best = fx["best_epoch"].get<std::size_t>();
    CHECK(best < epochs.size());
    CHECK(run.best_epoch == best);
    CHECK(max_rel_diff(net, epochs[best - 1]) <= kRel);
    CHECK(max_rel_diff(net, epochs[epochs.size() - 1]) > 1e-3);
  }
  SUBCASE("monitoring the validation error: the first epoch of the lowest error is kept") {
    std::size_t best = 1;
    for (std::size_t e = 1; e < epochs.size(); ++e)
      if (epochs[e]["validation_accuracy"].get<double>() >
          epochs[best - 1]["validation_accuracy"].get<double>())
        best = e + 1;
    opt.monitor = nn::Monitor::validation_error;
    const auto adam = optim::make_rule("adam");
    const auto run = nn::train_classifier(net, x, y, xv, yv, *adam, opt);
    CHECK(run.best_epoch == best);
    CHECK(max_rel_diff(net, epochs[best - 1]) <= kRel);
  }
}

TEST_CASE("Glorot uniform draws within +-sqrt(6/(fan_in + fan_out)) with variance 2/(in + out)") {
  Rng rng(11);
  const matrix W = nn::initialize(nn::Init::xavier_uniform, 300, 100, rng);
  const double bound = std::sqrt(6.0 / 400.0);  // Glorot and Bengio (2010), Eq. 16
  double m2 = 0;
  for (double w : W) {
    CHECK(std::fabs(w) <= bound);
    m2 += w * w / double(W.size());
  }
  // 30000 draws: the sample variance is within a few standard errors (~0.8%) of 2/400.
  CHECK(std::fabs(m2 / (2.0 / 400.0) - 1) < 0.03);
  CHECK(nn::init_std(nn::Init::xavier_uniform, 300, 100) == std::sqrt(2.0 / 400.0));
}
