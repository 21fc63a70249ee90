// The instances of random_matrices.hpp, compiled once for every exercise test.

#include "random_matrices.hpp"

#include <cmath>
#include <xtensor/xview.hpp>

#include "descent/core/linalg.hpp"

namespace descent::testing {

/// A random d × d orthogonal matrix: the eigenvectors of a random symmetric matrix.
descent::matrix random_orthogonal(std::size_t d, descent::Rng& rng) {
  descent::matrix a = rng.normal_matrix(d, d);
  descent::matrix sym = a + xt::transpose(a);
  return descent::eigh(sym).vectors;
}

/// Q diag(lambda) Qᵀ for a random orthogonal Q: a symmetric matrix whose eigenvalues the caller
/// knows exactly (and whose eigenvectors are the columns of `q`, when given).
descent::matrix with_eigenvalues(const std::vector<double>& lambda, descent::Rng& rng,
                                 descent::matrix* q) {
  const std::size_t d = lambda.size();
  const descent::matrix u = random_orthogonal(d, rng);
  descent::matrix h = xt::zeros<double>({d, d});
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j)
      for (std::size_t k = 0; k < d; ++k) h(i, j) += u(i, k) * lambda[k] * u(j, k);
  if (q != nullptr) *q = u;
  return h;
}

/// Eigenvalues drawn uniformly from [low, high).
std::vector<double> random_eigenvalues(std::size_t d, double low, double high, descent::Rng& rng) {
  std::vector<double> lambda(d);
  for (auto& l : lambda) l = rng.uniform(low, high);
  return lambda;
}

/// Hx.
descent::vector times(const descent::matrix& h, const descent::vector& x) {
  descent::vector y = xt::zeros<double>({h.shape(0)});
  for (std::size_t i = 0; i < h.shape(0); ++i)
    for (std::size_t j = 0; j < h.shape(1); ++j) y(i) += h(i, j) * x(j);
  return y;
}

/// xᵀy.
double inner(const descent::vector& x, const descent::vector& y) {
  double s = 0;
  for (std::size_t i = 0; i < x.size(); ++i) s += x(i) * y(i);
  return s;
}

std::vector<descent::vector> rows_of(const descent::matrix& m) {
  std::vector<descent::vector> out;
  for (std::size_t i = 0; i < m.shape(0); ++i)
    out.push_back(descent::vector(xt::view(m, i, xt::all())));
  return out;
}

std::vector<descent::vector> columns_of(const descent::matrix& m) {
  std::vector<descent::vector> out;
  for (std::size_t j = 0; j < m.shape(1); ++j)
    out.push_back(descent::vector(xt::view(m, xt::all(), j)));
  return out;
}

double norm(const descent::vector& x) {
  return std::sqrt(inner(x, x));
}

descent::vector plus(const descent::vector& x, double s, const descent::vector& y) {
  return x + s * y;
}

descent::vector minus(const descent::vector& x, const descent::vector& y) {
  return x - y;
}

}  // namespace descent::testing
