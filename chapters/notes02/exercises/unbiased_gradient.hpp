#pragma once
/// \file
/// Exercise 2.3 of the notes: ∇l_I(θ) is an unbiased estimator of ∇L_N(θ) under π{I = i} = 1/N.
///
/// You write the estimators of §2.2 and the expectation itself; the tests check the proof's
/// statement, E_π[∇l_I(θ)] = ∇L_N(θ), exactly at points and on data sets they draw, by Monte
/// Carlo, and for the mini-batch estimator. The data are the notes' least squares: the model
/// f_θ(x) = θ₀ + θ₁x and the loss L(y, f) = ½(y − f)², summed (not averaged) over the N samples.
///
/// Erratum: the notes scale the mini-batch estimator by the binomial coefficient C(N, |B|); an
/// unbiased estimator needs N/|B| (with C(N, |B|) the expectation is C(N − 1, |B| − 1) ∇L_N).
///
/// Fill it in, then check it:
///
///     scripts/exercises check unbiased_gradient
///
/// Stuck? `scripts/exercises hint unbiased_gradient` gives a nudge first, then the equations.

#include <cstddef>
#include <vector>

#include "descent/core/error.hpp"
#include "descent/core/random.hpp"
#include "descent/core/tensor.hpp"

namespace descent::exercises {

/// The training data (x_i, y_i), i = 0 ... N − 1.
struct RegressionData {
  std::vector<double> x;  ///< the inputs x_0 ... x_{N−1}
  std::vector<double> y;  ///< the targets y_0 ... y_{N−1}, same length
};

/// ∇L_N(θ) = Σ_i ∇_θ L(y_i, f_θ(x_i)), the full-batch gradient of §2.2 (a vector of 2).
///
/// TODO: differentiate ½(y_i − θ₀ − θ₁x_i)² with respect to θ₀ and θ₁ and sum over the data.
inline vector full_gradient(const RegressionData& data, const vector& theta) {
  (void)data;
  (void)theta;
  throw descent::not_implemented(
      "full_gradient in chapters/notes02/exercises/unbiased_gradient.hpp");
}

/// ∇l_i(θ) for the single sample i, with l_I of (2.5).
///
/// TODO: (2.5) for I = i.
inline vector sample_gradient(const RegressionData& data, const vector& theta, std::size_t i) {
  (void)data;
  (void)theta;
  (void)i;
  throw descent::not_implemented(
      "sample_gradient in chapters/notes02/exercises/unbiased_gradient.hpp");
}

/// E_π[∇l_I(θ)], the expectation over the law π of I, computed exactly (no sampling).
///
/// TODO: the definition of an expectation over the N values I can take.
inline vector expected_sample_gradient(const RegressionData& data, const vector& theta) {
  (void)data;
  (void)theta;
  throw descent::not_implemented(
      "expected_sample_gradient in chapters/notes02/exercises/unbiased_gradient.hpp");
}

/// The mean of `draws` sampled gradients ∇l_I(θ), I drawn uniformly with re-injection by
/// `rng.below(N)` (Algorithm 1, line 2).
///
/// TODO: draw, evaluate, average.
inline vector monte_carlo_mean(const RegressionData& data, const vector& theta, std::size_t draws,
                               Rng& rng) {
  (void)data;
  (void)theta;
  (void)draws;
  (void)rng;
  throw descent::not_implemented(
      "monte_carlo_mean in chapters/notes02/exercises/unbiased_gradient.hpp");
}

/// ∇l_B(θ) for a mini-batch B of distinct indices: the sum of the per-sample loss gradients over
/// B, scaled so that the estimator is unbiased when B is drawn uniformly among the |B|-subsets.
///
/// TODO: the notes' l_B with the scale corrected (see the erratum above).
inline vector minibatch_estimate(const RegressionData& data, const vector& theta,
                                 const std::vector<std::size_t>& batch) {
  (void)data;
  (void)theta;
  (void)batch;
  throw descent::not_implemented(
      "minibatch_estimate in chapters/notes02/exercises/unbiased_gradient.hpp");
}

}  // namespace descent::exercises
