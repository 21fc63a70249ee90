/// \file
/// MEDL §4.2 "early stopping", Figure 4.4: a five-layer dense network trained with ADAM on
/// 1000 images, validated on 500 more after every epoch; the parameters of the epoch with the
/// best validation performance P = 1 − accuracy are the ones kept. MNIST is not packaged in
/// Debian, so the images are Fashion-MNIST's (dataset-fashion-mnist), in the same IDX format.

#include <algorithm>
#include <cmath>
#include <string>

#include "common/training_progress.hpp"
#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/data/idx.hpp"
#include "descent/nn/fused/network_training.hpp"
#include "descent/nn/init.hpp"
#include "descent/optim/update_rule.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

matrix rows(const matrix& x, std::size_t first, std::size_t count) {
  matrix out = matrix::from_shape({count, x.shape(1)});
  std::copy_n(x.data() + first * x.shape(1), count * x.shape(1), out.data());
  return out;
}

/// 784 → widths… → 10: ReLU hidden layers, identity scores (softmax sits in the loss), Glorot
/// uniform weights and zero biases as Flux's Dense defaults in the authors' notebook.
nn::Network dense_relu_network(std::size_t inputs, const std::vector<double>& widths,
                               std::size_t classes, Rng& rng) {
  nn::Network net;
  std::size_t fan_in = inputs;
  for (double w : widths) {
    const auto fan_out = static_cast<std::size_t>(w);
    net.layers.push_back({nn::initialize(nn::Init::xavier_uniform, fan_in, fan_out, rng),
                          xt::zeros<double>({fan_out}), nn::Activation::relu});
    fan_in = fan_out;
  }
  net.layers.push_back({nn::initialize(nn::Init::xavier_uniform, fan_in, classes, rng),
                        xt::zeros<double>({classes}), nn::Activation::identity});
  return net;
}

//! [figure-4.4]
Result figure_4_4(const Params& p) {
  const auto n_train = static_cast<std::size_t>(p.integer("train"));
  const auto n_valid = static_cast<std::size_t>(p.integer("validation"));
  if (n_train + n_valid > 60000)
    throw invalid_argument("train + validation = " + std::to_string(n_train + n_valid) +
                           "; allowed: <= 60000 (the images of the training file)");
  // The authors' split: training images 1..1000, validation images 1001..1500 of one file.
  const auto images = data::load_fashion_mnist("train", n_train + n_valid);
  const matrix x = rows(images.x, 0, n_train), x_valid = rows(images.x, n_train, n_valid);
  const std::vector<std::uint8_t> labels(images.labels.begin(),
                                         images.labels.begin() + std::ptrdiff_t(n_train));
  const std::vector<std::uint8_t> labels_valid(images.labels.begin() + std::ptrdiff_t(n_train),
                                               images.labels.end());

  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  auto net = dense_relu_network(x.shape(1), p.vector("widths"), 10, rng);
  const auto adam = optim::make_rule("adam");  // Algorithm 4.2
  nn::TrainOptions options;
  options.alpha = p.number("alpha");
  options.epochs = static_cast<std::size_t>(p.integer("epochs"));
  options.batch_size = static_cast<std::size_t>(p.integer("batch"));
  options.patience = static_cast<std::size_t>(p.integer("patience"));
  options.shuffle = p.integer("shuffle") != 0;
  options.seed = static_cast<std::uint64_t>(p.integer("seed"));
  options.monitor = nn::Monitor::validation_error;  // the book's P(θ) = 1 − accuracy
  common::TrainingProgress progress;                // a progress line on a terminal
  options.observer = &progress;
  const auto run = nn::train_classifier(net, x, labels, x_valid, labels_valid, *adam, options);
  //! [figure-4.4]

  Result result;
  auto& curves =
      result.add_series("epochs", {"epoch", "train_loss", "validation_loss", "validation_error"});
  auto& table = result.table(
      "epochs (every 10th, the first, the best and the last)",
      {"epoch", "training loss", "validation loss", "validation error", "validation accuracy"});
  std::size_t min_loss_epoch = 1;
  for (const auto& e : run.history) {
    curves.add({double(e.epoch), e.train_loss, e.validation_loss, 1 - e.validation_accuracy});
    if (e.epoch == 1 || e.epoch % 10 == 0 || e.epoch == run.best_epoch ||
        e.epoch == run.history.size())
      table.add({double(e.epoch), e.train_loss, e.validation_loss, 1 - e.validation_accuracy,
                 e.validation_accuracy});
    if (e.validation_loss < run.history[min_loss_epoch - 1].validation_loss)
      min_loss_epoch = e.epoch;
  }
  const auto& best = run.history[run.best_epoch - 1];
  result.add_series("best", {"epoch", "validation_loss", "validation_error"})
      .add({double(best.epoch), best.validation_loss, 1 - best.validation_accuracy});

  const auto restored = nn::evaluate(net, x_valid, labels_valid);
  result.value("parameters", double(nn::parameter_count(net)));
  result.value("epochs_run", double(run.history.size()));
  result.value("best_epoch", double(run.best_epoch));
  result.value("best_validation_accuracy", best.validation_accuracy);
  result.value("best_validation_error", 1 - best.validation_accuracy);
  result.value("best_validation_loss", best.validation_loss);
  result.value("restored_validation_accuracy", restored.accuracy);  // of the returned network
  result.value("restored_validation_loss", restored.loss);
  result.value("min_validation_loss", run.history[min_loss_epoch - 1].validation_loss);
  result.value("min_validation_loss_epoch", double(min_loss_epoch));
  result.value("train_loss_first", run.history.front().train_loss);
  result.value("train_loss_last", run.history.back().train_loss);
  result.value("validation_loss_last", run.history.back().validation_loss);
  result.value("validation_accuracy_last", run.history.back().validation_accuracy);
  result.status = run.status.to_string() + "; kept the parameters of epoch " +
                  std::to_string(run.best_epoch) + " (lowest validation error)";

  report::Figure figure{
      "figure-4.4",
      "Figure 4.4: training on a small subset of the data; the early stopping strategy uses "
      "the model of the epoch where the validation performance is best",
      {},
      "Fashion-MNIST (Debian's dataset-fashion-mnist) replaces MNIST, which Debian does not "
      "package: training images 1-" +
          std::to_string(n_train) + ", validation images " + std::to_string(n_train + 1) + "-" +
          std::to_string(n_train + n_valid) +
          " of its training file. Network, ADAM step size, batches in data order and Glorot "
          "initialization follow the authors' notebook; the best epoch differs from the book's "
          "76 (other data, other random numbers)."};
  report::Panel loss;
  loss.title = "(a) loss: training (mean over the epoch's batches) and validation";
  loss.xlabel = "epoch";
  loss.ylabel = "cross-entropy";
  loss.logy = true;
  loss.layers = {
      {"epochs", "epoch", "train_loss", report::Layer::Style::lines, "training loss"},
      {"epochs", "epoch", "validation_loss", report::Layer::Style::lines, "validation loss"},
      {"best", "epoch", "validation_loss", report::Layer::Style::points,
       "kept epoch (best validation error)"}};
  report::Panel error;
  error.title = "(b) validation error rate P = 1 - accuracy";
  error.xlabel = "epoch";
  error.ylabel = "validation error rate";
  error.layers = {
      {"epochs", "epoch", "validation_error", report::Layer::Style::lines, "validation error"},
      {"best", "epoch", "validation_error", report::Layer::Style::points, "best epoch (kept)"}};
  figure.panels = {loss, error};
  result.figures.push_back(figure);
  return result;
}

}  // namespace

