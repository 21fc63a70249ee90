#pragma once
/// \file
/// MEDL Algorithm 4.1, the descent direction method: from θ⁽⁰⁾ repeat θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ + θ_s⁽ᵗ⁾
/// until a termination criterion of §4.1 holds (check_stop). The step θ_s comes from an
/// UpdateRule fed with the gradient (optionally clipped) and the scheduled learning rate.
/// The stochastic form takes the gradient of a sampled mini-batch of a finite sum (4.4):
/// SGD (4.10) is a batch of one, drawn with or without replacement.

#include <cstdint>
#include <functional>

#include "descent/optim/clipping.hpp"
#include "descent/optim/schedule.hpp"
#include "descent/optim/trajectory.hpp"
#include "descent/optim/update_rule.hpp"
#include "descent/problems/finite_sum.hpp"
#include "descent/problems/objective.hpp"

namespace descent::optim {

/// Sees every iterate of a run (the recorded ones and the others).
using Observer = std::function<void(const Iterate&)>;

/// Options of MEDL Algorithm 4.1 (descent and stochastic_descent): when to stop, the learning
/// rate, clipping, and which iterates to keep.
struct DescentOptions {
  StopCriteria stop;     ///< §4.1 criteria; stop.max_iterations is T
  Schedule schedule;     ///< α⁽ᵗ⁾
  Clipping clipping;     ///< applied to each gradient before the rule sees it
  int record_every = 1;  ///< keep θ⁽ᵗ⁾ when t is a multiple (>= 1); the last is always kept
  int keep_last = 1;     ///< also keep the last this many iterates (>= 1), e.g. 2 for a 2-cycle
  Observer observer;     ///< optional, called with every iterate
  /// Throws descent::invalid_argument naming the first field out of its range.
  void validate() const;
};

/// Runs `rule` on C from theta0 with full gradients.
[[nodiscard]] Trajectory descend(const problems::Objective& C, UpdateRule& rule,
                                 const vector& theta0, const DescentOptions& options);

/// How a stochastic run draws its indices.
struct Sampling {
  int batch_size = 1;             ///< n_b in (4.13), 1 <= n_b <= n; 1 is SGD (4.10)
  bool with_replacement = false;  ///< true: each index uniform on {0..n−1} independently (4.11);
                                  ///< false: shuffled epochs, n/n_b batches per epoch (§4.2)
  std::uint64_t seed = 0;  ///< seed of the index stream (the same seed replays the same batches)
  /// Where the indices come from: descent's portable Rng, or numpy's legacy stream
  /// (descent::NumpyRandomState: `np.random.seed(seed)` then `np.random.choice(n)` per index),
  /// which replays the authors' SGD runs exactly. Only with replacement, as numpy's `choice`
  /// draws.
  enum class Stream { descent, numpy_legacy };
  Stream stream = Stream::descent;  ///< which random stream draws the indices
  /// Throws descent::invalid_argument if the batch size is not in [1, n] for a finite sum of
  /// `n` terms, or numpy_legacy is asked for without replacement (or with n >= 2^32).
  void validate(std::size_t n) const;
};

/// Runs `rule` with mini-batch gradients of C. Each recorded iterate carries the full C(θ)
/// and ‖∇C(θ)‖ (for the figure and the criteria), not the sampled ones.
[[nodiscard]] Trajectory descend_stochastic(const problems::FiniteSum& C, UpdateRule& rule,
                                            const vector& theta0, const DescentOptions& options,
                                            const Sampling& sampling);

}  // namespace descent::optim
