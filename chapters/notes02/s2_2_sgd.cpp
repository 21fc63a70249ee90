/// \file
/// Notes §2.2, Algorithm 1: stochastic gradient descent on the companion's eight-point
/// regression, run against full-batch GD with the same η; the noise ball it hovers in with a
/// constant η (the algorithm's "Ensure: a local minimum" is not what happens); the two usual
/// epochs (N draws with replacement, or one shuffled pass) against the notes' "every point
/// sampled at least once"; and Exercise 2.3, the sampled gradient is unbiased.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include "common/errata.hpp"
#include "common/grid.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "notes02/regression.hpp"
#include "notes02/sections.hpp"

namespace descent::chapters::notes02 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;
using Point = std::array<double, 2>;

/// How an epoch draws its indices.
enum class EpochMode { replacement, shuffle };
constexpr app::Names<EpochMode, 2> epoch_modes{
    {{"replacement", EpochMode::replacement}, {"shuffle", EpochMode::shuffle}}};

// The index I of each step, from one stream: std::mt19937(seed), which is numpy's legacy
// RandomState(seed). With replacement (Algorithm 1's "re-injection") I = gen() % N:
// NumpyRandomState::choice(8) keeps the low 3 bits of one output, which is gen() % 8 and
// unbiased since 8 divides 2^32. Shuffled, each pass is a fresh permutation of 0..N−1 by
// Fisher–Yates from the top, drawn as numpy's RandomState.permutation(N) draws it.
class IndexStream {
 public:
  IndexStream(std::uint32_t seed, EpochMode mode, std::size_t n)
      : rs_(seed), mode_(mode), order_(n), pos_(n) {}
  std::size_t next() {
    if (mode_ == EpochMode::replacement) return rs_.choice(order_.size());
    if (pos_ == order_.size()) {  // a new pass
      std::iota(order_.begin(), order_.end(), std::size_t{0});
      for (std::size_t i = order_.size() - 1; i > 0; --i)
        std::swap(order_[i], order_[rs_.choice(i + 1)]);
      pos_ = 0;
    }
    return order_[pos_++];
  }

 private:
  NumpyRandomState rs_;
  EpochMode mode_;
  std::vector<std::size_t> order_;
  std::size_t pos_;
};

// L_N(θ) = Σᵢ ½(θ₀ + θ₁xᵢ − yᵢ)² on the regression data, in plain doubles for the long runs.
struct LeastSquares {
  Regression data;
  double n = static_cast<double>(data.size());
  double h00 = 0, h01 = 0, h11 = 0;  // H = ∇²L_N = Σᵢ aᵢaᵢᵀ with aᵢ = (1, xᵢ)
  Point theta_hat{};  // the normal equations Hθ̂ = Σᵢ yᵢaᵢ, by Cramer's rule

  LeastSquares() {
    double b0 = 0, b1 = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
      h00 += 1;
      h01 += data.x[i];
      h11 += data.x[i] * data.x[i];
      b0 += data.y[i];
      b1 += data.y[i] * data.x[i];
    }
    const double det = h00 * h11 - h01 * h01;
    theta_hat = {(h11 * b0 - h01 * b1) / det, (h00 * b1 - h01 * b0) / det};
  }
  // The smaller eigenvalue of H: 1/(ηλ_min) steps is the slowest relaxation time near θ̂.
  [[nodiscard]] double lambda_min() const {
    return 0.5 * (h00 + h11) - std::hypot(0.5 * (h00 - h11), h01);
  }
  [[nodiscard]] double residual(const Point& t, std::size_t i) const {
    return t[0] + t[1] * data.x[i] - data.y[i];
  }
  [[nodiscard]] double loss(const Point& t) const {
    double s = 0;
    for (std::size_t i = 0; i < data.size(); ++i) s += 0.5 * residual(t, i) * residual(t, i);
    return s;
  }
  // L_N(θ) − L_N(θ̂) = ½ eᵀHe with e = θ − θ̂ (exact for a quadratic; no cancellation).
  [[nodiscard]] double excess(const Point& t) const {
    const double e0 = t[0] - theta_hat[0], e1 = t[1] - theta_hat[1];
    return 0.5 * (h00 * e0 * e0 + 2 * h01 * e0 * e1 + h11 * e1 * e1);
  }
  [[nodiscard]] double distance2(const Point& t) const {
    const double e0 = t[0] - theta_hat[0], e1 = t[1] - theta_hat[1];
    return e0 * e0 + e1 * e1;
  }
  // Algorithm 1's step θ ← θ − η∇l_I(θ), with ∇l_I = N∇L_I (2.5).
  void sgd_step(Point& t, std::size_t i, double eta) const {
    const double s = eta * n * residual(t, i);
    t[0] -= s;
    t[1] -= s * data.x[i];
  }
  // Full-batch GD θ ← θ − η∇L_N(θ), ∇L_N = Σᵢ rᵢaᵢ.
  void gd_step(Point& t, double eta) const {
    double g0 = 0, g1 = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
      const double r = residual(t, i);
      g0 += r;
      g1 += r * data.x[i];
    }
    t[0] -= eta * g0;
    t[1] -= eta * g1;
  }
};

