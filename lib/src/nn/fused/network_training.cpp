#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "../train_loop.hpp"
#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/training.hpp"
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

namespace detail {

void gather(const matrix& x, const std::vector<std::uint8_t>& all_labels, const std::size_t* rows,
            std::size_t m, MatrixView out, std::uint8_t* labels) {
  const std::size_t d = x.shape(1);
  for (std::size_t r = 0; r < m; ++r) {
    std::copy_n(x.data() + rows[r] * d, d, out.data + r * d);
    labels[r] = all_labels[rows[r]];
  }
}

void add_bias(MatrixView a, const double* b) {
  for (std::size_t r = 0; r < a.rows; ++r)
    for (std::size_t j = 0; j < a.cols; ++j) a(r, j) += b[j];
}

void column_sums(ConstMatrixView g, double* out) {
  std::fill_n(out, g.cols, 0.0);
  for (std::size_t r = 0; r < g.rows; ++r)
    for (std::size_t j = 0; j < g.cols; ++j) out[j] += g(r, j);
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

//! [train]
TrainResult train(Trainable& model, std::size_t examples, StepRule& rule,
                  const TrainOptions& options) {
  Rng rng(options.seed);
  std::vector<std::size_t> order(examples);
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;

  TrainResult result;
  std::size_t since_best = 0;
  double best_score = 0;
  report::Progress progress("training", options.epochs);
  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    if (options.shuffle) rng.shuffle(order);  // a new permutation every epoch
    double loss_sum = 0;
    std::size_t batches = 0;
    for (std::size_t start = 0; start < order.size(); start += options.batch_size) {
      const std::size_t m = std::min(options.batch_size, order.size() - start);
      loss_sum += model.loss_and_gradient(order.data() + start, m) / double(m);
      ++batches;
      rule.step(model.theta, model.gradient);  // in place: the layers view θ
    }
    const auto valid = model.validate();
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
    if (options.progress) progress.update(epoch);
  }
  model.write_best();
  return result;
}
//! [train]

}  // namespace detail

namespace {

// A Network whose W and b are views into a flat θ (the layout of flatten()), with its
// activations and deltas in Buffers for up to max_rows examples: forward and backward passes
// that allocate nothing.
class DenseWorkspace {
 public:
  DenseWorkspace(const Network& net, const vector& theta, std::size_t max_rows)
      : net_(net), theta_(theta) {
    std::size_t at = 0;
    for (const auto& L : net.layers) {
      W_at_.push_back(at);
      at += L.W.size();
      b_at_.push_back(at);
      at += L.b.size();
      a_.emplace_back(max_rows, L.W.shape(1));
      h_.emplace_back(max_rows, L.W.shape(1));
      delta_.emplace_back(max_rows, L.W.shape(1));
    }
    x_ = detail::Buffer(max_rows, net.layers.front().W.shape(0));
    labels_.resize(max_rows);
  }

  ConstMatrixView W(std::size_t k) const {
    return detail::view(theta_, W_at_[k], net_.layers[k].W.shape(0), net_.layers[k].W.shape(1));
  }

  //! [fast-forward]
  // a_k = h_{k−1} W_k + b_k, h_k = Φ(a_k): one dgemm per layer into its Buffer.
  ConstMatrixView forward(ConstMatrixView x) {
    const std::size_t m = x.rows;
    for (std::size_t k = 0; k < net_.layers.size(); ++k) {
      const MatrixView a = a_[k].rows(m), h = h_[k].rows(m);
      gemm(k == 0 ? x : ConstMatrixView(h_[k - 1].rows(m)), Op::none, W(k), Op::none, a);
      detail::add_bias(a, theta_.data() + b_at_[k]);
      activate(net_.layers[k].phi, a, h, net_.alpha);
    }
    return h_.back().rows(m);
  }
  //! [fast-forward]