void add_figure_4_4(app::Chapter& chapter) {
  chapter.add(
      {"figure-4.4",
       "Early stopping: training and validation loss and validation error per epoch of a "
       "784-400-200-100-50-10 ReLU network trained by ADAM on 1000 Fashion-MNIST images",
       "MEDL §4.2, Figure 4.4",
       {Param::integer("epochs", "200", Provenance::book, "passes over the training images",
                       Interval::closed(1, 10000)),
        Param::integer("batch", "10", Provenance::book, "mini-batch size n_b",
                       Interval::closed(1, 60000)),
        Param::number("alpha", "1e-5", Provenance::authors,
                      "ADAM step size (not in the text; the authors' notebook uses 1e-5)",
                      Interval::greater_than(0)),
        Param::integer("train", "1000", Provenance::book, "training images (the first ones)",
                       Interval::closed(1, 59999)),
        Param::integer("validation", "500", Provenance::book,
                       "validation images (the ones after the training images)",
                       Interval::closed(1, 59999)),
        Param::vector("widths", "400,200,100,50", Provenance::authors,
                      "hidden layer widths (the text: 5 layers, hundreds of thousands of "
                      "parameters)",
                      1, 10, Interval::closed(1, 4096)),
        Param::integer("shuffle", "0", Provenance::authors,
                       "1: reshuffle every epoch; 0: batches in data order (the notebook)",
                       Interval::closed(0, 1)),
        Param::integer("patience", "0", Provenance::book,
                       "stop after this many epochs without a better validation error; 0: run "
                       "all epochs (the book runs 200 and keeps the best retrospectively)",
                       Interval::closed(0, 10000)),
        Param::integer("seed", "0", Provenance::companion,
                       "seed of the initial weights (and of the shuffling)",
                       Interval::closed(0, 1e9))},
       figure_4_4,
       /*slow=*/true,  // 20,000 ADAM steps on 419,860 weights: a minute or two
       /*quick_sets=*/
       {"train=300", "validation=300", "widths=64,32", "alpha=1e-3", "epochs=30"}});
}

}  // namespace descent::chapters::medl04
