#include "descent/data/preprocess.hpp"

#include <algorithm>
#include <cmath>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::data {

vector column_means(const matrix& D) {
  if (D.shape(0) == 0) throw invalid_argument("column_means: no rows; allowed: n >= 1");
  vector mu = xt::zeros<double>({D.shape(1)});
  for (std::size_t r = 0; r < D.shape(0); ++r)
    for (std::size_t j = 0; j < D.shape(1); ++j) mu(j) += D(r, j);
  return mu / double(D.shape(0));
}

vector column_stds(const matrix& D) {
  const vector mu = column_means(D);
  vector s = xt::zeros<double>({D.shape(1)});
  for (std::size_t r = 0; r < D.shape(0); ++r)
    for (std::size_t j = 0; j < D.shape(1); ++j) s(j) += (D(r, j) - mu(j)) * (D(r, j) - mu(j));
  return xt::sqrt(s / double(D.shape(0)));
}

matrix center(const matrix& D) {
  const vector mu = column_means(D);
  matrix C = D;
  for (std::size_t r = 0; r < D.shape(0); ++r)
    for (std::size_t j = 0; j < D.shape(1); ++j) C(r, j) -= mu(j);
  return C;
}

matrix standardize(const matrix& D) {
  matrix C = center(D);
  const vector s = column_stds(D);
  for (std::size_t r = 0; r < D.shape(0); ++r)
    for (std::size_t j = 0; j < D.shape(1); ++j) C(r, j) = s(j) > 0 ? C(r, j) / s(j) : 0.0;
  return C;
}

matrix min_max(const matrix& D) {
  if (D.shape(0) == 0) throw invalid_argument("min_max: no rows; allowed: n >= 1");
  matrix M = D;
  for (std::size_t j = 0; j < D.shape(1); ++j) {
    double lo = D(0, j), hi = D(0, j);
    for (std::size_t r = 0; r < D.shape(0); ++r) {
      lo = std::min(lo, D(r, j));
      hi = std::max(hi, D(r, j));
    }
    for (std::size_t r = 0; r < D.shape(0); ++r)
      M(r, j) = hi > lo ? (D(r, j) - lo) / (hi - lo) : 0.0;  // Eq. 3.35
  }
  return M;
}

//! [whiten]
Whitening whiten(const matrix& D, double threshold, double reg) {
  if (!(threshold >= 0) || !(reg >= 0))
    throw invalid_argument("whiten: threshold and reg must be >= 0");
  Whitening w;
  w.mean = column_means(D);
  const matrix C0 = center(D);
  const std::size_t n = D.shape(0), d = D.shape(1);
  matrix C = gemm(matrix(xt::transpose(C0)), C0) / double(n);  // Eq. 3.36
  const auto eig = eigh(C);                                    // ascending
  std::vector<std::size_t> keep;
  for (std::size_t j = d; j-- > 0;)
    if (eig.values(j) > threshold) keep.push_back(j);  // drop λ ≤ 10⁻⁵
  w.eigenvalues = vector::from_shape({keep.size()});
  w.P = matrix({d, keep.size()});
  for (std::size_t c = 0; c < keep.size(); ++c) {
    w.eigenvalues(c) = eig.values(keep[c]);
    for (std::size_t i = 0; i < d; ++i) w.P(i, c) = eig.vectors(i, keep[c]);
  }
  w.U = gemm(C0, w.P);  // Eq. 3.37
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < keep.size(); ++c) w.U(r, c) /= std::sqrt(w.eigenvalues(c) + reg);
  return w;
}
//! [whiten]

}  // namespace descent::data
