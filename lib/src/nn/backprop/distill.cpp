#include "descent/nn/backprop/distill.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "../train_loop.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/nn/softmax.hpp"

namespace descent::nn {

matrix soft_targets(const Network& teacher, const matrix& x) {
  return softmax(forward(teacher, x).h.back());
}

namespace {

matrix gather(const matrix& x, const std::size_t* rows, std::size_t m) {
  matrix out = matrix::from_shape({m, x.shape(1)});
  for (std::size_t r = 0; r < m; ++r)
    std::copy_n(x.data() + rows[r] * x.shape(1), x.shape(1), out.data() + r * x.shape(1));
  return out;
}

// train_on_soft_targets' view of the student for the shared epoch loop (train_loop.hpp),
// without a validation set: every finite epoch is kept, so the student ends with the last
// finite parameters. Each pass is the textbook one: forward(), backprop_pre_activation(),
// flatten().
class SoftTargetTraining : public detail::Trainable {
 public:
  SoftTargetTraining(Network& student, const matrix& x, const matrix& targets)
      : student_(student), x_(x), targets_(targets) {
    theta = flatten(student);
    gradient = xt::zeros<double>({theta.size()});
    best_ = theta;  // a run that diverges at once hands back the initial parameters
  }

  double loss_and_gradient(const std::size_t* rows, std::size_t m) override {
    unflatten(theta, student_);
    const matrix xb = gather(x_, rows, m), pb = gather(targets_, rows, m);
    const auto f = forward(student_, xb);
    const matrix grad = softmax_cross_entropy_grad(f.h.back(), pb) / double(m);  // (o − p)/m
    gradient = flatten(backprop_pre_activation(student_, f, grad));
    return cross_entropy(f.h.back(), pb);  // −Σ p log o (Eq. 3.21, soft targets)
  }
  std::optional<Evaluation> validate() override { return std::nullopt; }
  void keep_best() override { best_ = theta; }
  void write_best() override { unflatten(best_, student_); }

 private:
  Network& student_;
  const matrix& x_;
  const matrix& targets_;
  vector best_;
};

}  // namespace

SoftTargetResult train_on_soft_targets(Network& student, const matrix& x, const matrix& targets,
                                       optim::UpdateRule& rule, const TrainOptions& options) {
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
  SoftTargetTraining model(student, x, targets);
  const TrainResult run = detail::train(model, x.shape(0), rule, options);
  SoftTargetResult result;
  for (const auto& e : run.history)  // all but the epoch that diverged, if one did
    if (std::isfinite(e.train_loss)) result.epoch_loss.push_back(e.train_loss);
  result.status = run.status;
  return result;
}

}  // namespace descent::nn
