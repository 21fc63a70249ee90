#include "descent/nn/compression.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <xtensor/xmanipulation.hpp>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"

namespace descent::nn {

matrix magnitude_mask(const matrix& W, double fraction) {
  if (!(fraction >= 0 && fraction <= 1))
    throw invalid_argument("magnitude_mask: fraction must be in [0, 1]");
  std::vector<std::size_t> order(W.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return std::fabs(W.flat(x)) < std::fabs(W.flat(y));
  });
  const auto pruned = static_cast<std::size_t>(std::lround(fraction * double(W.size())));
  matrix mask = xt::ones<double>(W.shape());
  for (std::size_t k = 0; k < pruned; ++k) mask.flat(order[k]) = 0;
  return mask;
}

Svd svd_via_eigh(const matrix& W) {
  const matrix WtW = gemm(matrix(xt::transpose(W)), W);
  const auto eig = eigh(WtW);  // ascending
  const std::size_t n = W.shape(1);
  Svd out{matrix::from_shape({W.shape(0), n}), vector::from_shape({n}), matrix::from_shape({n, n})};
  for (std::size_t c = 0; c < n; ++c) {
    const std::size_t src = n - 1 - c;  // descending
    out.s(c) = std::sqrt(std::max(eig.values(src), 0.0));
    for (std::size_t i = 0; i < n; ++i) out.V(i, c) = eig.vectors(i, src);
  }
  const matrix WV = gemm(W, out.V);  // u_c = W v_c / s_c
  for (std::size_t c = 0; c < n; ++c)
    for (std::size_t r = 0; r < W.shape(0); ++r)
      out.U(r, c) = out.s(c) > 0 ? WV(r, c) / out.s(c) : 0.0;
  return out;
}

matrix truncate(const Svd& svd, std::size_t k) {
  if (k > svd.s.size())
    throw invalid_argument("truncate: rank k exceeds the number of singular values");
  matrix out = xt::zeros<double>({svd.U.shape(0), svd.V.shape(0)});
  for (std::size_t c = 0; c < k; ++c)
    for (std::size_t r = 0; r < out.shape(0); ++r)
      for (std::size_t j = 0; j < out.shape(1); ++j)
        out(r, j) += svd.U(r, c) * svd.s(c) * svd.V(j, c);
  return out;
}

HashedMatrix::HashedMatrix(std::size_t rows_, std::size_t cols_, std::size_t buckets)
    : rows(rows_), cols(cols_), params(xt::zeros<double>({buckets})) {
  if (buckets == 0) throw invalid_argument("HashedMatrix: needs at least one bucket");
}

std::size_t HashedMatrix::bucket(std::size_t i, std::size_t j) const {
  return std::size_t(((a * (i + 1) + b * (j + 1)) % p) % params.size());
}

matrix HashedMatrix::expand() const {
  matrix W = matrix::from_shape({rows, cols});
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j) W(i, j) = params(bucket(i, j));
  return W;
}

vector HashedMatrix::tie(const matrix& grad_W) const {
  vector g = xt::zeros<double>({params.size()});
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j) g(bucket(i, j)) += grad_W(i, j);
  return g;
}

}  // namespace descent::nn