// The stationary second moment M = E[(θ − θ̂)(θ − θ̂)ᵀ] of SGD with replacement and a constant
// η: with e = θ − θ̂, one step is e ← Pᵢe − ηcᵢ, Pᵢ = I − ηN aᵢaᵢᵀ, cᵢ = N rᵢ(θ̂) aᵢ. Since
// E cᵢ = ∇L_N(θ̂) = 0 the stationary mean is 0 and the cross terms vanish, so
// M = (1/N) Σᵢ Pᵢ M Pᵢᵀ + η²(1/N) Σᵢ cᵢcᵢᵀ: three linear equations in M₀₀, M₀₁, M₁₁.
// With Aᵢ = aᵢaᵢᵀ, M − Pᵢ M Pᵢᵀ = ηN(AᵢM + MAᵢ) − η²N² AᵢMAᵢ; divided by η (so that neither
// side cancels or underflows for a small η) the equations read
// (1/N) Σᵢ [N(AᵢM + MAᵢ) − ηN² AᵢMAᵢ] = η (1/N) Σᵢ cᵢcᵢᵀ.
struct Stationary {
  double radius;  // √E‖θ − θ̂‖² = √tr M
  double excess;  // E[L_N(θ) − L_N(θ̂)] = ½ tr(HM)
};
Stationary stationary_with_replacement(const LeastSquares& ls, double eta) {
  const double n = ls.n;
  // the left side applied to the symmetric M = (m0, m1; m1, m2), packed as (m0, m1, m2)
  auto apply = [&](const std::array<double, 3>& m) {
    std::array<double, 3> out{};
    for (const double x : ls.data.x) {
      const double a0 = 1, a1 = x;
      const double u0 = m[0] * a0 + m[1] * a1, u1 = m[1] * a0 + m[2] * a1;  // u = Ma
      const double q = a0 * u0 + a1 * u1;                                   // aᵀMa
      // AM + MA = a uᵀ + u aᵀ; AMA = (aᵀMa) a aᵀ
      out[0] += (n * (2 * a0 * u0) - eta * n * n * q * a0 * a0) / n;
      out[1] += (n * (a0 * u1 + u0 * a1) - eta * n * n * q * a0 * a1) / n;
      out[2] += (n * (2 * a1 * u1) - eta * n * n * q * a1 * a1) / n;
    }
    return out;
  };
  matrix L = xt::zeros<double>({3, 3});
  for (std::size_t k = 0; k < 3; ++k) {
    std::array<double, 3> basis{};
    basis[k] = 1;
    const auto column = apply(basis);
    for (std::size_t r = 0; r < 3; ++r) L(r, k) = column[r];
  }
  vector s = xt::zeros<double>({3});
  for (std::size_t i = 0; i < ls.data.size(); ++i) {
    const double c = n * ls.residual(ls.theta_hat, i), c0 = c, c1 = c * ls.data.x[i];
    s(0) += eta * c0 * c0 / n;
    s(1) += eta * c0 * c1 / n;
    s(2) += eta * c1 * c1 / n;
  }
  const vector m = solve(L, s);
  return {std::sqrt(m(0) + m(2)), 0.5 * (ls.h00 * m(0) + 2 * ls.h01 * m(1) + ls.h11 * m(2))};
}

// √(mean of ‖θₖ − θ̂‖² over the second half of a run, k > T/2): the radius of the noise ball
// SGD hovers in, measured as a time average (the first half lets it forget θ₀).
double ball_radius(const LeastSquares& ls, double eta, EpochMode mode, std::uint32_t seed,
                   long steps, Point theta) {
  IndexStream stream(seed, mode, ls.data.size());
  double sum = 0;
  long count = 0;
  for (long k = 1; k <= steps; ++k) {
    ls.sgd_step(theta, stream.next(), eta);
    if (k > steps / 2) {
      sum += ls.distance2(theta);
      ++count;
    }
  }
  return std::sqrt(sum / double(count));
}

