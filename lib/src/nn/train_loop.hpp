#pragma once
// Internal to the nn trainers (training.cpp, normalized_network.cpp): the memory a training
// step needs, allocated once, and the epoch loop shared by every network kind.
//
// The steady state allocates nothing: a model keeps its parameters in one flat vector θ (the
// layout of its flatten()) whose layers are MatrixViews into it, and its gradient in a vector of
// the same layout; the StepRule updates θ in place and the next forward pass reads the new
// values. Activations, deltas and the gathered batch live in Buffers sized for the largest batch.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

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

/// Rows `rows[0..m)` of x into `out` (the mini-batch), and their labels into `labels`.
void gather(const matrix& x, const std::vector<std::uint8_t>& all_labels, const std::size_t* rows,
            std::size_t m, MatrixView out, std::uint8_t* labels);

/// a(r, j) += b(j) for every row r.
void add_bias(MatrixView a, const double* b);

/// out(j) = Σ_r g(r, j): a bias gradient.
void column_sums(ConstMatrixView g, double* out);

/// The summed cross-entropy of softmax(scores) against the labels (Eq. 3.21, summed over the
/// rows as Eq. 3.27), through log-sum-exp. If `grad` is given it receives (o − y)/m
/// (Eq. 3.22 for the batch-mean loss), without ever forming the one-hot y.
double softmax_cross_entropy(ConstMatrixView scores, const std::uint8_t* labels,
                             MatrixView* grad = nullptr, double m = 1);

/// How many rows have their largest score at their label (the first maximum counts).
std::size_t count_correct(ConstMatrixView scores, const std::uint8_t* labels);

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

/// A network as the epoch loop sees it: flat parameters θ and gradient, a step on a batch.
class Trainable {
 public:
  virtual ~Trainable() = default;
  vector theta;     ///< every parameter, laid out as the network's flatten()
  vector gradient;  ///< ∂L/∂θ of the last batch, same layout
  /// Forward and backward on the examples rows[0..m): fills `gradient` with the gradient of the
  /// batch-mean loss and returns the batch's summed loss.
  virtual double loss_and_gradient(const std::size_t* rows, std::size_t m) = 0;
  /// Mean loss and accuracy on the validation set with the current θ.
  virtual Evaluation validate() = 0;
  /// Remember the current parameters (and any state such as running statistics) as the best.
  virtual void keep_best() = 0;
  /// Write the remembered best parameters back to the caller's network.
  virtual void write_best() = 0;
};

/// Shuffled epochs of mini-batch steps, validation after each, early stopping (training.hpp).
TrainResult train(Trainable& model, std::size_t examples, StepRule& rule,
                  const TrainOptions& options);

/// Checks one data set handed to a classifier with `inputs` inputs and `classes` outputs: as
/// many rows as labels (at least one), `inputs` columns, every label below `classes`. Throws
/// descent::invalid_argument starting with `who` (every network kind's evaluate and trainer).
void require_data(const char* who, const matrix& x, const std::vector<std::uint8_t>& labels,
                  std::size_t inputs, std::size_t classes);

}  // namespace descent::nn::detail
