#include "descent/nn/softmax.hpp"

#include <algorithm>
#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::nn {

namespace {
void require_same(const matrix& v, const matrix& y, const char* who) {
  if (v.shape() != y.shape())
    throw invalid_argument(std::string(who) + ": v is " + shape_string(v) + ", y is " +
                           shape_string(y) + "; allowed: equal shapes");
}
}  // namespace

matrix softmax(const matrix& v) {
  matrix o(v.shape());
  for (std::size_t r = 0; r < v.shape(0); ++r) {
    double top = -INFINITY;
    for (std::size_t j = 0; j < v.shape(1); ++j) top = std::max(top, v(r, j));
    double sum = 0;
    for (std::size_t j = 0; j < v.shape(1); ++j) sum += (o(r, j) = std::exp(v(r, j) - top));
    for (std::size_t j = 0; j < v.shape(1); ++j) o(r, j) /= sum;
  }
  return o;
}

double cross_entropy(const matrix& v, const matrix& y) {
  require_same(v, y, "cross_entropy");
  double loss = 0;
  for (std::size_t r = 0; r < v.shape(0); ++r) {
    double top = -INFINITY;
    for (std::size_t j = 0; j < v.shape(1); ++j) top = std::max(top, v(r, j));
    double sum = 0;
    for (std::size_t j = 0; j < v.shape(1); ++j) sum += std::exp(v(r, j) - top);
    const double log_sum = top + std::log(sum);
    for (std::size_t j = 0; j < v.shape(1); ++j)
      if (y(r, j) != 0) loss -= y(r, j) * (v(r, j) - log_sum);  // log o_j = v_j − log Σ exp
  }
  return loss;
}

matrix softmax_cross_entropy_grad(const matrix& v, const matrix& y) {
  require_same(v, y, "softmax_cross_entropy_grad");
  matrix g = softmax(v);
  g -= y;  // Eq. 3.22
  return g;
}

matrix softmax_jacobian(const vector& v) {
  matrix row = matrix::from_shape({1, v.size()});
  for (std::size_t j = 0; j < v.size(); ++j) row(0, j) = v(j);
  const matrix o = softmax(row);
  matrix J = matrix::from_shape({v.size(), v.size()});
  for (std::size_t i = 0; i < v.size(); ++i)
    for (std::size_t j = 0; j < v.size(); ++j) J(i, j) = o(0, i) * ((i == j ? 1.0 : 0.0) - o(0, j));
  return J;
}

}  // namespace descent::nn
