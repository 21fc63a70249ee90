// Exercise medl04/early_stopping (MEDL Figure 4.4, suggested exercise E12). References: error
// curves whose best epoch is known by inspection, and a real training run done here (softmax
// regression by SGD on three Gaussian classes the test draws), whose recorded curve is the
// reference: the kept parameters must reproduce its minimum. Compiled against the stub (every
// case must fail) and the solution (every case must pass).

#include "early_stopping.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "descent/core/random.hpp"

namespace early_stopping_test {

using descent::exercises::EarlyStopping;

TEST_CASE("early_stopping keeps the best epoch, and of two equal ones the earlier") {
  EarlyStopping monitor(0);
  const std::vector<double> errors{0.5, 0.4, 0.3, 0.35, 0.3, 0.2, 0.25};
  for (std::size_t e = 0; e < 5; ++e) (void)monitor.observe(e + 1, errors[e], {double(e)});
  CHECK(monitor.best_epoch() == 3);  // epoch 5 ties epoch 3's 0.3: not better
  CHECK(monitor.best_error() == 0.3);
  for (std::size_t e = 5; e < errors.size(); ++e)
    (void)monitor.observe(e + 1, errors[e], {double(e)});
  CHECK(monitor.best_epoch() == 6);
  CHECK(monitor.best_error() == 0.2);
}

TEST_CASE("early_stopping says stop after `patience` epochs without improvement") {
  EarlyStopping monitor(2);
  const std::vector<double> errors{0.5, 0.4, 0.45, 0.41, 0.3};
  std::vector<int> stop;
  for (std::size_t e = 0; e < 4; ++e) stop.push_back(monitor.observe(e + 1, errors[e], {}) ? 1 : 0);
  // best at epoch 2; epochs 3 and 4 do not improve: stop after epoch 4
  CHECK(stop == std::vector<int>{0, 0, 0, 1});
}

TEST_CASE("early_stopping with patience 0 never says stop") {
  EarlyStopping monitor(0);
  (void)monitor.observe(1, 0.1, {});
  for (std::size_t e = 2; e <= 50; ++e) CHECK_FALSE(monitor.observe(e, 0.9, {}));
  CHECK(monitor.best_epoch() == 1);
}

TEST_CASE("early_stopping checkpoints a copy of the best parameters") {
  EarlyStopping monitor(0);
  std::vector<double> theta{1, 2, 3};
  (void)monitor.observe(1, 0.5, theta);
  theta = {4, 5, 6};  // training goes on with its own parameters
  (void)monitor.observe(2, 0.2, theta);
  theta[0] = 100;
  (void)monitor.observe(3, 0.7, theta);
  CHECK(monitor.best_parameters() == std::vector<double>{4, 5, 6});
}

// --- a real training run ---------------------------------------------------------------------

// Three Gaussian classes that differ in 2 of kFeatures coordinates; the other 8 are noise, which
// a small training set lets the classifier fit: the validation error falls, then rises.
constexpr std::size_t kFeatures = 10, kWeights = 3 * (kFeatures + 1);

struct Data {
  std::vector<std::vector<double>> x;  // each with a trailing 1 for the bias
  std::vector<std::size_t> y;
};

Data draw(std::size_t n, descent::Rng& rng) {
  const double centers[3][2] = {{0, 0}, {1.5, 0.5}, {0.5, 1.5}};
  Data d;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t k = rng.below(3);
    std::vector<double> x(kFeatures + 1, 1.0);
    for (std::size_t j = 0; j < kFeatures; ++j) x[j] = rng.normal(j < 2 ? centers[k][j] : 0, 0.9);
    d.x.push_back(x);
    d.y.push_back(k);
  }
  return d;
}

double score(const std::vector<double>& w, std::size_t k, const std::vector<double>& x) {
  double s = 0;
  for (std::size_t j = 0; j < x.size(); ++j) s += w[k * x.size() + j] * x[j];
  return s;
}

double error_rate(const std::vector<double>& w, const Data& d) {
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < d.y.size(); ++i) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < 3; ++k)
      if (score(w, k, d.x[i]) > score(w, best, d.x[i])) best = k;
    wrong += best != d.y[i];
  }
  return double(wrong) / double(d.y.size());
}

// One epoch of SGD on softmax regression's cross-entropy, samples in a shuffled order.
void epoch(std::vector<double>& w, const Data& d, double lr, descent::Rng& rng) {
  std::vector<std::size_t> order(d.y.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  rng.shuffle(order);
  for (const std::size_t i : order) {
    double o[3], top = -1e300, sum = 0;
    for (std::size_t k = 0; k < 3; ++k) top = std::max(top, o[k] = score(w, k, d.x[i]));
    for (double& v : o) sum += (v = std::exp(v - top));
    for (std::size_t k = 0; k < 3; ++k) {
      const double grad = o[k] / sum - (k == d.y[i] ? 1.0 : 0.0);  // o − y (Aggarwal Eq. 3.22)
      for (std::size_t j = 0; j < d.x[i].size(); ++j)
        w[k * d.x[i].size() + j] -= lr * grad * d.x[i][j];
    }
  }
}

TEST_CASE("early_stopping on a real training run: the checkpoint reproduces the best error") {
  descent::Rng rng(151);
  const Data train = draw(40, rng), valid = draw(400, rng);
  std::vector<double> w(kWeights, 0.0), curve;
  EarlyStopping monitor(0);
  for (std::size_t e = 1; e <= 100; ++e) {
    epoch(w, train, 0.02, rng);
    curve.push_back(error_rate(w, valid));
    (void)monitor.observe(e, curve.back(), w);
  }
  const auto first_min = std::min_element(curve.begin(), curve.end());
  CAPTURE(*first_min);
  CHECK(monitor.best_epoch() == std::size_t(first_min - curve.begin()) + 1);
  CHECK(monitor.best_error() == *first_min);
  REQUIRE(curve.back() > *first_min);  // the run overfits: the last epoch is not the best
  // restoring the checkpoint gives back the recorded minimum, not the last epoch's error
  CHECK(error_rate(monitor.best_parameters(), valid) == *first_min);
}

TEST_CASE("early_stopping with patience 5 stops 5 epochs after the best so far") {
  descent::Rng rng(152);
  const Data train = draw(40, rng), valid = draw(400, rng);
  std::vector<double> w(kWeights, 0.0), curve;
  EarlyStopping monitor(5);
  std::size_t stopped = 0;
  for (std::size_t e = 1; e <= 200 && stopped == 0; ++e) {
    epoch(w, train, 0.02, rng);
    curve.push_back(error_rate(w, valid));
    if (monitor.observe(e, curve.back(), w)) stopped = e;
  }
  REQUIRE(stopped > 0);
  const auto first_min = std::min_element(curve.begin(), curve.end());
  CHECK(monitor.best_epoch() == std::size_t(first_min - curve.begin()) + 1);
  CHECK(stopped == monitor.best_epoch() + 5);
}

}  // namespace early_stopping_test
