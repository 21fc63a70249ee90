/// \file
/// Aggarwal §3.6, Figure 3.18: batch normalization after the activation (a) or before it (b),
/// trained side by side with a plain network on the same Fashion-MNIST images, from the same
/// initial weights, on the same mini-batches.

#include <cmath>
#include <limits>
#include <string>

#include "aggarwal03/budget.hpp"
#include "aggarwal03/diagrams.hpp"
#include "aggarwal03/outcome.hpp"
#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "common/training_progress.hpp"
#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/data/idx.hpp"
#include "descent/nn/fused/network_training.hpp"
#include "descent/nn/init.hpp"
#include "descent/nn/layers/bn_network.hpp"
#include "descent/optim/momentum.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// The hidden activations offered; the book's example is the sigmoid.
constexpr app::Names<nn::Activation, 3> activations{{{"sigmoid", nn::Activation::sigmoid},
                                                     {"tanh", nn::Activation::tanh},
                                                     {"relu", nn::Activation::relu}}};

// What one run costs, checked before any image is loaded. Memory: the images (twice, as the
// plain network's trainer keeps its own copy) and the activations of the whole training and
// validation sets, which the BN networks' population statistics and the validation compute
// in one pass. Time: the three networks are trained side by side, about 1.8 ns per weight and
// image, and each mini-batch step costs about as much as three more images.
void require_affordable(const Params& p) {
  double fan_in = 784, weights = 0, units = 0;  // 28 x 28 pixels
  for (const double width : p.vector("widths")) {
    weights += (fan_in + 1) * width;
    units += width;
    fan_in = width;
  }
  weights += (fan_in + 1) * 10;
  const double train = double(p.integer("train")), validation = double(p.integer("validation"));
  require_at_most("(train + validation) x (sum of widths)", (train + validation) * units, 1.5e7);
  const double batches = std::ceil(train / double(p.integer("batch")));
  require_at_most("epochs x weights x (train + validation + 3 x train / batch)",
                  double(p.integer("epochs")) * weights * (train + validation + 3 * batches), 1e10);
}

