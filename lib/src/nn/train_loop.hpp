#pragma once
// Internal to the nn trainers: the epoch loop every network kind shares (training.hpp), the view
// of a network it drives (Trainable), and the pieces every trainer uses on labelled data.
//
// A model keeps its parameters in one flat vector θ (the layout of its flatten()) and its
// gradient in a vector of the same layout; the update rule changes θ in place and the model's
// next pass reads the new values.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/nn/training.hpp"
#include "descent/optim/update_rule.hpp"

namespace descent::nn::detail {

/// Rows `rows[0..m)` of x into `out` (the mini-batch), and their labels into `labels`.
void gather(const matrix& x, const std::vector<std::uint8_t>& all_labels, const std::size_t* rows,
            std::size_t m, MatrixView out, std::uint8_t* labels);

/// The summed cross-entropy of softmax(scores) against the labels (Eq. 3.21, summed over the
/// rows as Eq. 3.27), through log-sum-exp. If `grad` is given it receives (o − y)/m
/// (Eq. 3.22 for the batch-mean loss), without ever forming the one-hot y.
double softmax_cross_entropy(ConstMatrixView scores, const std::uint8_t* labels,
                             MatrixView* grad = nullptr, double m = 1);

/// How many rows have their largest score at their label (the first maximum counts).
std::size_t count_correct(ConstMatrixView scores, const std::uint8_t* labels);

/// Checks one data set handed to a classifier with `inputs` inputs and `classes` outputs: as
/// many rows as labels (at least one), `inputs` columns, every label below `classes`. Throws
/// descent::invalid_argument starting with `who` (every network kind's evaluate and trainer).
void require_data(const char* who, const matrix& x, const std::vector<std::uint8_t>& labels,
                  std::size_t inputs, std::size_t classes);

/// What a classifier trains on: the training set and the validation set, with their labels.
struct LabelledData {
  const matrix& x;
  const std::vector<std::uint8_t>& labels;
  const matrix& x_valid;
  const std::vector<std::uint8_t>& labels_valid;
};

/// What every classifier's trainer checks first: the options (TrainOptions::validate), then
/// both data sets (require_data) for a network of `inputs` inputs and `classes` outputs.
void require_training(const TrainOptions& options, const LabelledData& data, std::size_t inputs,
                      std::size_t classes);

/// A network as the epoch loop sees it: flat parameters θ and gradient, a step on a batch.
class Trainable {
 public:
  virtual ~Trainable() = default;
  vector theta;     ///< every parameter, laid out as the network's flatten()
  vector gradient;  ///< ∂L/∂θ of the last batch, same layout
  /// Forward and backward on the examples rows[0..m): fills `gradient` with the gradient of the
  /// batch-mean loss and returns the batch's summed loss.
  virtual double loss_and_gradient(const std::size_t* rows, std::size_t m) = 0;
  /// Mean loss and accuracy on the validation set with the current θ; nothing for a model
  /// trained without one, whose every finite epoch is then the best so far (the last is kept).
  virtual std::optional<Evaluation> validate() = 0;
  /// Remember the current parameters (and any state such as running statistics) as the best.
  virtual void keep_best() = 0;
  /// Write the remembered best parameters back to the caller's network.
  virtual void write_best() = 0;
};

/// Shuffled epochs of mini-batch steps of `rule` at options.alpha, validation after each, early
/// stopping (training.hpp). Throws descent::invalid_argument for a rule that looks ahead.
TrainResult train(Trainable& model, std::size_t examples, optim::UpdateRule& rule,
                  const TrainOptions& options);

}  // namespace descent::nn::detail
