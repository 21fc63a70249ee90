#pragma once
// Instances the student did not choose, for the exercises that turn a proof into a computation:
// random orthogonal matrices and symmetric matrices with prescribed eigenvalues, drawn with
// descent's portable Rng (the same numbers on every machine).

#include <cstddef>
#include <vector>

#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/core/tensor.hpp"

namespace descent::testing {

/// A random d × d orthogonal matrix: the eigenvectors of a random symmetric matrix.
inline descent::matrix random_orthogonal(std::size_t d, descent::Rng& rng) {
  descent::matrix a = rng.normal_matrix(d, d);
  descent::matrix sym = a + xt::transpose(a);
  return descent::eigh(sym).vectors;
}

/// Q diag(lambda) Qᵀ for a random orthogonal Q: a symmetric matrix whose eigenvalues the caller
/// knows exactly (and whose eigenvectors are the columns of `q`, when given).
inline descent::matrix with_eigenvalues(const std::vector<double>& lambda, descent::Rng& rng,
                                        descent::matrix* q = nullptr) {
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
inline std::vector<double> random_eigenvalues(std::size_t d, double low, double high,
                                              descent::Rng& rng) {
  std::vector<double> lambda(d);
  for (auto& l : lambda) l = rng.uniform(low, high);
  return lambda;
}

/// Hx.
inline descent::vector times(const descent::matrix& h, const descent::vector& x) {
  descent::vector y = xt::zeros<double>({h.shape(0)});
  for (std::size_t i = 0; i < h.shape(0); ++i)
    for (std::size_t j = 0; j < h.shape(1); ++j) y(i) += h(i, j) * x(j);
  return y;
}

/// xᵀy.
inline double inner(const descent::vector& x, const descent::vector& y) {
  double s = 0;
  for (std::size_t i = 0; i < x.size(); ++i) s += x(i) * y(i);
  return s;
}

}  // namespace descent::testing
