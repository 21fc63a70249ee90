#include "descent/problems/quadratic_form.hpp"

#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"

namespace descent::problems {

QuadraticForm::QuadraticForm(matrix a, vector b) : a_(std::move(a)), b_(std::move(b)) {
  const std::size_t d = b_.size();
  if (a_.dimension() != 2 || a_.shape(0) != d || a_.shape(1) != d)
    throw invalid_argument("quadratic form: A is " + shape_string(a_) + " and b has " +
                           std::to_string(d) + " entries; allowed: A square, d x d, d = size of b");
  double scale = 0;
  for (double x : a_) scale = std::max(scale, std::fabs(x));
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (std::fabs(a_(i, j) - a_(j, i)) > 1e-12 * scale)
        throw invalid_argument("quadratic form: A is not symmetric at (" + std::to_string(i) +
                               ", " + std::to_string(j) + "); allowed: A = A^T");
  try {
    (void)cholesky(a_);
    positive_definite_ = true;
  } catch (const not_positive_definite&) {
    positive_definite_ = false;
  }
}

double QuadraticForm::value(const vector& theta) const {
  const vector at = gemv(a_, theta);
  return 0.5 * dot(theta, at) - dot(b_, theta);
}

void QuadraticForm::gradient(const vector& theta, vector& g) const {
  g = gemv(a_, theta) - b_;
}

void QuadraticForm::hessian(const vector&, matrix& h) const {
  h = a_;
}

void QuadraticForm::hessian_vector(const vector&, const vector& v, vector& hv) const {
  hv = gemv(a_, v);
}

vector QuadraticForm::initial_point() const {
  return xt::zeros<double>({b_.size()});
}

std::optional<vector> QuadraticForm::minimizer() const {
  if (!positive_definite_) return std::nullopt;
  return solve(a_, b_);
}

std::optional<double> QuadraticForm::minimum() const {
  const auto m = minimizer();
  if (!m) return std::nullopt;
  return -0.5 * dot(b_, *m);  // C(A⁻¹b) = −½bᵀA⁻¹b
}

matrix random_spd(std::size_t d, unsigned long long seed) {
  Rng rng(seed);
  matrix q = xt::zeros<double>({d, d});
  for (auto& x : q) x = rng.normal();
  const matrix qt = xt::transpose(q);
  matrix a = gemm(qt, q);
  for (std::size_t i = 0; i < d; ++i) a(i, i) += double(d);
  // symmetrize exactly: gemm rounding can differ in the last bit between (i, j) and (j, i)
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < i; ++j) a(j, i) = a(i, j);
  return a;
}

}  // namespace descent::problems
