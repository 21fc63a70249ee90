#include "descent/nn/fused/normalized_network.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "descent/core/error.hpp"
#include "workspace.hpp"

namespace descent::nn {

NormalizedNetwork make_normalized_network(const std::vector<std::size_t>& widths, Init init,
                                          Rng& rng) {
  if (widths.size() < 2)
    throw invalid_argument("make_normalized_network: " + std::to_string(widths.size()) +
                           " widths; allowed: inputs, hidden..., classes (>= 2 numbers)");
  NormalizedNetwork net;
  for (std::size_t k = 0; k + 2 < widths.size(); ++k) {
    const std::size_t d = widths[k + 1];
    net.hidden.push_back({initialize(init, widths[k], d, rng), xt::ones<double>({d}),
                          xt::zeros<double>({d}), xt::zeros<double>({d}), xt::ones<double>({d})});
  }
  const std::size_t in = widths[widths.size() - 2], out = widths.back();
  net.output = {initialize(init, in, out, rng), xt::zeros<double>({out}), Activation::identity};
  return net;
}

namespace {

template <class F>
void for_each_parameter(const NormalizedNetwork& net, F&& f) {  // flatten() order
  for (const auto& L : net.hidden) {
    f(L.W.data(), L.W.size());
    f(L.gamma.data(), L.gamma.size());
    f(L.beta.data(), L.beta.size());
  }
  f(net.output.W.data(), net.output.W.size());
  f(net.output.b.data(), net.output.b.size());
}

std::size_t parameter_count(const NormalizedNetwork& net) {
  std::size_t n = 0;
  for_each_parameter(net, [&](const double*, std::size_t size) { n += size; });
  return n;
}

}  // namespace

vector flatten(const NormalizedNetwork& net) {
  vector theta = vector::from_shape({parameter_count(net)});
  std::size_t at = 0;
  for_each_parameter(net, [&](const double* p, std::size_t size) {
    std::copy_n(p, size, theta.data() + at);
    at += size;
  });
  return theta;
}

void unflatten(const vector& theta, NormalizedNetwork& net) {
  if (theta.size() != parameter_count(net))
    throw invalid_argument("unflatten: " + std::to_string(theta.size()) +
                           " numbers for a network of " + std::to_string(parameter_count(net)) +
                           " parameters");
  std::size_t at = 0;
  for_each_parameter(net, [&](const double* p, std::size_t size) {
    std::copy_n(theta.data() + at, size, const_cast<double*>(p));  // p points into `net`
    at += size;
  });
}

namespace {

std::size_t inputs(const NormalizedNetwork& net) {
  return net.hidden.empty() ? net.output.W.shape(0) : net.hidden.front().W.shape(0);
}

// The offsets of each parameter block in θ (and in the gradient, same layout).
struct Layout {
  std::vector<std::size_t> W, gamma, beta;  // hidden layers
  std::size_t out_W = 0, out_b = 0;
  explicit Layout(const NormalizedNetwork& net) {
    std::size_t at = 0;
    for (const auto& L : net.hidden) {
      W.push_back(at);
      at += L.W.size();
      gamma.push_back(at);
      at += L.gamma.size();
      beta.push_back(at);
      at += L.beta.size();
    }
    out_W = at;
    out_b = at + net.output.W.size();
  }
};

// The forward and backward passes of a NormalizedNetwork whose parameters are views into θ,
// with every intermediate in a Buffer for up to max_rows examples: nothing is allocated per
// batch. `net` supplies the shapes and holds the running statistics.
class NormalizedWorkspace {
 public:
  NormalizedWorkspace(NormalizedNetwork& net, const vector& theta, std::size_t max_rows)
      : net_(net), theta_(theta), at_(net) {
    for (const auto& L : net.hidden) {
      const std::size_t d = L.W.shape(1);
      z_.emplace_back(max_rows, d);
      v_hat_.emplace_back(max_rows, d);
      y_.emplace_back(max_rows, d);
      h_.emplace_back(max_rows, d);
      delta_.emplace_back(max_rows, d);
      mu_.emplace_back(d);
      sigma_.emplace_back(d);
      unbiased_.emplace_back(d);
      scale_.emplace_back(d);
    }
    const std::size_t classes = net.output.W.shape(1);
    scores_ = detail::Buffer(max_rows, classes);
    delta_out_ = detail::Buffer(max_rows, classes);
    x_ = detail::Buffer(max_rows, inputs(net));
    labels_.resize(max_rows);
  }

