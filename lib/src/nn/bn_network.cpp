#include "descent/nn/bn_network.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/softmax.hpp"
#include "descent/report/progress.hpp"
#include "train_loop.hpp"

namespace descent::nn {

const matrix& forward_train(BnNetwork& net, const matrix& x) {
  const matrix* h = &x;
  for (auto& layer : net.hidden) h = &layer.forward_train(*h);
  return net.output.forward(*h);
}

void backward(BnNetwork& net, const matrix& grad_scores) {
  matrix g = net.output.backward(grad_scores);
  for (std::size_t k = net.hidden.size(); k-- > 0;) g = net.hidden[k].backward(g);
}

namespace {

// Visits every parameter block in flatten() order: f(parameter, gradient).
template <class Net, class F>
void for_each_block(Net& net, F&& f) {
  for (auto& layer : net.hidden) {
    f(layer.linear.W, layer.linear.grad_W);
    f(layer.linear.b, layer.linear.grad_b);
    f(layer.bn.gamma, layer.grad_gamma);
    f(layer.bn.beta, layer.grad_beta);
  }
  f(net.output.W, net.output.grad_W);
  f(net.output.b, net.output.grad_b);
}

// The input of layer k's normalization and the layer's inference-mode output.
matrix bn_input(const NormalizedDense& layer, const matrix& h) {
  matrix a = gemm(h, layer.linear.W);
  for (std::size_t r = 0; r < a.shape(0); ++r)
    for (std::size_t j = 0; j < a.shape(1); ++j) a(r, j) += layer.linear.b(j);
  if (layer.placement == Placement::pre_activation) return a;
  matrix out;
  activate(layer.phi, a, out);
  return out;
}

matrix inference_output(const NormalizedDense& layer, const matrix& v) {
  const matrix n = layer.bn.forward_inference(v);
  if (layer.placement == Placement::post_activation) return n;  // Figure 3.18(a)
  matrix out;
  activate(layer.phi, n, out);  // Figure 3.18(b)
  return out;
}

}  // namespace

vector flatten(const BnNetwork& net) {
  std::vector<double> out;
  for_each_block(net,
                 [&](const auto& p, const auto&) { out.insert(out.end(), p.begin(), p.end()); });
  return to_vector(out);
}

vector flatten_gradients(const BnNetwork& net) {
  std::vector<double> out;
  for_each_block(net,
                 [&](const auto&, const auto& g) { out.insert(out.end(), g.begin(), g.end()); });
  return to_vector(out);
}

void unflatten(const vector& theta, BnNetwork& net) {
  std::size_t at = 0, total = 0;
  for_each_block(net, [&](auto& p, auto&) { total += p.size(); });
  if (theta.size() != total)
    throw invalid_argument("unflatten: " + std::to_string(theta.size()) +
                           " values for a network of " + std::to_string(total) + " parameters");
  for_each_block(net, [&](auto& p, auto&) {
    std::copy_n(theta.begin() + std::ptrdiff_t(at), p.size(), p.begin());
    at += p.size();
  });
}

void set_population_statistics(BnNetwork& net, const matrix& x) {
  matrix h = x;
  for (auto& layer : net.hidden) {
    const matrix v = bn_input(layer, h);
    layer.bn.set_population(v, VarianceEstimator::biased);  // Eq. 3.59's 1/m
    h = inference_output(layer, v);
  }
}

matrix forward_inference(const BnNetwork& net, const matrix& x) {
  matrix h = x;
  for (const auto& layer : net.hidden) h = inference_output(layer, bn_input(layer, h));
  matrix scores = gemm(h, net.output.W);
  for (std::size_t r = 0; r < scores.shape(0); ++r)
    for (std::size_t j = 0; j < scores.shape(1); ++j) scores(r, j) += net.output.b(j);
  return scores;
}

namespace {

matrix one_hot(const std::vector<std::uint8_t>& labels, const std::vector<std::size_t>& rows,
               std::size_t classes) {
  matrix y = xt::zeros<double>({rows.size(), classes});
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (labels[rows[r]] >= classes)
      throw invalid_argument("label " + std::to_string(labels[rows[r]]) + " but the network has " +
                             std::to_string(classes) + " outputs");
    y(r, labels[rows[r]]) = 1;
  }
  return y;
}

}  // namespace

