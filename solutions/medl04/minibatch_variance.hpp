#pragma once
/// \file
/// Solution of the exercise medl04/minibatch_variance (MEDL (4.13), suggested exercise E11).
///
/// The reference solution: look only once `scripts/exercises check minibatch_variance` passes.

#include <cstddef>
#include <vector>

#include "descent/core/random.hpp"

namespace descent::exercises {

inline std::vector<double> minibatch_mean(const std::vector<std::vector<double>>& per_sample,
                                          std::size_t n_b, Rng& rng) {
  std::vector<double> mean(per_sample[0].size(), 0.0);
  for (std::size_t k = 0; k < n_b; ++k) {
    const auto& g = per_sample[static_cast<std::size_t>(rng.below(per_sample.size()))];
    for (std::size_t j = 0; j < mean.size(); ++j) mean[j] += g[j] / double(n_b);
  }
  return mean;
}

struct Moments {
  std::vector<double> mean;      ///< the sample mean of the estimates, per coordinate
  std::vector<double> variance;  ///< their sample variance (dividing by `draws`), per coordinate
};

inline Moments monte_carlo_moments(const std::vector<std::vector<double>>& per_sample,
                                   std::size_t n_b, std::size_t draws, Rng& rng) {
  const std::size_t d = per_sample[0].size();
  Moments m{std::vector<double>(d, 0.0), std::vector<double>(d, 0.0)};
  for (std::size_t k = 0; k < draws; ++k) {
    const auto g = minibatch_mean(per_sample, n_b, rng);
    for (std::size_t j = 0; j < d; ++j) {
      m.mean[j] += g[j];
      m.variance[j] += g[j] * g[j];
    }
  }
  for (std::size_t j = 0; j < d; ++j) {
    m.mean[j] /= double(draws);
    m.variance[j] = m.variance[j] / double(draws) - m.mean[j] * m.mean[j];
  }
  return m;
}

/// Var(mean of n_b independent draws) = Var(∇C_I)/n_b.
inline std::vector<double> exact_minibatch_variance(
    const std::vector<std::vector<double>>& per_sample, std::size_t n_b) {
  const double n = double(per_sample.size());
  std::vector<double> mean(per_sample[0].size(), 0.0), var(mean.size(), 0.0);
  for (const auto& g : per_sample)
    for (std::size_t j = 0; j < mean.size(); ++j) mean[j] += g[j] / n;
  for (const auto& g : per_sample)
    for (std::size_t j = 0; j < mean.size(); ++j)
      var[j] += (g[j] - mean[j]) * (g[j] - mean[j]) / n / double(n_b);
  return var;
}

}  // namespace descent::exercises
