#include "descent/nn/backprop/distill.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/softmax.hpp"

namespace descent::nn {

matrix soft_targets(const Network& teacher, const matrix& x) {
  return softmax(forward(teacher, x).h.back());
}

namespace {

matrix gather(const matrix& x, const std::vector<std::size_t>& rows) {
  matrix out = matrix::from_shape({rows.size(), x.shape(1)});
  for (std::size_t r = 0; r < rows.size(); ++r)
    std::copy_n(x.data() + rows[r] * x.shape(1), x.shape(1), out.data() + r * x.shape(1));
  return out;
}

}  // namespace

SoftTargetResult train_on_soft_targets(Network& student, const matrix& x, const matrix& targets,
                                       StepRule& rule, const TrainOptions& options) {
  options.validate();
  if (options.patience != 0)
    throw invalid_argument("train_on_soft_targets: patience = " + std::to_string(options.patience) +
                           "; allowed: 0 (no validation)");
  if (x.shape(0) != targets.shape(0) || x.shape(0) == 0 ||
      targets.shape(1) != student.layers.back().W.shape(1))
    throw invalid_argument("train_on_soft_targets: " + std::to_string(x.shape(0)) + " rows, " +
                           shape_string(targets) +
                           " targets; allowed: one target row per input row, one column per "
                           "output of the student");
  Rng rng(options.seed);
  std::vector<std::size_t> order(x.shape(0));
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  vector theta = flatten(student);
  vector last_finite = theta;  // the parameters a diverged run hands back
  SoftTargetResult result;
  for (std::size_t epoch = 1; epoch <= options.epochs; ++epoch) {
    if (options.shuffle) rng.shuffle(order);
    double loss_sum = 0;
    std::size_t batches = 0;
    for (std::size_t start = 0; start < order.size(); start += options.batch_size) {
      const std::vector<std::size_t> rows(
          order.begin() + std::ptrdiff_t(start),
          order.begin() + std::ptrdiff_t(std::min(order.size(), start + options.batch_size)));
      const matrix xb = gather(x, rows), pb = gather(targets, rows);
      const auto f = forward(student, xb);
      const double m = double(rows.size());
      loss_sum += cross_entropy(f.h.back(), pb) / m;  // −Σ p log o (Eq. 3.21, soft targets)
      ++batches;
      const matrix grad = softmax_cross_entropy_grad(f.h.back(), pb) / m;  // (o − p)/m
      rule.step(theta, flatten(backprop_pre_activation(student, f, grad)));
      unflatten(theta, student);
    }
    const double loss = loss_sum / double(batches);
    if (!std::isfinite(loss)) {
      unflatten(last_finite, student);
      result.status = {StopReason::diverged, "non-finite loss at epoch " + std::to_string(epoch),
                       int(epoch)};
      return result;
    }
    result.epoch_loss.push_back(loss);
    last_finite = theta;
    result.status = {StopReason::iteration_limit, "all epochs run", int(epoch)};
  }
  return result;
}

}  // namespace descent::nn
