#include "descent/nn/fused/network_training.hpp"

#include <algorithm>
#include <string>

#include "descent/core/error.hpp"
#include "workspace.hpp"

namespace descent::nn {

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
  DenseTraining(Network& net, const detail::LabelledData& data, std::size_t batch_size)
      : net_(net),
        data_(data),
        train_(net, theta, std::min(batch_size, data.x.shape(0))),
        valid_(net, theta, std::min(data.x_valid.shape(0), detail::evaluation_rows)) {
    theta = flatten(net);
    gradient = xt::zeros<double>({theta.size()});
    best_ = theta;  // a run that diverges at once hands back the initial parameters
  }
  double loss_and_gradient(const std::size_t* rows, std::size_t m) override {
    return train_.loss_and_gradient(data_.x, data_.labels, rows, m, gradient);
  }
  std::optional<Evaluation> validate() override {
    return valid_.evaluate(data_.x_valid, data_.labels_valid);
  }
  void keep_best() override { std::copy(theta.begin(), theta.end(), best_.begin()); }
  void write_best() override { unflatten(best_, net_); }

 private:
  // The caller's network: the workspaces read its shapes and activations (its numbers are
  // θ's until write_best() writes the best θ back).
  Network& net_;
  const detail::LabelledData data_;
  DenseWorkspace train_, valid_;
  vector best_;
};

void require_layers(const Network& net) {
  if (net.layers.empty()) throw invalid_argument("the network has no layers; allowed: >= 1");
}

}  // namespace

Evaluation evaluate(const Network& net, const matrix& x, const std::vector<std::uint8_t>& labels) {
  require_layers(net);
  detail::require_data("evaluate", x, labels, net.layers.front().W.shape(0),
                       net.layers.back().W.shape(1));
  const vector theta = flatten(net);
  DenseWorkspace workspace(net, theta, std::min(x.shape(0), detail::evaluation_rows));
  return workspace.evaluate(x, labels);
}

TrainResult train_classifier(Network& net, const matrix& x, const std::vector<std::uint8_t>& labels,
                             const matrix& x_valid, const std::vector<std::uint8_t>& labels_valid,
                             optim::UpdateRule& rule, const TrainOptions& options) {
  require_layers(net);
  const detail::LabelledData data{x, labels, x_valid, labels_valid};
  detail::require_training(options, data, net.layers.front().W.shape(0),
                           net.layers.back().W.shape(1));
  DenseTraining model(net, data, options.batch_size);
  return detail::train(model, x.shape(0), rule, options);
}

}  // namespace descent::nn
