#include "descent/problems/two_parameter_network.hpp"

#include <cmath>

#include "descent/core/error.hpp"

namespace descent::problems {

namespace {
double sigmoid(double z) {
  return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z));
}
// log(1 + e^z) without overflow.
double softplus(double z) {
  return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}
}  // namespace

TwoParameterNetwork::TwoParameterNetwork(std::vector<double> x, std::vector<double> y, Loss loss,
                                         Reduction reduction)
    : x_(std::move(x)), y_(std::move(y)), loss_(loss), reduction_(reduction) {
  if (x_.empty() || x_.size() != y_.size())
    throw invalid_argument("two-parameter network: x and y need the same length n >= 1");
  for (double v : y_)
    if (!(v >= 0 && v <= 1)) throw invalid_argument("two-parameter network: y must lie in [0, 1]");
}

TwoParameterNetwork TwoParameterNetwork::figure_4_5(Loss loss) {
  return {{-3, -2, -1, 1, 2, 3},
          {1, 0, 0, 1, 1, 0},
          loss,
          loss == Loss::squared ? Reduction::sum : Reduction::mean};
}

std::string TwoParameterNetwork::name() const {
  return loss_ == Loss::squared ? "two-parameter network, squared loss"
                                : "two-parameter network, cross entropy";
}

double TwoParameterNetwork::predict(const vector& t, double x) const {
  return sigmoid(t(1) * sigmoid(t(0) * x));
}

double TwoParameterNetwork::value(const vector& t) const {
  vector g;
  return value_and_gradient(t, g);
}

void TwoParameterNetwork::gradient(const vector& t, vector& g) const {
  (void)value_and_gradient(t, g);
}

//! [network-gradient]
double TwoParameterNetwork::value_and_gradient(const vector& t, vector& g) const {
  if (g.size() != 2) g.resize({2});
  g(0) = g(1) = 0;
  double c = 0;
  for (std::size_t i = 0; i < x_.size(); ++i) {
    const double s1 = sigmoid(t(0) * x_[i]);  // hidden neuron σ(w₁x)
    const double z2 = t(1) * s1;              // output pre-activation
    const double yhat = sigmoid(z2);
    double dz2 = 0;  // ∂Cᵢ/∂z₂
    if (loss_ == Loss::squared) {
      c += (y_[i] - yhat) * (y_[i] - yhat);
      dz2 = -2 * (y_[i] - yhat) * yhat * (1 - yhat);
    } else {
      c += softplus(z2) - y_[i] * z2;  // −y log ŷ − (1−y) log(1−ŷ), stable in z₂
      dz2 = yhat - y_[i];
    }
    g(1) += dz2 * s1;                            // ∂z₂/∂w₂ = σ(w₁x)
    g(0) += dz2 * t(1) * s1 * (1 - s1) * x_[i];  // ∂z₂/∂w₁ = w₂σ′(w₁x)x
  }
  if (reduction_ == Reduction::mean) {
    const double n = static_cast<double>(x_.size());
    c /= n;
    g /= n;
  }
  return c;
}
//! [network-gradient]

}  // namespace descent::problems
