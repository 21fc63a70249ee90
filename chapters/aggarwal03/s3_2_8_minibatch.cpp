/// \file
/// Aggarwal §3.2.8, mini-batch stochastic gradient descent, Eqs. 3.27–3.32: the loss is a sum
/// L = Σ L_i (3.27), so its gradient is the sum of the per-point gradients (3.30); gradient
/// descent steps along all of it (3.29), stochastic gradient descent along one L_i (3.31) and
/// mini-batch descent along the sum over a batch B (3.32). Shown on least-squares linear
/// regression, whose minimizer the normal equations give. Eq. 3.32 sums over the batch where
/// frameworks average, so its α is the averaged step divided by |B|.

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// The data: rows x_i ~ N(0, I_d), y_i = x_iᵀW_true + σ ε_i.
struct Data {
  matrix x;
  vector y;
};

Data make_data(std::size_t n, std::size_t d, double noise, Rng& rng) {
  Data data{xt::zeros<double>({n, d}), xt::zeros<double>({n})};
  vector w_true = xt::zeros<double>({d});
  for (std::size_t j = 0; j < d; ++j) w_true(j) = rng.uniform(-2, 2);
  for (std::size_t i = 0; i < n; ++i) {
    double s = 0;
    for (std::size_t j = 0; j < d; ++j) {
      data.x(i, j) = rng.normal();
      s += data.x(i, j) * w_true(j);
    }
    data.y(i) = s + noise * rng.normal();
  }
  return data;
}

//! [section-3.2.8]
// ∂L_i/∂W of L_i = ½(x_iᵀW − y_i)², added into g: (x_iᵀW − y_i) x_i.
void add_point_gradient(const Data& data, std::size_t i, const vector& w, vector& g) {
  double r = -data.y(i);
  for (std::size_t j = 0; j < w.size(); ++j) r += data.x(i, j) * w(j);
  for (std::size_t j = 0; j < w.size(); ++j) g(j) += r * data.x(i, j);
}

// Mini-batch descent (3.32): each epoch shuffles the points and steps
// W ⇐ W − α Σ_{i∈B} ∂L_i/∂W over consecutive batches of `batch` points (the last one shorter).
vector minibatch(const Data& data, std::size_t batch, double alpha, int epochs, Rng& rng) {
  const std::size_t n = data.x.shape(0), d = data.x.shape(1);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  vector w = xt::zeros<double>({d}), g = xt::zeros<double>({d});
  for (int e = 0; e < epochs; ++e) {
    for (std::size_t i = n; i > 1; --i)  // Fisher–Yates
      std::swap(order[i - 1], order[static_cast<std::size_t>(rng.uniform() * double(i))]);
    for (std::size_t start = 0; start < n; start += batch) {
      g.fill(0);
      for (std::size_t k = start; k < std::min(n, start + batch); ++k)
        add_point_gradient(data, order[k], w, g);
      w -= alpha * g;
    }
  }
  return w;
}
//! [section-3.2.8]

double norm2(const vector& v) {
  return std::sqrt(dot(v, v));
}

