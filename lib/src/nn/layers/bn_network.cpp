#include "descent/nn/layers/bn_network.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "../train_loop.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/nn/softmax.hpp"

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
matrix bn_input(const BnDense& layer, const matrix& h) {
  matrix a = layer.linear.apply(h);
  if (layer.placement == Placement::pre_activation) return a;
  matrix out;
  activate(layer.phi, a, out);
  return out;
}

matrix inference_output(const BnDense& layer, const matrix& v) {
  const matrix n = layer.bn.forward_inference(v);
  if (layer.placement == Placement::post_activation) return n;  // Figure 3.18(a)
  matrix out;
  activate(layer.phi, n, out);  // Figure 3.18(b)
  return out;
}

std::size_t inputs(const BnNetwork& net) {
  return net.hidden.empty() ? net.output.W.shape(0) : net.hidden.front().linear.W.shape(0);
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
  return net.output.apply(h);
}

Evaluation evaluate(const BnNetwork& net, const matrix& x,
                    const std::vector<std::uint8_t>& labels) {
  detail::require_data("evaluate", x, labels, inputs(net), net.output.W.shape(1));
  const matrix scores = forward_inference(net, x);
  const ConstMatrixView s(scores);
  const double n = double(labels.size());
  return {detail::softmax_cross_entropy(s, labels.data()) / n,
          double(detail::count_correct(s, labels.data())) / n};
}

namespace {

// train_classifier's view of a BnNetwork (train_loop.hpp: the epoch loop every network kind
// shares). The layers keep their own parameters, so θ is copied into them before each pass,
// and a pass allocates its batch and one-hot targets: this network is the plain reference of
// Figure 3.18, built from the textbook layers; NormalizedNetwork is the fast one.
class BnTraining : public detail::Trainable {
 public:
  BnTraining(BnNetwork& net, const detail::LabelledData& data)
      : net_(net), x_(data.x), labels_(data.labels), data_(data) {
    theta = flatten(net);
    gradient = xt::zeros<double>({theta.size()});
    best_ = theta;  // a run that diverges at once hands back the initial parameters
  }

  double loss_and_gradient(const std::size_t* rows, std::size_t m) override {
    unflatten(theta, net_);
    matrix xb = matrix::from_shape({m, x_.shape(1)});
    std::vector<std::uint8_t> batch_labels(m);
    detail::gather(x_, labels_, rows, m, MatrixView{xb.data(), m, x_.shape(1)},
                   batch_labels.data());
    matrix yb = xt::zeros<double>({m, net_.output.W.shape(1)});
    for (std::size_t r = 0; r < m; ++r) yb(r, batch_labels[r]) = 1;
    const matrix& scores = forward_train(net_, xb);  // batch statistics (Eqs. 3.58-3.61)
    const double loss = cross_entropy(scores, yb);
    backward(net_, softmax_cross_entropy_grad(scores, yb) / double(m));  // batch-mean loss
    gradient = flatten_gradients(net_);
    return loss;
  }

  // Inference mode with the population statistics of the whole training set (§3.6).
  std::optional<Evaluation> validate() override {
    unflatten(theta, net_);
    set_population_statistics(net_, x_);
    return evaluate(net_, data_.x_valid, data_.labels_valid);
  }
  void keep_best() override { best_ = theta; }
  void write_best() override {
    unflatten(best_, net_);
    set_population_statistics(net_, x_);
  }

 private:
  BnNetwork& net_;  // the working copy of the parameters, and the result
  const matrix& x_;
  const std::vector<std::uint8_t>& labels_;
  const detail::LabelledData data_;
  vector best_;
};

}  // namespace

TrainResult train_classifier(BnNetwork& net, const matrix& x,
                             const std::vector<std::uint8_t>& labels, const matrix& x_valid,
                             const std::vector<std::uint8_t>& labels_valid, optim::UpdateRule& rule,
                             const TrainOptions& options) {
  const detail::LabelledData data{x, labels, x_valid, labels_valid};
  detail::require_training(options, data, inputs(net), net.output.W.shape(1));
  BnTraining model(net, data);
  return detail::train(model, x.shape(0), rule, options);
}

}  // namespace descent::nn
