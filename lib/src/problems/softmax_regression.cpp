#include "descent/problems/softmax_regression.hpp"

#include <algorithm>
#include <cmath>
#include <xtensor/xmath.hpp>

#include "descent/core/error.hpp"

namespace descent::problems {

double log_sum_exp(const vector& v) {
  const double m = *std::max_element(v.begin(), v.end());
  double s = 0;
  for (double vj : v) s += std::exp(vj - m);
  return m + std::log(s);
}

vector softmax(const vector& v) {
  const double m = *std::max_element(v.begin(), v.end());
  vector pi = xt::exp(v - m);
  pi /= xt::sum(pi)();
  return pi;
}

matrix log_sum_exp_hessian(const vector& v) {
  const vector pi = softmax(v);
  const std::size_t K = v.size();
  matrix h = matrix::from_shape({K, K});
  for (std::size_t a = 0; a < K; ++a)
    for (std::size_t b = 0; b < K; ++b) h(a, b) = (a == b ? pi(a) : 0.0) - pi(a) * pi(b);
  return h;
}

SoftmaxRegression::SoftmaxRegression(matrix x, std::vector<std::size_t> y, std::size_t classes)
    : x_(std::move(x)), y_(std::move(y)), K_(classes) {
  if (K_ < 2) throw invalid_argument("softmax regression: K >= 2 classes needed");
  if (x_.shape(0) == 0 || x_.shape(0) != y_.size())
    throw invalid_argument("softmax regression: x needs one row per label, n >= 1");
  for (auto k : y_)
    if (k >= K_) throw invalid_argument("softmax regression: labels must lie in {0, ..., K-1}");
}

SoftmaxRegression SoftmaxRegression::nine_points() {
  matrix x({9, 1});
  for (int i = 0; i < 9; ++i) x(i, 0) = -2 + 0.5 * i;
  return {x, {0, 0, 1, 0, 1, 2, 1, 2, 2}, 3};
}

std::size_t SoftmaxRegression::index(std::size_t j, std::size_t l) const {
  return l == 0 ? j : K_ + j * x_.shape(1) + (l - 1);  // (b₁..b_K, w₍₁₎, ..., w₍K₎)
}

vector SoftmaxRegression::logits(const vector& t, std::size_t i) const {
  vector v = vector::from_shape({K_});
  for (std::size_t j = 0; j < K_; ++j) {
    v(j) = t(index(j, 0));
    for (std::size_t l = 0; l < x_.shape(1); ++l) v(j) += t(index(j, l + 1)) * x_(i, l);
  }
  return v;
}

double SoftmaxRegression::sample_value(const vector& t, std::size_t i) const {
  const vector v = logits(t, i);
  return log_sum_exp(v) - v(y_[i]);  // MEDL (4.8)
}

void SoftmaxRegression::sample_gradient(const vector& t, std::size_t i, vector& g) const {
  if (g.size() != dimension()) g.resize({dimension()});
  vector r = softmax(logits(t, i));  // ∂Cᵢ/∂v = π − e_k
  r(y_[i]) -= 1;
  for (std::size_t j = 0; j < K_; ++j) {
    g(index(j, 0)) = r(j);
    for (std::size_t l = 0; l < x_.shape(1); ++l) g(index(j, l + 1)) = r(j) * x_(i, l);
  }
}

//! [softmax-hessian]
void SoftmaxRegression::sample_hessian(const vector& t, std::size_t i, matrix& h) const {
  const std::size_t d = dimension(), p1 = x_.shape(1) + 1;
  const matrix s = log_sum_exp_hessian(logits(t, i));  // diag(π) − ππᵀ
  auto u = [&](std::size_t l) { return l == 0 ? 1.0 : x_(i, l - 1); };
  h.resize({d, d});
  for (std::size_t j = 0; j < K_; ++j)
    for (std::size_t l = 0; l < p1; ++l)
      for (std::size_t jj = 0; jj < K_; ++jj)
        for (std::size_t ll = 0; ll < p1; ++ll)
          h(index(j, l), index(jj, ll)) = s(j, jj) * u(l) * u(ll);
}
//! [softmax-hessian]

vector SoftmaxRegression::initial_point() const {
  return xt::zeros<double>({dimension()});
}

}  // namespace descent::problems