//! [figure-3.18]
Result figure_3_18(const Params& p) {
  require_affordable(p);
  // --set data=DIR (or $DESCENT_DATA) reads another copy in the same IDX format, e.g. MNIST's.
  const std::string dir = data::data_directory(p.text("data"));
  const auto train =
      data::load_images(dir, "train", std::size_t(p.integer("train")), 28, 28, "train");
  const auto valid =
      data::load_images(dir, "t10k", std::size_t(p.integer("validation")), 28, 28, "validation");
  const nn::Activation phi = p.choice("activation", activations);
  // One set of initial weights (Xavier, §3.3.3), biases 0, γ = 1, β = 0, for all three networks.
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  std::vector<matrix> W;
  std::size_t fan_in = train.x.shape(1);
  for (double width : p.vector("widths")) {
    W.push_back(nn::initialize(nn::Init::xavier, fan_in, std::size_t(width), rng));
    fan_in = std::size_t(width);
  }
  W.push_back(nn::initialize(nn::Init::xavier, fan_in, 10, rng));
  auto zeros = [](const matrix& w) -> vector { return xt::zeros<double>({w.shape(1)}); };

  nn::TrainOptions options;  // the same seed draws the same batches in both trainers
  options.epochs = std::size_t(p.integer("epochs"));
  options.batch_size = std::size_t(p.integer("batch"));
  options.seed = static_cast<std::uint64_t>(p.integer("seed"));
  options.alpha = p.number("alpha");
  common::TrainingProgress progress;  // a progress line on a terminal
  options.observer = &progress;

  std::vector<nn::BnNetwork> bn_nets;  // (a) post-activation, (b) pre-activation
  for (auto placement : {nn::Placement::post_activation, nn::Placement::pre_activation}) {
    nn::BnNetwork net{{}, nn::Linear(W.back(), zeros(W.back()))};
    for (std::size_t k = 0; k + 1 < W.size(); ++k)
      net.hidden.emplace_back(W[k], zeros(W[k]), phi, placement);
    bn_nets.push_back(std::move(net));
  }
  nn::Network plain;
  for (std::size_t k = 0; k < W.size(); ++k)
    plain.layers.push_back({W[k], zeros(W[k]), k + 1 < W.size() ? phi : nn::Activation::identity});
  // The book's Figure 3.18 is this diagram: drawn from the three networks about to be trained.
  const std::string diagram =
      placement_dot(bn_nets[0], bn_nets[1], plain, train.x.shape(1), "batch_norm_placement");

  std::vector<std::pair<std::string, nn::TrainResult>> runs;
  for (auto& net : bn_nets) {
    optim::GradientDescent sgd;
    runs.emplace_back(
        net.hidden.front().placement == nn::Placement::pre_activation ? "pre" : "post",
        nn::train_classifier(net, train.x, train.labels, valid.x, valid.labels, sgd, options));
  }
  optim::GradientDescent sgd;
  runs.emplace_back("plain", nn::train_classifier(plain, train.x, train.labels, valid.x,
                                                  valid.labels, sgd, options));
  //! [figure-3.18]

  Result result;
  result.figures.push_back(report::Figure{
      "figure-3.18",
      "Figure 3.18: the different choices in batch normalization: (a) after the activation "
      "(post-activation values), (b) before it (pre-activation values, the book's choice)",
      {},
      "Drawn by Graphviz from the networks the item trains (" + std::to_string(W.size() - 1) +
          " hidden layers, " + nn::to_string(phi) +
          "), beside the plain network they are compared with. In (b) BNᵢ turns vᵢ into aᵢ = "
          "γᵢ v̂ᵢ + βᵢ (Eqs. 3.58–3.61) before the activation.",
      diagram});
  auto label_of = [](const std::string& name) {
    return name == "plain" ? "no batch normalization"
           : name == "pre" ? "(b) BN before the activation"
                           : "(a) BN after the activation";
  };
  const char* fields[] = {"train_loss", "validation_loss", "validation_accuracy"};
  for (const auto& [name, run] : runs) {
    if (run.status.reason != StopReason::diverged) continue;
    // BN tolerates larger rates (§3.6): a run that diverges is an outcome, and its curves end.
    add_status(result, std::string(label_of(name)) + ": diverged: " + run.status.detail);
    for (const char* field : fields)
      result.allow_non_finite("epochs:" + name + "_" + field,
                              "the run diverged (" + run.status.detail + "); its curve ends there");
  }
  auto& curves =
      result.add_series("epochs", {"epoch", "post_train_loss", "pre_train_loss", "plain_train_loss",
                                   "post_validation_loss", "pre_validation_loss",
                                   "plain_validation_loss", "post_validation_accuracy",
                                   "pre_validation_accuracy", "plain_validation_accuracy"});
  for (std::size_t e = 0; e < options.epochs; ++e) {
    std::vector<double> row{double(e + 1)};
    for (auto field : {0, 1, 2})
      for (const auto& [name, run] : runs) {
        if (e >= run.history.size()) {  // after a divergence
          row.push_back(std::numeric_limits<double>::quiet_NaN());
          continue;
        }
        const auto& h = run.history[e];
        row.push_back(field == 0   ? h.train_loss
                      : field == 1 ? h.validation_loss
                                   : h.validation_accuracy);
      }
    curves.add(row);
  }
  auto& table =
      result.table("after the last epoch", {"network", "training loss (epoch 1)", "training loss",
                                            "validation loss", "validation accuracy"});
  for (const auto& [name, run] : runs) {
    const auto& last = run.history.back();
    table.add({label_of(name), run.history.front().train_loss, last.train_loss,
               last.validation_loss, last.validation_accuracy});
    result.value(name + "_train_loss_first", run.history.front().train_loss);
    result.value(name + "_train_loss_last", last.train_loss);
    result.value(name + "_validation_loss_last", last.validation_loss);
    result.value(name + "_validation_accuracy_last", last.validation_accuracy);
  }

  report::Figure figure{
      "figure-3.18-training",
      "Batch normalization (a) after or (b) before the activation, trained side by side with "
      "a plain network",
      {},
      "The book draws the two placements only; here the networks above are trained on " +
          std::to_string(train.x.shape(0)) +
          " Fashion-MNIST training images (validation: the first " +
          std::to_string(valid.x.shape(0)) +
          " test images), plain SGD, the same initial weights and mini-batches. Training loss: "
          "mean of the training-mode batch losses; validation: inference mode with the "
          "population statistics of the training set (biased variance, Eq. 3.59)."};
  report::Panel loss;
  loss.title = "training loss";
  loss.xlabel = "epoch";
  loss.ylabel = "cross-entropy";
  loss.logy = true;
  report::Panel acc;
  acc.title = "validation accuracy";
  acc.xlabel = "epoch";
  acc.ylabel = "accuracy";
  for (const auto& [name, label] :
       {std::pair<std::string, std::string>{"post", "(a) BN after the activation"},
        {"pre", "(b) BN before the activation"},
        {"plain", "no batch normalization"}}) {
    loss.layers.push_back(
        {"epochs", "epoch", name + "_train_loss", report::Layer::Style::linespoints, label});
    acc.layers.push_back({"epochs", "epoch", name + "_validation_accuracy",
                          report::Layer::Style::linespoints, label});
  }
  figure.panels = {loss, acc};
  result.figures.push_back(figure);
  return result;
}

