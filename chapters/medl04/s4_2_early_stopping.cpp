/// \file
/// MEDL §4.2 "early stopping", Figure 4.4: a five-layer dense network trained with ADAM on
/// 1000 images, validated on 500 more after every epoch; the parameters of the epoch with the
/// best validation performance P = 1 − accuracy are the ones kept. MNIST is not packaged in
/// Debian, so the images are Fashion-MNIST's (dataset-fashion-mnist), in the same IDX format;
/// `--set data=DIR` (or $DESCENT_DATA) reads the original MNIST files, the book's data set.

#include <algorithm>
#include <cmath>
#include <string>

#include "common/errata.hpp"
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

// Rows first, ..., first + count − 1 of x (which has them: load_images checked the count).
matrix rows(const matrix& x, std::size_t first, std::size_t count) {
  if (first + count > x.shape(0)) throw std::logic_error("rows: past the end of the images");
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

// Weights and biases of the dense network inputs → widths… → classes.
double weight_count(std::size_t inputs, const std::vector<double>& widths, std::size_t classes) {
  double count = 0, fan_in = double(inputs);
  for (const double w : widths) {
    count += fan_in * w + w;
    fan_in = w;
  }
  return count + fan_in * double(classes) + double(classes);
}

// What a run may cost, checked before any image is read: the network's weights (each is held
// about six times: itself, its gradient, ADAM's two moments, the best epoch's copy, a step);
// the activations of a training batch and of a validation chunk of at most 1024 images
// (three numbers per unit and row: a, h and delta); and epochs × images × weights, the
// multiply-adds of the run up to a constant: the book's 200 × 1500 × 419,860 = 1.3e11 takes
// about a minute here (a progress line shows on a terminal).
constexpr double kMostWeights = 1e7;
constexpr double kMostActivations = 2e7;  // rows × units: 480 MB
constexpr double kMostWork = 2.5e11;

void check_cost(const Params& p) {
  const auto widths = p.vector("widths");
  const double weights = weight_count(784, widths, 10);
  if (weights > kMostWeights)
    throw invalid_argument("widths make a network of " + short_number(weights) +
                           " weights; allowed: at most " + short_number(kMostWeights) +
                           " (the book's has 419860)");
  double units = 784 + 10;
  for (const double w : widths) units += w;
  const auto train = double(p.integer("train")), validation = double(p.integer("validation"));
  const double held = std::min(double(p.integer("batch")), train) + std::min(validation, 1024.0);
  if (held * units > kMostActivations)
    throw invalid_argument(
        "(min(batch, train) + min(validation, 1024)) x units = " + short_number(held * units) +
        "; allowed: at most " + short_number(kMostActivations) + " (smaller batches or layers)");
  const double work = double(p.integer("epochs")) * (train + validation) * weights;
  if (work > kMostWork)
    throw invalid_argument("epochs x (train + validation) x weights = " + short_number(work) +
                           "; allowed: at most " + short_number(kMostWork) +
                           " (the book's run, 1.3e11, takes about a minute)");
}

// Training images 1..n_train and validation images n_train + 1..n_train + n_valid of the
// training file in `dir`, 28 × 28 pixels for the network's 784 inputs.
struct Split {
  matrix x, x_valid;
  std::vector<std::uint8_t> labels, labels_valid;
};

Split load_split(const std::string& dir, std::size_t n_train, std::size_t n_valid) {
  const auto images =
      data::load_images(dir, "train", n_train + n_valid, 28, 28, "train + validation");
  Split s{rows(images.x, 0, n_train), rows(images.x, n_train, n_valid), {}, {}};
  const auto middle = images.labels.begin() + std::ptrdiff_t(n_train);
  s.labels.assign(images.labels.begin(), middle);
  s.labels_valid.assign(middle, images.labels.end());
  return s;  // the images themselves are freed here: only the split is kept
}

//! [figure-4.4]
Result figure_4_4(const Params& p) {
  const auto n_train = static_cast<std::size_t>(p.integer("train"));
  const auto n_valid = static_cast<std::size_t>(p.integer("validation"));
  if (n_train + n_valid > 60000)
    throw invalid_argument("train + validation = " + std::to_string(n_train + n_valid) +
                           "; allowed: <= 60000 (the images of the training file)");
  check_cost(p);
  // The authors' split: training images 1..1000, validation images 1001..1500 of one file.
  const std::string dir = data::data_directory(p.text("data"));
  const auto [x, x_valid, labels, labels_valid] = load_split(dir, n_train, n_valid);

  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  auto net = dense_relu_network(784, p.vector("widths"), 10, rng);
  const auto adam = optim::make_rule("adam");  // Algorithm 4.2
  nn::TrainOptions options;
  options.alpha = p.number("alpha");
  options.epochs = static_cast<std::size_t>(p.integer("epochs"));
  options.batch_size = static_cast<std::size_t>(p.integer("batch"));
  options.patience = static_cast<std::size_t>(p.integer("patience"));
  options.shuffle = p.flag("shuffle");
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
  const auto restored = nn::evaluate(net, x_valid, labels_valid);
  result.value("parameters", double(nn::parameter_count(net)));
  result.value("epochs_run", double(run.history.size()));
  result.value("best_epoch", double(run.best_epoch));
  if (run.best_epoch > 0) {  // 0: the first epoch diverged, the initial parameters are kept
    const auto& best = run.history[run.best_epoch - 1];
    result.add_series("best", {"epoch", "validation_loss", "validation_error"})
        .add({double(best.epoch), best.validation_loss, 1 - best.validation_accuracy});
    result.value("best_validation_accuracy", best.validation_accuracy);
    result.value("best_validation_error", 1 - best.validation_accuracy);
    result.value("best_validation_loss", best.validation_loss);
  }
  result.value("restored_validation_accuracy", restored.accuracy);  // of the returned network
  result.value("restored_validation_loss", restored.loss);
  result.value("min_validation_loss", run.history[min_loss_epoch - 1].validation_loss);
  result.value("min_validation_loss_epoch", double(min_loss_epoch));
  result.value("train_loss_first", run.history.front().train_loss);
  result.value("train_loss_last", run.history.back().train_loss);
  result.value("validation_loss_last", run.history.back().validation_loss);
  result.value("validation_accuracy_last", run.history.back().validation_accuracy);
  const std::string kept = run.best_epoch > 0
                               ? "kept the parameters of epoch " + std::to_string(run.best_epoch) +
                                     " (lowest validation error)"
                               : std::string("kept the initial parameters");
  if (run.status.reason == StopReason::diverged) {
    result.status = "diverged at epoch " + std::to_string(run.status.iterations) + ": " +
                    run.status.detail + "; " + kept;
    for (const char* place :
         {"epochs", "epochs (every 10th, the first, the best and the last)", "values"})
      result.allow_non_finite(place, "the epochs of a run that diverged; the status says where");
  } else {
    result.status = run.status.to_string() + "; " + kept;
  }

  const std::string split = "training images 1-" + std::to_string(n_train) +
                            ", validation images " + std::to_string(n_train + 1) + "-" +
                            std::to_string(n_train + n_valid) + " of its training file. ";
  const std::string notebook =
      "Network, ADAM step size, batches in data order and Glorot initialization follow the "
      "authors' notebook; ";
  report::Figure figure{
      "figure-4.4",
      "Figure 4.4: training on a small subset of the data; the early stopping strategy uses "
      "the model of the epoch where the validation performance is best",
      {},
      dir == data::fashion_mnist_dir
          ? "Fashion-MNIST (Debian's dataset-fashion-mnist) replaces MNIST, which Debian does "
            "not package: " +
                split + notebook +
                "the best epoch differs from the book's 76 (other data, other random numbers)."
          : "The images of the data directory " + dir + ": " + split + notebook +
                "the best epoch may differ from the book's 76 (other random numbers)."};
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
  error.title = "(b) validation error rate P = 1 − accuracy";
  error.xlabel = "epoch";
  error.ylabel = "validation error rate";
  error.layers = {
      {"epochs", "epoch", "validation_error", report::Layer::Style::lines, "validation error"},
      {"best", "epoch", "validation_error", report::Layer::Style::points, "best epoch (kept)"}};
  if (run.best_epoch == 0) {  // no epoch to mark
    loss.layers.pop_back();
    error.layers.pop_back();
  }
  figure.panels = {loss, error};
  result.figures.push_back(figure);
  return result;
}

}  // namespace

