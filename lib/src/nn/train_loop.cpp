#include "train_loop.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"

namespace descent::nn {

void TrainOptions::validate() const {
  if (!(alpha > 0) || !std::isfinite(alpha))
    throw invalid_argument("alpha = " + std::to_string(alpha) + "; allowed: finite, > 0");
  if (batch_size == 0) throw invalid_argument("batch_size = 0; allowed: >= 1");
  if (epochs == 0) throw invalid_argument("epochs = 0; allowed: >= 1");
}

namespace detail {

void gather(const matrix& x, const std::vector<std::uint8_t>& all_labels, const std::size_t* rows,
            std::size_t m, MatrixView out, std::uint8_t* labels) {
  const std::size_t d = x.shape(1);
  for (std::size_t r = 0; r < m; ++r) {
    std::copy_n(x.data() + rows[r] * d, d, out.data + r * d);
    labels[r] = all_labels[rows[r]];
  }
}

double softmax_cross_entropy(ConstMatrixView v, const std::uint8_t* labels, MatrixView* grad,
                             double m) {
  double loss = 0;
  for (std::size_t r = 0; r < v.rows; ++r) {
    double top = -INFINITY;
    for (std::size_t j = 0; j < v.cols; ++j) top = std::max(top, v(r, j));
    double sum = 0;
    for (std::size_t j = 0; j < v.cols; ++j) sum += std::exp(v(r, j) - top);
    loss -= v(r, labels[r]) - (top + std::log(sum));  // −log o_y = log Σ exp − v_y
    if (grad != nullptr) {
      for (std::size_t j = 0; j < v.cols; ++j) (*grad)(r, j) = std::exp(v(r, j) - top) / sum;
      (*grad)(r, labels[r]) -= 1;  // Eq. 3.22: o − y
      for (std::size_t j = 0; j < v.cols; ++j) (*grad)(r, j) /= m;
    }
  }
  return loss;
}

std::size_t count_correct(ConstMatrixView scores, const std::uint8_t* labels) {
  std::size_t correct = 0;
  for (std::size_t r = 0; r < scores.rows; ++r) {
    std::size_t best = 0;
    for (std::size_t c = 1; c < scores.cols; ++c)
      if (scores(r, c) > scores(r, best)) best = c;
    correct += (best == labels[r]);
  }
  return correct;
}

void require_data(const char* who, const matrix& x, const std::vector<std::uint8_t>& labels,
                  std::size_t inputs, std::size_t classes) {
  if (x.shape(0) != labels.size() || labels.empty())
    throw invalid_argument(std::string(who) + ": " + std::to_string(x.shape(0)) + " rows and " +
                           std::to_string(labels.size()) + " labels; allowed: equal, >= 1");
  if (x.shape(1) != inputs)
    throw invalid_argument(std::string(who) + ": the data has " + std::to_string(x.shape(1)) +
                           " columns, the network " + std::to_string(inputs) + " inputs");
  for (const auto label : labels)
    if (label >= classes)
      throw invalid_argument(std::string(who) + ": label " + std::to_string(label) +
                             " but the network has " + std::to_string(classes) + " outputs");
}

void require_training(const TrainOptions& options, const LabelledData& data, std::size_t inputs,
                      std::size_t classes) {
  options.validate();
  require_data("train_classifier", data.x, data.labels, inputs, classes);
  require_data("train_classifier (validation set)", data.x_valid, data.labels_valid, inputs,
               classes);
}

//! [train]
TrainResult train(Trainable& model, std::size_t examples, optim::UpdateRule& rule,
                  const TrainOptions& options) {
  if (rule.looks_ahead())  // the gradient below is taken at θ, not at a look-ahead point
    throw invalid_argument("rule " + rule.name() +
                           " takes its gradient at a look-ahead point; training takes it at "
                           "theta (allowed: rules without look-ahead, e.g. adam, rmsprop)");
  Rng rng(options.seed);
  std::vector<std::size_t> order(examples);
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;

  TrainResult result;
  std::size_t since_best = 0;
  double best_score = 0;
  if (options.observer != nullptr) options.observer->begin(options.epochs);
  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    if (options.shuffle) rng.shuffle(order);  // a new permutation every epoch
    double loss_sum = 0;
    std::size_t batches = 0;
    for (std::size_t start = 0; start < order.size(); start += options.batch_size) {
      const std::size_t m = std::min(options.batch_size, order.size() - start);
      loss_sum += model.loss_and_gradient(order.data() + start, m) / double(m);
      ++batches;
      rule.step(model.theta, model.gradient, options.alpha);  // in place: the layers view θ
    }
    const auto valid = model.validate();
    const double train_loss = loss_sum / double(batches);
    constexpr double none = std::numeric_limits<double>::quiet_NaN();  // no validation set
    result.history.push_back(
        {epoch, train_loss, valid ? valid->loss : none, valid ? valid->accuracy : none});
    if (options.observer != nullptr) options.observer->epoch(result.history.back());
    if (!std::isfinite(train_loss) || (valid && !std::isfinite(valid->loss))) {
      result.status = {StopReason::diverged, "non-finite loss at epoch " + std::to_string(epoch),
                       int(epoch)};
      break;
    }
    const double score = !valid                                        ? 0
                         : options.monitor == Monitor::validation_loss ? valid->loss
                                                                       : 1 - valid->accuracy;
    if (!valid || result.best_epoch == 0 || score < best_score) {
      best_score = score;
      result.best_epoch = epoch;
      result.best_validation_loss = valid ? valid->loss : none;
      model.keep_best();  // early stopping keeps the best parameters, not the last
      since_best = 0;
    } else if (options.patience > 0 && ++since_best >= options.patience) {
      result.status = {StopReason::converged,
                       std::string("early stop: no better validation ") +
                           (options.monitor == Monitor::validation_loss ? "loss" : "error") +
                           " for " + std::to_string(options.patience) + " epochs",
                       int(epoch)};
      break;
    }
    result.status = {StopReason::iteration_limit, "all epochs run", int(epoch)};
  }
  model.write_best();
  if (options.observer != nullptr) options.observer->end();
  return result;
}
//! [train]

}  // namespace detail

}  // namespace descent::nn
