#include "aggarwal03/tuning_network.hpp"

#include <cmath>
#include <limits>
#include <numbers>

#include "descent/nn/fused/network_training.hpp"
#include "descent/nn/init.hpp"

namespace descent::chapters::aggarwal03 {

void WeightDecayDescent::step(vector& theta, const vector& g, double alpha) {
  double* t = theta.data();
  const double* gi = g.data();
  for (std::size_t i = 0; i < theta.size(); ++i) t[i] -= alpha * (gi[i] + lambda_ * t[i]);
}

void two_moons(std::size_t n, double noise, double flip, Rng& rng, matrix& x,
               std::vector<std::uint8_t>& labels) {
  x = matrix::from_shape({n, 2});
  labels.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const bool upper = rng.uniform() < 0.5;
    const double t = std::numbers::pi * rng.uniform();
    x(i, 0) = (upper ? std::cos(t) : 1 - std::cos(t)) + noise * rng.normal();
    x(i, 1) = (upper ? std::sin(t) : 0.5 - std::sin(t)) + noise * rng.normal();
    const bool flipped = rng.uniform() < flip;
    labels[i] = std::uint8_t((upper ? 0 : 1) ^ (flipped ? 1 : 0));
  }
}

TuningProblem make_tuning_problem(std::size_t n_train, std::size_t n_valid, double noise,
                                  double flip, std::size_t hidden, std::size_t epochs,
                                  std::uint64_t seed) {
  Rng rng(seed);
  TuningProblem p;
  two_moons(n_train, noise, flip, rng, p.x, p.labels);
  two_moons(n_valid, noise, flip, rng, p.x_valid, p.labels_valid);
  p.start.layers.push_back({nn::initialize(nn::Init::xavier, 2, hidden, rng),
                            xt::zeros<double>({hidden}), nn::Activation::tanh});
  p.start.layers.push_back({nn::initialize(nn::Init::xavier, hidden, 2, rng),
                            xt::zeros<double>({std::size_t{2}}), nn::Activation::identity});
  p.epochs = epochs;
  return p;
}

TrialOutcome train_trial(const TuningProblem& problem, double alpha, double lambda) {
  nn::Network net = problem.start;
  WeightDecayDescent rule(lambda);
  nn::TrainOptions options;
  options.alpha = alpha;
  options.epochs = problem.epochs;
  options.batch_size = problem.x.shape(0);  // full batch: one step per epoch, nothing shuffled
  options.shuffle = false;
  const auto run = nn::train_classifier(net, problem.x, problem.labels, problem.x_valid,
                                        problem.labels_valid, rule, options);
  const auto& last = run.history.back();
  if (run.status.reason == StopReason::diverged)
    return {std::numeric_limits<double>::infinity(), last.train_loss, true};
  return {last.validation_loss, last.train_loss, false};
}

}  // namespace descent::chapters::aggarwal03
