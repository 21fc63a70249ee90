#include "descent/optim/descent.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

#include "descent/core/error.hpp"
#include "descent/core/interval.hpp"
#include "descent/core/kernels.hpp"
#include "descent/core/random.hpp"

namespace descent::optim {

void DescentOptions::validate() const {
  stop.validate();
  schedule.validate();
  if (clipping.kind != Clipping::Kind::none) clipping.validate();
  require("record_every", record_every, Interval::at_least(1));
  require("keep_last", keep_last, Interval::at_least(1));
}

void Sampling::validate(std::size_t n) const {
  require("batch_size", batch_size, Interval::closed(1, static_cast<double>(n)));
  if (stream == Stream::numpy_legacy && !with_replacement)
    throw invalid_argument(
        "sampling: numpy's legacy stream draws with replacement only; "
        "allowed: with_replacement = true");
  if (stream == Stream::numpy_legacy && n > 0xffffffffULL)
    throw invalid_argument("sampling: numpy's legacy stream needs n < 2^32");
}

namespace {

// Keeps every record_every-th iterate and the last keep_last ones; calls the observer.
class Recorder {
 public:
  explicit Recorder(const DescentOptions& o) : options_(o) {}
  void add(const Iterate& it) {
    if (options_.observer) options_.observer(it);
    if (it.t % options_.record_every == 0) recorded_.iterates.push_back(it);
    last_.push_back(it);
    if (static_cast<int>(last_.size()) > options_.keep_last) last_.pop_front();
  }
  Trajectory finish(Status status, int evaluations) {
    // Append the last iterates that were not recorded, keeping the order of t.
    auto& its = recorded_.iterates;
    for (auto& it : last_) {
      auto pos = std::lower_bound(its.begin(), its.end(), it.t,
                                  [](const Iterate& a, int t) { return a.t < t; });
      if (pos == its.end() || pos->t != it.t) its.insert(pos, std::move(it));
    }
    recorded_.status = std::move(status);
    recorded_.evaluations = evaluations;
    return std::move(recorded_);
  }

 private:
  const DescentOptions& options_;
  Trajectory recorded_;
  std::deque<Iterate> last_;
};

// Algorithm 4.1 with the gradient supplied by `gradient_at(point, t, g)`.
template <class GradientAt>
Trajectory run(const problems::Objective& C, UpdateRule& rule, const vector& theta0,
               const DescentOptions& options, GradientAt gradient_at) {
  options.validate();
  if (theta0.size() != C.dimension())
    throw invalid_argument("theta0 has " + std::to_string(theta0.size()) +
                           " elements; allowed: " + std::to_string(C.dimension()));
  const auto started = std::chrono::steady_clock::now();
  Recorder recorder(options);
  vector theta = theta0, g, full_g, previous_theta;
  int evaluations = 1;
  Iterate previous{0, theta, C.value_and_gradient(theta, full_g), euclidean_norm(full_g), 0, 0};
  recorder.add(previous);
  if (auto stop = check_start(options.stop, previous)) return recorder.finish(*stop, evaluations);
  //! [algorithm-4.1]
  for (int t = 0;; ++t) {
    const double alpha = options.schedule.at(t);
    const vector& point = rule.gradient_point(theta, alpha);  // θ, or a look-ahead point
    gradient_at(point, t, g);
    clip(g, options.clipping);
    previous_theta = theta;
    rule.step(theta, g, alpha);  // θ⁽ᵗ⁺¹⁾ = θ⁽ᵗ⁾ + θ_s⁽ᵗ⁾
    Iterate current{t + 1,
                    theta,
                    C.value_and_gradient(theta, full_g),
                    euclidean_norm(full_g),
                    euclidean_norm(theta - previous_theta),
                    alpha};
    ++evaluations;
    const auto stop = check_stop(options.stop, previous, current, started);  // §4.1
    recorder.add(current);
    if (stop) return recorder.finish(*stop, evaluations);
    previous = std::move(current);
  }
  //! [algorithm-4.1]
}

}  // namespace

Trajectory descend(const problems::Objective& C, UpdateRule& rule, const vector& theta0,
                   const DescentOptions& options) {
  return run(C, rule, theta0, options,
             [&](const vector& point, int, vector& g) { C.gradient(point, g); });
}

Trajectory descend_stochastic(const problems::FiniteSum& C, UpdateRule& rule, const vector& theta0,
                              const DescentOptions& options, const Sampling& sampling) {
  const std::size_t n = C.samples();
  sampling.validate(n);
  const auto nb = static_cast<std::size_t>(sampling.batch_size);
  Rng rng(sampling.seed);
  NumpyRandomState legacy(static_cast<std::uint32_t>(sampling.seed));
  std::vector<std::size_t> order(n), batch;
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::size_t next = n;  // position in the current epoch; n forces a shuffle first
  return run(C, rule, theta0, options, [&](const vector& point, int, vector& g) {
    batch.clear();
    if (sampling.with_replacement) {
      for (std::size_t k = 0; k < nb; ++k)  // (4.11)
        batch.push_back(sampling.stream == Sampling::Stream::numpy_legacy ? legacy.choice(n)
                                                                          : rng.below(n));
    } else {
      if (next >= n) {  // a new epoch: reshuffle, then cut into ⌈n/n_b⌉ batches
        rng.shuffle(order);
        next = 0;
      }
      for (std::size_t k = 0; k < nb && next < n; ++k) batch.push_back(order[next++]);
    }
    C.batch_gradient(point, batch, g);  // (4.13)
  });
}

}  // namespace descent::optim
