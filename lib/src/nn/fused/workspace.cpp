#include "workspace.hpp"

#include <algorithm>

namespace descent::nn::detail {

void add_bias(MatrixView a, const double* b) {
  for (std::size_t r = 0; r < a.rows; ++r)
    for (std::size_t j = 0; j < a.cols; ++j) a(r, j) += b[j];
}

void column_sums(ConstMatrixView g, double* out) {
  std::fill_n(out, g.cols, 0.0);
  for (std::size_t r = 0; r < g.rows; ++r)
    for (std::size_t j = 0; j < g.cols; ++j) out[j] += g(r, j);
}

}  // namespace descent::nn::detail