app::Item figure_3_18_item() {
  return {"figure-3.18",
          "Batch normalization after (a) and before (b) the activation, and no normalization, "
          "trained side by side on Fashion-MNIST",
          "Aggarwal §3.6, Figure 3.18",
          {Param::integer("train", "2000", Provenance::companion,
                          "training images (the first ones of the training file; (train + "
                          "validation) x (sum of widths) <= 1.5e7)",
                          Interval::closed(2, 60000)),
           Param::integer("validation", "1000", Provenance::companion,
                          "validation images (the first ones of the test file)",
                          Interval::closed(1, 10000)),
           Param::vector("widths", "100,100", Provenance::companion, "hidden layer widths", 1, 6,
                         Interval::closed(1, 2048)),
           Param::choice("activation", nn::Activation::sigmoid, activations, Provenance::companion,
                         "hidden activation (the book's example: sigmoid)"),
           Param::integer("epochs", "15", Provenance::companion,
                          "passes over the training images (epochs x weights x (train + "
                          "validation + 3 train / batch) <= 1e10)",
                          Interval::closed(1, 1000)),
           Param::integer("batch", "32", Provenance::companion,
                          "mini-batch size (the batch statistics of Eqs. 3.58-3.59)",
                          Interval::closed(2, 60000)),
           Param::number("alpha", "0.1", Provenance::companion, "SGD learning rate",
                         Interval::greater_than(0)),
           Param::integer("seed", "318", Provenance::companion, "seed of the weights and batches",
                          Interval::closed(0, 1e9)),
           Param::text("data", "", Provenance::companion,
                       "directory with train-images-idx3-ubyte(.gz), train-labels-idx1-ubyte(.gz) "
                       "and the t10k files; empty: $DESCENT_DATA, else Debian's Fashion-MNIST in "
                       "/usr/share/datasets/fashion-mnist")},
          figure_3_18,
          /*errata=*/common::errata({"aggarwal-3-6-inference"}),
          /*slow=*/true,  // three networks, 15 epochs on 2000 images: about 10 s of CPU
          /*quick_sets=*/{"train=300", "validation=100", "epochs=2"}};
}

}  // namespace

void add_figure_3_18(app::Chapter& chapter) {
  chapter.add(figure_3_18_item());
}

}  // namespace descent::chapters::aggarwal03
