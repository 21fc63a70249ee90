#include "descent/problems/logistic.hpp"

#include <cmath>

#include "descent/core/error.hpp"

namespace descent::problems {

namespace {
double sigmoid(double z) {
  return 1 / (1 + std::exp(-z));
}
// log(1 + e^z) without overflow.
double softplus(double z) {
  return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}
}  // namespace

LogisticRegression::LogisticRegression(matrix x, vector y) : x_(std::move(x)), y_(std::move(y)) {
  if (x_.shape(0) == 0 || x_.shape(0) != y_.size())
    throw invalid_argument("logistic regression: x needs one row per label, n >= 1");
}

LogisticRegression LogisticRegression::nine_points() {
  matrix x({9, 1});
  for (int i = 0; i < 9; ++i) x(i, 0) = -2 + 0.5 * i;
  return {x, vector({0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0})};
}

double LogisticRegression::z(const vector& t, std::size_t i) const {
  double s = t(0);
  for (std::size_t j = 0; j < x_.shape(1); ++j) s += t(j + 1) * x_(i, j);
  return s;
}

double LogisticRegression::sample_value(const vector& t, std::size_t i) const {
  const double zi = z(t, i);
  return softplus(zi) - y_(i) * zi;  // −y log σ(z) − (1−y) log(1−σ(z))
}

void LogisticRegression::sample_gradient(const vector& t, std::size_t i, vector& g) const {
  if (g.size() != dimension()) g.resize({dimension()});
  const double r = sigmoid(z(t, i)) - y_(i);
  g(0) = r;
  for (std::size_t j = 0; j < x_.shape(1); ++j) g(j + 1) = r * x_(i, j);
}

void LogisticRegression::sample_hessian(const vector& t, std::size_t i, matrix& h) const {
  const auto d = dimension();
  const double s = sigmoid(z(t, i));
  vector e = xt::zeros<double>({d});
  e(0) = 1;
  for (std::size_t j = 0; j < x_.shape(1); ++j) e(j + 1) = x_(i, j);
  h.resize({d, d});
  for (std::size_t a = 0; a < d; ++a)
    for (std::size_t b = 0; b < d; ++b) h(a, b) = s * (1 - s) * e(a) * e(b);  // MEDL (4.7)
}

vector LogisticRegression::initial_point() const {
  return xt::zeros<double>({dimension()});
}

}  // namespace descent::problems