  //! [bn-forward]
  // Training mode (batch statistics) or inference mode (running statistics). Per hidden layer:
  // z = h W, v̂ = (z − μ)/σ with σ² = Var(z) + ε (Eqs. 3.58–3.60), y = γ v̂ + β (3.61), h = Φ(y).
  ConstMatrixView forward(ConstMatrixView x, bool training, bool update_running) {
    const std::size_t m = x.rows;
    ConstMatrixView input = x;
    for (std::size_t k = 0; k < net_.hidden.size(); ++k) {
      auto& L = net_.hidden[k];
      const MatrixView z = z_[k].rows(m), v_hat = v_hat_[k].rows(m), y = y_[k].rows(m),
                       h = h_[k].rows(m);
      const double* gamma = theta_.data() + at_.gamma[k];
      const double* beta = theta_.data() + at_.beta[k];
      gemm(input, Op::none, W(at_.W[k], L.W), Op::none, z);
      const std::size_t d = z.cols;
      if (training) {
        batch_statistics(z, k);
        const double* mu = mu_[k].data();
        const double* sigma = sigma_[k].data();
        for (std::size_t r = 0; r < m; ++r)
          for (std::size_t i = 0; i < d; ++i) {
            v_hat(r, i) = (z(r, i) - mu[i]) / sigma[i];  // Eq. 3.60
            y(r, i) = gamma[i] * v_hat(r, i) + beta[i];  // Eq. 3.61
          }
        if (update_running)  // PyTorch's exponential average, with the unbiased variance
          for (std::size_t i = 0; i < z.cols; ++i) {
            L.running_mean(i) = (1 - net_.momentum) * L.running_mean(i) + net_.momentum * mu_[k][i];
            L.running_var(i) =
                (1 - net_.momentum) * L.running_var(i) + net_.momentum * unbiased_[k][i];
          }
      } else {
        // Row by row (the storage order), with each column's factor computed once.
        double* scale = scale_[k].data();
        const double* mean = L.running_mean.data();
        for (std::size_t i = 0; i < d; ++i)
          scale[i] = gamma[i] / std::sqrt(L.running_var(i) + net_.eps);
        for (std::size_t r = 0; r < m; ++r)
          for (std::size_t i = 0; i < d; ++i) y(r, i) = scale[i] * (z(r, i) - mean[i]) + beta[i];
      }
      activate(net_.phi, y, h);
      input = h;
    }
    const MatrixView scores = scores_.rows(m);
    gemm(input, Op::none, W(at_.out_W, net_.output.W), Op::none, scores);
    detail::add_bias(scores, theta_.data() + at_.out_b);
    return scores;
  }
  //! [bn-forward]