// A radius averaged over the last `averaged` of its steps is stationary only if the run has
// forgotten θ₀ by then: ask for at least 10 relaxation times 1/(ηλ_min) in each half.
void note_if_not_stationary(Result& result, const LeastSquares& ls, const std::string& what,
                            double eta, long averaged) {
  const double relaxation = 1 / (eta * ls.lambda_min());
  if (double(averaged) >= 10 * relaxation) return;
  result.status +=
      (result.status.empty() ? "" : "; ") + what + " at eta = " + short_number(eta) +
      ": its half of " + std::to_string(averaged) +
      " steps is under 10 relaxation times 1/(eta lambda_min) = " + short_number(relaxation) +
      ", so its radius is not yet stationary";
}

// A slope for a title, with two decimals.
std::string fixed(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", x);
  return buffer;
}

// The least-squares slope of log y against log x.
double loglog_slope(const std::vector<double>& x, const std::vector<double>& y) {
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += std::log(x[i]) / double(x.size());
    my += std::log(y[i]) / double(x.size());
  }
  double sxy = 0, sxx = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (std::log(x[i]) - mx) * (std::log(y[i]) - my);
    sxx += (std::log(x[i]) - mx) * (std::log(x[i]) - mx);
  }
  return sxy / sxx;
}

// Exercise 2.3: K indices from the stream, the mean of ∇l_I at θ against ∇L_N(θ).
void unbiasedness(Result& result, const Params& p, std::uint32_t seed) {
  const Regression data;
  const auto theta = descent::to_vector(p.vector("theta"));
  const auto full = data.full_gradient(theta);  // ∇L_N = Σ ∇L_i
  IndexStream stream(seed, EpochMode::replacement, data.size());
  const long draws = p.integer("draws");
  vector mean = xt::zeros<double>({2}), sq = xt::zeros<double>({2}), g;
  for (long k = 0; k < draws; ++k) {
    data.scaled_sample_gradient(theta, stream.next(), g);  // I uniform, with re-injection
    mean += g;
    sq += g * g;
  }
  mean /= double(draws);
  auto& table =
      result.table("estimator", {"coordinate", "grad L_N", "mean of grad l_I", "3 sigma/sqrt(K)"});
  for (std::size_t j = 0; j < 2; ++j) {
    const double sd = std::sqrt(sq(j) / double(draws) - mean(j) * mean(j));
    table.add({double(j), full(j), mean(j), 3 * sd / std::sqrt(double(draws))});
    result.value("full_" + std::to_string(j), full(j));
    result.value("mean_" + std::to_string(j), mean(j));
    result.value("band_" + std::to_string(j), 3 * sd / std::sqrt(double(draws)));
  }
}

// The notes' epoch, "once all training points have been sampled at least once": the draws of
// each such epoch in the first `steps` indices of the stream (the last, incomplete one dropped).
std::vector<long> coverage_epochs(std::uint32_t seed, EpochMode mode, std::size_t n, long steps) {
  IndexStream stream(seed, mode, n);
  std::vector<long> lengths;
  std::vector<bool> seen(n, false);
  std::size_t distinct = 0;
  long start = 0;
  for (long k = 1; k <= steps; ++k) {
    const auto i = stream.next();
    if (!seen[i]) {
      seen[i] = true;
      ++distinct;
    }
    if (distinct == n) {
      lengths.push_back(k - start);
      start = k;
      distinct = 0;
      std::fill(seen.begin(), seen.end(), false);
    }
  }
  return lengths;
}