app::Item figure_4_4_item() {
  return {"figure-4.4",
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
           Param::flag("shuffle", false, Provenance::authors,
                       "yes: reshuffle every epoch; no: batches in data order (the notebook)"),
           Param::integer("patience", "0", Provenance::book,
                          "stop after this many epochs without a better validation error; 0: run "
                          "all epochs (the book runs 200 and keeps the best retrospectively)",
                          Interval::closed(0, 10000)),
           Param::integer("seed", "0", Provenance::companion,
                          "seed of the initial weights (and of the shuffling)",
                          Interval::closed(0, 1e9)),
           Param::text("data", "", Provenance::companion,
                       "directory of the MNIST-format files train-images-idx3-ubyte(.gz) and "
                       "train-labels-idx1-ubyte(.gz); empty: $DESCENT_DATA, else Debian's "
                       "Fashion-MNIST in /usr/share/datasets/fashion-mnist. A directory with the "
                       "original MNIST files reruns the figure on the book's data set")},
          figure_4_4,
          /*errata=*/
          common::errata({"medl-s4-1-validation", "medl-footnote-10", "medl-figure-4-4"}),
          /*slow=*/true,  // 20,000 ADAM steps on 419,860 weights: a minute or two
          /*quick_sets=*/
          {"train=300", "validation=300", "widths=64,32", "alpha=1e-3", "epochs=10"}};
}

}  // namespace descent::chapters::medl04