  //! [bn-backward]
  // Backward through output layer, then per hidden layer: ∂L/∂y = Φ'(y) ⊙ ∂L/∂h,
  // ∂L/∂β = Σ_r ∂L/∂y, ∂L/∂γ = Σ_r ∂L/∂y ⊙ v̂, the compact form
  // ∂L/∂z = γ/(mσ) [m ∂L/∂y − ∂L/∂β − v̂ ∂L/∂γ] (batch_norm.hpp), ∂L/∂W = h_{k−1}ᵀ ∂L/∂z and
  // ∂L/∂h_{k−1} = ∂L/∂z Wᵀ: two dgemms per layer, written into the gradient vector.
  double loss_and_gradient(ConstMatrixView x, const std::uint8_t* labels, vector& gradient,
                           bool update_running) {
    const std::size_t m = x.rows, n = net_.hidden.size();
    const ConstMatrixView scores = forward(x, true, update_running);
    MatrixView top = delta_out_.rows(m);
    const double loss = detail::softmax_cross_entropy(scores, labels, &top, double(m));
    const ConstMatrixView last = n == 0 ? x : ConstMatrixView(h_[n - 1].rows(m));
    gemm(last, Op::transpose, top, Op::none,
         detail::view(gradient, at_.out_W, last.cols, top.cols));
    detail::column_sums(top, gradient.data() + at_.out_b);
    if (n > 0)
      gemm(top, Op::none, W(at_.out_W, net_.output.W), Op::transpose, delta_[n - 1].rows(m));
    for (std::size_t k = n; k-- > 0;) {
      const MatrixView delta = delta_[k].rows(m), y = y_[k].rows(m), v_hat = v_hat_[k].rows(m);
      const std::size_t d = delta.cols;
      multiply_by_derivative(net_.phi, y, delta);
      double* d_gamma = gradient.data() + at_.gamma[k];
      double* d_beta = gradient.data() + at_.beta[k];
      std::fill_n(d_gamma, d, 0.0);
      std::fill_n(d_beta, d, 0.0);
      for (std::size_t r = 0; r < m; ++r)
        for (std::size_t i = 0; i < d; ++i) {
          d_beta[i] += delta(r, i);
          d_gamma[i] += delta(r, i) * v_hat(r, i);
        }
      const double* gamma = theta_.data() + at_.gamma[k];
      double* scale = scale_[k].data();
      for (std::size_t i = 0; i < d; ++i) scale[i] = gamma[i] / (double(m) * sigma_[k][i]);
      for (std::size_t r = 0; r < m; ++r)  // row by row, the storage order
        for (std::size_t i = 0; i < d; ++i)
          delta(r, i) = scale[i] * (double(m) * delta(r, i) - d_beta[i] - v_hat(r, i) * d_gamma[i]);
      const ConstMatrixView input = k == 0 ? x : ConstMatrixView(h_[k - 1].rows(m));
      gemm(input, Op::transpose, delta, Op::none, detail::view(gradient, at_.W[k], input.cols, d));
      if (k > 0)
        gemm(delta, Op::none, W(at_.W[k], net_.hidden[k].W), Op::transpose, delta_[k - 1].rows(m));
    }
    return loss;
  }
  //! [bn-backward]

  double batch_loss_and_gradient(const matrix& x, const std::vector<std::uint8_t>& all_labels,
                                 const std::size_t* rows, std::size_t m, vector& gradient) {
    detail::gather(x, all_labels, rows, m, x_.rows(m), labels_.data());
    return loss_and_gradient(x_.rows(m), labels_.data(), gradient, true);
  }

  Evaluation evaluate(const matrix& x, const std::vector<std::uint8_t>& labels) {
    return detail::evaluate_in_chunks(
        x, labels, [&](ConstMatrixView rows) { return forward(rows, false, false); });
  }

 private:
  ConstMatrixView W(std::size_t at, const matrix& shape) const {
    return detail::view(theta_, at, shape.shape(0), shape.shape(1));
  }

  // μ and σ = √(Var + ε) of each column of z with the biased 1/m variance (Eqs. 3.58–3.59),
  // and the unbiased 1/(m − 1) variance for the running average.
  void batch_statistics(ConstMatrixView z, std::size_t k) {
    const std::size_t m = z.rows;
    auto& mu = mu_[k];
    std::fill(mu.begin(), mu.end(), 0.0);
    for (std::size_t r = 0; r < m; ++r)
      for (std::size_t i = 0; i < z.cols; ++i) mu[i] += z(r, i);
    for (auto& s : mu) s /= double(m);
    auto& q = unbiased_[k];
    std::fill(q.begin(), q.end(), 0.0);
    for (std::size_t r = 0; r < m; ++r)
      for (std::size_t i = 0; i < z.cols; ++i) q[i] += (z(r, i) - mu[i]) * (z(r, i) - mu[i]);
    for (std::size_t i = 0; i < z.cols; ++i) {
      sigma_[k][i] = std::sqrt(q[i] / double(m) + net_.eps);
      q[i] /= double(m - 1);
    }
  }