// The figure: (a) paths on the contours of L_N, (b) the noise ball, (c) the loss against the
// step, (d) the radius against η; from the series algorithm_1 recorded.
void add_figure(Result& result, const LeastSquares& ls, const Params& p, double radius,
                double stationary_excess) {
  const double eta = p.number("eta");
  const long T = p.integer("steps");
  const auto mode = p.choice("epoch_mode", epoch_modes);
  const auto box = common::box_from(p);
  common::add_grid(result, "landscape", box.x, box.y, [&](double a, double b) {
    return ls.excess({a, b});
  });
  auto& circle = result.add_series("circle", {"theta1", "theta2"});
  for (int k = 0; k <= 96; ++k) {
    const double phi = 2 * std::acos(-1.0) * k / 96;
    circle.add(
        {ls.theta_hat[0] + radius * std::cos(phi), ls.theta_hat[1] + radius * std::sin(phi)});
  }
  const std::string mode_name = mode == EpochMode::replacement ? "with replacement" : "shuffled";
  report::Panel a;
  a.title = "(a) SGD (" + mode_name + ") and GD, η = " + short_number(eta) + ", on L_N − L_N(θ̂)";
  a.xlabel = "θ₀";
  a.ylabel = "θ₁";
  a.equal_aspect = true;
  a.markup = true;  // L_N: the notes' loss over the N points, N as a subscript
  common::frame(a, box);
  report::Layer sgd_layer{"sgd", "theta1", "theta2", report::Layer::Style::lines, "SGD"};
  report::Layer gd_layer{"gd", "theta1", "theta2", report::Layer::Style::lines, "GD"};
  sgd_layer.markers = gd_layer.markers = true;
  a.layers = {common::contour_layer("landscape", report::log_levels(1e-3, 10, 2)), gd_layer,
              sgd_layer};
  const double half = std::max(0.02, 4 * radius);
  report::Panel b;
  b.title = "(b) around θ̂: the second half of the SGD run, and its RMS radius r = " +
            significant(radius, 3);
  b.xlabel = "θ₀";
  b.ylabel = "θ₁";
  b.equal_aspect = true;
  b.zoom = report::Zoom{0,
                        {ls.theta_hat[0] - half, ls.theta_hat[0] + half},
                        {ls.theta_hat[1] - half, ls.theta_hat[1] + half}};
  b.layers = {common::contour_layer("landscape", report::log_levels(1e-5, 1e-1, 2)),
              {"gd", "theta1", "theta2", report::Layer::Style::lines, "GD"},
              {"sgd_tail", "theta1", "theta2", report::Layer::Style::points, "SGD, t > T/2"},
              {"circle", "theta1", "theta2", report::Layer::Style::lines, "‖θ − θ̂‖ = r"}};
  report::Panel c;
  c.title = "(c) L_N(θ) − L_N(θ̂) against the step";
  c.xlabel = "step t";
  c.ylabel = "L_N(θ) − L_N(θ̂)";
  c.markup = true;
  c.logy = true;
  c.layers = {{"gd_excess", "t", "excess", report::Layer::Style::lines, "GD"},
              {"sgd", "t", "excess", report::Layer::Style::lines, "SGD"}};
  if (mode == EpochMode::replacement) {
    auto& level = result.add_series("stationary", {"t", "excess"});
    level.add({0, stationary_excess});
    level.add({double(T), stationary_excess});
    c.layers.push_back(
        {"stationary", "t", "excess", report::Layer::Style::lines, "SGD's stationary mean"});
  }
  report::Panel d;
  d.title = "(d) noise-ball radius against η: slope " + fixed(result.value("slope_replacement")) +
            " with replacement, " + fixed(result.value("slope_shuffle")) + " shuffled";
  d.xlabel = "log₁₀ η";
  d.ylabel = "log₁₀ r";
  d.layers = {
      {"ball", "log10_eta", "log10_replacement", report::Layer::Style::points, "with replacement"},
      {"ball", "log10_eta", "log10_predicted", report::Layer::Style::lines,
       "stationary value, with replacement"},
      {"ball", "log10_eta", "log10_shuffle", report::Layer::Style::linespoints, "shuffled passes"}};
  result.figures.push_back(
      {"algorithm-1",
       "Algorithm 1: SGD hovers in a noise ball around θ̂ where GD converges",
       {a, b, c, d},
       "The notes give no data: eight points yᵢ = 1 + 2xᵢ ± 0.1, the start θ = (0, 0), "
       "η = 0.01 and the indices of std::mt19937(5489) are the companion's. Radii are RMS "
       "distances to θ̂ over the second half of each run."});
}

