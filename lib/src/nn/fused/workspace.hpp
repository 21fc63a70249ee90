#pragma once
// Internal to the fused trainers (network_training.cpp, normalized_network.cpp): the memory a
// training step needs, allocated once, and evaluation in cache-sized chunks.
//
// The steady state allocates nothing: the layers' W and b are MatrixViews into θ, so the update
// rule's step on θ is seen by the next forward pass; activations, deltas and the gathered batch
// live in Buffers sized for the largest batch.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "../train_loop.hpp"
#include "descent/core/linalg.hpp"
#include "descent/nn/training.hpp"

namespace descent::nn::detail {

/// Storage for up to `max_rows` rows of `cols` numbers; rows(m) is a view of the first m rows.
class Buffer {
 public:
  Buffer() = default;
  Buffer(std::size_t max_rows, std::size_t cols) : data_(max_rows * cols), cols_(cols) {}
  [[nodiscard]] MatrixView rows(std::size_t m) { return {data_.data(), m, cols_}; }
  [[nodiscard]] std::size_t cols() const { return cols_; }

 private:
  std::vector<double> data_;
  std::size_t cols_ = 0;
};

/// A view of the `rows` × `cols` block of θ (or of a gradient of the same layout) at `at`.
inline MatrixView view(vector& flat, std::size_t at, std::size_t rows, std::size_t cols) {
  return {flat.data() + at, rows, cols};
}
inline ConstMatrixView view(const vector& flat, std::size_t at, std::size_t rows,
                            std::size_t cols) {
  return {flat.data() + at, rows, cols};
}

/// a(r, j) += b(j) for every row r.
void add_bias(MatrixView a, const double* b);

/// out(j) = Σ_r g(r, j): a bias gradient.
void column_sums(ConstMatrixView g, double* out);

/// Evaluation passes through the data this many rows at a time, in a workspace of this many
/// rows: one sized for a whole data set (10 000 × 256 numbers per buffer and layer in the
/// benchmark) costs more to fault in and streams through memory, a chunk stays in cache.
inline constexpr std::size_t evaluation_rows = 1024;

/// Mean loss and accuracy of the scores `forward(rows)` gives for x, a chunk of
/// evaluation_rows rows at a time (a view into x: nothing is copied).
template <class Forward>
Evaluation evaluate_in_chunks(const matrix& x, const std::vector<std::uint8_t>& labels,
                              Forward&& forward) {
  const std::size_t n = x.shape(0), cols = x.shape(1);
  double loss = 0;
  std::size_t correct = 0;
  for (std::size_t start = 0; start < n; start += evaluation_rows) {
    const std::size_t m = std::min(evaluation_rows, n - start);
    const ConstMatrixView scores = forward(ConstMatrixView(x.data() + start * cols, m, cols));
    loss += softmax_cross_entropy(scores, labels.data() + start);
    correct += count_correct(scores, labels.data() + start);
  }
  return {loss / double(n), double(correct) / double(n)};
}

}  // namespace descent::nn::detail
