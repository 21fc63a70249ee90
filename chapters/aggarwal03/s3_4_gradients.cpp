/// \file
/// Aggarwal §3.4: vanishing and exploding gradients over depth (Figure 3.8, Eq. 3.38), the
/// activation derivatives of Figure 3.10, and dying ReLUs, leaky ReLU and maxout (§3.4.3).

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "aggarwal03/budget.hpp"
#include "aggarwal03/diagrams.hpp"
#include "aggarwal03/graph_figures.hpp"
#include "aggarwal03/outcome.hpp"
#include "aggarwal03/sections.hpp"
#include "common/errata.hpp"
#include "descent/core/error.hpp"
#include "descent/core/linalg.hpp"
#include "descent/core/random.hpp"
#include "descent/nn/activation.hpp"
#include "descent/nn/init.hpp"
#include "descent/nn/layers/max_layer.hpp"
#include "descent/report/progress.hpp"

namespace descent::chapters::aggarwal03 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The median of v, or NaN when v is empty (every chain has died).
double median(std::vector<double> v) {
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

//! [figure-3.8-chain]
// One chain of Figure 3.8: x = h_0 ~ N(0, 1), h_t = Φ(a_t), a_t = w_t h_{t−1}, w_t ~ N(0, 1)
// (the fan-in is 1). Calls layer(w_t, h_t, w_t Φ'(a_t)) for t = 1..depth: by Eq. 3.38,
// ∂L/∂h_{t−1} = w_t Φ'(a_t) ∂L/∂h_t. Returns x.
template <class Layer>
double walk_chain(nn::Activation phi, std::size_t depth, Rng& rng, Layer&& layer) {
  const double x = rng.normal();
  double h = x;
  for (std::size_t t = 0; t < depth; ++t) {
    const double w = rng.normal();
    const double a = w * h;
    h = nn::activate(phi, a);
    layer(w, h, w * nn::derivative(phi, a));
  }
  return x;
}

// The gradient at the input is the top gradient times Π_t w_t Φ'(a_t): log10 |Π| after each
// layer (−inf once a ReLU dies).
std::vector<double> chain_profile(nn::Activation phi, std::size_t depth, Rng& rng) {
  std::vector<double> profile;
  double log_ratio = 0;
  walk_chain(phi, depth, rng, [&](double, double, double factor) {
    log_ratio += std::log10(std::fabs(factor));
    profile.push_back(log_ratio);
  });
  return profile;
}
//! [figure-3.8-chain]

// The diagram of Figure 3.8: the first sigmoid chain panel (a) draws (the same seed), with
// ∂L/∂h_t by Eq. 3.38 from ∂L/∂o = 1.
std::string chain_diagram(const Params& p) {
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  std::vector<double> h{0.0}, w, factors;  // h[0], the input x, is known at the end
  h[0] = walk_chain(nn::Activation::sigmoid, std::size_t(p.integer("depth")), rng,
                    [&](double w_t, double h_t, double factor) {
                      w.push_back(w_t), h.push_back(h_t), factors.push_back(factor);
                    });
  std::vector<double> gradient(h.size(), 1.0);
  for (std::size_t t = factors.size(); t-- > 0;) gradient[t] = factors[t] * gradient[t + 1];
  return chain_dot(h, w, gradient, "sigmoid_chain");
}

// h W for one row h, summed in index order. Not BLAS: a deep ReLU network with σ = 1 amplifies
// the last-bit differences between OpenBLAS's kernels (which one runs depends on the CPU) into
// the eighth digit of the figure, and the figure should not depend on the machine.
matrix row_times(const matrix& h, const matrix& w) {
  matrix r = xt::zeros<double>({std::size_t{1}, w.shape(1)});
  for (std::size_t i = 0; i < w.shape(0); ++i)
    for (std::size_t j = 0; j < w.shape(1); ++j) r(0, j) += h(0, i) * w(i, j);
  return r;
}

// A width × width network of `depth` layers without biases: log10(‖g_k‖/‖g_top‖) at each
// layer k, for one draw of weights, input x ~ N(0, I) and top gradient ~ N(0, I).
std::vector<double> network_profile(nn::Activation phi, nn::Init init, double sigma,
                                    std::size_t width, std::size_t depth, Rng& rng) {
  std::vector<matrix> W;
  std::vector<matrix> a;
  matrix h = matrix::from_shape({1, width});
  for (auto& x : h) x = rng.normal();
  for (std::size_t k = 0; k < depth; ++k) {
    W.push_back(nn::initialize(init, width, width, rng, sigma));
    a.push_back(row_times(h, W.back()));
    nn::activate(phi, a.back(), h);
  }
  matrix g = matrix::from_shape({1, width});
  for (auto& x : g) x = rng.normal();
  // ‖m‖; scaled by the largest entry when the plain sum of squares would overflow or
  // underflow, as in deep ReLU networks with σ = 1 (‖g‖ of 1e200) or narrow sigmoid ones.
  auto norm = [](const matrix& m) {
    const double plain = std::sqrt(xt::sum(m * m)());
    if (plain > 1e-150 && plain < 1e150) return plain;
    const double largest = xt::amax(xt::abs(m))();
    return largest == 0 ? 0.0 : largest * std::sqrt(xt::sum(xt::square(m / largest))());
  };
  const double top = norm(g);
  std::vector<double> profile(depth + 1);
  profile[depth] = 0;
  for (std::size_t k = depth; k-- > 0;) {
    for (std::size_t j = 0; j < width; ++j) g(0, j) *= nn::derivative(phi, a[k](0, j));
    g = row_times(g, matrix(xt::transpose(W[k])));  // g_{k} = W (Φ' ⊙ g_{k+1})
    profile[k] = std::log10(norm(g) / top);
  }
  return profile;
}

// The progress line of a long run (drawn on a terminal only), in units of work done.
class Work {
 public:
  Work(std::string label, double total) : line_(std::move(label), std::size_t(total)) {}
  void advance(std::size_t units) { line_.update(done_ += units); }

 private:
  report::Progress line_;
  std::size_t done_ = 0;
};

// Panel (a): the median of log10 |Π_t w_t Φ'(a_t)| over random chains, layer by layer, over
// the chains still alive (a dead ReLU passes no gradient: log10 0 = −inf). Says in the status
// where every chain of an activation is dead, and leaves the median NaN (undefined) there.
void chain_panel(const Params& p, Result& result, Work& progress) {
  const auto depth = static_cast<std::size_t>(p.integer("depth"));
  const auto chains = static_cast<std::size_t>(p.integer("chains"));
  auto& chain_table = result.table("chain", {"activation", "median log10 ratio after r layers",
                                             "fraction of dead chains", "bound r log10 0.25"});
  auto& chain_series = result.add_series("chain", {"layer", "sigmoid", "tanh", "relu"});
  std::vector<std::vector<double>> medians;  // per activation, per layer
  for (auto phi : {nn::Activation::sigmoid, nn::Activation::tanh, nn::Activation::relu}) {
    const std::string name = nn::to_string(phi);
    Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
    std::vector<std::vector<double>> layers(depth);
    std::size_t dead = 0;
    for (std::size_t c = 0; c < chains; ++c) {
      const auto prof = chain_profile(phi, depth, rng);
      progress.advance(depth);
      if (!std::isfinite(prof.back())) ++dead;
      for (std::size_t t = 0; t < depth; ++t)
        if (std::isfinite(prof[t])) layers[t].push_back(prof[t]);
    }
    std::vector<double> m(depth);
    for (std::size_t t = 0; t < depth; ++t) m[t] = median(std::move(layers[t]));
    const double med = m[depth - 1];
    chain_table.add({name, med, double(dead) / double(chains), double(depth) * std::log10(0.25)});
    result.value("chain_median_" + name, med);
    result.value("chain_dead_" + name, double(dead) / double(chains));
    if (std::isnan(med)) {
      const auto first = std::size_t(
          std::find_if(m.begin(), m.end(), [](double x) { return std::isnan(x); }) - m.begin());
      const std::string why = "no chain is alive from layer " + std::to_string(first + 1) + " on";
      result.status += (result.status.empty() ? "" : "; ") + name + ": all " +
                       std::to_string(chains) + " chains dead by layer " +
                       std::to_string(first + 1) + ", no median from there on (NaN)";
      result.allow_non_finite("chain:" + name, why);
      result.allow_non_finite("chain:median log10 ratio after r layers", why);
      result.allow_non_finite("values:chain_median_" + name, why);
    }
    medians.push_back(std::move(m));
  }
  for (std::size_t t = 0; t < depth; ++t)
    chain_series.add({double(t + 1), medians[0][t], medians[1][t], medians[2][t]});
}

struct NetworkConfig {
  const char* name;    // the series column and the values' key
  const char* legend;  // the legend entry, in words (§3.3.3's initializations, r the fan-in)
  nn::Activation phi;
  nn::Init init;
  double sigma;
};
const NetworkConfig network_configs[] = {
    {"sigmoid_fan_in", "sigmoid, σ = √(1/r)", nn::Activation::sigmoid, nn::Init::fan_in_gaussian,
     0},
    {"tanh_fan_in", "tanh, σ = √(1/r)", nn::Activation::tanh, nn::Init::fan_in_gaussian, 0},
    {"relu_fan_in", "ReLU, σ = √(1/r)", nn::Activation::relu, nn::Init::fan_in_gaussian, 0},
    {"relu_he", "ReLU, He: σ = √(2/r)", nn::Activation::relu, nn::Init::he, 0},
    {"tanh_std1", "tanh, σ = 1", nn::Activation::tanh, nn::Init::gaussian_constant, 1},
    {"relu_std1", "ReLU, σ = 1", nn::Activation::relu, nn::Init::gaussian_constant, 1}};

// Panel (b): log10 ‖g_k‖/‖g_top‖ in width × width networks, the mean over the networks a
// gradient passes through. A narrow network can die whole (every unit of a layer a ReLU at
// a ≤ 0 or a saturated tanh, so g = 0 below it): such a network is left out of the mean, and
// the status says so.
void network_panel(const Params& p, Result& result, Work& progress) {
  const auto width = static_cast<std::size_t>(p.integer("width"));
  const auto net_depth = static_cast<std::size_t>(p.integer("network_depth"));
  const auto seeds = static_cast<std::size_t>(p.integer("seeds"));
  std::vector<std::string> cols{"layer"};
  for (const auto& c : network_configs) cols.push_back(c.name);
  auto& net_series = result.add_series("network", cols);
  auto& net_table = result.table(
      "network", {"activation, init", "mean log10 |g_input|/|g_top|", "sd over seeds"});
  std::vector<std::vector<double>> mean_profiles;
  for (const auto& c : network_configs) {
    Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
    std::vector<std::vector<double>> alive;
    for (std::size_t s = 0; s < seeds; ++s) {
      auto prof = network_profile(c.phi, c.init, c.sigma, width, net_depth, rng);
      progress.advance(net_depth * width * width);
      if (std::all_of(prof.begin(), prof.end(), [](double x) { return std::isfinite(x); }))
        alive.push_back(std::move(prof));
    }
    std::vector<double> mean(net_depth + 1, alive.empty() ? kNaN : 0.0);
    for (const auto& prof : alive)
      for (std::size_t k = 0; k <= net_depth; ++k) mean[k] += prof[k] / double(alive.size());
    double var = 0;
    for (const auto& prof : alive) var += (prof[0] - mean[0]) * (prof[0] - mean[0]);
    const double sd = alive.size() > 1 ? std::sqrt(var / double(alive.size() - 1))
                      : alive.empty()  ? kNaN
                                       : 0.0;
    net_table.add({std::string(c.name), mean[0], sd});
    result.value(std::string("network_mean_") + c.name, mean[0]);
    result.value(std::string("network_sd_") + c.name, sd);
    mean_profiles.push_back(mean);
    if (alive.size() == seeds) continue;
    result.status +=
        (result.status.empty() ? "" : "; ") + std::string(c.name) + ": " +
        std::to_string(seeds - alive.size()) + " of " + std::to_string(seeds) +
        " networks pass no gradient to the input (every unit of a layer passes 0), left out";
    if (!alive.empty()) continue;
    const std::string why = "every network of this kind passes no gradient to the input";
    result.allow_non_finite(std::string("network:") + c.name, why);
    result.allow_non_finite("network:mean log10 |g_input|/|g_top|", why);
    result.allow_non_finite("network:sd over seeds", why);
    result.allow_non_finite(std::string("values:network_mean_") + c.name, why);
    result.allow_non_finite(std::string("values:network_sd_") + c.name, why);
  }
  for (std::size_t k = 0; k <= net_depth; ++k) {
    std::vector<double> row{double(k)};
    for (const auto& m : mean_profiles) row.push_back(m[k]);
    net_series.add(row);
  }
}

// Chain steps (chains × depth, one normal draw and a log each, about 0.1 µs, 8 bytes kept)
// and network weights (seeds × network_depth × width², a draw and two products each, about
// 0.2 µs over the six networks, 8 bytes kept) that one run affords.
constexpr double kChainSteps = 2e7;
constexpr double kNetworkWeights = 5e7;

Result figure_3_8(const Params& p) {
  const double depth = double(p.integer("depth")), width = double(p.integer("width"));
  require_at_most("chains x depth", double(p.integer("chains")) * depth, kChainSteps);
  require_at_most("seeds x network_depth x width^2",
                  double(p.integer("seeds")) * double(p.integer("network_depth")) * width * width,
                  kNetworkWeights);
  const double chain_steps = 3 * double(p.integer("chains")) * depth;
  const double weights =
      6 * double(p.integer("seeds")) * double(p.integer("network_depth")) * width * width;
  Work progress("figure-3.8", chain_steps + weights);
  Result result;
  chain_panel(p, result, progress);
  network_panel(p, result, progress);
  result.value("bound_0.25^r", std::pow(0.25, depth));

  result.figures.push_back(report::Figure{
      "figure-3.8",
      "Figure 3.8: a chain of " + short_number(depth) +
          " one-node sigmoid layers, weights drawn from N(0, 1); backpropagation multiplies "
          "∂L/∂h by w Φ′ at every layer (Eq. 3.38)",
      {},
      "The first chain of the sample the curves below summarize (seed " +
          std::to_string(p.integer("seed")) +
          "), drawn by Graphviz with its values h and "
          "derivatives ∂L/∂h from ∂L/∂o = 1; Φ′ ≤ 0.25 for the sigmoid.",
      chain_diagram(p)});
  report::Figure fig{"figure-3.8-ratios",
                     "Vanishing and exploding gradients over depth: chains of one-node layers "
                     "(a) and deep networks (b)",
                     {},
                     "Panel (a) draws the median of log₁₀ |∂L/∂x| / |∂L/∂o| over random N(0, 1) "
                     "chains like the one above, panel (b) the same ratio in width-" +
                         short_number(width) + " networks (companion settings, not in the book)."};
  report::Panel a;
  a.title = "(a) chain of one-node layers, w ~ N(0,1)";
  a.xlabel = "layers r";
  a.ylabel = "median log₁₀ gradient ratio";
  for (const char* s : {"sigmoid", "tanh", "relu"})
    a.layers.push_back({"chain", "layer", s, report::Layer::Style::linespoints,
                        std::string(s) == "relu" ? "ReLU" : s});
  report::Panel b;
  b.title = "(b) width-" + short_number(width) + " networks: log₁₀ ‖g_k‖ / ‖g_{top}‖";
  b.markup = true;  // the subscripts k and top
  b.xlabel = "layer k (0 = input)";
  b.ylabel = "mean log₁₀ gradient ratio";
  for (const auto& c : network_configs)
    b.layers.push_back({"network", "layer", c.name, report::Layer::Style::lines, c.legend});
  fig.panels = {a, b};
  result.figures.push_back(fig);
  return result;
}

app::Item figure_3_8_item() {
  return {"figure-3.8",
          "Vanishing and exploding gradients: chains of one-node layers and deep networks",
          "Aggarwal §3.4, Figure 3.8, Eq. 3.38",
          {Param::integer("depth", "10", Provenance::book,
                          "layers r of the chain (book: 10; chains x depth <= 2e7)",
                          Interval::closed(1, 100)),
           Param::integer("chains", "20000", Provenance::companion, "random chains",
                          Interval::closed(10, 10000000)),
           Param::integer("width", "100", Provenance::companion,
                          "units per layer (b; seeds x network_depth x width^2 <= 5e7)",
                          Interval::closed(1, 1000)),
           Param::integer("network_depth", "20", Provenance::companion, "layers (b)",
                          Interval::closed(1, 200)),
           Param::integer("seeds", "8", Provenance::companion, "networks averaged (b)",
                          Interval::closed(1, 1000)),
           Param::integer("seed", "38", Provenance::companion, "seed", Interval::at_least(0))},
          figure_3_8,
          /*errata=*/common::errata({"aggarwal-3-4-magnitude", "aggarwal-3-38"})};
}

// Samples of the curves: far more than a plot resolves, and 10 MB of JSON.
constexpr double kMostIntervals = 1e5;

Result figure_3_10(const Params& p) {
  const double lo = p.number("from"), hi = p.number("to"), step = p.number("step");
  if (!(hi > lo)) throw invalid_argument("to must exceed from; allowed: from < to");
  const double intervals = std::floor((hi - lo) / step + 1e-9);  // inf when to - from is
  require_at_most("(to - from) / step", intervals, kMostIntervals);
  Result result;
  auto& s = result.add_series("derivatives", {"v", "sigmoid", "tanh", "relu", "hard_tanh"});
  const auto n = static_cast<std::size_t>(intervals);
  for (std::size_t i = 0; i <= n; ++i) {
    const double v = lo + step * double(i);
    s.add({v, nn::derivative(nn::Activation::sigmoid, v), nn::derivative(nn::Activation::tanh, v),
           nn::derivative(nn::Activation::relu, v), nn::derivative(nn::Activation::hard_tanh, v)});
  }
  auto& t = result.table("values", {"v", "sigmoid'", "tanh'", "ReLU'", "hard tanh'"});
  for (double v : {-5.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 5.0})
    t.add({v, nn::derivative(nn::Activation::sigmoid, v), nn::derivative(nn::Activation::tanh, v),
           nn::derivative(nn::Activation::relu, v), nn::derivative(nn::Activation::hard_tanh, v)});
  double top = 0;
  for (const auto& row : s.rows) top = std::max(top, row[1]);
  result.value("max_sigmoid_derivative", top);
  result.value("tanh_derivative_at_0", nn::derivative(nn::Activation::tanh, 0));
  report::Figure fig{"figure-3.10",
                     "Figure 3.10: derivatives of the activation functions",
                     {},
                     "Kinks: ReLU'(0) = 0 and hard tanh' = 0 at +-1 (PyTorch's convention)."};
  const char* titles[] = {"(a) sigmoid", "(b) tanh", "(c) ReLU", "(d) hard tanh"};
  const char* cols[] = {"sigmoid", "tanh", "relu", "hard_tanh"};
  for (int k = 0; k < 4; ++k) {
    report::Panel panel;
    panel.title = titles[k];
    panel.xlabel = "v";
    panel.ylabel = "derivative";
    panel.yrange = {-0.1, 1.1};
    panel.layers = {{"derivatives", "v", cols[k], report::Layer::Style::lines, ""}};
    fig.panels.push_back(panel);
  }
  result.figures.push_back(fig);
  return result;
}

app::Item figure_3_10_item() {
  return {
      "figure-3.10",
      "The derivatives of sigmoid, tanh, ReLU and hard tanh",
      "Aggarwal §3.4.2, Figure 3.10",
      {Param::number("from", "-6", Provenance::companion, "left end of v"),
       Param::number("to", "6", Provenance::companion, "right end of v"),
       Param::number("step", "0.01", Provenance::companion, "spacing", Interval::closed(1e-4, 1))},
      figure_3_10};
}

//! [dying-relu]
// Gradient descent on one unit h = Φ(w x + b) with loss Σ ½(h − y)² (a plain loop: the
// optimizers of descent::optim are not needed for one scalar pair).
struct Unit {
  double w, b;
  long diverged_at = 0;  ///< the step after which w or b was not finite (0: never)
};
Unit descend(Unit u, nn::Activation phi, double alpha, double lr, long steps) {
  const double xs[] = {1, 2, 3};
  for (long s = 0; s < steps && u.diverged_at == 0; ++s) {
    double gw = 0, gb = 0;
    for (double x : xs) {
      const double a = u.w * x + u.b;
      const double delta = (nn::activate(phi, a, alpha) - 2 * x) * nn::derivative(phi, a, alpha);
      gw += delta * x;
      gb += delta;
    }
    u.w -= lr * gw;
    u.b -= lr * gb;
    if (!std::isfinite(u.w) || !std::isfinite(u.b)) u.diverged_at = s + 1;
  }
  return u;
}
//! [dying-relu]

Result dying_relu(const Params& p) {
  const Unit start{p.number("w0"), p.number("b0")};
  const double alpha = p.number("alpha");
  Result result;
  auto& t = result.table("runs", {"run", "w", "b", "active points (a > 0)"});
  auto active = [](Unit u) {
    int n = 0;
    for (double x : {1.0, 2.0, 3.0}) n += (u.w * x + u.b > 0);
    return double(n);
  };
  const Unit jumped = descend(start, nn::Activation::relu, alpha, p.number("big_lr"), 1);
  const Unit stuck = descend(jumped, nn::Activation::relu, alpha, 0.01, 1000);
  const Unit modest = descend(start, nn::Activation::relu, alpha, 0.05, 1000);
  const Unit leaky = descend(jumped, nn::Activation::leaky_relu, alpha, 0.01, 2000);
  const Unit leaky_long = descend(jumped, nn::Activation::leaky_relu, alpha, 0.01, 20000);
  struct Row {
    std::string label;
    Unit u;
    bool from_jumped;  // continues from the point the large step reached
  };
  const Row rows[] = {{"ReLU, one step at the large rate", jumped, false},
                      {"ReLU, then 1000 steps at 0.01: dead", stuck, true},
                      {"ReLU, 1000 steps at 0.05 from the start", modest, false},
                      {"leaky ReLU from the dead point, 2000 steps at 0.01", leaky, true},
                      {"leaky ReLU, 20000 steps", leaky_long, true}};
  for (const auto& [label, u, from_jumped] : rows) {
    t.add({label, u.w, u.b, active(u)});
    if (u.diverged_at == 0 || (from_jumped && jumped.diverged_at > 0)) continue;  // said once
    add_status(result, label + ": diverged at step " + std::to_string(u.diverged_at) +
                           ": w = " + short_number(u.w) + ", b = " + short_number(u.b));
  }
  result.value("jumped_w", jumped.w);
  result.value("jumped_b", jumped.b);
  result.value("stuck_w", stuck.w);
  result.value("stuck_b", stuck.b);
  result.value("modest_w", modest.w);
  result.value("modest_b", modest.b);
  result.value("leaky_w", leaky.w);
  result.value("leaky_b", leaky.b);
  result.value("leaky_long_w", leaky_long.w);
  result.value("leaky_long_b", leaky_long.b);

  // Maxout (§3.4.3.2) contains both: W2 = 0 gives ReLU, W2 = α W1 leaky ReLU.
  const matrix x{{2, 3}};
  const matrix w1{{0.5}, {-1.0}};
  nn::Maxout relu_like, leaky_like;
  relu_like.W = {w1, matrix{{0.0}, {0.0}}};
  relu_like.b = {vector{0.0}, vector{0.0}};
  leaky_like.W = {w1, alpha * w1};
  leaky_like.b = {vector{0.0}, vector{0.0}};
  auto& m = result.table("maxout", {"pieces", "h(X)", "equals"});
  const double r = relu_like.forward(x)(0, 0), l = leaky_like.forward(x)(0, 0);
  m.add({std::string("max(W1 X, 0)"), r, std::string("ReLU(W1 X)")});
  m.add({std::string("max(W1 X, alpha W1 X)"), l, std::string("leaky ReLU(W1 X)")});
  result.value("maxout_relu", r);
  result.value("maxout_leaky", l);
  return result;
}

app::Item dying_relu_item() {
  return {"section-3.4.3",
          "Dying ReLU after one large step, recovery with leaky ReLU, and maxout",
          "Aggarwal §3.4.3, Eq. 3.39, §3.4.3.2",
          {Param::number("w0", "3", Provenance::companion, "starting weight"),
           Param::number("b0", "0", Provenance::companion, "starting bias"),
           Param::number("big_lr", "0.5", Provenance::companion, "the large learning rate",
                         Interval::greater_than(0)),
           Param::number("alpha", "0.01", Provenance::companion, "leaky ReLU slope",
                         Interval::open(0, 1))},
          dying_relu};
}

}  // namespace

void add_section_3_4(app::Chapter& chapter) {
  chapter.add(figure_3_8_item());
  chapter.add(figure_3_10_item());
  chapter.add(dying_relu_item());
}

}  // namespace descent::chapters::aggarwal03
