#include "training_reference.hpp"

#include <cmath>

#include "descent/core/random.hpp"
#include "descent/nn/softmax.hpp"

namespace descent::bench {

namespace {

matrix one_hot(const std::vector<std::uint8_t>& labels, std::size_t classes,
               const std::vector<std::size_t>& rows) {
  matrix y = xt::zeros<double>({rows.size(), classes});
  for (std::size_t r = 0; r < rows.size(); ++r) y(r, labels[rows[r]]) = 1;
  return y;
}

matrix gather(const matrix& x, const std::vector<std::size_t>& rows) {
  matrix out = matrix::from_shape({rows.size(), x.shape(1)});
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < x.shape(1); ++c) out(r, c) = x(rows[r], c);
  return out;
}

// evaluate() as it was: the allocating forward() and a one-hot matrix.
nn::Evaluation evaluate_allocating(const nn::Network& net, const matrix& x,
                                   const std::vector<std::uint8_t>& labels) {
  std::vector<std::size_t> all(labels.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const matrix scores = nn::forward(net, x).h.back();
  const matrix y = one_hot(labels, scores.shape(1), all);
  std::size_t correct = 0;
  for (std::size_t r = 0; r < scores.shape(0); ++r) {
    std::size_t best = 0;
    for (std::size_t c = 1; c < scores.shape(1); ++c)
      if (scores(r, c) > scores(r, best)) best = c;
    correct += (best == labels[r]);
  }
  return {nn::cross_entropy(scores, y) / double(labels.size()),
          double(correct) / double(labels.size())};
}

}  // namespace

nn::TrainResult train_classifier_allocating(nn::Network& net, const matrix& x,
                                            const std::vector<std::uint8_t>& labels,
                                            const matrix& x_valid,
                                            const std::vector<std::uint8_t>& labels_valid,
                                            optim::UpdateRule& rule,
                                            const nn::TrainOptions& options) {
  Rng rng(options.seed);
  std::vector<std::size_t> order(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t classes = net.layers.back().W.shape(1);
  nn::TrainResult result;
  vector theta = nn::flatten(net), best = theta;
  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    rng.shuffle(order);
    double loss_sum = 0;
    std::size_t batches = 0;
    for (std::size_t start = 0; start < order.size(); start += options.batch_size) {
      const std::vector<std::size_t> rows(
          order.begin() + std::ptrdiff_t(start),
          order.begin() + std::ptrdiff_t(std::min(order.size(), start + options.batch_size)));
      const matrix xb = gather(x, rows), yb = one_hot(labels, classes, rows);
      const auto f = nn::forward(net, xb);
      const double m = double(rows.size());
      loss_sum += nn::cross_entropy(f.h.back(), yb) / m;
      ++batches;
      const matrix grad = nn::softmax_cross_entropy_grad(f.h.back(), yb) / m;
      rule.step(theta, nn::flatten(nn::backprop_pre_activation(net, f, grad)), options.alpha);
      nn::unflatten(theta, net);
    }
    const auto valid = evaluate_allocating(net, x_valid, labels_valid);
    result.history.push_back({epoch, loss_sum / double(batches), valid.loss, valid.accuracy});
    if (result.best_epoch == 0 || valid.loss < result.best_validation_loss) {
      result.best_epoch = epoch;
      result.best_validation_loss = valid.loss;
      best = theta;
    }
  }
  nn::unflatten(best, net);
  return result;
}

}  // namespace descent::bench