  //! [fast-backward]
  // The pre-activation form of backprop_pre_activation (Eqs. 3.18–3.19) with two dgemms per
  // layer: ∂L/∂W_k = h_{k−1}ᵀ δ_k, written straight into the gradient vector, and Σ w δ =
  // δ_k W_kᵀ (no transpose is copied: BLAS reads the operands transposed).
  double loss_and_gradient(const matrix& x, const std::vector<std::uint8_t>& labels,
                           const std::size_t* rows, std::size_t m, vector& gradient) {
    detail::gather(x, labels, rows, m, x_.rows(m), labels_.data());
    const std::size_t n = net_.layers.size();
    const ConstMatrixView scores = forward(x_.rows(m));
    MatrixView top = delta_[n - 1].rows(m);
    // The batch-mean loss, as PyTorch's CrossEntropyLoss: ∂L/∂scores = (o − y)/m.
    const double loss = detail::softmax_cross_entropy(scores, labels_.data(), &top, double(m));
    for (std::size_t k = n; k-- > 0;) {
      const MatrixView delta = delta_[k].rows(m), a = a_[k].rows(m);
      const Activation phi = net_.layers[k].phi;
      if (phi != Activation::identity)  // δ = Φ'(a) ⊙ ∂L/∂h (Eq. 3.18)
        multiply_by_derivative(phi, a, delta, net_.alpha);
      const ConstMatrixView input = k == 0 ? x_.rows(m) : h_[k - 1].rows(m);
      gemm(input, Op::transpose, delta, Op::none,
           detail::view(gradient, W_at_[k], input.cols, delta.cols));  // Eq. 3.19
      detail::column_sums(delta, gradient.data() + b_at_[k]);
      if (k > 0) gemm(delta, Op::none, W(k), Op::transpose, delta_[k - 1].rows(m));  // Σ w δ
    }
    return loss;
  }
  //! [fast-backward]

  Evaluation evaluate(const matrix& x, const std::vector<std::uint8_t>& labels) {
    return detail::evaluate_in_chunks(x, labels,
                                      [&](ConstMatrixView rows) { return forward(rows); });
  }

 private:
  const Network& net_;   // shapes and activations; the numbers are θ's
  const vector& theta_;  // read at every pass, so a step on θ is seen at once
  std::vector<std::size_t> W_at_, b_at_;
  std::vector<detail::Buffer> a_, h_, delta_;
  detail::Buffer x_;
  std::vector<std::uint8_t> labels_;
};

// train_classifier's view of a Network: θ, a workspace per data set, the best θ so far.
class DenseTraining : public detail::Trainable {
 public:
  DenseTraining(Network& net, const matrix& x, const std::vector<std::uint8_t>& labels,
                const matrix& x_valid, const std::vector<std::uint8_t>& labels_valid,
                std::size_t batch_size)
      : net_(net),
        x_(x),
        labels_(labels),
        x_valid_(x_valid),
        labels_valid_(labels_valid),
        train_(net, theta, std::min(batch_size, x.shape(0))),
        valid_(net, theta, std::min(x_valid.shape(0), detail::evaluation_rows)) {
    theta = flatten(net);
    gradient = xt::zeros<double>({theta.size()});
    best_ = theta;  // a run that diverges at once hands back the initial parameters
  }
  double loss_and_gradient(const std::size_t* rows, std::size_t m) override {
    return train_.loss_and_gradient(x_, labels_, rows, m, gradient);
  }
  Evaluation validate() override { return valid_.evaluate(x_valid_, labels_valid_); }
  void keep_best() override { std::copy(theta.begin(), theta.end(), best_.begin()); }
  void write_best() override { unflatten(best_, net_); }

 private:
  // The caller's network: the workspaces read its shapes and activations (its numbers are
  // θ's until write_best() writes the best θ back).
  Network& net_;
  const matrix& x_;
  const std::vector<std::uint8_t>& labels_;
  const matrix& x_valid_;
  const std::vector<std::uint8_t>& labels_valid_;
  DenseWorkspace train_, valid_;
  vector best_;
};

// Checks a data set for `net` (detail::require_data), and that the network has layers.
void require_data(const char* who, const Network& net, const matrix& x,
                  const std::vector<std::uint8_t>& labels) {
  if (net.layers.empty()) throw invalid_argument("the network has no layers; allowed: >= 1");
  detail::require_data(who, x, labels, net.layers.front().W.shape(0), net.layers.back().W.shape(1));
}

}  // namespace

Evaluation evaluate(const Network& net, const matrix& x, const std::vector<std::uint8_t>& labels) {
  require_data("evaluate", net, x, labels);
  const vector theta = flatten(net);
  DenseWorkspace workspace(net, theta, std::min(x.shape(0), detail::evaluation_rows));
  return workspace.evaluate(x, labels);
}

TrainResult train_classifier(Network& net, const matrix& x, const std::vector<std::uint8_t>& labels,
                             const matrix& x_valid, const std::vector<std::uint8_t>& labels_valid,
                             StepRule& rule, const TrainOptions& options) {
  options.validate();
  require_data("train_classifier", net, x, labels);
  require_data("train_classifier (validation set)", net, x_valid, labels_valid);
  DenseTraining model(net, x, labels, x_valid, labels_valid, options.batch_size);
  return detail::train(model, x.shape(0), rule, options);
}

}  // namespace descent::nn