  NormalizedNetwork& net_;
  const vector& theta_;
  Layout at_;
  std::vector<detail::Buffer> z_, v_hat_, y_, h_, delta_;
  std::vector<std::vector<double>> mu_, sigma_, unbiased_;
  std::vector<std::vector<double>> scale_;  // per column: γ/√(var + ε) or γ/(mσ)
  detail::Buffer scores_, delta_out_, x_;
  std::vector<std::uint8_t> labels_;
};

class NormalizedTraining : public detail::Trainable {
 public:
  NormalizedTraining(NormalizedNetwork& net, const detail::LabelledData& data,
                     std::size_t batch_size)
      : net_(net),
        data_(data),
        train_(net, theta, std::min(batch_size, data.x.shape(0))),
        valid_(net, theta, std::min(data.x_valid.shape(0), detail::evaluation_rows)) {
    theta = flatten(net);
    gradient = xt::zeros<double>({theta.size()});
    best_ = theta;
    for (const auto& L : net.hidden) best_statistics_.emplace_back(L.running_mean, L.running_var);
  }
  double loss_and_gradient(const std::size_t* rows, std::size_t m) override {
    return train_.batch_loss_and_gradient(data_.x, data_.labels, rows, m, gradient);
  }
  std::optional<Evaluation> validate() override {
    return valid_.evaluate(data_.x_valid, data_.labels_valid);
  }
  void keep_best() override {
    std::copy(theta.begin(), theta.end(), best_.begin());
    for (std::size_t k = 0; k < net_.hidden.size(); ++k)
      best_statistics_[k] = {net_.hidden[k].running_mean, net_.hidden[k].running_var};
  }
  void write_best() override {
    unflatten(best_, net_);
    for (std::size_t k = 0; k < net_.hidden.size(); ++k) {
      net_.hidden[k].running_mean = best_statistics_[k].first;
      net_.hidden[k].running_var = best_statistics_[k].second;
    }
  }

 private:
  // The caller's network: its shapes, and the running statistics of the current θ, which the
  // training workspace updates at every step; write_best() puts the best epoch's back.
  NormalizedNetwork& net_;
  const detail::LabelledData data_;
  NormalizedWorkspace train_, valid_;
  vector best_;
  std::vector<std::pair<vector, vector>> best_statistics_;  // running mean and variance
};

// Checks a data set for `net` (detail::require_data).
void require_data(const char* who, const NormalizedNetwork& net, const matrix& x,
                  const std::vector<std::uint8_t>& labels) {
  detail::require_data(who, x, labels, inputs(net), net.output.W.shape(1));
}

}  // namespace

double batch_loss_and_gradient(const NormalizedNetwork& net, const matrix& x,
                               const std::vector<std::uint8_t>& labels, vector& gradient) {
  require_data("batch_loss_and_gradient", net, x, labels);
  if (x.shape(0) < 2 && !net.hidden.empty())
    throw invalid_argument("batch_loss_and_gradient: 1 row; allowed: >= 2 (a batch variance)");
  NormalizedNetwork copy = net;  // the workspace may update running statistics; here it does not
  const vector theta = flatten(net);
  gradient = xt::zeros<double>({theta.size()});
  NormalizedWorkspace workspace(copy, theta, x.shape(0));
  return workspace.loss_and_gradient(ConstMatrixView(x), labels.data(), gradient, false);
}

Evaluation evaluate(const NormalizedNetwork& net, const matrix& x,
                    const std::vector<std::uint8_t>& labels) {
  require_data("evaluate", net, x, labels);
  NormalizedNetwork copy = net;
  const vector theta = flatten(net);
  NormalizedWorkspace workspace(copy, theta, std::min(x.shape(0), detail::evaluation_rows));
  return workspace.evaluate(x, labels);
}

TrainResult train_classifier(NormalizedNetwork& net, const matrix& x,
                             const std::vector<std::uint8_t>& labels, const matrix& x_valid,
                             const std::vector<std::uint8_t>& labels_valid, optim::UpdateRule& rule,
                             const TrainOptions& options) {
  const detail::LabelledData data{x, labels, x_valid, labels_valid};
  detail::require_training(options, data, inputs(net), net.output.W.shape(1));
  if (!net.hidden.empty() && (options.batch_size < 2 || x.shape(0) % options.batch_size == 1))
    throw invalid_argument("batch norm: batch_size = " + std::to_string(options.batch_size) +
                           " on " + std::to_string(x.shape(0)) +
                           " examples leaves a batch of 1 row; allowed: batches of >= 2 rows");
  NormalizedTraining model(net, data, options.batch_size);
  return detail::train(model, x.shape(0), rule, options);
}

}  // namespace descent::nn
