#pragma once
/// \file
/// The objective of the hyperparameter searches of Aggarwal §3.3.1: the validation loss of a
/// small network trained with learning rate α and L2 regularization rate λ, the two rates the
/// book samples on a logarithmic scale. The book has no example; this is a 2 → H → 2 tanh
/// network on two noisy interleaved half-moons, trained by full-batch gradient descent from
/// one fixed initialization, so the loss is a deterministic function of (α, λ).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "descent/core/random.hpp"
#include "descent/core/tensor.hpp"
#include "descent/nn/backprop/network.hpp"
#include "descent/optim/update_rule.hpp"

namespace descent::chapters::aggarwal03 {

/// Gradient descent on the L2-regularized loss L + (λ/2)‖θ‖² over every parameter (weights
/// and biases): θ ⇐ θ − α(∇L + λθ), the "weight decay" of torch.optim.SGD.
class WeightDecayDescent final : public optim::UpdateRule {
 public:
  /// A rule with regularization rate `lambda` (>= 0).
  explicit WeightDecayDescent(double lambda) : lambda_(lambda) {}
  /// "weight-decay-gd"
  [[nodiscard]] std::string name() const override { return "weight-decay-gd"; }
  /// θ ⇐ θ − α(g + λθ)
  void step(vector& theta, const vector& g, double alpha) override;

 private:
  double lambda_;
};

/// The data and the starting network of every training run of a search.
struct TuningProblem {
  matrix x;                                ///< training inputs, one row per point
  std::vector<std::uint8_t> labels;        ///< training labels 0/1
  matrix x_valid;                          ///< held-out validation inputs
  std::vector<std::uint8_t> labels_valid;  ///< their labels
  nn::Network start;                       ///< the initial weights every run starts from
  std::size_t epochs = 1;                  ///< full-batch steps per run
};

/// `n` points of two interleaved half-moons (label 0: (cos t, sin t); label 1:
/// (1 − cos t, ½ − sin t), t uniform on [0, π]) plus Gaussian noise of standard deviation
/// `noise`, each label flipped with probability `flip`.
void two_moons(std::size_t n, double noise, double flip, Rng& rng, matrix& x,
               std::vector<std::uint8_t>& labels);

/// The problem: `n_train` training and `n_valid` validation points of two_moons, then a
/// 2 → `hidden` → 2 network (tanh, identity scores) with Xavier weights and zero biases, all
/// drawn from `seed`.
[[nodiscard]] TuningProblem make_tuning_problem(std::size_t n_train, std::size_t n_valid,
                                                double noise, double flip, std::size_t hidden,
                                                std::size_t epochs, std::uint64_t seed);

/// What one training run gives: the validation cross-entropy after the last epoch (+∞ when the
/// run diverged) and the training loss of that epoch.
struct TrialOutcome {
  double validation_loss;  ///< mean cross-entropy on the validation set after the last epoch
  double train_loss;       ///< mean cross-entropy on the training set during the last epoch
  bool diverged;           ///< a loss became non-finite
};

/// Trains a copy of problem.start with WeightDecayDescent(λ) at rate α, full batch, for
/// problem.epochs epochs, and returns the validation loss of the final parameters (not of the
/// best epoch: no early stopping, which would itself regularize).
[[nodiscard]] TrialOutcome train_trial(const TuningProblem& problem, double alpha, double lambda);

}  // namespace descent::chapters::aggarwal03
