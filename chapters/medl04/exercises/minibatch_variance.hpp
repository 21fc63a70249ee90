#pragma once
/// \file
/// Exercise (MEDL §4.2, (4.13); the catalogue's suggested exercise E11): the mini-batch gradient
/// is an unbiased estimate of ∇C whose variance falls like 1/n_b.
///
/// You write the estimate, its Monte Carlo moments and the exact variance; the tests use the
/// per-sample gradients of the problem (4.12) of Figure 4.3(a) at θ = (6, 6) and compare with
/// exact values and with the 1/n_b law. Sampling is with replacement, the case in which the
/// book's Var(mini-batch mean) = Var(∇C_I)/n_b holds exactly.
///
/// Fill it in, then check it:
///
///     scripts/exercises check minibatch_variance
///
/// Stuck? `scripts/exercises hint minibatch_variance` gives a nudge first, then the equations.

#include <cstddef>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"

namespace descent::exercises {

/// One mini-batch estimate of ∇C: the mean of n_b per-sample gradients ∇C_i, each i drawn
/// uniformly with replacement by `rng.below(n)` (n = per_sample.size()).
///
/// TODO: (4.13)'s estimate, with the indices drawn as described.
inline std::vector<double> minibatch_mean(const std::vector<std::vector<double>>& per_sample,
                                          std::size_t n_b, Rng& rng) {
  (void)per_sample;
  (void)n_b;
  (void)rng;
  throw descent::not_implemented(
      "minibatch_mean in chapters/medl04/exercises/minibatch_variance.hpp");
}

/// The sample mean and the sample variance (dividing by `draws`) of `draws` mini-batch
/// estimates, coordinate by coordinate.
struct Moments {
  std::vector<double> mean;      ///< the sample mean of the estimates, per coordinate
  std::vector<double> variance;  ///< their sample variance (dividing by `draws`), per coordinate
};

/// TODO: draw `draws` estimates with minibatch_mean and summarize them.
inline Moments monte_carlo_moments(const std::vector<std::vector<double>>& per_sample,
                                   std::size_t n_b, std::size_t draws, Rng& rng) {
  (void)per_sample;
  (void)n_b;
  (void)draws;
  (void)rng;
  throw descent::not_implemented(
      "monte_carlo_moments in chapters/medl04/exercises/minibatch_variance.hpp");
}

/// The exact variance of one mini-batch estimate, coordinate by coordinate: the variance of
/// ∇C_I for I uniform on the n samples, divided by n_b.
///
/// TODO: the population variance (divide by n) of the per-sample gradients, over n_b.
inline std::vector<double> exact_minibatch_variance(
    const std::vector<std::vector<double>>& per_sample, std::size_t n_b) {
  (void)per_sample;
  (void)n_b;
  throw descent::not_implemented(
      "exact_minibatch_variance in chapters/medl04/exercises/minibatch_variance.hpp");
}

}  // namespace descent::exercises