//! [algorithm-1]
Result algorithm_1(const Params& p) {
  const LeastSquares ls;
  const double eta = p.number("eta");
  const long T = p.integer("steps");
  const auto seed = static_cast<std::uint32_t>(p.integer("seed"));
  const auto mode = p.choice("epoch_mode", epoch_modes);
  const auto start = p.vector("theta0");
  (void)common::box_from(p);  // refuses an empty box before the runs
  const auto etas = p.vector("ball_etas");
  if (std::all_of(etas.begin(), etas.end(), [&](double e) { return e == etas[0]; }))
    throw invalid_argument(
        "ball_etas needs two different step sizes for the slope of the radius against eta; "
        "allowed: at least two different values");
  Result result;

  // SGD (Algorithm 1) and full-batch GD from the same θ₀ with the same η.
  IndexStream stream(seed, mode, ls.data.size());
  Point sgd{start[0], start[1]}, gd = sgd;
  const long every = std::max(1L, (T + 1999) / 2000);  // at most ~2000 points per path
  auto& sgd_path = result.add_series("sgd", {"t", "theta1", "theta2", "excess"});
  auto& gd_path = result.add_series("gd", {"t", "theta1", "theta2", "excess"});
  auto& gd_curve = result.add_series("gd_excess", {"t", "excess"});
  auto& tail = result.add_series("sgd_tail", {"theta1", "theta2"});
  sgd_path.add({0, sgd[0], sgd[1], ls.excess(sgd)});
  gd_path.add({0, gd[0], gd[1], ls.excess(gd)});
  if (ls.excess(gd) > 1e-12) gd_curve.add({0, ls.excess(gd)});
  auto& table = result.table("checkpoints", {"t", "SGD theta_0", "SGD theta_1", "SGD L_N",
                                             "GD theta_0", "GD theta_1", "GD L_N"});
  const std::vector<long> checkpoints{1, 10, 100, 1000, 2000, 20000};
  double sum_d2 = 0, sum_excess = 0;
  long count = 0;
  for (long t = 1; t <= T; ++t) {
    ls.sgd_step(sgd, stream.next(), eta);
    ls.gd_step(gd, eta);
    if (t % every == 0 || t == T) {
      sgd_path.add({double(t), sgd[0], sgd[1], ls.excess(sgd)});
      gd_path.add({double(t), gd[0], gd[1], ls.excess(gd)});
      // GD's excess falls linearly to rounding level; below 1e-12 it leaves the panel.
      if (ls.excess(gd) > 1e-12) gd_curve.add({double(t), ls.excess(gd)});
    }
    if (t > T / 2) {  // the noise ball: the second half of the run
      sum_d2 += ls.distance2(sgd);
      sum_excess += ls.excess(sgd);
      ++count;
      if ((t - T / 2) % std::max(1L, (T - T / 2) / 1000) == 0) tail.add({sgd[0], sgd[1]});
    }
    if (std::find(checkpoints.begin(), checkpoints.end(), t) != checkpoints.end() || t == T) {
      table.add({double(t), sgd[0], sgd[1], ls.loss(sgd), gd[0], gd[1], ls.loss(gd)});
      const auto s = std::to_string(t);
      result.value("theta1_sgd_" + s, sgd[0]);
      result.value("theta2_sgd_" + s, sgd[1]);
      result.value("L_sgd_" + s, ls.loss(sgd));
      result.value("theta1_gd_" + s, gd[0]);
      result.value("theta2_gd_" + s, gd[1]);
    }
  }
  result.value("theta1_hat", ls.theta_hat[0]);
  result.value("theta2_hat", ls.theta_hat[1]);
  result.value("L_hat", ls.loss(ls.theta_hat));
  const double radius = std::sqrt(sum_d2 / double(count));
  result.value("radius", radius);
  note_if_not_stationary(result, ls, "the run", eta, T - T / 2);
  result.value("excess_mean", sum_excess / double(count));
  const auto predicted = stationary_with_replacement(ls, eta);
  if (mode == EpochMode::replacement) {
    result.value("radius_predicted", predicted.radius);
    result.value("excess_predicted", predicted.excess);
  }

  // Epochs: the notes' "every point sampled at least once" against N draws or one pass.
  const auto lengths = coverage_epochs(seed, mode, ls.data.size(), T);
  double harmonic = 0;
  for (std::size_t k = 1; k <= ls.data.size(); ++k) harmonic += 1.0 / double(k);
  auto& epochs = result.table("epochs", {"definition", "draws per epoch", "epochs in the run"});
  if (!lengths.empty()) {
    const double mean = std::accumulate(lengths.begin(), lengths.end(), 0.0) / lengths.size();
    epochs.add({std::string("all points drawn at least once (the notes'), mean"), mean,
                double(lengths.size())});
    result.value("coverage_first", double(lengths.front()));
    result.value("coverage_epochs", double(lengths.size()));
    result.value("coverage_mean", mean);
  }
  epochs.add({std::string(mode == EpochMode::replacement ? "N draws (with replacement)"
                                                         : "one shuffled pass"),
              ls.n, double(T / static_cast<long>(ls.data.size()))});
  result.value("coupon_expectation", ls.n * harmonic);  // E[draws to see all N] = N H_N

  // The noise ball against η, with replacement and with shuffled passes.
  auto& ball = result.table(
      "noise ball", {"eta", "radius, with replacement", "stationary value",
                     "radius, shuffled passes", "replacement r/sqrt(eta)", "shuffled r/eta"});
  auto& ball_series = result.add_series(
      "ball", {"log10_eta", "log10_replacement", "log10_predicted", "log10_shuffle"});
  std::vector<double> with, shuffled, exact;
  const long ball_steps = p.integer("ball_steps");
  for (std::size_t k = 0; k < etas.size(); ++k) {
    const double e = etas[k];
    with.push_back(
        ball_radius(ls, e, EpochMode::replacement, seed, ball_steps, {start[0], start[1]}));
    shuffled.push_back(
        ball_radius(ls, e, EpochMode::shuffle, seed, ball_steps, {start[0], start[1]}));
    exact.push_back(stationary_with_replacement(ls, e).radius);
    note_if_not_stationary(result, ls, "the noise-ball run", e, ball_steps - ball_steps / 2);
    ball.add({e, with.back(), exact.back(), shuffled.back(), with.back() / std::sqrt(e),
              shuffled.back() / e});
    ball_series.add({std::log10(e), std::log10(with.back()), std::log10(exact.back()),
                     std::log10(shuffled.back())});
    result.value("ball_replacement_" + std::to_string(k), with.back());
    result.value("ball_predicted_" + std::to_string(k), exact.back());
    result.value("ball_shuffle_" + std::to_string(k), shuffled.back());
  }
  result.value("slope_replacement", loglog_slope(etas, with));
  result.value("slope_predicted", loglog_slope(etas, exact));
  result.value("slope_shuffle", loglog_slope(etas, shuffled));

  unbiasedness(result, p, seed);  // Exercise 2.3
  add_figure(result, ls, p, radius, predicted.excess);
  return result;
}
//! [algorithm-1]

}  // namespace