Evaluation evaluate(const BnNetwork& net, const matrix& x,
                    const std::vector<std::uint8_t>& labels) {
  detail::require_data(x, labels, "evaluate");
  detail::require_labels(labels, net.output.W.shape(1));
  const matrix scores = forward_inference(net, x);
  const ConstMatrixView s(scores);
  const double n = double(labels.size());
  return {detail::softmax_cross_entropy(s, labels.data()) / n,
          double(detail::count_correct(s, labels.data())) / n};
}

TrainResult train_bn_classifier(BnNetwork& net, const matrix& x,
                                const std::vector<std::uint8_t>& labels, const matrix& x_valid,
                                const std::vector<std::uint8_t>& labels_valid, StepRule& rule,
                                const TrainOptions& options) {
  options.validate();
  if (options.patience != 0)
    throw invalid_argument("train_bn_classifier: patience = " + std::to_string(options.patience) +
                           "; allowed: 0 (it runs every epoch)");
  if (x.shape(0) != labels.size() || labels.empty())
    throw invalid_argument("train_bn_classifier: " + std::to_string(x.shape(0)) + " rows and " +
                           std::to_string(labels.size()) + " labels; allowed: equal, >= 1");
  Rng rng(options.seed);  // the same batches as train_classifier with the same options
  std::vector<std::size_t> order(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const std::size_t classes = net.output.W.shape(1);
  TrainResult result;
  vector theta = flatten(net);
  double best_score = 0;
  report::Progress progress("training (batch norm)", options.epochs);
  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    if (options.shuffle) rng.shuffle(order);
    double loss_sum = 0;
    std::size_t batches = 0;
    for (std::size_t start = 0; start < order.size(); start += options.batch_size) {
      const std::vector<std::size_t> rows(
          order.begin() + std::ptrdiff_t(start),
          order.begin() + std::ptrdiff_t(std::min(order.size(), start + options.batch_size)));
      matrix xb = matrix::from_shape({rows.size(), x.shape(1)});
      for (std::size_t r = 0; r < rows.size(); ++r)
        std::copy_n(x.data() + rows[r] * x.shape(1), x.shape(1), xb.data() + r * x.shape(1));
      const matrix yb = one_hot(labels, rows, classes);
      const matrix& scores = forward_train(net, xb);  // batch statistics (Eqs. 3.58-3.61)
      const double m = double(rows.size());
      loss_sum += cross_entropy(scores, yb) / m;
      ++batches;
      backward(net, softmax_cross_entropy_grad(scores, yb) / m);  // batch-mean loss
      rule.step(theta, flatten_gradients(net));
      unflatten(theta, net);
    }
    set_population_statistics(net, x);
    const auto valid = evaluate(net, x_valid, labels_valid);
    const double train_loss = loss_sum / double(batches);
    result.history.push_back({epoch, train_loss, valid.loss, valid.accuracy});
    if (!std::isfinite(train_loss) || !std::isfinite(valid.loss)) {
      result.status = {StopReason::diverged, "non-finite loss at epoch " + std::to_string(epoch),
                       int(epoch)};
      return result;
    }
    const double score =
        options.monitor == Monitor::validation_loss ? valid.loss : 1 - valid.accuracy;
    if (result.best_epoch == 0 || score < best_score) {
      best_score = score;
      result.best_epoch = epoch;
      result.best_validation_loss = valid.loss;
    }
    result.status = {StopReason::iteration_limit, "all epochs run", int(epoch)};
    if (options.progress) progress.update(epoch);
  }
  return result;
}

}  // namespace descent::nn
