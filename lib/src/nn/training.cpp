#include "descent/nn/training.hpp"

#include <cmath>
#include <utility>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/softmax.hpp"
#include "descent/report/progress.hpp"

namespace descent::nn {

SgdStep::SgdStep(double alpha) : alpha_(alpha) {
  if (!(alpha > 0) || !std::isfinite(alpha))
    throw invalid_argument("SgdStep: alpha must be finite and > 0");
}

void SgdStep::step(vector& theta, const vector& gradient) {
  theta -= alpha_ * gradient;
}

UpdateRuleStep::UpdateRuleStep(std::unique_ptr<optim::UpdateRule> rule, double alpha)
    : rule_(std::move(rule)), alpha_(alpha) {
  if (!rule_) throw invalid_argument("UpdateRuleStep: no rule given");
  if (!(alpha > 0) || !std::isfinite(alpha))
    throw invalid_argument("UpdateRuleStep: alpha must be finite and > 0");
}

void UpdateRuleStep::step(vector& theta, const vector& gradient) {
  if (&rule_->gradient_point(theta, alpha_) != &theta)
    throw invalid_argument("rule " + rule_->name() +
                           " takes its gradient at a look-ahead point; train_classifier takes it "
                           "at theta (allowed: rules without look-ahead, e.g. adam, rmsprop)");
  rule_->step(theta, gradient, alpha_);
}

void TrainOptions::validate() const {
  if (batch_size == 0) throw invalid_argument("batch_size = 0; allowed: >= 1");
  if (epochs == 0) throw invalid_argument("epochs = 0; allowed: >= 1");
}

namespace {

matrix one_hot(const std::vector<std::uint8_t>& labels, std::size_t classes,
               const std::vector<std::size_t>& rows) {
  matrix y = xt::zeros<double>({rows.size(), classes});
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (labels[rows[r]] >= classes)
      throw invalid_argument("label " + std::to_string(labels[rows[r]]) + " but the network has " +
                             std::to_string(classes) + " outputs");
    y(r, labels[rows[r]]) = 1;
  }
  return y;
}

matrix gather(const matrix& x, const std::vector<std::size_t>& rows) {
  matrix out = matrix::from_shape({rows.size(), x.shape(1)});
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < x.shape(1); ++c) out(r, c) = x(rows[r], c);
  return out;
}

}  // namespace

Evaluation evaluate(const Network& net, const matrix& x, const std::vector<std::uint8_t>& labels) {
  if (x.shape(0) != labels.size() || labels.empty())
    throw invalid_argument("evaluate: " + std::to_string(x.shape(0)) + " rows and " +
                           std::to_string(labels.size()) + " labels; allowed: equal, >= 1");
  std::vector<std::size_t> all(labels.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const matrix scores = forward(net, x).h.back();
  const matrix y = one_hot(labels, scores.shape(1), all);
  std::size_t correct = 0;
  for (std::size_t r = 0; r < scores.shape(0); ++r) {
    std::size_t best = 0;
    for (std::size_t c = 1; c < scores.shape(1); ++c)
      if (scores(r, c) > scores(r, best)) best = c;
    correct += (best == labels[r]);
  }
  return {cross_entropy(scores, y) / double(labels.size()),
          double(correct) / double(labels.size())};
}

//! [train]
TrainResult train_classifier(Network& net, const matrix& x, const std::vector<std::uint8_t>& labels,
                             const matrix& x_valid, const std::vector<std::uint8_t>& labels_valid,
                             StepRule& rule, const TrainOptions& options) {
  options.validate();
  if (x.shape(0) != labels.size() || labels.empty())
    throw invalid_argument("train_classifier: " + std::to_string(x.shape(0)) + " rows and " +
                           std::to_string(labels.size()) + " labels; allowed: equal, >= 1");
  Rng rng(options.seed);
  std::vector<std::size_t> order(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t classes = net.layers.back().W.shape(1);

  TrainResult result;
  vector theta = flatten(net), best = theta;
  std::size_t since_best = 0;
  double best_score = 0;
  report::Progress progress("training", options.epochs);
  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    if (options.shuffle) rng.shuffle(order);  // a new permutation every epoch
    double loss_sum = 0;
    std::size_t batches = 0;
    for (std::size_t start = 0; start < order.size(); start += options.batch_size) {
      const std::vector<std::size_t> rows(
          order.begin() + std::ptrdiff_t(start),
          order.begin() + std::ptrdiff_t(std::min(order.size(), start + options.batch_size)));
      const matrix xb = gather(x, rows), yb = one_hot(labels, classes, rows);
      const auto f = forward(net, xb);
      const double m = double(rows.size());
      loss_sum += cross_entropy(f.h.back(), yb) / m;
      ++batches;
      // The batch-mean loss, as PyTorch's CrossEntropyLoss: ∂L/∂scores = (o − y)/m.
      const matrix grad = softmax_cross_entropy_grad(f.h.back(), yb) / m;
      rule.step(theta, flatten(backprop_pre_activation(net, f, grad)));
      unflatten(theta, net);
    }
    const auto valid = evaluate(net, x_valid, labels_valid);
    const double train_loss = loss_sum / double(batches);
    result.history.push_back({epoch, train_loss, valid.loss, valid.accuracy});
    if (!std::isfinite(train_loss) || !std::isfinite(valid.loss)) {
      result.status = {StopReason::diverged, "non-finite loss at epoch " + std::to_string(epoch),
                       int(epoch)};
      break;
    }
    const double score =
        options.monitor == Monitor::validation_loss ? valid.loss : 1 - valid.accuracy;
    if (result.best_epoch == 0 || score < best_score) {
      best_score = score;
      result.best_epoch = epoch;
      result.best_validation_loss = valid.loss;
      best = theta;  // early stopping keeps the best parameters, not the last
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
    if (options.progress) progress.update(epoch);
  }
  unflatten(best, net);
  return result;
}
//! [train]

}  // namespace descent::nn