app::Item algorithm_1_item() {
  return {
      "algorithm-1",
      "SGD against GD: a noise ball of radius ~sqrt(eta) (shuffled: ~eta), two epochs, and "
      "an unbiased sampled gradient (Exercise 2.3)",
      "Notes §2.2, Algorithm 1 and Exercise 2.3",
      {Param::number("eta", "0.01", Provenance::companion,
                     "step size eta; every step contracts iff eta < 2/max N(1 + x_i^2) = 1/8",
                     Interval::open(0, 0.125)),
       Param::integer("steps", "2000", Provenance::companion, "SGD and GD steps T",
                      Interval::closed(1, 1e6)),
       Param::choice("epoch_mode", EpochMode::replacement, epoch_modes, Provenance::companion,
                     "replacement: I uniform with re-injection (Algorithm 1), an epoch N draws; "
                     "shuffle: each epoch one pass over a fresh permutation"),
       Param::integer("seed", "5489", Provenance::companion,
                      "seed of std::mt19937 (numpy's legacy RandomState)",
                      Interval::closed(0, 4294967295.0)),
       Param::vector("theta0", "0,0", Provenance::companion, "starting point theta_0, theta_1", 2,
                     2, Interval::closed(-100, 100)),
       Param::vector("ball_etas", "0.00125,0.0025,0.005,0.01,0.02,0.04", Provenance::companion,
                     "step sizes of the noise-ball runs", 2, 10, Interval::open(0, 0.125)),
       Param::integer("ball_steps", "400000", Provenance::companion,
                      "steps of each noise-ball run (radius over the second half)",
                      Interval::closed(100, 1e7)),
       Param::vector("theta", "0,0", Provenance::companion,
                     "where the sampled gradients of Exercise 2.3 are taken", 2, 2,
                     Interval::closed(-1e100, 1e100)),
       Param::integer("draws", "100000", Provenance::companion, "sampled indices K (Exercise 2.3)",
                      Interval::closed(10, 1e7)),
       common::box_param("-0.7,1.9,-0.2,2.4", Provenance::companion),
       common::contour_grid_param("121", Provenance::companion)},
      algorithm_1,
      /*errata=*/common::errata({"notes-algorithm-1", "notes-epoch"})};
}

}  // namespace descent::chapters::notes02
