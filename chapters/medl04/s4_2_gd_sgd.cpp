/// \file
/// MEDL §4.2 "Optimization in the context of deep learning": gradient descent with a
/// fixed and a decaying learning rate on Rosenbrock (Figure 4.2), SGD against GD on the
/// finite sum (4.12) (Figure 4.3) and the variance of mini-batch gradients (4.13).

#include <cmath>
#include <string>

#include "common/errata.hpp"
#include "common/first_order.hpp"
#include "common/grid.hpp"
#include "descent/core/random.hpp"
#include "descent/problems/finite_sum.hpp"
#include "descent/problems/rosenbrock.hpp"
#include "medl04/sections.hpp"

namespace descent::chapters::medl04 {

namespace {

using app::Param;
using app::Params;
using app::Provenance;
using report::Result;

// --- figure-4.2 ---------------------------------------------------------------------

//! [figure-4.2]
Result figure_4_2(const Params& p) {
  const problems::Rosenbrock C;
  const auto x0 = descent::to_vector(p.vector("x0"));
  const auto alphas = p.vector("alphas");
  const auto iterations = static_cast<int>(p.integer("iterations"));
  const auto record_every = static_cast<int>(p.integer("record_every"));
  // Every run keeps every record_every-th iterate for the figure: bound what they all keep.
  common::require_affordable(2.0 * double(alphas.size()) * (iterations / record_every + 3),
                             "2 x alphas x iterations / record_every", "raise record_every");
  Result result;
  result.status = "none of the runs reaches the minimizer (1, 1)";
  auto& table = result.table("checkpoints", common::checkpoint_columns());
  std::vector<std::vector<report::Cell>> ends;  // added after the loop: tables may move
  report::Figure figure{"figure-4.2",
                        "Figure 4.2: gradient descent on Rosenbrock, (a) fixed α, (b) "
                        "α·0.99ᵗ",
                        {},
                        "Contour levels eᵏ, k = −15, −14.5, …, 6.5 (the authors use steps of "
                        "0.2); the paths are every 100th iterate."};
  const auto box = common::box_from(p);
  common::add_grid(result, "landscape", C, box.x, box.y);
  for (const bool decay : {false, true}) {
    std::vector<std::pair<std::string, std::string>> paths;
    for (std::size_t k = 0; k < alphas.size(); ++k) {
      common::Run r;
      r.schedule = decay ? optim::Schedule::exponential(alphas[k], p.number("decay"))
                         : optim::Schedule::fixed_rate(alphas[k]);
      r.iterations = iterations;
      r.record_every = record_every;
      r.keep_last = 2;  // a fixed-α run ends on a 2-cycle: keep both of its points
      const auto run = common::run(C, r, x0);
      const std::string name = std::string(decay ? "decay" : "fixed") + "_" + std::to_string(k);
      common::add_checkpoints(result, table, name, run, {1, 10, 100, 1000, 10000, 100000});
      common::add_path(result, name, run);
      paths.emplace_back(name, "α = " + short_number(alphas[k]));
      common::report_divergence(result, name, run,
                                {"checkpoints", "last iterates", name, "values"});
      const auto n = run.iterates.size();
      for (std::size_t j = n < 2 ? 0 : n - 2; j < n; ++j) {
        const auto& it = run.iterates[j];
        ends.push_back({name, double(it.t), it.theta(0), it.theta(1), it.value});
      }
      result.value("iterations_" + name, run.status.iterations);
    }
    auto panel =
        common::plane_panel(decay ? "(b) α⁽ᵗ⁾ = α·0.99ᵗ" : "(a) fixed α", paths, "minimizer");
    panel.layers.push_back(common::contour_layer("landscape", common::exp_levels(-15, 6.8, 0.5)));
    common::frame(panel, box);
    figure.panels.push_back(panel);
  }
  auto& last = result.table("last iterates", {"run", "t", "theta1", "theta2", "C(theta)"});
  for (auto& row : ends) last.add(std::move(row));
  result.add_series("minimizer", {"theta1", "theta2"}).add({1.0, 1.0});
  result.figures.push_back(figure);
  return result;
}
//! [figure-4.2]

app::Item figure_4_2_item() {
  return {"figure-4.2",
          "Gradient descent on Rosenbrock with fixed and exponentially decaying alpha",
          "MEDL §4.2, Figure 4.2, p. 131",
          {common::x0_param("0.2,-0.2", Provenance::book),
           Param::vector("alphas", "0.005,0.0025", Provenance::authors,
                         "the learning rates of the runs", 1, 4, Interval::greater_than(0)),
           Param::number("decay", "0.99", Provenance::book, "panel (b): alpha(t) = alpha decay^t",
                         Interval{0, 1, true, false}),
           common::iterations_param("100000", Provenance::book),
           Param::integer("record_every", "100", Provenance::companion,
                          "keep every k-th iterate for the figure", Interval::closed(1, 1e6)),
           common::box_param("-0.3,1.1,-0.3,1.1", Provenance::authors),
           common::contour_grid_param("91", Provenance::companion)},
          figure_4_2,
          /*errata=*/common::errata({"medl-figure-4-2"})};
}

// --- figure-4.3 ---------------------------------------------------------------------

// Whether θ lies in the convex polygon with vertices `u` in order (either orientation).
bool inside_convex_polygon(const std::vector<vector>& u, double x, double y) {
  int sign = 0;
  for (std::size_t i = 0; i < u.size(); ++i) {
    const auto& a = u[i];
    const auto& b = u[(i + 1) % u.size()];
    const double cross = (b(0) - a(0)) * (y - a(1)) - (b(1) - a(1)) * (x - a(0));
    if (cross == 0) continue;
    const int s = cross > 0 ? 1 : -1;
    if (sign != 0 && s != sign) return false;
    sign = s;
  }
  return true;
}

//! [figure-4.3]
void sgd_panel(Result& result, const problems::QuadraticSum& C, const std::string& panel,
               const Params& p, report::Table& table) {
  const auto x0 = descent::to_vector(p.vector("x0"));
  optim::DescentOptions o;
  o.stop.max_iterations = static_cast<int>(p.integer("iterations"));
  o.schedule = optim::Schedule::fixed_rate(p.number("alpha"));
  auto gd_rule = optim::make_rule("gd");
  auto sgd_rule = optim::make_rule("gd");
  const auto gd = optim::descend(C, *gd_rule, x0, o);
  optim::Sampling sampling;  // one index uniform on {1..n} per step: (4.10)–(4.11)
  sampling.with_replacement = true;
  sampling.seed = static_cast<std::uint64_t>(p.integer("seed"));
  if (p.flag("numpy_stream"))  // the authors' np.random.seed + choice(5): their path
    sampling.stream = optim::Sampling::Stream::numpy_legacy;
  const auto sgd = optim::descend_stochastic(C, *sgd_rule, x0, o, sampling);
  common::add_path(result, "gd_" + panel, gd);
  common::add_path(result, "sgd_" + panel, sgd);
  common::add_checkpoints(result, table, "gd_" + panel, gd, {1, 10, 100, 1000});
  common::add_checkpoints(result, table, "sgd_" + panel, sgd, {1, 10, 100, 1000});
  common::report_divergence(result, "gd_" + panel, gd, {"checkpoints", "gd_" + panel, "values"});
  common::report_divergence(result, "sgd_" + panel, sgd, {"checkpoints", "sgd_" + panel, "values"});
  // Where SGD settles: the mean of its iterates after a burn-in, and how often it is
  // inside the convex hull S of the individual minimizers u_i (not for a run that diverged).
  const int burn_in = static_cast<int>(p.integer("burn_in"));
  double m0 = 0, m1 = 0, inside = 0, count = 0;
  for (const auto& it : sgd.iterates)
    if (it.t >= burn_in) {
      m0 += it.theta(0);
      m1 += it.theta(1);
      inside += inside_convex_polygon(C.centres(), it.theta(0), it.theta(1)) ? 1 : 0;
      ++count;
    }
  if (sgd.status.reason != StopReason::diverged) {
    result.value("sgd_mean1_" + panel, m0 / count);
    result.value("sgd_mean2_" + panel, m1 / count);
    result.value("sgd_inside_hull_" + panel, inside / count);
  }
  const auto star = *C.minimizer();
  result.value("theta1_star_" + panel, star(0));
  result.value("theta2_star_" + panel, star(1));
  auto& hull = result.add_series("hull_" + panel, {"theta1", "theta2"});
  for (std::size_t i = 0; i <= C.centres().size(); ++i) {
    const auto& u = C.centres()[i % C.centres().size()];
    hull.add({u(0), u(1)});
  }
}
//! [figure-4.3]

Result figure_4_3(const Params& p) {
  const auto box = common::box_from(p);
  if (p.integer("burn_in") >= p.integer("iterations"))
    throw invalid_argument(
        "burn_in = " + std::to_string(p.integer("burn_in")) + " leaves no SGD iterate of the " +
        std::to_string(p.integer("iterations")) + " for the mean; allowed: burn_in < iterations");
  Result result;
  auto& table = result.table("checkpoints", common::checkpoint_columns());
  sgd_panel(result, problems::QuadraticSum::figure_4_3a(), "a", p, table);
  sgd_panel(result, problems::QuadraticSum::figure_4_3b(), "b", p, table);
  report::Figure figure{"figure-4.3",
                        "Figure 4.3: GD and SGD on the finite sum (4.12)",
                        {},
                        "SGD draws its indices from numpy's legacy stream with the authors' "
                        "seed, so its path is the authors' (numpy_stream=no: descent's Rng)."};
  for (const std::string panel : {"a", "b"}) {
    auto axes = common::plane_panel(
        panel == "a" ? "(a) distinct minimizers uᵢ" : "(b) identical minimizers uᵢ = (2, 2)",
        {{"gd_" + panel, "GD"}, {"sgd_" + panel, "SGD"}});
    axes.layers.push_back({"hull_" + panel, "theta1", "theta2", report::Layer::Style::linespoints,
                           "convex hull S of the uᵢ"});
    // Contours of C at e^k, k = -3, -2.75, ..., 4.5 (the authors' levels, every other one
    // of their steps of 0.1 in the range drawn).
    const auto C = panel == "a" ? problems::QuadraticSum::figure_4_3a()
                                : problems::QuadraticSum::figure_4_3b();
    common::add_grid(result, "landscape_" + panel, C, box.x, box.y);
    axes.layers.push_back(
        common::contour_layer("landscape_" + panel, common::exp_levels(-3, 4.5, 0.25)));
    common::frame(axes, box);
    figure.panels.push_back(axes);
  }
  result.figures.push_back(figure);
  return result;
}

app::Item figure_4_3_item() {
  return {"figure-4.3",
          "GD against SGD on the finite sum (4.12), with the convex hull S",
          "MEDL §4.2, Eq. (4.12) and Figure 4.3, p. 133",
          {common::x0_param("6,6", Provenance::authors),
           common::alpha_param("0.01", Provenance::authors),
           common::iterations_param("1000", Provenance::authors, 1e5),
           Param::integer("seed", "0", Provenance::authors, "seed of the SGD index stream",
                          Interval::closed(0, 1e9)),
           Param::flag("numpy_stream", true, Provenance::authors,
                       "yes: numpy's legacy stream (the authors' exact SGD path); no: "
                       "descent's Rng"),
           Param::integer("burn_in", "200", Provenance::companion,
                          "SGD iterates before this t are left out of the mean",
                          Interval::closed(0, 1e5)),
           common::box_param("0,6.5,0,6.5", Provenance::companion),
           common::contour_grid_param("66", Provenance::companion)},
          figure_4_3};
}

// --- eq-4.13 ------------------------------------------------------------------------

// The most indices eq-4.13 draws in all (draws x the sum of the batch sizes): about
// 15 seconds on this machine.
constexpr double kMostIndices = 1e8;

//! [eq-4.13]
Result minibatch_variance(const Params& p) {
  double indices = 0;
  for (const double nb : p.vector("batch_sizes")) indices += double(p.integer("draws")) * nb;
  if (indices > kMostIndices)
    throw invalid_argument("draws x (sum of batch_sizes) = " + short_number(indices) +
                           " indices; allowed: at most " + short_number(kMostIndices));
  const auto C = problems::QuadraticSum::figure_4_3a();
  const auto theta = descent::to_vector(p.vector("theta"));
  const std::size_t n = C.samples();
  // The exact population moments of one sampled gradient ∇C_I(θ), I uniform.
  vector g, mean = xt::zeros<double>({2}), var = xt::zeros<double>({2});
  for (std::size_t i = 0; i < n; ++i) {
    C.sample_gradient(theta, i, g);
    mean += g / double(n);
  }
  for (std::size_t i = 0; i < n; ++i) {
    C.sample_gradient(theta, i, g);
    var += (g - mean) * (g - mean) / double(n);
  }
  Result result;
  auto& table = result.table("variance", {"n_b", "mean1", "mean2", "Var1 measured",
                                          "Var1 exact/n_b", "Var2 measured", "Var2 exact/n_b"});
  Rng rng(static_cast<std::uint64_t>(p.integer("seed")));
  const auto draws = p.integer("draws");
  for (const double nb_value : p.vector("batch_sizes")) {
    const auto nb = static_cast<std::size_t>(nb_value);
    std::vector<std::size_t> batch(nb);
    double s0 = 0, s1 = 0, q0 = 0, q1 = 0;
    for (long k = 0; k < draws; ++k) {
      for (auto& i : batch) i = rng.below(n);  // with replacement
      C.batch_gradient(theta, batch, g);       // (4.13)
      s0 += g(0);
      s1 += g(1);
      q0 += g(0) * g(0);
      q1 += g(1) * g(1);
    }
    const double m0 = s0 / draws, m1 = s1 / draws;
    const double v0 = q0 / draws - m0 * m0, v1 = q1 / draws - m1 * m1;
    table.add({nb_value, m0, m1, v0, var(0) / nb_value, v1, var(1) / nb_value});
    const std::string k = std::to_string(nb);
    result.value("var1_" + k, v0);
    result.value("var2_" + k, v1);
    result.value("mean1_" + k, m0);
  }
  result.value("exact_mean1", mean(0));
  result.value("exact_mean2", mean(1));
  result.value("exact_var1", var(0));
  result.value("exact_var2", var(1));
  return result;
}
//! [eq-4.13]

app::Item minibatch_variance_item() {
  return {
      "eq-4.13",
      "Mini-batch gradients are unbiased with variance proportional to 1/n_b",
      "MEDL §4.2, Eq. (4.13), p. 134",
      {Param::vector("theta", "6,6", Provenance::companion, "where the gradients are taken", 2, 2,
                     Interval::closed(-1e6, 1e6)),
       Param::vector("batch_sizes", "1,2,5,10", Provenance::companion, "values of n_b", 1, 10,
                     Interval::closed(1, 1000)),
       Param::integer("draws", "20000", Provenance::companion, "mini-batches drawn per n_b",
                      Interval::closed(10, 1e7)),
       Param::integer("seed", "1", Provenance::companion, "random seed", Interval::closed(0, 1e9))},
      minibatch_variance};
}

}  // namespace

void add_section_4_2(app::Chapter& chapter) {
  chapter.add(figure_4_2_item());
  chapter.add(figure_4_3_item());
  chapter.add(minibatch_variance_item());
  chapter.add(figure_4_4_item());  // s4_2_early_stopping.cpp
  chapter.add(figure_4_5_item());  // s4_2_figure_4_5_landscape.cpp
}

}  // namespace descent::chapters::medl04