Result minibatch_sgd(const Params& p) {
  const auto n = static_cast<std::size_t>(p.integer("n"));
  const auto d = static_cast<std::size_t>(p.integer("d"));
  const double eta = p.number("eta");
  const int epochs = static_cast<int>(p.integer("epochs"));
  std::vector<std::size_t> batches;
  for (const double b : p.vector("batch_sizes")) batches.push_back(static_cast<std::size_t>(b));
  for (const double b : p.vector("batch_sizes"))
    if (b != std::floor(b) || b > double(n))
      throw invalid_argument("batch size " + short_number(b) + " is not a whole number in 1.." +
                             std::to_string(n) + "; allowed: whole numbers <= n");
  if (double(n) * double(d) * epochs * double(batches.size()) > 4e8)
    throw invalid_argument("n x d x epochs x batch sizes = " +
                           short_number(double(n) * double(d) * epochs * double(batches.size())) +
                           "; allowed: at most 4e8 (fewer epochs or points)");
  if (n < d)
    throw invalid_argument("n = " + std::to_string(n) + " points for d = " + std::to_string(d) +
                           " weights: the normal equations are singular; allowed: n >= d");
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  const Data data = make_data(n, d, p.number("noise"), rng);
  const matrix xt_ = xt::transpose(data.x);

  // (3.30): the sum of the per-point gradients against ∂L/∂W = Xᵀ(XW − y) by BLAS, at a point W.
  vector w_probe = xt::zeros<double>({d});
  for (std::size_t j = 0; j < d; ++j) w_probe(j) = 0.5 - double(j) / double(d);
  vector sum = xt::zeros<double>({d});
  for (std::size_t i = 0; i < n; ++i) add_point_gradient(data, i, w_probe, sum);
  const vector full = gemv(xt_, gemv(data.x, w_probe) - data.y);
  Result result;
  const double scale = std::max(1.0, xt::amax(xt::abs(full))());
  result.value("eq_3_30_difference", xt::amax(xt::abs(sum - full))() / scale);

  // The least-squares minimizer: the normal equations XᵀX W = Xᵀy.
  const vector w_star = solve(gemm(xt_, data.x), gemv(xt_, data.y));
  // One epoch with B = all points is one gradient-descent step (3.29).
  Rng one(1);
  const vector w_one = minibatch(data, n, eta / double(n), 1, one);
  const vector gd_step = -(eta / double(n)) * gemv(xt_, -data.y);  // from W = 0
  result.value("full_batch_vs_gd_step", xt::amax(xt::abs(w_one - gd_step))());

  auto& table = result.table("batch sizes", {"|B|", "alpha = eta/|B| (3.32)", "updates",
                                             "|W - W*| (normal equations)", "L(W)/n", "L(W*)/n"});
  auto loss = [&](const vector& w) {
    const vector r = gemv(data.x, w) - data.y;
    return 0.5 * dot(r, r) / double(n);
  };
  for (const std::size_t b : batches) {
    Rng shuffle(static_cast<std::uint64_t>(p.integer("seed")) + 1);
    const vector w = minibatch(data, b, eta / double(b), epochs, shuffle);
    const double updates = double(epochs) * std::ceil(double(n) / double(b));
    table.add({double(b), eta / double(b), updates, norm2(w - w_star), loss(w), loss(w_star)});
    if (!std::isfinite(norm2(w - w_star))) {
      result.status += (result.status.empty() ? "" : "; ") + std::string("|B| = ") +
                       std::to_string(b) + " diverged: eta too large for this data";
      result.allow_non_finite("batch sizes", "a run that diverged; the status says which");
      continue;
    }
    result.value("distance_" + std::to_string(b), norm2(w - w_star));
  }
  return result;
}

}  // namespace

app::Item section_3_2_8_item() {
  return {
      "section-3.2.8",
      "Mini-batch SGD (3.32) on least squares: the gradient is the sum (3.30), B = all is "
      "one GD step, small batches reach the normal-equation solution in fewer epochs",
      "Aggarwal §3.2.8, Eqs. 3.27-3.32",
      {Param::integer("n", "1024", Provenance::companion, "data points", Interval::closed(1, 1e5)),
       Param::integer("d", "5", Provenance::companion, "weights", Interval::closed(1, 50)),
       Param::number("noise", "0.1", Provenance::companion, "noise sigma of y",
                     Interval::closed(0, 1e3)),
       Param::number("eta", "0.01", Provenance::companion,
                     "alpha |B|: the step of the batch's averaged gradient",
                     Interval{0, 1, true, false}),
       Param::vector("batch_sizes", "1,32,256,1024", Provenance::companion,
                     "batch sizes |B| (the book: 32, 64, 128 or 256 are common)", 1, 10,
                     Interval::closed(1, 1e5)),
       Param::integer("epochs", "50", Provenance::companion, "passes over the data",
                      Interval::closed(1, 1e4)),
       Param::integer("seed", "7", Provenance::companion, "seed of the data and the shuffles",
                      Interval::closed(0, 1e9))},
      minibatch_sgd,
      /*errata=*/common::errata({"aggarwal-3-32"})};
}

}  // namespace descent::chapters::aggarwal03
